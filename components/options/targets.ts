/**
 * The output targets form's rules, apart from the form so they can be tested alone: what was
 * typed stays as typed, each field gets its own message, and only whole numbers from 0 to the
 * stored shape's maximum (SETTING_SCHEMAS.targets) are sent.
 */
import { type SettingValue, settingProblem } from '../../utils/db/settings';
import type { DashboardKey } from '../../utils/i18n/dashboard';
import { OUTPUT_KINDS, type OutputKind } from '../../utils/outputs/outputs';

export type Targets = SettingValue<'targets'>;
export type Period = keyof Targets;
export const PERIODS: readonly Period[] = ['daily', 'weekly'];
export type TargetField = `${Period}.${OutputKind}`;

/** Exactly what was typed, per field. */
export type TargetsDraft = Record<Period, Record<OutputKind, string>>;

export interface TargetProblem {
  key: DashboardKey;
  params?: Record<string, string | number>;
}

/** SETTING_SCHEMAS.targets' maximum per count. */
export const MAX_TARGET = 10_000;

export const fieldsOf = (): TargetField[] =>
  PERIODS.flatMap((p) => OUTPUT_KINDS.map((k) => `${p}.${k}` as const));

const zeros = (): Record<OutputKind, string> => ({ steps: '0', advances: '0', visits: '0' });

/** The stored value as a draft; nothing stored (or a value that no longer reads) gives zeros. */
export function targetsDraft(stored: unknown): TargetsDraft {
  if (stored === undefined || settingProblem('targets', stored) !== null)
    return { daily: zeros(), weekly: zeros() };
  const t = stored as Targets;
  const text = (c: Targets[Period]) => ({
    steps: String(c.steps),
    advances: String(c.advances),
    visits: String(c.visits),
  });
  return { daily: text(t.daily), weekly: text(t.weekly) };
}

function problemOf(typed: string): TargetProblem | undefined {
  const value = typed.trim();
  if (value === '') return { key: 'targets.empty' };
  if (!/^\d+$/.test(value)) return { key: 'targets.notWhole' };
  if (Number(value) > MAX_TARGET) return { key: 'targets.tooBig', params: { max: MAX_TARGET } };
  return undefined;
}

/** The draft as the value to store, or a problem per field (in form order). */
export function checkTargets(
  draft: TargetsDraft,
): { ok: true; value: Targets } | { ok: false; problems: Partial<Record<TargetField, TargetProblem>> } {
  const problems: Partial<Record<TargetField, TargetProblem>> = {};
  for (const period of PERIODS) {
    for (const kind of OUTPUT_KINDS) {
      const problem = problemOf(draft[period][kind]);
      if (problem) problems[`${period}.${kind}`] = problem;
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const counts = (p: Period) => ({
    steps: Number(draft[p].steps.trim()),
    advances: Number(draft[p].advances.trim()),
    visits: Number(draft[p].visits.trim()),
  });
  const value: Targets = { daily: counts('daily'), weekly: counts('weekly') };
  // The stored shape has the last word.
  if (settingProblem('targets', value) !== null)
    return { ok: false, problems: { 'daily.steps': { key: 'targets.notWhole' } } };
  return { ok: true, value };
}
