/**
 * Each officer's outputs today and this week (Monday–Sunday) from the local event log, against
 * the supervisor's targets. Counting is utils/outputs/outputs.ts's, so the dashboard and the
 * signed activity reports agree; this only picks the day and week and compares.
 */
import { addDays } from '../../machines';
import type { SettingValue } from '../../utils/db/settings';
import {
  againstTarget,
  type CountableEvent,
  countOutputs,
  emptyCounts,
  type OutputCounts,
  type OutputKind,
  weekOf,
} from '../../utils/outputs/outputs';

export type Targets = SettingValue<'targets'>;
export type Officer = SettingValue<'officer'>;
export type Progress = Record<OutputKind, { done: number; target: number; met: boolean }>;

export interface OfficerProgress {
  /** NIP or name as the events carry it ('' for events made before an identity was set). */
  officer: string;
  today: OutputCounts;
  week: OutputCounts;
  /** Against the targets; null when no targets are set. */
  daily: Progress | null;
  weekly: Progress | null;
}

export interface OutputsView {
  today: string;
  /** Monday and Sunday of this week. */
  week: { from: string; to: string };
  officers: OfficerProgress[];
}

/** Monday and Sunday of the week of `date`. */
export function weekRange(date: string): { from: string; to: string } {
  const from = weekOf(date);
  return { from, to: addDays(from, 6) };
}

/**
 * Outputs per officer for today and this week. The local identity is listed even without
 * output this week when targets are set, so "0 of 5" shows rather than nothing.
 */
export function outputsView(
  events: Iterable<CountableEvent>,
  today: string,
  targets: Targets | undefined,
  identity?: Pick<Officer, 'name' | 'nip'>,
): OutputsView {
  const week = weekRange(today);
  const counted = countOutputs(events, week);
  const me = identity ? identity.nip || identity.name : '';
  if (targets && me && !counted.some((o) => o.officer === me)) {
    counted.push({ officer: me, total: emptyCounts(), byDay: {}, byWeek: {}, cases: 0 });
    counted.sort((a, b) => a.officer.localeCompare(b.officer));
  }
  const officers = counted.map((o): OfficerProgress => {
    const day = o.byDay[today] ?? emptyCounts();
    const thisWeek = o.byWeek[week.from] ?? emptyCounts();
    return {
      officer: o.officer,
      today: day,
      week: thisWeek,
      daily: targets ? againstTarget(day, targets.daily) : null,
      weekly: targets ? againstTarget(thisWeek, targets.weekly) : null,
    };
  });
  return { today, week, officers };
}

/** Whether every kind with a target is met. */
export function allMet(progress: Progress): boolean {
  return Object.values(progress).every((p) => p.met);
}

/** True when at least one target is above zero (all zeros say nothing). */
export function hasTargets(targets: Targets | undefined): targets is Targets {
  if (!targets) return false;
  return [...Object.values(targets.daily), ...Object.values(targets.weekly)].some((n) => n > 0);
}

/**
 * How an officer is shown: the local identity's name for its own NIP (or name), the NIP or
 * name the events carry otherwise; null for events made without any identity.
 */
export function officerLabel(officer: string, identity?: Pick<Officer, 'name' | 'nip'>): string | null {
  if (!officer) return null;
  if (identity?.name && identity.nip && officer === identity.nip) return `${identity.name} (${officer})`;
  return officer;
}
