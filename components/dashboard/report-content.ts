/**
 * The dashboard's signed PDF summary as a document: what is shown on screen for the current
 * filters (counts by stage × mode, SLA aging, the most urgent cases, outputs against targets),
 * the filters themselves, the date and who signs. Pure and without pdf-lib: the page builds
 * it, the lazily loaded signer lays it out (utils/pdf/report.ts).
 */
import { type Language, t } from '../../utils/i18n';
import { type DashboardKey, tDashboard } from '../../utils/i18n/dashboard';
import { OUTPUT_KINDS } from '../../utils/outputs/outputs';
import type { ReportDocument } from '../../utils/pdf/report';
import type { Officer, SignatureStatement } from '../../utils/pdf/types';
import { MODE_KEYS } from '../case/format';
import { permitName, stageLabel } from '../workspace/dashboard';
import { dateInWords } from './dates';
import { MODE_FILTERS } from './filters';
import { modeName, slaInWords, stageOptionLabel } from './labels';
import { AGING_BUCKETS, type Summary } from './model';
import { allMet, type OutputsView } from './outputs';

/** How many of the most urgent cases the report lists (the CSV has them all). */
export const REPORT_TOP = 25;

export interface ReportInput {
  lang: Language;
  today: string;
  summary: Summary;
  total: number;
  filterWords: string[];
  outputs: OutputsView;
  targetsSet: boolean;
  officerName: (officer: string) => string;
}

export function reportDocument(
  input: ReportInput,
  officer: Officer,
  signature: SignatureStatement,
): ReportDocument {
  const { lang, summary, outputs } = input;
  const d = (key: DashboardKey, params?: Record<string, string | number>) => tDashboard(lang, key, params);
  const title = lang === 'id' ? 'Laporan Ringkas Dasbor Perkara' : 'Case Dashboard Summary Report';
  const modeTitle = (m: (typeof MODE_FILTERS)[number]) =>
    m === 'none' ? modeName(lang, m) : t(lang, MODE_KEYS[m]);
  const urgent = summary.rows.slice(0, REPORT_TOP);
  const sections: ReportDocument['sections'] = [
    {
      heading: d('dash.counts'),
      note: d('dash.countsCaption'),
      table: {
        columns: [
          { title: d('dash.col.stage'), share: 4 },
          ...MODE_FILTERS.map((m) => ({ title: modeTitle(m), share: 1.2, align: 'right' as const })),
          { title: d('dash.col.total'), share: 1, align: 'right' },
        ],
        rows: summary.stages.map((s) => [
          stageOptionLabel(lang, s),
          ...MODE_FILTERS.map((m) => String(s.byMode[m])),
          String(s.total),
        ]),
        footer: [
          d('dash.total'),
          ...MODE_FILTERS.map((m) => String(summary.totals[m])),
          String(summary.rows.length),
        ],
      },
    },
    {
      heading: d('dash.aging'),
      table: {
        columns: [
          { title: d('dash.col.bucket'), share: 4 },
          { title: d('dash.col.count'), share: 1, align: 'right' },
        ],
        rows: AGING_BUCKETS.map((b) => [d(`dash.bucket.${b}`), String(summary.aging[b])]),
      },
    },
    {
      heading: d('dash.urgent'),
      note: `${d('dash.urgentHelp')} ${d('dash.urgentCaption', { shown: urgent.length, total: summary.rows.length })}`,
      table: {
        columns: [
          { title: d('dash.col.caseRef'), share: 2.2 },
          { title: d('dash.col.permit'), share: 2 },
          { title: d('dash.col.stage2'), share: 2.4 },
          { title: d('dash.col.sla'), share: 2.8 },
          { title: d('dash.col.officer'), share: 1.8 },
        ],
        rows: urgent.map((p) => [
          p.row.caseRef,
          permitName(lang, p.row.permitType),
          stageLabel(lang, p.row),
          slaInWords(lang, p),
          p.row.officer ? input.officerName(p.row.officer) : d('dash.noIdentity'),
        ]),
      },
    },
    {
      heading: d('dash.outputs'),
      note: `${d('dash.outputsHelp', {
        today: dateInWords(lang, outputs.today),
        from: dateInWords(lang, outputs.week.from),
        to: dateInWords(lang, outputs.week.to),
      })}${input.targetsSet ? '' : ` ${d('dash.noTargets')} ${d('dash.optionsLink')}.`}`,
      table: {
        columns: [
          { title: d('dash.col.officerName'), share: 2.6 },
          { title: d('dash.col.period'), share: 1.3 },
          ...OUTPUT_KINDS.map((k) => ({ title: d(`dash.col.${k}`), share: 1.2, align: 'right' as const })),
          { title: d('dash.col.result'), share: 1.8 },
        ],
        rows: outputs.officers.flatMap((o) =>
          (
            [
              ['dash.period.today', o.today, o.daily],
              ['dash.period.week', o.week, o.weekly],
            ] as const
          ).map(([period, counts, progress]) => [
            o.officer ? input.officerName(o.officer) : d('dash.noIdentity'),
            d(period),
            ...OUTPUT_KINDS.map((k) =>
              progress && progress[k].target > 0
                ? d('dash.done', { done: counts[k], target: progress[k].target })
                : String(counts[k]),
            ),
            progress
              ? `${allMet(progress) ? '✓' : '✗'} ${d(allMet(progress) ? 'dash.met' : 'dash.notMet')}`
              : d('dash.noTarget'),
          ]),
        ),
      },
    },
  ];
  return {
    language: lang,
    title,
    agency: officer.unit || 'Pandu Izin',
    facts: [
      [lang === 'id' ? 'Tanggal' : 'Date', dateInWords(lang, input.today)],
      [d('dash.filters'), input.filterWords.length > 0 ? input.filterWords.join('; ') : d('dash.noFilters')],
      [d('dash.col.count'), d('dash.shown', { shown: summary.rows.length, total: input.total })],
    ],
    sections,
    officer,
    running: `${title} ${input.today}`,
    signature,
    reason: title,
  };
}
