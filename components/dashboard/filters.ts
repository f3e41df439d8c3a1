/**
 * The dashboard's filters and how they live in the page's URL query, so a reload, a bookmark
 * or a link sent to a colleague shows the same view. Unknown or malformed parameters are
 * dropped (a hand-edited URL never breaks the page).
 */
import type { SlaStatus, WorkMode } from '../../machines';

export const SLA_STATUSES: readonly SlaStatus[] = [
  'overdue',
  'at-risk',
  'on-track',
  'waiting',
  'paused',
  'stopped',
  'none',
];

/** The strictest mode of the running stage (CaseRow.mode); `none` when no stage runs. */
export type ModeFilter = WorkMode | 'none';
export const MODE_FILTERS: readonly ModeFilter[] = ['field', 'office', 'remote', 'none'];

export interface DashboardFilters {
  permitType: string;
  /** `<permitType>:<stage>`: stage ids are only unique within a permit's workflow. */
  stage: string;
  mode: ModeFilter | '';
  sla: SlaStatus | '';
  /** NIP or name as the case rows carry it; `-` for cases opened without an identity. */
  officer: string;
  /** BPS province code. */
  region: string;
}

export type FilterKey = keyof DashboardFilters;
export const FILTER_KEYS: readonly FilterKey[] = ['permitType', 'stage', 'mode', 'sla', 'officer', 'region'];

export const NO_FILTERS: DashboardFilters = {
  permitType: '',
  stage: '',
  mode: '',
  sla: '',
  officer: '',
  region: '',
};

/** The officer filter's value for rows without an officer ('' means "any"). */
export const NO_OFFICER = '-';

export const stageKey = (row: { permitType: string; stage: string }) => `${row.permitType}:${row.stage}`;

const PARAMS: Record<FilterKey, string> = {
  permitType: 'izin',
  stage: 'tahap',
  mode: 'cara',
  sla: 'sla',
  officer: 'petugas',
  region: 'wilayah',
};

const MAX_PARAM = 200;

/** Filters from a URL query (`?izin=pbg&sla=overdue`); what does not read is left out. */
export function filtersFromQuery(search: string): DashboardFilters {
  const params = new URLSearchParams(search);
  const read = (key: FilterKey) => {
    const value = params.get(PARAMS[key]) ?? '';
    return value.length <= MAX_PARAM ? value : '';
  };
  const mode = read('mode');
  const sla = read('sla');
  return {
    permitType: read('permitType'),
    stage: read('stage'),
    mode: (MODE_FILTERS as readonly string[]).includes(mode) ? (mode as ModeFilter) : '',
    sla: (SLA_STATUSES as readonly string[]).includes(sla) ? (sla as SlaStatus) : '',
    officer: read('officer'),
    region: /^\d{2}$/.test(read('region')) ? read('region') : '',
  };
}

/** The query for filters ('' when none is set), keeping any other parameter of `base`. */
export function filtersToQuery(filters: DashboardFilters, base = ''): string {
  const params = new URLSearchParams(base);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(PARAMS[key], value);
    else params.delete(PARAMS[key]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function activeFilters(filters: DashboardFilters): FilterKey[] {
  return FILTER_KEYS.filter((key) => filters[key] !== '');
}

/** Whether a row passes every set filter (`key`: the row's `stageKey`, when already known). */
export function matches(
  filters: DashboardFilters,
  row: { permitType: string; stage: string; mode: string; officer: string; region: string },
  sla: SlaStatus,
  key?: string,
): boolean {
  return (
    (!filters.permitType || row.permitType === filters.permitType) &&
    (!filters.stage || (key ?? stageKey(row)) === filters.stage) &&
    (!filters.mode || row.mode === filters.mode) &&
    (!filters.sla || sla === filters.sla) &&
    (!filters.officer || (row.officer || NO_OFFICER) === filters.officer) &&
    (!filters.region || row.region === filters.region)
  );
}
