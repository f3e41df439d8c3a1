/**
 * What the officer chose on the activity map, kept in the page's URL (`?a=31&b=97&date=…`) so
 * a reload, a bookmark or a link to a colleague shows the same map. Anything unreadable in the
 * query falls back to the default rather than failing the page.
 */
import { findDefinition, findRegion, isIsoDate } from '../../machines';

export interface MapSelection {
  /** BPS codes of region A and region B. */
  a: string;
  b: string;
  /** `YYYY-MM-DD` the regions are weighed on. */
  date: string;
  /** A catalog permit id, or '' for all. */
  permit: string;
  onlyDifferences: boolean;
}

/** DKI Jakarta against Papua Pegunungan: the contrast the policy debate names (DOMAIN.md §7). */
export const DEFAULT_A = '31';
export const DEFAULT_B = '97';

const code = (value: string | null, fallback: string): string =>
  value && /^\d{2}$/.test(value) && findRegion(value) ? value : fallback;

export function selectionFromQuery(search: string, today: string): MapSelection {
  const q = new URLSearchParams(search);
  const date = q.get('date');
  const permit = q.get('permit');
  return {
    a: code(q.get('a'), DEFAULT_A),
    b: code(q.get('b'), DEFAULT_B),
    date: date && isIsoDate(date) ? date : today,
    permit: permit && findDefinition(permit) ? permit : '',
    onlyDifferences: q.get('diff') === '1',
  };
}

export function selectionToQuery(s: MapSelection): string {
  const q = new URLSearchParams({ a: s.a, b: s.b, date: s.date });
  if (s.permit) q.set('permit', s.permit);
  if (s.onlyDifferences) q.set('diff', '1');
  return q.toString();
}
