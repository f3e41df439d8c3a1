/**
 * "Ekspor laporan kegiatan saya": the officer's identity and key, their cases and outputs in
 * the period from this browser's log, signed and handed over as a file. Nothing is sent
 * anywhere; the officer gives the file to their supervisor.
 */
import type { LocalizedText } from '../../machines';
import { signingKey } from '../../utils/db/keys';
import type { PanduDb } from '../../utils/db/schema';
import { deviceId, getSetting } from '../../utils/db/settings';
import { KeyError } from '../../utils/pdf/keys';
import { buildPayload, REPORT_LIMITS, reportFileName } from '../../utils/team/report';
import { reportFileText, signReport } from '../../utils/team/sign';
import { browserTime } from '../../utils/time/zoned';

export interface ExportDeps {
  db: PanduDb;
  save: (text: string, fileName: string) => void;
  now?: () => Date;
}

export type ExportOutcome =
  | { ok: true; fileName: string; cases: number; keyCreated: boolean }
  | { ok: false; reason: LocalizedText; where?: 'identity' };

export const NO_IDENTITY: LocalizedText = {
  id: 'Isi nama dan NIP (18 angka) Anda di Opsi › Identitas petugas dulu: laporan ditandatangani atas nama dan NIP itu.',
  en: 'Fill in your name and NIP (18 digits) under Options › Officer identity first: the report is signed in that name and NIP.',
};

const BAD_PERIOD: LocalizedText = {
  id: `Periode tidak sah: tanggal "dari" harus sebelum atau sama dengan "sampai", paling panjang ${REPORT_LIMITS.periodDays} hari.`,
  en: `Invalid period: "from" must be on or before "to", at most ${REPORT_LIMITS.periodDays} days.`,
};

export async function exportMyReport(
  deps: ExportDeps,
  period: { from: string; to: string },
): Promise<ExportOutcome> {
  const now = deps.now?.() ?? new Date();
  const officer = await getSetting(deps.db, 'officer');
  if (!officer?.name || !/^\d{18}$/.test(officer.nip))
    return { ok: false, reason: NO_IDENTITY, where: 'identity' };
  const span = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (!(span >= 0 && span < REPORT_LIMITS.periodDays)) return { ok: false, reason: BAD_PERIOD };
  try {
    const key = await signingKey(deps.db, officer, now);
    // The log has no officer index; an export is rare, so one pass over it is fine.
    const events = await deps.db.events.filter((e) => e.officer === officer.nip).toArray();
    const caseIds = [...new Set(events.map((e) => e.caseId))];
    const cases = (await deps.db.cases.bulkGet(caseIds)).filter((c) => c !== undefined);
    const payload = buildPayload({
      officer,
      period,
      generatedAt: browserTime(now).timestamp,
      device: await deviceId(deps.db),
      cases,
      events,
    });
    const file = await signReport(payload, key.signer);
    const fileName = reportFileName(officer.nip, period);
    deps.save(reportFileText(file), fileName);
    return { ok: true, fileName, cases: payload.cases.length, keyCreated: key.created };
  } catch (error) {
    if (error instanceof KeyError) return { ok: false, reason: error.text };
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { id: `Kesalahan tak terduga: ${why}`, en: `Unexpected error: ${why}` } };
  }
}
