/**
 * The dashboard's rows in words, shared by the page, the CSV and the PDF summary so all three
 * say the same: the SLA in working days, the region's name, the stage, the CSV's columns.
 */
import { findRegion, type WorkMode } from '../../machines';
import type { Cell } from '../../utils/export/csv';
import { type Language, pick, t } from '../../utils/i18n';
import { type DashboardKey, tDashboard } from '../../utils/i18n/dashboard';
import { MODE_KEYS, SLA_KEYS } from '../case/format';
import { permitName, stageLabel } from '../workspace/dashboard';
import { dateInWords } from './dates';
import { type DashboardFilters, FILTER_KEYS, type FilterKey, NO_OFFICER } from './filters';
import type { PreparedRow } from './model';

const d = (lang: Language, key: DashboardKey, params?: Record<string, string | number>) =>
  tDashboard(lang, key, params);

/** "terlambat 3 HK (jatuh tempo 25 November 2026)" / "sisa 2 HK (…)"; '' without a running clock. */
export function daysInWords(lang: Language, p: Pick<PreparedRow, 'left' | 'estimate' | 'row'>): string {
  if (p.left === null) return '';
  const date = dateInWords(lang, p.row.dueAt);
  const words =
    p.left < 0
      ? d(lang, 'dash.sla.late', { days: -p.left, date })
      : p.left === 0
        ? d(lang, 'dash.sla.today', { date })
        : d(lang, 'dash.sla.left', { days: p.left, date });
  return p.estimate ? `${words}${d(lang, 'dash.sla.estimate')}` : words;
}

/** The status in words, then the working days: "Melewati batas waktu — terlambat 3 HK (…)". */
export function slaInWords(
  lang: Language,
  p: Pick<PreparedRow, 'left' | 'estimate' | 'row' | 'sla'>,
): string {
  const status = t(lang, SLA_KEYS[p.sla] ?? 'sla.none');
  const days = daysInWords(lang, p);
  return days ? `${status} — ${days}` : status;
}

export function regionName(lang: Language, code: string): string {
  const region = findRegion(code);
  return region ? pick(lang, region.name) : code || '—';
}

export function modeName(lang: Language, mode: WorkMode | 'none'): string {
  return mode === 'none' ? d(lang, 'dash.mode.none') : t(lang, MODE_KEYS[mode]);
}

/** A stage option's words: "PBG — 2 dari 5: Pemeriksaan dokumen". */
export function stageOptionLabel(
  lang: Language,
  s: { permitType: string; stage: string; status: PreparedRow['row']['status'] },
): string {
  return `${permitName(lang, s.permitType)} — ${stageLabel(lang, s)}`;
}

/** Each set filter as "Label: value", in the officer's words. */
export function describeFilters(
  lang: Language,
  filters: DashboardFilters,
  officerName: (officer: string) => string,
): string[] {
  const value = (key: FilterKey): string => {
    const v = filters[key];
    switch (key) {
      case 'permitType':
        return permitName(lang, v);
      case 'stage': {
        const [permitType = '', stage = ''] = v.split(/:(.*)/s);
        return stageOptionLabel(lang, { permitType, stage, status: 'in-progress' });
      }
      case 'mode':
        return modeName(lang, v as WorkMode | 'none');
      case 'sla':
        return t(lang, SLA_KEYS[v as keyof typeof SLA_KEYS] ?? 'sla.none');
      case 'officer':
        return v === NO_OFFICER ? d(lang, 'dash.filter.noOfficer') : officerName(v);
      case 'region':
        return regionName(lang, v);
    }
  };
  return FILTER_KEYS.filter((key) => filters[key]).map(
    (key) => `${d(lang, `dash.filter.${key}`)}: ${value(key)}`,
  );
}

/** The CSV's header in the current language. */
export function csvHeader(lang: Language): string[] {
  return (
    [
      'dash.col.caseRef',
      'dash.col.portal',
      'dash.col.permit',
      'dash.col.stage2',
      'dash.col.modes',
      'dash.col.slaStatus',
      'dash.col.dueAt',
      'dash.col.left',
      'dash.col.officer',
      'dash.col.region',
      'dash.col.updated',
    ] as const
  ).map((key) => d(lang, key));
}

/** One CSV line per case: dates as YYYY-MM-DD / ISO (sortable in a spreadsheet), the rest in words. */
export function csvRow(
  lang: Language,
  p: PreparedRow,
  portalName: (id: string) => string,
  officerName: (officer: string) => string,
): Cell[] {
  const { row } = p;
  return [
    row.caseRef,
    portalName(row.portal),
    permitName(lang, row.permitType),
    stageLabel(lang, row),
    row.modes.map((m) => t(lang, MODE_KEYS[m])).join('; '),
    t(lang, SLA_KEYS[p.sla] ?? 'sla.none'),
    row.dueAt,
    p.left,
    row.officer ? officerName(row.officer) : '',
    regionName(lang, row.region),
    row.updatedAt,
  ];
}
