/**
 * The team view without a server: two officers' signed activity reports, made in Node with the
 * same modules the extension uses (utils/team), are imported together on the dashboard; the
 * per-officer table shows both officers' outputs. A tampered copy is refused with its reason
 * and leaves the list and the table as they were. axe on the section in each state.
 *
 * No demo portal case is used (cases.ts): the reports carry their own cases.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRow } from '../../utils/db/schema';
import { generateOfficerKey } from '../../utils/pdf/keys';
import { buildPayload, reportFileName } from '../../utils/team/report';
import { reportFileText, signReport, verifyReport } from '../../utils/team/sign';
import { browserTime } from '../../utils/time/zoned';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { sendFrom } from './pages/sidepanel';

const SARI = { name: 'Sari Wulandari', nip: '198805052015032002', unit: 'DPMPTSP Kota Contoh', region: '31' };
const BUDI = { name: 'Budi Santoso', nip: '199001012018011001', unit: 'DPMPTSP Kota Contoh', region: '97' };
const PERIOD = { from: '2026-11-23', to: '2026-11-27' };

let seq = 0;
const entry = (officer: string, caseId: string, date: string, type: string) =>
  ({
    id: `e${++seq}`,
    caseId,
    officer,
    at: `${date}T10:00:00+07:00`,
    event: { type },
  }) as unknown as EventRow;

const caseRow = (id: string, slaStatus: 'on-track' | 'overdue') =>
  ({
    id,
    portal: id.split(':')[0],
    caseRef: id.split(':')[1],
    permitType: 'oss-rba',
    stage: 'verification',
    status: 'in-progress',
    modes: ['remote'],
    slaStatus,
    dueAt: '2026-12-04',
    region: '31',
    updatedAt: '2026-11-27T03:00:00.000Z',
  }) as never;

async function reportFile(officer: typeof SARI, events: EventRow[], cases: never[]): Promise<string> {
  const key = await generateOfficerKey(officer, { now: new Date(Date.now() - 86_400_000) });
  const payload = buildPayload({
    officer,
    period: PERIOD,
    // Unique per run: the same worker's database keeps reports imported by an earlier run.
    generatedAt: browserTime(new Date()).timestamp,
    device: 'e2e',
    cases,
    events,
  });
  return reportFileText(
    await signReport(payload, { privateKey: key.privateKey, certificateDer: key.certificateDer }),
  );
}

test('two officers’ signed reports are imported and aggregated; a tampered one is refused and changes nothing', async ({
  page,
  extensionId,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-team-'));
  const sari = await reportFile(
    SARI,
    [
      entry(SARI.nip, 'oss-rba:T-1', '2026-11-23', 'step.complete'),
      entry(SARI.nip, 'oss-rba:T-1', '2026-11-24', 'step.complete'),
      entry(SARI.nip, 'oss-rba:T-1', '2026-11-24', 'stage.advance'),
    ],
    [caseRow('oss-rba:T-1', 'overdue')],
  );
  const budi = await reportFile(
    BUDI,
    [
      entry(BUDI.nip, 'simbg:T-2', '2026-11-25', 'evidence.attach'),
      entry(BUDI.nip, 'simbg:T-2', '2026-11-26', 'evidence.attach'),
      entry(BUDI.nip, 'simbg:T-3', '2026-11-26', 'step.complete'),
    ],
    [caseRow('simbg:T-2', 'on-track'), caseRow('simbg:T-3', 'on-track')],
  );
  const sariFile = join(dir, reportFileName(SARI.nip, PERIOD));
  const budiFile = join(dir, reportFileName(BUDI.nip, PERIOD));
  writeFileSync(sariFile, sari);
  writeFileSync(budiFile, budi);
  // One visit more, written into Budi's signed payload.
  const parsed = JSON.parse(budi) as { payload: string };
  const tamperedFile = join(dir, 'laporan-budi-diubah.json');
  writeFileSync(
    tamperedFile,
    JSON.stringify({ ...parsed, payload: parsed.payload.replace('"visits":2', '"visits":3') }),
  );
  expect(parsed.payload).toContain('"visits":2');

  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const section = page.getByTestId('team-section');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(
    'Tim: laporan kegiatan bertanda tangan',
  );
  expect(await seriousViolations(page, '[data-testid="team-section"]')).toEqual([]);

  const input = page.getByLabel('Pilih berkas laporan kegiatan (.json), boleh beberapa sekaligus');
  const started = Date.now();
  await input.setInputFiles([sariFile, budiFile]);
  const verdicts = page.getByTestId('team-verdict');
  await expect(verdicts).toHaveCount(2);
  const importMs = Date.now() - started;
  await expect(verdicts.nth(0)).toHaveAttribute('data-status', 'imported');
  await expect(verdicts.nth(1)).toHaveAttribute('data-status', 'imported');
  await expect(verdicts.nth(0)).toContainText(`Diimpor: laporan ${SARI.name} (NIP ${SARI.nip})`);
  await expect(page.getByTestId('team-import-results-heading')).toBeFocused();

  const officerRow = (nip: string) =>
    page.locator(`[data-testid="team-aggregate-row"][data-officer="${nip}"]`);
  const cell = (nip: string, kind: string) => officerRow(nip).getByTestId(`team-aggregate-${kind}`);
  await expect(cell(SARI.nip, 'steps')).toHaveText('2');
  await expect(cell(SARI.nip, 'advances')).toHaveText('1');
  await expect(cell(SARI.nip, 'visits')).toHaveText('0');
  await expect(cell(BUDI.nip, 'steps')).toHaveText('1');
  await expect(cell(BUDI.nip, 'visits')).toHaveText('2');
  await expect(cell(SARI.nip, 'cases')).toContainText('Melewati batas waktu: 1');
  await expect(cell(BUDI.nip, 'cases')).toContainText('Sesuai jadwal: 2');
  await expect(officerRow(SARI.nip).getByRole('rowheader')).toContainText(SARI.name);
  const reportRow = page.locator(`[data-testid="team-report-row"][data-officer="${BUDI.nip}"]`);
  await expect(reportRow.first()).toContainText('tidak tersertifikasi');
  expect(await seriousViolations(page, '[data-testid="team-section"]')).toEqual([]);

  const listBefore = await page.getByTestId('team-reports-table').textContent();
  const tableBefore = await page.getByTestId('team-aggregate-table').textContent();
  await input.setInputFiles([tamperedFile]);
  await expect(verdicts).toHaveCount(1);
  await expect(verdicts.first()).toHaveAttribute('data-status', 'refused');
  await expect(verdicts.first()).toHaveAttribute('data-reason', 'data-changed');
  await expect(verdicts.first()).toContainText(
    'Ditolak, tidak ada yang disimpan: Tanda tangan tidak cocok: isi laporan diubah setelah ditandatangani',
  );
  await expect(page.getByTestId('team-import-results-heading')).toBeFocused();
  expect(await page.getByTestId('team-reports-table').textContent()).toBe(listBefore);
  expect(await page.getByTestId('team-aggregate-table').textContent()).toBe(tableBefore);
  await expect(cell(BUDI.nip, 'visits')).toHaveText('2');
  expect(await seriousViolations(page, '[data-testid="team-section"]')).toEqual([]);

  // The same file again: already there, nothing changes.
  await input.setInputFiles([sariFile]);
  await expect(verdicts.first()).toHaveAttribute('data-status', 'duplicate');
  expect(await page.getByTestId('team-reports-table').textContent()).toBe(listBefore);
  console.log(`[team] importing two signed reports took ${importMs} ms (pick to verdicts shown)`);
});

test('an officer exports their signed report from the dashboard; it verifies outside the browser', async ({
  page,
  extensionId,
}) => {
  const officer = {
    name: 'Rina Marlina',
    nip: '199203152019032004',
    unit: 'DPMPTSP Kota Contoh',
    role: 'officer',
    region: '31',
  };
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const before = await sendFrom<{ value: unknown }>(page, 'settings.get', { key: 'officer' });
  expect(await sendFrom(page, 'settings.set', { key: 'officer', value: officer })).toMatchObject({
    ok: true,
  });
  try {
    const exportPanel = page.getByTestId('team-export');
    await expect(exportPanel.getByTestId('team-export-identity')).toHaveCount(0);
    await exportPanel.getByLabel('Dari tanggal').fill('2026-11-02');
    await exportPanel.getByLabel('Sampai tanggal').fill('2026-11-27');
    const downloading = page.waitForEvent('download');
    const started = Date.now();
    await exportPanel.getByRole('button', { name: 'Ekspor laporan kegiatan saya' }).click();
    const download = await downloading;
    const exportMs = Date.now() - started;
    expect(download.suggestedFilename()).toBe(`laporan-kegiatan-${officer.nip}-2026-11-02-2026-11-27.json`);
    const file = join(mkdtempSync(join(tmpdir(), 'pandu-team-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const outcome = await verifyReport(readFileSync(file, 'utf8'));
    if (!outcome.ok) throw new Error(`the exported report does not verify: ${outcome.reason}`);
    expect(outcome.report.payload.officer).toMatchObject({ name: officer.name, nip: officer.nip });
    expect(outcome.report.payload.period).toEqual({ from: '2026-11-02', to: '2026-11-27' });
    expect(outcome.report.signer.subject.serialNumber).toBe(officer.nip);
    await expect(page.getByTestId('team-export-status')).toContainText(
      `✓ Laporan ${download.suggestedFilename()} diunduh`,
    );
    expect(await seriousViolations(page, '[data-testid="team-section"]')).toEqual([]);
    console.log(
      `[team] exporting and signing a report in the dashboard took ${exportMs} ms (click to download)`,
    );
  } finally {
    const previous =
      before.ok && before.data?.value
        ? before.data.value
        : { name: '', nip: '', unit: '', role: 'officer', region: '' };
    await sendFrom(page, 'settings.set', { key: 'officer', value: previous });
  }
});
