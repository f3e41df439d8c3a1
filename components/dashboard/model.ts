/**
 * The dashboard's numbers, computed in one pass over the cases' index fields (never a restored
 * case): working days left from the calendar, the SLA status as of today, urgency order,
 * counts by stage × mode and the SLA aging buckets. Pure, so 20,000 synthetic rows can be
 * checked in a unit test, and cheap to repeat: `prepareRows` does the calendar work and the
 * sort once per read, `summarize` is a single filtering pass that keeps that order.
 */
import {
  CATALOG,
  findDefinition,
  isIsoDate,
  type SlaStatus,
  type WorkingCalendar,
  workingDaysBetween,
} from '../../machines';
import type { CaseRow } from '../../utils/db/schema';
import {
  type DashboardFilters,
  MODE_FILTERS,
  type ModeFilter,
  matches,
  NO_OFFICER,
  stageKey,
} from './filters';

/** What the dashboard reads of a case row: its index fields. */
export type DashboardRow = Pick<
  CaseRow,
  | 'id'
  | 'portal'
  | 'caseRef'
  | 'permitType'
  | 'region'
  | 'stage'
  | 'status'
  | 'mode'
  | 'modes'
  | 'slaStatus'
  | 'dueAt'
  | 'officer'
  | 'updatedAt'
>;

/**
 * SLA aging, in working days relative to today (our judgement: the buckets a supervisor acts
 * on — long overdue, overdue, due now, due this week, later, and cases whose clock is not
 * running).
 */
export type AgingBucket = 'late-long' | 'late' | 'due' | 'soon' | 'later' | 'no-clock';
export const AGING_BUCKETS: readonly AgingBucket[] = [
  'late-long',
  'late',
  'due',
  'soon',
  'later',
  'no-clock',
];

export interface PreparedRow {
  row: DashboardRow;
  /** Working days from today to the due date (negative: late by that many); null without a running clock. */
  left: number | null;
  /** The SLA status as of today (the stored one may be a day old until the SLA alarm refreshes it). */
  sla: SlaStatus;
  bucket: AgingBucket;
  /** The count ran past the years the calendar has holidays for (weekends only there). */
  estimate: boolean;
  /** `stageKey(row)` and the urgency group of `sla`, computed once per read (every filter pass and the sort use them). */
  stageKey: string;
  group: number;
}

const TIMED: ReadonlySet<SlaStatus> = new Set(['on-track', 'at-risk', 'overdue']);

export function bucketOf(left: number | null): AgingBucket {
  if (left === null) return 'no-clock';
  if (left < -5) return 'late-long';
  if (left < 0) return 'late';
  if (left <= 1) return 'due';
  if (left <= 5) return 'soon';
  return 'later';
}

/**
 * Today's SLA status from the stored one and the working days left. The engine calls a stage
 * at risk when at most max(1, SLA/5) working days are left (machines slaStatusFor); the index
 * does not keep the stage's SLA, so only the part that needs none is recomputed: late below 0,
 * at risk at 0 or 1, otherwise what the row was indexed with (never "overdue" with days left).
 */
export function slaToday(stored: SlaStatus, left: number | null): SlaStatus {
  if (left === null || !TIMED.has(stored)) return stored;
  if (left < 0) return 'overdue';
  if (left <= 1) return 'at-risk';
  return stored === 'overdue' ? 'at-risk' : stored;
}

/** Urgency group: overdue, at risk, other deadlines, clocks waiting or paused, the rest. */
function groupOf(sla: SlaStatus): number {
  switch (sla) {
    case 'overdue':
      return 0;
    case 'at-risk':
      return 1;
    case 'on-track':
      return 2;
    case 'waiting':
    case 'paused':
      return 3;
    default:
      return 4;
  }
}

/** Overdue most-late first, then at risk, then by due date; the latest change first among equals. */
export function byUrgency(a: PreparedRow, b: PreparedRow): number {
  const group = a.group - b.group;
  if (group !== 0) return group;
  if (a.left !== b.left) {
    if (a.left === null) return 1;
    if (b.left === null) return -1;
    return a.left - b.left;
  }
  if (a.row.dueAt !== b.row.dueAt) return a.row.dueAt < b.row.dueAt ? -1 : 1;
  if (a.row.updatedAt !== b.row.updatedAt) return a.row.updatedAt < b.row.updatedAt ? 1 : -1;
  return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
}

/**
 * Every row with its working days left and today's status, in urgency order. The calendar is
 * asked once per distinct due date (a few hundred among 20,000 cases).
 */
export function prepareRows(
  rows: readonly DashboardRow[],
  today: string,
  calendar: WorkingCalendar,
): PreparedRow[] {
  const days = new Map<string, { days: number; beyondKnownYears: boolean } | null>();
  const leftOf = (dueAt: string) => {
    let known = days.get(dueAt);
    if (known === undefined) {
      known = isIsoDate(dueAt) && isIsoDate(today) ? workingDaysBetween(calendar, today, dueAt) : null;
      days.set(dueAt, known);
    }
    return known;
  };
  const prepared = rows.map((row): PreparedRow => {
    const counted = row.dueAt && TIMED.has(row.slaStatus) ? leftOf(row.dueAt) : null;
    const left = counted ? counted.days : null;
    const sla = slaToday(row.slaStatus, left);
    return {
      row,
      left,
      sla,
      bucket: bucketOf(left),
      estimate: counted?.beyondKnownYears ?? false,
      stageKey: stageKey(row),
      group: groupOf(sla),
    };
  });
  return prepared.sort(byUrgency);
}

export interface StageCount {
  /** `<permitType>:<stage>`. */
  key: string;
  permitType: string;
  stage: string;
  status: CaseRow['status'];
  byMode: Record<ModeFilter, number>;
  total: number;
}

export interface Summary {
  /** Rows that pass the filters, in urgency order. */
  rows: PreparedRow[];
  /** Stage × strictest mode, in catalog then workflow order; `totals` per mode. */
  stages: StageCount[];
  totals: Record<ModeFilter, number>;
  aging: Record<AgingBucket, number>;
}

const zeroModes = (): Record<ModeFilter, number> => ({ field: 0, office: 0, remote: 0, none: 0 });
const zeroAging = (): Record<AgingBucket, number> => ({
  'late-long': 0,
  late: 0,
  due: 0,
  soon: 0,
  later: 0,
  'no-clock': 0,
});

/** One pass: the filtered rows (order kept), the stage × mode counts and the aging buckets. */
export function summarize(prepared: readonly PreparedRow[], filters: DashboardFilters): Summary {
  const rows: PreparedRow[] = [];
  const stages = new Map<string, StageCount>();
  const totals = zeroModes();
  const aging = zeroAging();
  for (const p of prepared) {
    const { row } = p;
    if (!matches(filters, row, p.sla, p.stageKey)) continue;
    rows.push(p);
    const key = p.stageKey;
    let count = stages.get(key);
    if (!count) {
      count = {
        key,
        permitType: row.permitType,
        stage: row.stage,
        status: row.status,
        byMode: zeroModes(),
        total: 0,
      };
      stages.set(key, count);
    }
    const mode: ModeFilter = (MODE_FILTERS as readonly string[]).includes(row.mode) ? row.mode : 'none';
    count.byMode[mode] += 1;
    count.total += 1;
    totals[mode] += 1;
    aging[p.bucket] += 1;
  }
  return { rows, stages: [...stages.values()].sort(byWorkflow), totals, aging };
}

const PERMIT_ORDER = new Map(CATALOG.map((d, i) => [d.id, i]));

/** Position of a stage in its workflow; statuses (issued, closed, …) after every stage. */
export function stageOrder(permitType: string, stage: string): number {
  const index = findDefinition(permitType)?.stages.findIndex((s) => s.id === stage) ?? -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

function byWorkflow(a: StageCount, b: StageCount): number {
  if (a.permitType !== b.permitType) {
    const pa = PERMIT_ORDER.get(a.permitType) ?? Number.MAX_SAFE_INTEGER;
    const pb = PERMIT_ORDER.get(b.permitType) ?? Number.MAX_SAFE_INTEGER;
    return pa !== pb ? pa - pb : a.permitType.localeCompare(b.permitType);
  }
  const order = stageOrder(a.permitType, a.stage) - stageOrder(b.permitType, b.stage);
  return order !== 0 ? order : a.stage.localeCompare(b.stage);
}

export interface FilterOptions {
  permitTypes: string[];
  stages: { key: string; permitType: string; stage: string; status: CaseRow['status'] }[];
  officers: string[];
  regions: string[];
}

/** The values present among all rows (not only the filtered ones), for the filter menus. */
export function filterOptions(prepared: readonly PreparedRow[]): FilterOptions {
  const permits = new Set<string>();
  const stages = new Map<string, FilterOptions['stages'][number]>();
  const officers = new Set<string>();
  const regions = new Set<string>();
  for (const { row, stageKey: key } of prepared) {
    permits.add(row.permitType);
    if (!stages.has(key))
      stages.set(key, { key, permitType: row.permitType, stage: row.stage, status: row.status });
    officers.add(row.officer || NO_OFFICER);
    regions.add(row.region);
  }
  const permitRank = (id: string) => PERMIT_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  return {
    permitTypes: [...permits].sort((a, b) => permitRank(a) - permitRank(b) || a.localeCompare(b)),
    stages: [...stages.values()].sort((a, b) =>
      byWorkflow({ ...a, byMode: zeroModes(), total: 0 }, { ...b, byMode: zeroModes(), total: 0 }),
    ),
    officers: [...officers].sort(),
    regions: [...regions].sort(),
  };
}
