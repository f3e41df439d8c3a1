/**
 * The activity map (issue 8, point 5): every step of every workflow with its work mode and the
 * reasons, weighed for two or more regions on one date side by side, so a policy discussion
 * can see which steps can leave the office where, and why not elsewhere.
 *
 * Pure: the date is an input (no clock is read) and the modes come from `assessStep`, the same
 * rules the case engine and docs/workflows.md use, so the map never disagrees with them.
 */
import { type Assessment, assessStep, type Reason, type RuleId } from '../assessment/assess';
import { isIsoDate } from '../calendar';
import { CATALOG } from '../catalog/index';
import { describeCondition } from '../definition/conditions';
import type { PermitDefinition, Role } from '../definition/types';
import type { Connectivity, RegionProfile } from '../regions';
import type { LocalizedText, WorkMode } from '../types';

export interface ActivityMapInput {
  /** The regions compared, in column order (usually two; one is a plain map). */
  regions: readonly RegionProfile[];
  /** `YYYY-MM-DD` the regions are weighed on. */
  date: string;
  /** The workflows mapped (default: the shipped CATALOG). */
  catalog?: readonly PermitDefinition[];
}

/** One step in one region. */
export interface ActivityCell {
  mode: WorkMode;
  decidedBy: RuleId;
  /** The deciding reason first, then supporting notes (from `assessStep`). */
  reasons: Reason[];
}

export interface ActivityRow {
  permitId: string;
  stageId: string;
  stageName: LocalizedText;
  stepId: string;
  stepName: LocalizedText;
  role: Role;
  /** Working days, null when the clock does not run for the step. */
  slaDays: number | null;
  /** The step exists only for some cases: the condition in words, else undefined. */
  condition?: string;
  /** One per region, in the order of `ActivityMap.regions`. */
  cells: ActivityCell[];
  /** The regions do not all give this step the same mode. */
  differs: boolean;
}

export interface ActivityPermit {
  id: string;
  name: LocalizedText;
  /** Where the workflow comes from (the definition's own `source`). */
  source: string;
  rows: ActivityRow[];
}

/** A compared region: its readiness as the assessment read it, and its steps counted by mode. */
export interface ActivityRegion {
  code: string;
  name: LocalizedText;
  wfaStart: { date: string; source: string; judgement?: boolean };
  /** The WFA roadmap has started on the map's date. */
  wfaStarted: boolean;
  connectivity: Connectivity;
  connectivityReason: LocalizedText;
  is3T: boolean;
  daerahTertinggal: number;
  /** The sources behind the profile: penetration figure, daerah tertinggal, WFA date. */
  sources: string[];
  /** Every mapped step counted once by its mode in this region. */
  counts: Record<WorkMode, number>;
}

export interface ActivityMap {
  date: string;
  regions: ActivityRegion[];
  permits: ActivityPermit[];
  /** Steps mapped, and how many of them differ between the regions. */
  steps: number;
  differing: number;
}

const cellOf = (a: Assessment): ActivityCell => ({
  mode: a.mode,
  decidedBy: a.decidedBy,
  reasons: a.reasons,
});

const distinct = (items: readonly string[]): string[] => [...new Set(items)];

function regionOf(
  profile: RegionProfile,
  date: string,
  rows: readonly ActivityRow[],
  i: number,
): ActivityRegion {
  const counts: Record<WorkMode, number> = { remote: 0, office: 0, field: 0 };
  for (const row of rows) {
    const cell = row.cells[i];
    if (cell) counts[cell.mode]++;
  }
  const { wfaStart } = profile;
  return {
    code: profile.code,
    name: profile.name,
    wfaStart: {
      date: wfaStart.date,
      source: wfaStart.source,
      ...(wfaStart.judgement ? { judgement: true } : {}),
    },
    wfaStarted: date >= wfaStart.date,
    connectivity: profile.connectivity,
    connectivityReason: profile.connectivityReason,
    is3T: profile.is3T,
    daerahTertinggal: profile.daerahTertinggal.count,
    sources: distinct([profile.penetrationUsed.source, profile.daerahTertinggal.source, wfaStart.source]),
    counts,
  };
}

/**
 * Maps every step of every workflow for the regions on the date. Throws a RangeError for a
 * date that is not `YYYY-MM-DD` or an empty region list (a caller's mistake, not data).
 */
export function activityMap({ regions, date, catalog = CATALOG }: ActivityMapInput): ActivityMap {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  if (regions.length === 0) throw new RangeError('The activity map needs at least one region.');
  const permits: ActivityPermit[] = catalog.map((definition) => ({
    id: definition.id,
    name: definition.name,
    source: definition.source,
    rows: definition.stages.flatMap((stage) =>
      stage.steps.map((step): ActivityRow => {
        const cells = regions.map((region) => cellOf(assessStep(step, region, date)));
        return {
          permitId: definition.id,
          stageId: stage.id,
          stageName: stage.name,
          stepId: step.id,
          stepName: step.name,
          role: step.role,
          slaDays: step.slaDays,
          ...(step.when ? { condition: describeCondition(step.when) } : {}),
          cells,
          differs: cells.some((c) => c.mode !== cells[0]?.mode),
        };
      }),
    ),
  }));
  const rows = permits.flatMap((p) => p.rows);
  return {
    date,
    regions: regions.map((profile, i) => regionOf(profile, date, rows, i)),
    permits,
    steps: rows.length,
    differing: rows.filter((r) => r.differs).length,
  };
}

/**
 * The map narrowed to what a reader chose: one permit (or all) and only the differing steps
 * (or all). Region counts stay those of the whole map; permits left without rows are dropped.
 */
export function filterActivityMap(
  map: ActivityMap,
  filter: { permitId?: string | undefined; onlyDifferences?: boolean | undefined },
): ActivityMap {
  const permits = map.permits
    .filter((p) => !filter.permitId || p.id === filter.permitId)
    .map((p) => ({ ...p, rows: filter.onlyDifferences ? p.rows.filter((r) => r.differs) : p.rows }))
    .filter((p) => p.rows.length > 0);
  const rows = permits.flatMap((p) => p.rows);
  return { ...map, permits, steps: rows.length, differing: rows.filter((r) => r.differs).length };
}
