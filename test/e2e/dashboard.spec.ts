/**
 * The supervisor dashboard end to end: cases made by visiting demo portal detail pages, output
 * targets set in Options, then the dashboard's filters (kept across a reload) and counts, the
 * CSV download (BOM, header, one line per case shown), the signed PDF summary checked by
 * poppler's pdfsig, outputs against the targets, and axe. The browser is shared with the
 * other specs, so figures are read relative to what the dashboard shows, and the cases used
 * are this spec's own (cases.ts). Identity and targets are put back at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { dashboardCases, expected } from './cases';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard';
import { OptionsPage } from './pages/options';
import { OverlayPanel } from './pages/overlay';
import { sendFrom } from './pages/sidepanel';

const OFFICER = {
  name: 'Rahmat Hidayat',
  nip: '197905102005011002',
  unit: 'DPMPTSP Provinsi Contoh',
  role: 'supervisor',
  region: '33',
};
const NO_TARGETS = {
  daily: { steps: 0, advances: 0, visits: 0 },
  weekly: { steps: 0, advances: 0, visits: 0 },
};

test('filters and counts, CSV and signed PDF of the filtered view, outputs against the targets set in Options', async ({
  page,
  portal,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const { field, other } = dashboardCases(portal.today);
  const [first, second] = field;
  const ossId = (ref: string) => `oss-rba:${ref}`;

  // The cases: each detail page visited once, the overlay recognises it and records it.
  for (const c of [first, second]) {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(c.id)}`);
    await expect(new OverlayPanel(page).caseRef).toHaveText(c.id);
  }
  await page.goto(`${portal.url}${PORTAL_PATHS.sicantik.detail(other.id)}`);
  await expect(new OverlayPanel(page).caseRef).toHaveText(other.id);

  // Identity and targets in Options (as a supervisor would), remembering what was there.
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  const before = {
    officer: (await sendFrom<{ value: unknown }>(page, 'settings.get', { key: 'officer' })).data?.value,
    targets: (await sendFrom<{ value: unknown }>(page, 'settings.get', { key: 'targets' })).data?.value,
  };
  const dir = mkdtempSync(join(tmpdir(), 'pandu-dash-'));
  try {
    expect(await sendFrom(page, 'settings.set', { key: 'officer', value: OFFICER })).toMatchObject({
      ok: true,
    });
    await options.goto();
    const targets = page.getByTestId('targets-section');
    await targets.getByLabel('Langkah selesai').first().fill('40');
    await targets.getByTestId('target-weekly-steps').fill('1,5');
    await page.getByTestId('targets-save').click();
    await expect(page.getByTestId('target-weekly-steps-error')).toContainText('bilangan bulat');
    await expect(page.getByTestId('target-weekly-steps')).toHaveValue('1,5');
    await page.getByTestId('target-weekly-steps').fill('200');
    await page.getByTestId('target-weekly-visits').fill('3');
    await page.getByTestId('targets-save').click();
    await expect(page.getByTestId('targets-outcome')).toHaveText('Target tersimpan.');

    // The dashboard, everything first.
    const dash = new DashboardPage(page, extensionId);
    await dash.goto();
    await expect(dash.heading).toHaveText('Pandu Izin — Dasbor perkara');
    const [shownAll, total] = await dash.shownCounts();
    expect(shownAll).toBe(total);
    expect(total).toBeGreaterThanOrEqual(3);
    await expect(dash.countsTotal).toHaveText(String(total));
    // Its SLA as the engine sees the case the portal shows (cases.ts `expected`).
    await expect(dash.row(`sicantik:${other.id}`)).toHaveAttribute(
      'data-sla',
      expected(other, portal.today).view.sla.status,
    );
    await expect(dash.agingChart).toHaveAttribute('role', 'img');
    expect(await seriousViolations(page)).toEqual([]);

    // Filters: permit, then its stage, then the province; the URL keeps them across a reload.
    await dash.filter('permitType').selectOption('oss-rba');
    await dash.filter('stage').selectOption('oss-rba:permitVerification');
    for (const c of field) {
      await expect(dash.row(ossId(c.id))).toBeVisible();
      await expect(
        dash.row(ossId(c.id)).getByTestId('pandu-mode').filter({ hasText: 'Ke lapangan' }),
      ).toHaveCount(1);
    }
    const [shownStage] = await dash.shownCounts();
    await expect(dash.rows).toHaveCount(shownStage);
    await expect(dash.countsRows).toHaveCount(1);
    await expect(dash.countsRows.first()).toHaveAttribute('data-stage', 'oss-rba:permitVerification');
    await expect(dash.countsTotal).toHaveText(String(shownStage));
    await expect(dash.row(`sicantik:${other.id}`)).toHaveCount(0);
    await dash.filter('region').selectOption(second.province);
    await expect(dash.row(ossId(first.id))).toHaveCount(0);
    await expect(dash.row(ossId(second.id))).toBeVisible();
    expect(new URL(page.url()).searchParams.get('wilayah')).toBe(second.province);
    await page.reload();
    await expect(dash.filter('region')).toHaveValue(second.province);
    await expect(dash.filter('stage')).toHaveValue('oss-rba:permitVerification');
    await expect(dash.row(ossId(second.id))).toBeVisible();
    await expect(dash.row(ossId(first.id))).toHaveCount(0);

    // Back to the stage filter only: the CSV holds exactly the cases shown.
    await dash.filter('region').selectOption('');
    const [shown] = await dash.shownCounts();
    const csvDownload = page.waitForEvent('download');
    await dash.csv.click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toMatch(/^perkara-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = join(dir, 'cases.csv');
    await csvFile.saveAs(csvPath);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Nomor perkara,Portal,Jenis izin,Tahap,Cara kerja,Status tenggat,Jatuh tempo,Sisa hari kerja,Petugas,Wilayah,Diperbarui',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(shown + 2);
    for (const c of field) expect(lines.some((l) => l.startsWith(`${c.id},OSS RBA,`))).toBe(true);
    await expect(dash.exportStatus).toContainText(`${shown} perkara`);

    // The signed PDF summary of the same view.
    const pdfDownload = page.waitForEvent('download');
    await dash.pdf.click();
    const pdfFile = await pdfDownload;
    expect(pdfFile.suggestedFilename()).toMatch(/^laporan-dasbor-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfPath = join(dir, 'report.pdf');
    await pdfFile.saveAs(pdfPath);
    expect(execFileSync('pdfsig', [pdfPath], { encoding: 'utf8' })).toContain('Signature is Valid.');
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Laporan Ringkas Dasbor Perkara');
    expect(text).toContain(first.id);
    expect(text).toMatch(/Jenis izin: [^;]*OSS RBA[^;]*; Tahap: /);
    await expect(dash.exportStatus).toContainText(`ditandatangani oleh ${OFFICER.name}`);

    // Outputs against the targets just set: the supervisor's own row, daily steps "0 of 40".
    await expect(dash.noTargets).toHaveCount(0);
    const mine = dash.outputsRows.and(page.locator(`[data-officer="${OFFICER.nip}"]`));
    await expect(mine).toHaveCount(2);
    await expect(mine.first()).toContainText(`${OFFICER.name} (${OFFICER.nip})`);
    await expect(mine.first().locator('[data-kind="steps"]')).toHaveText('0 dari 40');
    await expect(mine.nth(1).locator('[data-kind="visits"]')).toHaveText('0 dari 3');
    await expect(mine.first().getByTestId('dash-outputs-result')).toHaveText('✗ Target belum tercapai');
    expect(await seriousViolations(page)).toEqual([]);

    await dash.reset.click();
    await expect.poll(() => dash.shownCounts()).toEqual([total, total]);
    expect(new URL(page.url()).search).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sendFrom(page, 'settings.set', {
      key: 'officer',
      value: before.officer ?? { name: '', nip: '', unit: '', role: 'officer', region: '' },
    });
    await sendFrom(page, 'settings.set', { key: 'targets', value: before.targets ?? NO_TARGETS });
  }
});
