/**
 * The activity map as CSV rows: one header row in the page's language, then one row per step
 * with the date, the permit, stage and step (names and ids), the role, and for each region the
 * mode, the deciding rule and the reasons. `toCsv` turns them into the file.
 */
import type { ActivityMap } from '../../machines';
import { toCsv } from '../../utils/export/csv';
import { type Language, pick, t } from '../../utils/i18n';
import { tMap } from '../../utils/i18n/activity-map';
import { MODE_KEYS, ROLE_KEYS } from '../case/format';

export function activityMapRows(map: ActivityMap, lang: Language): string[][] {
  const m = (key: Parameters<typeof tMap>[1], params?: Record<string, string>) => tMap(lang, key, params);
  const perRegion = map.regions.flatMap((r) => {
    const region = pick(lang, r.name);
    return [m('csv.mode', { region }), m('csv.rule', { region }), m('csv.reasons', { region })];
  });
  const header = [
    m('csv.date'),
    m('csv.permitId'),
    m('csv.permit'),
    m('csv.stage'),
    m('csv.stepId'),
    m('csv.step'),
    m('csv.role'),
    ...perRegion,
    m('csv.differs'),
  ];
  const rows = map.permits.flatMap((permit) =>
    permit.rows.map((row) => [
      map.date,
      permit.id,
      pick(lang, permit.name),
      pick(lang, row.stageName),
      row.stepId,
      pick(lang, row.stepName),
      t(lang, ROLE_KEYS[row.role]),
      ...row.cells.flatMap((cell) => [
        t(lang, MODE_KEYS[cell.mode]),
        cell.decidedBy,
        cell.reasons.map((r) => pick(lang, r.text)).join(' | '),
      ]),
      row.differs ? m('csv.yes') : m('csv.no'),
    ]),
  );
  return [header, ...rows];
}

/** The CSV file's text (UTF-8 with BOM). */
export function activityMapCsv(map: ActivityMap, lang: Language): string {
  return toCsv(activityMapRows(map, lang));
}

/** `peta-kegiatan-31-97-2026-11-29.csv` / `.pdf`: regions and date, safe on every system. */
export function activityMapFileName(map: ActivityMap, extension: 'csv' | 'pdf'): string {
  return `peta-kegiatan-${map.regions.map((r) => r.code).join('-')}-${map.date}.${extension}`;
}
