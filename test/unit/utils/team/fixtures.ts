/**
 * Activity reports for the team tests: officers with generated keys, and payloads built by
 * buildPayload from a small hand-made log (so the counting is the real one).
 */
import type { CaseRow, EventRow } from '../../../../utils/db/schema';
import { generateOfficerKey } from '../../../../utils/pdf/keys';
import type { Signer } from '../../../../utils/pdf/types';
import { buildPayload, type ReportPayload } from '../../../../utils/team/report';
import { reportFileText, signReport } from '../../../../utils/team/sign';

export const SARI = {
  name: 'Sari Wulandari',
  nip: '198805052015032002',
  unit: 'DPMPTSP Kota Contoh',
  region: '31',
};
export const BUDI = {
  name: 'Budi Santoso',
  nip: '199001012018011001',
  unit: 'DPMPTSP Kota Contoh',
  region: '31',
};

/** Keys made on 1 Nov 2026, valid for a year. */
export async function signerFor(officer: { name: string; nip: string; unit: string }): Promise<Signer> {
  const key = await generateOfficerKey(officer, { now: new Date('2026-11-01T00:00:00Z') });
  return { privateKey: key.privateKey, certificateDer: key.certificateDer };
}

export function caseRow(id: string, over: Partial<CaseRow> = {}): CaseRow {
  const [portal = 'oss-rba', caseRef = id] = id.split(':');
  return {
    id,
    portal,
    caseRef,
    permitType: 'oss-rba',
    region: '31',
    stage: 'verification',
    status: 'in-progress',
    mode: 'remote',
    modes: ['remote'],
    slaStatus: 'on-track',
    dueAt: '2026-12-04',
    indexedOn: '2026-11-27',
    officer: '',
    updatedAt: '2026-11-27T03:00:00.000Z',
    seq: 3,
    logLength: 4,
    headHash: 'h',
    snapshot: {} as CaseRow['snapshot'],
    ...over,
  } as CaseRow;
}

let n = 0;
/** A log entry: `type` at a local date (WIB). */
export function entry(officer: string | null, caseId: string, date: string, type: string): EventRow {
  n += 1;
  return {
    id: `e-${n}`,
    caseId,
    officer,
    device: 'd',
    at: `${date}T09:00:00+07:00`,
    event: { type } as EventRow['event'],
    seq: n,
    prevHash: '',
    hash: '',
    storedAt: `${date}T02:00:00.000Z`,
  };
}

export function payloadOf(
  officer: typeof SARI,
  period: { from: string; to: string },
  events: EventRow[],
  cases: CaseRow[],
  generatedAt = `${period.to}T17:00:00+07:00`,
): ReportPayload {
  return buildPayload({ officer, period, generatedAt, device: 'dev-1', cases, events });
}

export async function reportText(payload: ReportPayload, signer: Signer): Promise<string> {
  return reportFileText(await signReport(payload, signer));
}
