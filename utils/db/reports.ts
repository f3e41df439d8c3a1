/**
 * Imported activity reports in the `reports` table, written by the page that imports them
 * (the dashboard), like keys and evidence: the files are read and checked in the page, and the
 * background never needs them. Each file is verified on its own (utils/team/sign.ts); a refused
 * file writes nothing, and the same report imported twice is stored once.
 */
import type { LocalizedText } from '../../machines';
import { REFUSALS, type ReportRefusal } from '../team/report';
import { type VerifiedReport, verifyReport } from '../team/sign';
import { isQuotaError } from './cases';
import type { PanduDb, ReportRow } from './schema';

export interface ReportInput {
  name: string;
  /** The file's bytes or text. */
  content: Uint8Array | string;
}

export type ImportVerdict =
  | { file: string; status: 'imported' | 'duplicate'; row: ReportRow }
  | {
      file: string;
      status: 'refused';
      reason: ReportRefusal | 'storage';
      message: LocalizedText;
      detail?: string;
    };

const STORAGE_FAILED: LocalizedText = {
  id: 'Laporan sah, tetapi tidak dapat disimpan (ruang penyimpanan peramban penuh?). Tidak ada yang berubah; kosongkan ruang lalu coba lagi.',
  en: 'The report is valid but could not be stored (browser storage full?). Nothing changed; free some space and try again.',
};

/** Checks and stores each file in turn; one verdict per file, in the order given. */
export async function importReports(
  db: PanduDb,
  files: readonly ReportInput[],
  now: Date = new Date(),
): Promise<ImportVerdict[]> {
  const verdicts: ImportVerdict[] = [];
  for (const input of files) {
    const outcome = await verifyReport(input.content);
    if (!outcome.ok) {
      verdicts.push({
        file: input.name,
        status: 'refused',
        reason: outcome.reason,
        message: REFUSALS[outcome.reason],
        ...(outcome.detail ? { detail: outcome.detail } : {}),
      });
      continue;
    }
    const row = reportRow(outcome.report, input.name, now.toISOString());
    try {
      const stored = await db.transaction('rw', db.reports, async () => {
        const known = await db.reports.get(row.id);
        if (known) return known;
        await db.reports.add(row);
        return undefined;
      });
      verdicts.push(
        stored
          ? { file: input.name, status: 'duplicate', row: stored }
          : { file: input.name, status: 'imported', row },
      );
    } catch (error) {
      verdicts.push({
        file: input.name,
        status: 'refused',
        reason: 'storage',
        message: STORAGE_FAILED,
        ...(isQuotaError(error) ? { detail: 'quota' } : {}),
      });
    }
  }
  return verdicts;
}

/** The stored row of a verified report. */
export function reportRow(report: VerifiedReport, fileName: string, importedAt: string): ReportRow {
  const { payload } = report;
  return {
    id: report.id,
    officer: payload.officer.nip,
    name: payload.officer.name,
    unit: payload.officer.unit,
    from: payload.period.from,
    to: payload.period.to,
    generatedAt: payload.generatedAt,
    importedAt,
    fileName: fileName.slice(0, 200),
    certified: report.certified,
    signerName: report.signer.subject.CN ?? '',
    certificateSha256: report.signer.sha256,
    file: report.file,
    payload,
  };
}

export async function deleteReport(db: PanduDb, id: string): Promise<void> {
  await db.reports.delete(id);
}
