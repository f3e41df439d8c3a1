/**
 * Exports of the cases shown (as filtered): a CSV for spreadsheets and a signed PDF summary.
 * Both are made in this page; nothing leaves the browser except the downloaded file. The PDF
 * signer is imported on the first press, so the dashboard's first load carries no pdf-lib.
 */
import { useId, useState } from 'preact/hooks';
import type { LocalizedText } from '../../machines';
import type { PanduDb } from '../../utils/db/schema';
import { CSV_MIME, toCsv } from '../../utils/export/csv';
import { datedFileName, saveFile } from '../../utils/export/download';
import { pick } from '../../utils/i18n';
import { type DashboardKey, tDashboard } from '../../utils/i18n/dashboard';
import { csvHeader, csvRow } from './labels';
import type { ReportInput } from './report-content';
import type { ReportOutcome } from './sign-report';

export type ReportSigner = (input: ReportInput) => Promise<ReportOutcome>;

/** What the report is made of, plus where cases come from and how files are handed over. */
export interface ExportSectionProps extends ReportInput {
  db: PanduDb;
  portalName: (id: string) => string;
  signReport?: ReportSigner;
  /** Hands a CSV to the officer (a download by default). */
  saveCsv?: (text: string, fileName: string) => void;
}

type Shown =
  | { kind: 'idle' }
  | { kind: 'csv'; file: string; count: number }
  | { kind: 'working' }
  | { kind: 'pdf'; file: string; name: string }
  | { kind: 'failed'; reason: LocalizedText };

async function lazySigner(db: PanduDb, input: ReportInput): Promise<ReportOutcome> {
  const [{ signDashboardReport }, { loadPdfFonts }, { saveFile: save }] = await Promise.all([
    import('./sign-report'),
    import('../signing/pdf-fonts'),
    import('../../utils/export/download'),
  ]);
  return signDashboardReport(
    { db, fonts: loadPdfFonts, save: (bytes, fileName) => save(bytes, fileName, 'application/pdf') },
    input,
  );
}

const saveCsvFile = (text: string, fileName: string) => saveFile(text, fileName, CSV_MIME);

export function ExportSection(props: ExportSectionProps) {
  const { lang, summary } = props;
  const id = useId();
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const d = (key: DashboardKey, params?: Record<string, string | number>) => tDashboard(lang, key, params);

  function csv() {
    const text = toCsv([
      csvHeader(lang),
      ...summary.rows.map((p) => csvRow(lang, p, props.portalName, props.officerName)),
    ]);
    const file = datedFileName(d('dash.csvFile'), props.today, 'csv');
    (props.saveCsv ?? saveCsvFile)(text, file);
    setShown({ kind: 'csv', file, count: summary.rows.length });
  }

  async function pdf() {
    setShown({ kind: 'working' });
    const input: ReportInput = {
      lang,
      today: props.today,
      summary,
      total: props.total,
      filterWords: props.filterWords,
      outputs: props.outputs,
      targetsSet: props.targetsSet,
      officerName: props.officerName,
    };
    try {
      const outcome = await (props.signReport ?? ((i: ReportInput) => lazySigner(props.db, i)))(input);
      setShown(
        outcome.ok
          ? { kind: 'pdf', file: outcome.fileName, name: outcome.signerName }
          : { kind: 'failed', reason: outcome.reason },
      );
    } catch (error) {
      // The lazy chunk itself may fail to load (an extension updated under the open page).
      const why = error instanceof Error ? error.message : String(error);
      setShown({ kind: 'failed', reason: { id: why, en: why } });
    }
  }

  return (
    <section class="pd-section" aria-labelledby={`${id}-title`} data-testid="dash-export">
      <h2 id={`${id}-title`} class="pd-heading">
        {d('dash.export')}
      </h2>
      <p class="pi-muted">{d('dash.exportHelp')}</p>
      <p class="pw-actions">
        <button type="button" class="pi-button" onClick={csv} data-testid="dash-csv">
          {d('dash.csv')}
        </button>
        <button
          type="button"
          class="pi-button pi-primary"
          disabled={shown.kind === 'working'}
          onClick={() => void pdf()}
          data-testid="dash-pdf"
        >
          {d('dash.pdf')}
        </button>
      </p>
      <div role="status" data-testid="dash-export-status" data-state={shown.kind}>
        {shown.kind === 'csv' ? (
          <p>
            <span aria-hidden="true">✓ </span>
            {d('dash.csvDone', { file: shown.file, count: shown.count })}
          </p>
        ) : null}
        {shown.kind === 'working' ? <p>{d('dash.pdfWorking')}</p> : null}
        {shown.kind === 'pdf' ? (
          <p>
            <span aria-hidden="true">✓ </span>
            {d('dash.pdfDone', { file: shown.file, name: shown.name })}
          </p>
        ) : null}
      </div>
      {shown.kind === 'failed' ? (
        <p class="pw-error" role="alert" data-testid="dash-export-error">
          <span aria-hidden="true">⚠ </span>
          {d('dash.pdfFailed', { reason: pick(lang, shown.reason) })}
        </p>
      ) : null}
    </section>
  );
}
