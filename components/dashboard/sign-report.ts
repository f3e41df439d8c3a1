/**
 * "Unduh laporan PDF bertanda tangan" start to finish in the dashboard page: the officer's
 * identity and key (as the signed checklist, components/signing/sign-checklist.ts), the summary
 * laid out and signed, an entry in the `signatures` register, then the download.
 *
 * A report belongs to no case, so there is no case log to record it in: the register row
 * (kind 'report', caseId '') is its only record, and the page writes it itself, as it writes
 * keys (utils/db/keys.ts): the background has no message for it, and the row holds only the
 * file's hash, signer and time.
 *
 * Loaded lazily by the dashboard: pdf-lib, fontkit and PKIjs stay out of its first load.
 */
import type { LocalizedText } from '../../machines';
import { signingKey } from '../../utils/db/keys';
import type { PanduDb } from '../../utils/db/schema';
import { getSetting } from '../../utils/db/settings';
import { datedFileName } from '../../utils/export/download';
import { tDashboard } from '../../utils/i18n/dashboard';
import { KeyError } from '../../utils/pdf/keys';
import { statementFor } from '../../utils/pdf/produce';
import { produceSignedReport } from '../../utils/pdf/report';
import type { PdfFonts } from '../../utils/pdf/types';
import { browserTime } from '../../utils/time/zoned';
import { type ReportInput, reportDocument } from './report-content';

export interface ReportDeps {
  db: PanduDb;
  fonts: () => Promise<PdfFonts>;
  save: (bytes: Uint8Array, fileName: string) => void;
  now?: () => Date;
  newId?: () => string;
}

export type ReportOutcome =
  | { ok: true; fileName: string; fileSha256: string; signerName: string; keyCreated: boolean }
  | { ok: false; reason: LocalizedText };

export async function signDashboardReport(deps: ReportDeps, input: ReportInput): Promise<ReportOutcome> {
  const now = deps.now?.() ?? new Date();
  const time = browserTime(now);
  try {
    const officer = await getSetting(deps.db, 'officer');
    if (!officer?.name) {
      return {
        ok: false,
        reason: { id: tDashboard('id', 'dash.pdfNoIdentity'), en: tDashboard('en', 'dash.pdfNoIdentity') },
      };
    }
    const key = await signingKey(deps.db, officer, now);
    const statement = statementFor(key.info, officer.name);
    const doc = reportDocument(
      input,
      { name: officer.name, nip: officer.nip, role: officer.role, unit: officer.unit },
      { ...statement, signedAt: time.timestamp },
    );
    const made = await produceSignedReport(doc, await deps.fonts(), key.signer);
    const fileName = datedFileName(tDashboard(input.lang, 'dash.pdfFile'), time.date, 'pdf');
    await deps.db.signatures.put({
      id: deps.newId?.() ?? crypto.randomUUID(),
      caseId: '',
      fileSha256: made.fileSha256,
      signedAt: now.toISOString(),
      signer: statement.signerName,
      kind: 'report',
    });
    deps.save(made.bytes, fileName);
    return {
      ok: true,
      fileName,
      fileSha256: made.fileSha256,
      signerName: statement.signerName,
      keyCreated: key.created,
    };
  } catch (error) {
    if (error instanceof KeyError) return { ok: false, reason: error.text };
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { id: `Kesalahan tak terduga: ${why}`, en: `Unexpected error: ${why}` } };
  }
}
