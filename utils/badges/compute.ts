/**
 * What a badge on a portal case-list row says: stage, ways of working, SLA and checklist
 * progress. Pure (no DOM, no database): the background passes the adapter, the rows, the views
 * of the cases it knows locally, the region to assume and today's date.
 *
 * A row the officer has recorded in Pandu Izin shows its own case view (stage, modes, SLA,
 * progress); the portal's outcome (issued, rejected, returned) wins over it, the portal being
 * where outcomes happen. Any other row is read as the portal shows it: permit by the adapter's
 * `permits`, stage by its `statuses`, and an SLA that is OUR JUDGEMENT (an estimate, and the
 * explanation says so): the current stage ends after the sum of the stage SLAs up to and
 * including it (stageSlaDays, unknown facts counted as applicable), counted in working days
 * from the date received.
 *
 * Work per row is a few map lookups: stage facts are cached per (permit, stage, region, date)
 * and deadlines per (received date, days, today), so 5,000 rows cost little.
 */
import {
  addWorkingDays,
  assessStep,
  type CaseView,
  findDefinition,
  type IsoDate,
  type LocalizedText,
  type PermitTypeId,
  type RegionProfile,
  type SlaStatus,
  slaStatusFor,
  stageSlaDays,
  type WorkingCalendar,
  type WorkMode,
  workingDaysBetween,
} from '../../machines';
import { parsePortalDate } from '../portals/dates';
import { mapPermit, mapStatus } from '../portals/recognise';
import type { ListRow, PortalAdapter } from '../portals/types';

export type Outcome = 'issued' | 'rejected' | 'returned';

export interface ModeSummary {
  mode: WorkMode;
  /** The deciding reason of each step of the stage with this mode, without repeats. */
  reasons: LocalizedText[];
}

export interface BadgeSla {
  /** on-track / at-risk / overdue with a deadline; paused, waiting or none without one. */
  status: SlaStatus;
  /** Working days from today to the due date, negative when late. */
  left: number | null;
  due: IsoDate | null;
  /** SLA working days counted, and from which date (receipt, or the stage's clock start). */
  days: number | null;
  from: IsoDate | null;
  /** `estimate`: our judgement from the row; `case`: the recorded case's own deadline. */
  basis: 'estimate' | 'case';
  beyondKnownYears: boolean;
}

export type BadgeProblem =
  | 'unknown-permit'
  | 'unknown-status'
  | 'no-status'
  | 'no-region'
  | 'no-date'
  /** Pandu Izin holds a record of this case that cannot be read: the badge is the row's estimate. */
  | 'damaged';

export interface Badge {
  caseRef: string;
  /** The case is recorded in Pandu Izin (its view was used). */
  known: boolean;
  permitId: PermitTypeId | null;
  stage: { id: string; shortName: LocalizedText; name: LocalizedText } | null;
  outcome: Outcome | null;
  /** Null when the region is unknown (modes depend on it). */
  modes: ModeSummary[] | null;
  region: { code: string; name: LocalizedText; from: 'case' | 'row' | 'officer' } | null;
  sla: BadgeSla | null;
  progress: { ticked: number; total: number } | null;
  problems: BadgeProblem[];
  /** The row's own texts, quoted in explanations. */
  permitLabel: string | null;
  statusLabel: string | null;
}

export interface BadgeInput {
  adapter: PortalAdapter;
  /** Views of locally recorded cases, by the portal's case number. */
  known: ReadonlyMap<string, CaseView>;
  /** Portal case numbers whose stored record cannot be read (damaged). */
  damaged?: ReadonlySet<string>;
  /** Region of a row the list does not place (the officer's province), if any. */
  fallbackRegion: RegionProfile | null;
  /** Reads a row's own region text, when the list has a region column. */
  regionOf?: (label: string) => RegionProfile | null;
  today: IsoDate;
  calendar: WorkingCalendar;
  cache?: BadgeCache;
}

interface StageFacts {
  stage: Badge['stage'];
  modes: ModeSummary[] | null;
  /** Sum of the stage SLAs up to and including this one; null when none has one. */
  cumulativeDays: number | null;
}

/** Memo of stage facts and deadlines; keep one per (today) and reuse it across batches. */
export interface BadgeCache {
  stages: Map<string, StageFacts | null>;
  deadlines: Map<string, { due: IsoDate; left: number; beyond: boolean }>;
}

const MODE_ORDER: readonly WorkMode[] = ['field', 'office', 'remote'];

export function createBadgeCache(): BadgeCache {
  return { stages: new Map(), deadlines: new Map() };
}

/** Modes in the engine's order (modesOf: field, office, remote), each with its steps' reasons. */
function summariseModes(steps: { mode: WorkMode; reason: LocalizedText | undefined }[]): ModeSummary[] {
  return MODE_ORDER.map((mode) => {
    const reasons: LocalizedText[] = [];
    for (const s of steps) {
      if (s.mode !== mode || !s.reason || reasons.some((r) => r.en === s.reason?.en)) continue;
      reasons.push(s.reason);
    }
    return { mode, present: steps.some((s) => s.mode === mode), reasons };
  })
    .filter((m) => m.present)
    .map(({ mode, reasons }) => ({ mode, reasons }));
}

function stageFacts(
  permitId: PermitTypeId,
  stageId: string,
  region: RegionProfile | null,
  today: IsoDate,
  cache: BadgeCache,
): StageFacts | null {
  const key = `${permitId}|${stageId}|${region?.code ?? ''}|${today}`;
  if (cache.stages.has(key)) return cache.stages.get(key) ?? null;
  const definition = findDefinition(permitId);
  const index = definition ? definition.stages.findIndex((s) => s.id === stageId) : -1;
  const stage = definition?.stages[index];
  let facts: StageFacts | null = null;
  if (definition && stage) {
    let cumulative: number | null = null;
    for (const s of definition.stages.slice(0, index + 1)) {
      const days = stageSlaDays(s, {});
      if (days !== null) cumulative = (cumulative ?? 0) + days;
    }
    const assessed = region ? stage.steps.map((step) => assessStep(step, region, today)) : null;
    facts = {
      stage: { id: stage.id, shortName: stage.shortName, name: stage.name },
      modes: assessed
        ? summariseModes(assessed.map((a) => ({ mode: a.mode, reason: a.reasons[0]?.text })))
        : null,
      cumulativeDays: cumulative,
    };
  }
  cache.stages.set(key, facts);
  return facts;
}

/** Due date and working days left for `days` working days from `from`, as of `today`. */
export function deadline(
  calendar: WorkingCalendar,
  from: IsoDate,
  days: number,
  today: IsoDate,
  cache: BadgeCache = createBadgeCache(),
): { due: IsoDate; left: number; beyond: boolean } {
  const key = `${from}|${days}|${today}`;
  const hit = cache.deadlines.get(key);
  if (hit) return hit;
  const due = addWorkingDays(calendar, from, days);
  const left = workingDaysBetween(calendar, today, due.date);
  const value = { due: due.date, left: left.days, beyond: due.beyondKnownYears || left.beyondKnownYears };
  cache.deadlines.set(key, value);
  return value;
}

function fromCaseView(
  view: CaseView,
): Pick<Badge, 'stage' | 'outcome' | 'modes' | 'region' | 'sla' | 'progress'> {
  const stage = view.stage
    ? { id: view.stage.id, shortName: view.stage.shortName, name: view.stage.name }
    : null;
  const outcome: Outcome | null =
    view.status === 'issued' || view.status === 'closed'
      ? 'issued'
      : view.status === 'rejected'
        ? 'rejected'
        : view.status === 'awaiting-correction'
          ? 'returned'
          : null;
  const applicable = view.steps.filter((s) => s.applicable);
  const modes = view.stage
    ? summariseModes(applicable.map((s) => ({ mode: s.mode, reason: s.reasons[0] })))
    : null;
  const s = view.sla;
  const sla: BadgeSla | null =
    s.status === 'stopped'
      ? null
      : {
          status: s.status,
          left: s.workingDaysLeft,
          due: s.dueDate,
          days: s.slaDays,
          from: s.startedOn,
          basis: 'case',
          beyondKnownYears: s.beyondKnownYears,
        };
  return {
    stage,
    outcome,
    modes,
    region: { code: view.region.code, name: view.region.name, from: 'case' },
    sla,
    progress:
      view.checklist.total > 0 ? { ticked: view.checklist.ticked, total: view.checklist.total } : null,
  };
}

/** The badge of one row. */
export function computeBadge(row: ListRow, input: BadgeInput): Badge {
  const { adapter, today, calendar } = input;
  const cache = input.cache ?? createBadgeCache();
  const problems: BadgeProblem[] = [];
  const permitId = row.permitLabel ? mapPermit(adapter, row.permitLabel) : null;
  const mapped = permitId && row.statusLabel ? mapStatus(adapter, permitId, row.statusLabel) : null;
  const rowOutcome: Outcome | null = mapped?.outcome ?? null;
  const base = {
    caseRef: row.caseRef,
    permitId,
    permitLabel: row.permitLabel,
    statusLabel: row.statusLabel,
  };

  const view = input.known.get(row.caseRef);
  if (view) {
    const own = fromCaseView(view);
    const outcome = own.outcome ?? rowOutcome;
    return {
      ...base,
      ...own,
      permitId: (view.permit.id as PermitTypeId) ?? permitId,
      known: true,
      outcome,
      sla: outcome ? null : own.sla,
      problems,
    };
  }

  if (input.damaged?.has(row.caseRef)) problems.push('damaged');
  if (!permitId) problems.push('unknown-permit');
  else if (!row.statusLabel) problems.push('no-status');
  else if (!mapped) problems.push('unknown-status');

  const fromRow = row.regionLabel && input.regionOf ? input.regionOf(row.regionLabel) : null;
  const regionProfile = fromRow ?? input.fallbackRegion;
  const region = regionProfile
    ? {
        code: regionProfile.code,
        name: regionProfile.name,
        from: fromRow ? ('row' as const) : ('officer' as const),
      }
    : null;

  const empty = { ...base, known: false, region, progress: null, problems };
  if (rowOutcome || !permitId || !mapped?.stageId) {
    return { ...empty, stage: null, outcome: rowOutcome, modes: null, sla: null };
  }
  const facts = stageFacts(permitId, mapped.stageId, regionProfile, today, cache);
  if (!regionProfile) problems.push('no-region');
  let sla: BadgeSla | null = null;
  const received = row.receivedLabel ? parsePortalDate(row.receivedLabel) : null;
  if (facts?.cumulativeDays != null) {
    if (received) {
      const d = deadline(calendar, received, facts.cumulativeDays, today, cache);
      sla = {
        status: slaStatusFor(d.left, facts.cumulativeDays),
        left: d.left,
        due: d.due,
        days: facts.cumulativeDays,
        from: received,
        basis: 'estimate',
        beyondKnownYears: d.beyond,
      };
    } else {
      problems.push('no-date');
    }
  } else if (facts) {
    sla = {
      status: 'none',
      left: null,
      due: null,
      days: null,
      from: received,
      basis: 'estimate',
      beyondKnownYears: false,
    };
  }
  return { ...empty, stage: facts?.stage ?? null, outcome: null, modes: facts?.modes ?? null, sla };
}
