/**
 * An officer's outputs, counted from the event log (DOMAIN.md §6: judged by what was done and
 * by deadlines, never by where or how long someone sat). Pure: the dashboard counts the local
 * log with it, and the signed activity report carries what it counted.
 *
 * What counts (our judgement, kept in one place so the dashboard and reports agree):
 * - a step completed: `step.complete`;
 * - a case advanced: `stage.advance`, `case.approve` (the permit is issued) or `case.close`;
 * - a field visit: `evidence.attach` (one recorded site visit with its evidence).
 * Events without an author (`officer` null: no identity set yet) count under ''.
 */
import { addDays } from '../../machines';

export interface OutputCounts {
  steps: number;
  advances: number;
  visits: number;
}

export type OutputKind = keyof OutputCounts;
export const OUTPUT_KINDS: readonly OutputKind[] = ['steps', 'advances', 'visits'];

/** The part of a log entry counting needs (an EventRow has it). */
export interface CountableEvent {
  caseId: string;
  officer: string | null;
  /** The event's own zoned timestamp: its first ten characters are the officer's local date. */
  at: string;
  event?: { type: string };
}

export interface OfficerOutputs {
  officer: string;
  total: OutputCounts;
  /** Local date (YYYY-MM-DD) → counts, only days with output. */
  byDay: Record<string, OutputCounts>;
  /** Monday of the week (YYYY-MM-DD) → counts. */
  byWeek: Record<string, OutputCounts>;
  /** Distinct cases the officer did any counted work on. */
  cases: number;
}

const KIND_OF: Record<string, OutputKind> = {
  'step.complete': 'steps',
  'stage.advance': 'advances',
  'case.approve': 'advances',
  'case.close': 'advances',
  'evidence.attach': 'visits',
};

export const emptyCounts = (): OutputCounts => ({ steps: 0, advances: 0, visits: 0 });

/** What an event counts as, or null when it is not an output. */
export function outputKind(type: string | undefined): OutputKind | null {
  return type ? (KIND_OF[type] ?? null) : null;
}

/** The Monday on or before a date (weeks run Monday to Sunday, as Indonesian offices count them). */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, day === 0 ? -6 : 1 - day);
}

function bump(table: Record<string, OutputCounts>, key: string, kind: OutputKind): void {
  const counts = table[key] ?? emptyCounts();
  counts[kind] += 1;
  table[key] = counts;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Counts outputs per officer for events whose local date lies in [from, to] (inclusive, either
 * bound optional). Officers come back ordered by name.
 */
export function countOutputs(
  events: Iterable<CountableEvent>,
  period: { from?: string; to?: string } = {},
): OfficerOutputs[] {
  const byOfficer = new Map<string, OfficerOutputs & { caseIds: Set<string> }>();
  for (const entry of events) {
    const kind = outputKind(entry.event?.type);
    if (!kind) continue;
    const date = entry.at.slice(0, 10);
    if (!DATE.test(date)) continue;
    if (period.from && date < period.from) continue;
    if (period.to && date > period.to) continue;
    const officer = entry.officer ?? '';
    let o = byOfficer.get(officer);
    if (!o) {
      o = { officer, total: emptyCounts(), byDay: {}, byWeek: {}, cases: 0, caseIds: new Set() };
      byOfficer.set(officer, o);
    }
    o.total[kind] += 1;
    bump(o.byDay, date, kind);
    bump(o.byWeek, weekOf(date), kind);
    o.caseIds.add(entry.caseId);
  }
  return [...byOfficer.values()]
    .map(({ caseIds, ...o }) => ({ ...o, cases: caseIds.size }))
    .sort((a, b) => a.officer.localeCompare(b.officer));
}

/** Adds counts (e.g. one officer's outputs from two reports). */
export function addCounts(a: OutputCounts, b: OutputCounts): OutputCounts {
  return { steps: a.steps + b.steps, advances: a.advances + b.advances, visits: a.visits + b.visits };
}

/** How far counts reach a target, per kind: done, target and whether it is met (a 0 target is always met). */
export function againstTarget(
  done: OutputCounts,
  target: OutputCounts,
): Record<OutputKind, { done: number; target: number; met: boolean }> {
  const row = (k: OutputKind) => ({ done: done[k], target: target[k], met: done[k] >= target[k] });
  return { steps: row('steps'), advances: row('advances'), visits: row('visits') };
}
