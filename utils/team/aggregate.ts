/**
 * The team view: imported activity reports (and the local officer's own log, as a report made
 * now) aggregated per officer. Pure.
 *
 * Overlap (our judgement): two reports of the same officer may cover the same days (a weekly
 * report and a monthly one, or a report exported again later). Per day, the report generated
 * last among those covering the day is the one that counts, including when it says the day had
 * no output; nothing is added twice. Weeks are summed from the merged days, and each case is
 * taken from the last report that lists it.
 */
import type { SlaStatus } from '../../machines';
import {
  addCounts,
  againstTarget,
  emptyCounts,
  type OutputCounts,
  type OutputKind,
  weekOf,
} from '../outputs/outputs';
import type { ReportCase, ReportPayload } from './report';

export type Targets = { daily: OutputCounts; weekly: OutputCounts };

export interface OfficerAggregate {
  /** NIP (or name for a local officer without one). */
  officer: string;
  name: string;
  unit: string;
  /** Imported reports that contributed. */
  reports: number;
  /** The local log contributed. */
  local: boolean;
  period: { from: string; to: string };
  /** Days covered by some report. */
  days: number;
  total: OutputCounts;
  byDay: Record<string, OutputCounts>;
  byWeek: Record<string, OutputCounts>;
  cases: number;
  bySla: Partial<Record<SlaStatus, number>>;
  byStage: Record<string, number>;
  /** The latest week covered, against the weekly target (when targets are set). */
  latestWeek?: {
    week: string;
    counts: OutputCounts;
    against?: Record<OutputKind, { done: number; target: number; met: boolean }>;
  };
  /** Covered weekdays (Mon–Fri; holidays not excluded) on which every daily target was met. */
  daily?: { met: number; of: number };
}

export interface AggregateSource {
  payload: ReportPayload;
  /** The local log rather than an imported report. */
  local?: boolean;
}

/** One row per officer, ordered by name. */
export function aggregateTeam(sources: readonly AggregateSource[], targets?: Targets): OfficerAggregate[] {
  const byOfficer = new Map<string, AggregateSource[]>();
  for (const source of sources) {
    const key = source.payload.officer.nip || source.payload.officer.name;
    byOfficer.set(key, [...(byOfficer.get(key) ?? []), source]);
  }
  return [...byOfficer.entries()]
    .map(([officer, list]) => aggregateOne(officer, list, targets))
    .sort((a, b) => a.name.localeCompare(b.name) || a.officer.localeCompare(b.officer));
}

/** Later generated first (by instant; the zoned text alone would not order across zones). */
const byGeneratedDesc = (a: AggregateSource, b: AggregateSource) =>
  Date.parse(b.payload.generatedAt) - Date.parse(a.payload.generatedAt);

function aggregateOne(officer: string, list: AggregateSource[], targets?: Targets): OfficerAggregate {
  const ordered = [...list].sort(byGeneratedDesc);
  const newest = ordered[0]?.payload as ReportPayload;
  const byDay: Record<string, OutputCounts> = {};
  const covered = new Set<string>();
  for (const { payload } of ordered) {
    for (let day = payload.period.from; day <= payload.period.to; day = nextDay(day)) {
      if (covered.has(day)) continue;
      covered.add(day);
      const counts = payload.outputs.byDay[day];
      if (counts) byDay[day] = { ...counts };
    }
  }
  const byWeek: Record<string, OutputCounts> = {};
  let total = emptyCounts();
  for (const [day, counts] of Object.entries(byDay)) {
    total = addCounts(total, counts);
    const week = weekOf(day);
    byWeek[week] = addCounts(byWeek[week] ?? emptyCounts(), counts);
  }
  const cases = new Map<string, ReportCase>();
  for (const { payload } of ordered) {
    for (const c of payload.cases) if (!cases.has(c.id)) cases.set(c.id, c);
  }
  const bySla: Partial<Record<SlaStatus, number>> = {};
  const byStage: Record<string, number> = {};
  for (const c of cases.values()) {
    bySla[c.slaStatus] = (bySla[c.slaStatus] ?? 0) + 1;
    byStage[c.stage] = (byStage[c.stage] ?? 0) + 1;
  }
  const days = [...covered].sort();
  const lastDay = days.at(-1) ?? newest.period.to;
  const week = weekOf(lastDay);
  const weekCounts = byWeek[week] ?? emptyCounts();
  const weekdays = days.filter((d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  });
  return {
    officer,
    name: newest.officer.name,
    unit: newest.officer.unit,
    reports: list.filter((s) => !s.local).length,
    local: list.some((s) => s.local),
    period: { from: days[0] ?? newest.period.from, to: lastDay },
    days: days.length,
    total,
    byDay,
    byWeek,
    cases: cases.size,
    bySla,
    byStage,
    latestWeek: {
      week,
      counts: weekCounts,
      ...(targets ? { against: againstTarget(weekCounts, targets.weekly) } : {}),
    },
    ...(targets
      ? {
          daily: {
            met: weekdays.filter((d) => meets(byDay[d] ?? emptyCounts(), targets.daily)).length,
            of: weekdays.length,
          },
        }
      : {}),
  };
}

const meets = (done: OutputCounts, target: OutputCounts) =>
  Object.values(againstTarget(done, target)).every((k) => k.met);

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
