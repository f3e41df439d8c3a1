/**
 * Model-based tests with xstate/graph: every reachable state of every workflow is explored and
 * checked, not a few hand-picked paths.
 *
 * To keep the state space finite and small, the model offers a reduced but complete set of
 * officer moves: items are ticked in their listed order (so every prefix of a checklist is
 * visited — enough to test "all mandatory ticked" guards), the next item can instead be marked
 * missing and the last ticked one unticked (reopening a completed step), facts are set at the
 * first stage as whole scenarios and changed once more late (in the issuing stage, or refused
 * after issuance), evidence is offered as insufficient and as sufficient, and a case is
 * returned to the applicant at most once. Premature moves (advance, approve, complete, portal
 * "issued") are offered in every state, so the guards are tested everywhere.
 */
import { describe, expect, it, vi } from 'vitest';
import { transition } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import {
  applies,
  CATALOG,
  type Condition,
  createCalendar,
  createEngine,
  createPermitMachine,
  findRegion,
  isSufficientEvidence,
  type MachineRegion,
  type PermitContext,
  type PermitDefinition,
  type PermitEvent,
} from '../../../machines';
import { MINI } from './fixtures/mini';

// Exhaustive by design: each test walks every reachable state of a workflow (a case adopted at a
// later stage doubles that space), so on a busy 2-core CI machine one can take several seconds.
// Time is not what these tests check.
vi.setConfig({ testTimeout: 60_000 });

const AT = '2026-11-02T09:00:00+07:00';
const GOOD = {
  id: 'ev-ok',
  capturedAt: AT,
  position: { lat: -6.2, lon: 106.8, source: 'gps' as const },
  photos: [{ sha256: 'b'.repeat(64) }],
  result: 'sesuai' as const,
  inspectors: ['Tim'],
};
const WEAK = { ...GOOD, id: 'ev-weak', photos: [] };

type Snap = { value: unknown; context: PermitContext; status: string };

function textValues(condition: Condition | undefined, fact: string, out: Set<string>) {
  if (!condition) return;
  if ('all' in condition) for (const c of condition.all) textValues(c, fact, out);
  else if ('any' in condition) for (const c of condition.any) textValues(c, fact, out);
  else if ('not' in condition) textValues(condition.not, fact, out);
  else if (condition.fact === fact) {
    for (const v of Array.isArray(condition.value) ? condition.value : [condition.value]) {
      if (typeof v === 'string') out.add(v);
    }
  }
}

/** Whole fact scenarios: most demanding, least demanding, and one per text value used. */
function scenarios(d: PermitDefinition): Record<string, boolean | number | string>[] {
  const conditions = d.stages.flatMap((s) =>
    s.steps.flatMap((t) => [t.when, ...t.checklist.map((i) => i.when)]),
  );
  const values = (fact: string) => {
    const out = new Set<string>();
    for (const c of conditions) textValues(c, fact, out);
    return [...out];
  };
  const high: Record<string, boolean | number | string> = {};
  const low: Record<string, boolean | number | string> = {};
  for (const f of d.facts) {
    if (f.type === 'boolean') {
      high[f.id] = true;
      low[f.id] = false;
    } else if (f.type === 'number') {
      high[f.id] = 10;
      low[f.id] = 1;
    } else {
      const vs = values(f.id);
      high[f.id] = vs[0] ?? 'x';
      low[f.id] = vs.at(-1) ?? 'y';
    }
  }
  const out = [high, low];
  for (const f of d.facts.filter((x) => x.type === 'text')) {
    for (const v of values(f.id)) out.push({ ...low, [f.id]: v });
  }
  return d.facts.length ? out : [];
}

function stageIndexOf(d: PermitDefinition, snap: Snap): number {
  const v = snap.value as Record<string, string> | string;
  return typeof v === 'object' ? d.stages.findIndex((s) => s.id === v.processing) : -1;
}

function issuingOf(d: PermitDefinition): number {
  const firstAfter = d.stages.findIndex((s) => s.afterIssuance);
  return firstAfter === -1 ? d.stages.length - 1 : firstAfter - 1;
}

function eventsFor(d: PermitDefinition) {
  const facts = scenarios(d);
  return (snap: Snap): PermitEvent[] => {
    const ctx = snap.context;
    const e = (x: Record<string, unknown>) => ({ at: AT, ...x }) as PermitEvent;
    if (snap.value === 'awaitingCorrection')
      return [e({ type: 'applicant.resubmitted' }), e({ type: 'case.reject', reason: 'r' })];
    const i = stageIndexOf(d, snap);
    if (i < 0) return [];
    const out: PermitEvent[] = [
      e({ type: 'stage.advance' }),
      e({ type: 'case.approve' }),
      e({ type: 'case.close' }),
      e({ type: 'portal.statusSeen', status: 'Terbit', outcome: 'issued' }),
    ];
    const next = d.stages[i + 1];
    if (next) out.push(e({ type: 'portal.statusSeen', status: next.name.id, stageId: next.id }));
    if (d.stages[i]?.allowsReject) out.push(e({ type: 'case.reject', reason: 'r' }));
    if (d.stages[i]?.allowsReturn && ctx.returns.length === 0)
      out.push(e({ type: 'case.returnToApplicant', reason: 'r' }));
    if (i === 0 && Object.keys(ctx.facts).length === 0) {
      for (const f of facts) out.push(e({ type: 'case.setFacts', facts: f }));
    }
    // Late facts: the most demanding scenario, once the case is at or past the issuing stage.
    const [high, low] = facts;
    if (high && low && i >= issuingOf(d) && JSON.stringify(ctx.facts) === JSON.stringify(low)) {
      out.push(e({ type: 'case.setFacts', facts: high }));
    }
    for (const [k, stage] of d.stages.slice(0, i + 1).entries()) {
      const current = k === i;
      for (const step of stage.steps) {
        if (!applies(step.when, ctx.facts)) continue;
        const open = step.checklist.filter((it) => applies(it.when, ctx.facts));
        const pending = open.find((it) => ctx.items[it.id]?.status !== 'ticked');
        if (pending) out.push(e({ type: 'checklist.tick', itemId: pending.id }));
        // Missing and untick only in the current stage (and for mandatory items, which must
        // be ticked later anyway), so the state space stays small.
        if (current && pending && pending === open[0] && pending.mandatory && !ctx.items[pending.id]) {
          out.push(e({ type: 'checklist.markMissing', itemId: pending.id, note: 'n' }));
        }
        const lastTicked = open.filter((it) => ctx.items[it.id]?.status === 'ticked').at(-1);
        const completed = Boolean(ctx.steps[step.id]?.completedAt);
        if (lastTicked && completed && (current || i > issuingOf(d))) {
          out.push(e({ type: 'checklist.untick', itemId: lastTicked.id }));
        }
        const evidence = ctx.steps[step.id]?.evidence ?? [];
        if (step.facts.sitePresence && evidence.length === 0) {
          out.push(e({ type: 'evidence.attach', stepId: step.id, evidence: WEAK }));
          out.push(e({ type: 'evidence.attach', stepId: step.id, evidence: GOOD }));
        }
        if (step.facts.sitePresence && evidence.length === 1 && !isSufficientEvidence(evidence[0] as never)) {
          out.push(e({ type: 'evidence.attach', stepId: step.id, evidence: GOOD }));
        }
        if (!ctx.steps[step.id]?.completedAt) out.push(e({ type: 'step.complete', stepId: step.id }));
      }
    }
    return out;
  };
}

// Only what the guards read; times and the portal's last text do not change behaviour.
const serialize = (snap: Snap) =>
  JSON.stringify([
    snap.value,
    snap.context.facts,
    Object.entries(snap.context.items)
      .map(([k, it]) => `${k}:${it.status}`)
      .sort(),
    Object.entries(snap.context.steps)
      .map(([k, s]) => [k, Boolean(s.completedAt), s.evidence.map((x) => x.id)])
      .sort(),
    snap.context.returnedFrom ?? null,
    snap.context.returns.length,
    snap.context.adopted?.stageId ?? null,
  ]);

/**
 * The invariant: once issued, every applicable step up to the issuing stage is done, every
 * mandatory item ticked and every field step has evidence; once closed, the same for all stages.
 * A case adopted from the portal at a later stage answers for its work from that stage on.
 */
function violations(d: PermitDefinition, ctx: PermitContext, upto: number): string[] {
  const out: string[] = [];
  const from = ctx.adopted ? d.stages.findIndex((s) => s.id === ctx.adopted?.stageId) : 0;
  if (from < 0) return [`adopted at unknown stage ${ctx.adopted?.stageId}`];
  for (const stage of d.stages.slice(from, upto + 1)) {
    for (const step of stage.steps) {
      if (!applies(step.when, ctx.facts)) continue;
      if (!ctx.steps[step.id]?.completedAt) out.push(`step ${step.id} not complete`);
      for (const it of step.checklist) {
        if (it.mandatory && applies(it.when, ctx.facts) && ctx.items[it.id]?.status !== 'ticked')
          out.push(`item ${it.id} unticked`);
      }
      if (step.facts.sitePresence && !(ctx.steps[step.id]?.evidence ?? []).some(isSufficientEvidence)) {
        out.push(`field step ${step.id} without evidence`);
      }
    }
  }
  return out;
}

const calendar = createCalendar();
const engine = createEngine({ definitions: [...CATALOG, MINI], calendar });
const region = findRegion('31') as MachineRegion;

describe.each([...CATALOG, MINI].map((d) => [d.id, d] as const))('model of %s', (_id, definition) => {
  const machine = createPermitMachine(definition, { region, calendar, date: '2026-11-28' });
  const options = {
    input: { receivedAt: AT },
    events: eventsFor(definition) as never,
    serializeState: serialize as never,
  };
  const map = getAdjacencyMap(machine, options);
  const states = Object.values(map).map((x) => x.state as unknown as Snap);

  it('explores a real state space, including documents marked missing', () => {
    expect(states.length).toBeGreaterThan(definition.stages.length * 2);
    expect(states.some((s) => Object.values(s.context.items).some((it) => it.status === 'missing'))).toBe(
      true,
    );
  });

  const firstAfter = definition.stages.findIndex((s) => s.afterIssuance);
  const issuing = firstAfter === -1 ? definition.stages.length - 1 : firstAfter - 1;
  const finalState = firstAfter === -1 ? 'issued' : 'closed';

  it('never reaches issuance with a mandatory item unticked or a field step without evidence', () => {
    const issued = states.filter((s) => s.context.decision?.kind === 'issued');
    expect(issued.length).toBeGreaterThan(0);
    for (const s of issued) expect(violations(definition, s.context, issuing)).toEqual([]);
    const done = states.filter((s) => s.value === finalState);
    expect(done.length).toBeGreaterThan(0);
    for (const s of done) expect(violations(definition, s.context, definition.stages.length - 1)).toEqual([]);
  });

  it('adopts a case at a later stage only before issuance, from the portal’s own status', () => {
    const adopted = states.filter((s) => s.context.adopted);
    if (issuing >= 1) expect(adopted.length).toBeGreaterThan(0);
    for (const s of adopted) {
      const at = definition.stages.findIndex((st) => st.id === s.context.adopted?.stageId);
      expect(at).toBeGreaterThanOrEqual(1);
      expect(at).toBeLessThanOrEqual(issuing);
      // Adopted means the portal's first status moved it: it was seen in sync then.
      expect(s.context.adopted?.status).toBe(definition.stages[at]?.name.id);
    }
  });

  it('reaches every state of the chart', () => {
    const seen = new Set(
      states.map((s) => (typeof s.value === 'string' ? s.value : Object.values(s.value as object)[0])),
    );
    const expected = [...definition.stages.map((s) => s.id), finalState, 'rejected'];
    if (definition.stages.some((s) => s.allowsReturn)) expected.push('awaitingCorrection');
    for (const id of expected) expect(seen.has(id), id).toBe(true);
  });

  it('survives a persisted round trip in every reachable state', () => {
    for (const s of states) {
      const persisted = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s as never))) as Snap;
      const restored = machine.resolveState({
        value: persisted.value,
        context: persisted.context,
      } as never) as unknown as Snap;
      expect(restored.value).toEqual(s.value);
      expect(restored.context).toEqual(s.context);
      expect(restored.status).toBe(s.status);
    }
  });

  it('explains a refusal exactly when the machine refuses, in every reachable state', () => {
    const offer = eventsFor(definition);
    for (const s of states) {
      const persisted = {
        format: 1 as const,
        id: 'M',
        permitId: definition.id,
        machineVersion: definition.version,
        region: '31',
        createdAt: AT,
        updatedAt: AT,
        seq: 0,
        value: s.value as never,
        context: s.context,
      };
      for (const event of offer(s)) {
        const [next] = transition(machine, s as never, event);
        const why = engine.explain({ persisted, snapshot: s as never }, event);
        expect(why === null, `${JSON.stringify(s.value)} ${event.type} ${why?.code ?? ''}`).toBe(
          next !== (s as never),
        );
      }
    }
  });

  it('has a shortest path to the end that passes every stage in order', () => {
    const [path] = getShortestPaths(machine, {
      ...options,
      toState: ((s: Snap) => s.value === finalState) as never,
    });
    expect(path).toBeDefined();
    const stagesVisited = (path?.steps ?? [])
      .map((step) => (step.state as unknown as Snap).value)
      .filter((v): v is { processing: string } => typeof v === 'object')
      .map((v) => v.processing);
    const order = [...new Set(stagesVisited)].map((id) => definition.stages.findIndex((s) => s.id === id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
