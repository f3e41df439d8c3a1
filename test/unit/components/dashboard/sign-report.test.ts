/**
 * The dashboard's signed PDF summary: the file verifies with poppler's pdfsig and with our
 * verifier, prints what the view shows, is recorded in the signatures register as a report,
 * and is not made without an identity.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../../components/dashboard/filters';
import { type DashboardRow, prepareRows, summarize } from '../../../../components/dashboard/model';
import { outputsView } from '../../../../components/dashboard/outputs';
import type { ReportInput } from '../../../../components/dashboard/report-content';
import { signDashboardReport } from '../../../../components/dashboard/sign-report';
import { createCalendar } from '../../../../machines';
import { setSetting } from '../../../../utils/db/settings';
import { sha256Hex } from '../../../../utils/pdf/payload';
import { verifyPdf } from '../../../../utils/pdf/verify';
import { extensionPageHost, FIXTURE_OFFICER, fixtureFonts } from '../../helpers/extension-page';
import { run } from '../../utils/pdf/signing-tools';

const FONTS = fixtureFonts();
const dir = mkdtempSync(join(tmpdir(), 'dash-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const done of cleanup.splice(0)) await done();
});

function input(): ReportInput {
  const rows: DashboardRow[] = Array.from({ length: 60 }, (_, i) => ({
    id: `oss-rba:I-${i}`,
    portal: 'oss-rba',
    caseRef: `I-2026112400030${String(i).padStart(2, '0')}`,
    permitType: i % 2 ? 'oss-rba' : 'pbg',
    region: i % 3 ? '31' : '94',
    stage: 'x',
    status: 'in-progress',
    mode: i % 4 ? 'remote' : 'field',
    modes: i % 4 ? ['remote'] : ['remote', 'field'],
    slaStatus: 'on-track',
    dueAt: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`,
    officer: FIXTURE_OFFICER.nip,
    updatedAt: '2026-12-01T01:00:00.000Z',
  }));
  const prepared = prepareRows(rows, '2026-12-15', createCalendar());
  const targets = {
    daily: { steps: 2, advances: 0, visits: 0 },
    weekly: { steps: 10, advances: 1, visits: 0 },
  };
  return {
    lang: 'id',
    today: '2026-12-15',
    summary: summarize(prepared, NO_FILTERS),
    total: 60,
    filterWords: [],
    outputs: outputsView(
      [
        {
          caseId: 'x',
          officer: FIXTURE_OFFICER.nip,
          at: '2026-12-15T09:00:00+07:00',
          event: { type: 'step.complete' },
        },
      ],
      '2026-12-15',
      targets,
    ),
    targetsSet: true,
    officerName: (o) => (o === FIXTURE_OFFICER.nip ? `${FIXTURE_OFFICER.name} (${o})` : o),
  };
}

async function setup(officer = true) {
  const env = extensionPageHost('dashboard.html', 'report');
  cleanup.push(() => env.db.delete());
  if (officer) await setSetting(env.db, 'officer', FIXTURE_OFFICER);
  const saved: { bytes: Uint8Array; fileName: string }[] = [];
  const deps = {
    db: env.db,
    fonts: async () => FONTS,
    save: (bytes: Uint8Array, fileName: string) => saved.push({ bytes, fileName }),
    now: () => new Date('2026-12-15T03:04:05Z'),
  };
  return { ...env, deps, saved };
}

describe('the signed dashboard report', () => {
  it('verifies with pdfsig and our verifier, and is registered as a report', async () => {
    const env = await setup();
    const started = performance.now();
    const outcome = await signDashboardReport(env.deps, input());
    console.info(
      `[dashboard report] 60 cases: laid out and signed in ${(performance.now() - started).toFixed(0)} ms`,
    );
    if (!outcome.ok) throw new Error(outcome.reason.en);
    expect(outcome.signerName).toBe(FIXTURE_OFFICER.name);
    const [file] = env.saved;
    if (!file) throw new Error('nothing saved');
    expect(file.fileName).toMatch(/^laporan-dasbor-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(await sha256Hex(file.bytes)).toBe(outcome.fileSha256);

    const report = await verifyPdf(file.bytes);
    expect(report).toMatchObject({ valid: true, modified: false });
    expect(report.signatures[0]?.signer?.subject).toMatchObject({ CN: FIXTURE_OFFICER.name });

    const path = join(dir, file.fileName);
    writeFileSync(path, file.bytes);
    const pdfsig = run('pdfsig', [path]);
    expect(pdfsig.stdout).toContain('Signature is Valid.');
    // One byte changed inside the signed range breaks it.
    const tampered = new Uint8Array(file.bytes);
    const at = tampered.indexOf(0x28, 2000); // a "(" in a content or info string
    tampered[at + 1] = (tampered[at + 1] ?? 0) ^ 1;
    writeFileSync(join(dir, 'tampered.pdf'), tampered);
    expect(run('pdfsig', [join(dir, 'tampered.pdf')]).stdout).toContain('Digest Mismatch.');
    expect((await verifyPdf(tampered)).valid).toBe(false);

    const pdf = await PDFDocument.load(file.bytes);
    expect(pdf.getTitle()).toBe('Laporan Ringkas Dasbor Perkara');
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
    const text = run('pdftotext', [path, '-']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Jumlah perkara per tahap dan cara kerja');
    expect(text).toContain('Umur tenggat layanan (hari kerja)');
    expect(text).toContain('Perkara 25 pertama dari 60, menurut urgensi.');
    expect(text).toContain('Target belum tercapai');
    expect(text).toContain(FIXTURE_OFFICER.nip);
    expect(text).toContain('Tanpa saringan.');

    expect(await env.db.signatures.toArray()).toEqual([
      expect.objectContaining({
        caseId: '',
        kind: 'report',
        fileSha256: outcome.fileSha256,
        signer: FIXTURE_OFFICER.name,
      }),
    ]);
  });

  it('is not made without an officer identity', async () => {
    const env = await setup(false);
    const outcome = await signDashboardReport(env.deps, input());
    expect(outcome).toMatchObject({ ok: false, reason: { en: expect.stringContaining('Officer identity') } });
    expect(env.saved).toEqual([]);
    expect(await env.db.signatures.count()).toBe(0);
  });
});
