/** History sentences: one readable line per log entry, in both languages, from the real OSS RBA workflow. */
import { describe, expect, it } from 'vitest';
import { describeLog, formatTime, whoOf } from '../../../../components/workspace/history';
import { findDefinition, type PermitEvent } from '../../../../machines';
import type { Intent } from '../../../../utils/db/cases';
import type { EventRow } from '../../../../utils/db/schema';

const definition = findDefinition('oss-rba');
const names = { definition, portalName: (id: string) => (id === 'oss-rba' ? 'OSS RBA' : id) };
const AT = '2026-11-23T09:05:00+07:00';

let seq = 0;
function opened(): EventRow {
  seq = 1;
  return {
    id: 'e1',
    caseId: 'oss-rba:I-1',
    officer: '198503122010012003',
    device: 'd',
    at: '2026-11-20T08:00:00+07:00',
    opened: {
      id: 'oss-rba:I-1',
      portal: 'oss-rba',
      caseRef: 'I-1',
      permitId: 'oss-rba',
      region: '31',
      receivedAt: '2026-11-20T08:00:00+07:00',
    },
    seq: 1,
    prevHash: '0',
    hash: 'h1',
    storedAt: AT,
  };
}
function entry(event: Intent, officer: string | null = 'Siti'): EventRow {
  seq++;
  return {
    id: `e${seq}`,
    caseId: 'oss-rba:I-1',
    officer,
    device: 'd',
    at: AT,
    event: { at: AT, ...event } as PermitEvent,
    seq,
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    storedAt: AT,
  };
}

const whats = (lang: 'id' | 'en', rows: EventRow[]) => describeLog(lang, rows, names).map((l) => l.what);

describe('describeLog', () => {
  it('names the case, portal and permit of the opening entry', () => {
    expect(whats('id', [opened()])).toEqual([
      'Perkara I-1 dicatat dari portal OSS RBA: Perizinan Berusaha Berbasis Risiko (OSS RBA)',
    ]);
    expect(whats('en', [opened()])).toEqual([
      'Case I-1 recorded from the OSS RBA portal: Risk-Based Business Licensing (OSS RBA)',
    ]);
  });

  it('uses the workflow’s item and step names, in the chosen language', () => {
    const log = [
      opened(),
      entry({ type: 'checklist.tick', itemId: 'oss-nik' }),
      entry({ type: 'step.complete', stepId: 'oss-account-registration' }),
      entry({ type: 'stage.advance' }),
      entry({ type: 'checklist.tick', itemId: 'oss-kbli' }),
    ];
    expect(whats('id', log).slice(1)).toEqual([
      'Mencentang “NIK pelaku usaha”',
      'Menandai langkah “Pembuatan akun OSS oleh pelaku usaha” selesai',
      'Melanjutkan perkara ke tahap berikutnya',
      'Mencentang “KBLI dan tingkat risiko”',
    ]);
    expect(whats('en', log).slice(1)).toEqual([
      "Ticked “Business owner's national ID number (NIK)”",
      `Marked the step “${definition?.stages[0]?.steps[0]?.name.en}” done`,
      'Moved the case on to the next stage',
      'Ticked “KBLI code and resulting risk level”',
    ]);
  });

  it('tells an untick after a tick from undoing "missing"', () => {
    const log = [
      opened(),
      entry({ type: 'checklist.tick', itemId: 'oss-nik' }),
      entry({ type: 'checklist.untick', itemId: 'oss-nik' }),
      entry({ type: 'checklist.markMissing', itemId: 'oss-npwp', note: 'belum diunggah' }),
      entry({ type: 'checklist.untick', itemId: 'oss-npwp' }),
      entry({ type: 'checklist.markMissing', itemId: 'oss-email' }),
    ];
    expect(whats('id', log).slice(1)).toEqual([
      'Mencentang “NIK pelaku usaha”',
      'Membatalkan centang “NIK pelaku usaha”',
      'Menandai “NPWP” tidak ada, dengan catatan: belum diunggah',
      'Membatalkan tanda tidak ada pada “NPWP”',
      'Menandai “Alamat email aktif” tidak ada',
    ]);
    expect(whats('en', log)[4]).toBe('Undid “missing” on “Tax number (NPWP)”');
  });

  it('quotes notes, reasons and portal statuses as given, with what they are about', () => {
    const log = [
      opened(),
      entry({ type: 'note.add', text: 'Pemohon menelepon', itemId: 'oss-deed' }),
      entry({ type: 'note.add', text: 'Cek ulang', stepId: 'oss-account-registration' }),
      entry({ type: 'note.add', text: 'Umum' }),
      entry({ type: 'case.returnToApplicant', reason: 'Akta tidak terbaca' }),
      entry({ type: 'applicant.resubmitted' }),
      entry({ type: 'portal.statusSeen', status: 'Terverifikasi' }),
      entry({ type: 'case.reject', reason: '<b>bukan markup</b>' }),
    ];
    expect(whats('id', log).slice(1)).toEqual([
      'Menambahkan catatan pada “Akta pendirian dan pengesahan Kementerian Hukum”: Pemohon menelepon',
      'Menambahkan catatan pada “Pembuatan akun OSS oleh pelaku usaha”: Cek ulang',
      'Menambahkan catatan: Umum',
      'Mengembalikan berkas ke pemohon untuk perbaikan: Akta tidak terbaca',
      'Mencatat bahwa pemohon sudah menyerahkan perbaikan',
      'Portal menampilkan status “Terverifikasi”',
      'Menolak permohonan: <b>bukan markup</b>',
    ]);
  });

  it('names facts with their labels and yes/no in words', () => {
    const log = [
      opened(),
      entry({ type: 'case.setFacts', facts: { riskLevel: 'tinggi', fieldVerification: true } }),
    ];
    expect(whats('id', log)[1]).toBe(
      `Mengubah data perkara: Tingkat risiko kegiatan usaha (KBLI): tinggi; ${definition?.facts[1]?.label.id}: ya`,
    );
    expect(whats('en', log)[1]).toBe(
      `Changed the case facts: Business risk level (from KBLI): tinggi; ${definition?.facts[1]?.label.en}: yes`,
    );
  });

  it('describes evidence, approval and closing', () => {
    const log = [
      opened(),
      entry({
        type: 'evidence.attach',
        stepId: 'oss-account-registration',
        evidence: {
          id: 'ev1',
          capturedAt: AT,
          photos: [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }],
          result: 'perlu-tindak-lanjut',
          inspectors: ['Siti'],
        },
      }),
      entry({ type: 'case.approve' }),
      entry({ type: 'case.close' }),
    ];
    expect(whats('id', log).slice(1)).toEqual([
      'Melampirkan bukti lapangan untuk “Pembuatan akun OSS oleh pelaku usaha”: 2 foto, hasil perlu tindak lanjut',
      'Menyetujui permohonan; izin terbit',
      'Menutup perkara',
    ]);
    expect(whats('en', log)[1]).toContain('2 photo(s), result needs follow-up');
  });

  it('says who signed a checklist, whether the signature is certified, and the file’s hash', () => {
    const signed = (certified: boolean) =>
      entry({
        type: 'signature.recorded',
        kind: 'checklist',
        fileSha256: 'ab'.repeat(32),
        signer: 'Siti Rahma',
        certificateSha256: 'cd'.repeat(32),
        certified,
        stageId: 'accountRegistration',
      } as Intent);
    expect(whats('id', [signed(false), signed(true)])).toEqual([
      'Daftar periksa ditandatangani Siti Rahma (tanda tangan elektronik tidak tersertifikasi; SHA-256 berkas abababababab…)',
      'Daftar periksa ditandatangani Siti Rahma (tanda tangan elektronik tersertifikasi; SHA-256 berkas abababababab…)',
    ]);
    expect(whats('en', [signed(false)])[0]).toBe(
      'Checklist signed by Siti Rahma (uncertified electronic signature; file SHA-256 abababababab…)',
    );
  });

  it('shows ids the workflow does not know as they are, and survives an unknown workflow', () => {
    const log = [opened(), entry({ type: 'checklist.tick', itemId: 'item-from-v0' })];
    expect(whats('id', log)[1]).toBe('Mencentang “item-from-v0”');
    const lines = describeLog('en', log, { definition: undefined, portalName: (id) => id });
    expect(lines.map((l) => l.what)).toEqual([
      'Case I-1 recorded from the oss-rba portal: oss-rba',
      'Ticked “item-from-v0”',
    ]);
  });

  it('keeps each entry’s number, time and id', () => {
    const lines = describeLog('id', [opened(), entry({ type: 'stage.advance' })], names);
    expect(lines.map(({ id, seq: n, at }) => ({ id, seq: n, at }))).toEqual([
      { id: 'e1', seq: 1, at: '2026-11-20T08:00:00+07:00' },
      { id: 'e2', seq: 2, at: AT },
    ]);
  });
});

describe('whoOf', () => {
  it('names the author stamped on the event, or the entry’s officer, or says there was none', () => {
    expect(whoOf('id', { officer: 'Siti', event: { type: 'stage.advance', at: AT, by: 'Siti' } })).toBe(
      'oleh Siti',
    );
    expect(whoOf('en', { officer: 'Siti', event: undefined })).toBe('by Siti');
    expect(whoOf('id', { officer: null, event: { type: 'stage.advance', at: AT } })).toBe(
      'oleh petugas tanpa identitas',
    );
    expect(whoOf('en', { officer: ' ', event: undefined })).toBe('by an officer without an identity');
  });

  it('shows both when the event’s author and the recording officer differ', () => {
    expect(whoOf('id', { officer: 'Budi', event: { type: 'stage.advance', at: AT, by: 'Siti' } })).toBe(
      'oleh Siti (petugas Budi)',
    );
  });
});

describe('formatTime', () => {
  it('formats in the local zone and language, and leaves a non-time as it is', () => {
    const id = formatTime('id', AT);
    const en = formatTime('en', AT);
    expect(id).toMatch(/2026/);
    expect(en).toMatch(/Nov 2026/);
    expect(formatTime('id', 'kemarin')).toBe('kemarin');
  });
});
