/**
 * Conditions on case facts, evaluated with three values: true, false, or unknown when a fact
 * it needs has not been set yet. Rule: an unknown condition counts as applicable, so missing
 * facts never shrink what the officer must check (our judgement: a conservative default).
 */
import type { CaseFacts, Condition } from './types';

export type Truth = true | false | 'unknown';

export function evaluateCondition(condition: Condition, facts: CaseFacts): Truth {
  if ('all' in condition) {
    let result: Truth = true;
    for (const c of condition.all) {
      const r = evaluateCondition(c, facts);
      if (r === false) return false;
      if (r === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = false;
    for (const c of condition.any) {
      const r = evaluateCondition(c, facts);
      if (r === true) return true;
      if (r === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('not' in condition) {
    const r = evaluateCondition(condition.not, facts);
    return r === 'unknown' ? 'unknown' : !r;
  }
  const actual = facts[condition.fact];
  if (actual === undefined) return 'unknown';
  if (condition.op === 'in') return condition.value.includes(actual);
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'lt':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
  }
}

/** Whether something guarded by `when` applies: yes unless the condition is definitely false. */
export function applies(when: Condition | undefined, facts: CaseFacts): boolean {
  return when === undefined || evaluateCondition(when, facts) !== false;
}

/** Fact ids a condition reads (for the UI: "set these facts to narrow the checklist"). */
export function factsIn(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return [...new Set(condition.all.flatMap(factsIn))];
  if ('any' in condition) return [...new Set(condition.any.flatMap(factsIn))];
  if ('not' in condition) return factsIn(condition.not);
  return [condition.fact];
}

/** Human-readable form, e.g. `storeys > 2`, for docs and reasons. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' ∧ ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' ∨ ')})`;
  if ('not' in condition) return `¬(${describeCondition(condition.not)})`;
  const ops = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: '∈' } as const;
  const value = Array.isArray(condition.value)
    ? `{${condition.value.map((x) => JSON.stringify(x)).join(', ')}}`
    : JSON.stringify(condition.value);
  return `${condition.fact} ${ops[condition.op]} ${value}`;
}
