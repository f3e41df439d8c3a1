/**
 * The activity map in the built extension: DKI Jakarta against Papua Pegunungan chosen with the
 * keyboard, differing modes shown in words, the choice surviving a reload, CSV and PDF
 * downloads checked for their content (the PDF read back by poppler's pdftotext), and axe clean.
 * Works on no demo case (cases.ts); leaves the language as it found it.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { activityMap, findRegion } from '../../machines';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const DATE = '2026-11-28';

test.setTimeout(120_000);

test('activity map: DKI Jakarta vs Papua Pegunungan, keyboard, reload, CSV and PDF, axe', async ({
  page,
  extensionId,
}, testInfo) => {
  const t0 = Date.now();
  // Timings are reported, never asserted.
  const mark = (what: string) =>
    testInfo.annotations.push({ type: 'measure', description: `${what} at ${Date.now() - t0} ms` });
  const dki = findRegion('31');
  const papua = findRegion('97');
  if (!dki || !papua) throw new Error('regions 31/97 missing');
  const expected = activityMap({ regions: [dki, papua], date: DATE });

  const opened = Date.now();
  // Start from another pair, so the choice below is really made on the page.
  await page.goto(`chrome-extension://${extensionId}/activity-map.html?a=32&b=33&date=${DATE}`);
  await expect(page.getByTestId('map-summary')).toContainText('Jawa Barat');
  testInfo.annotations.push({ type: 'measure', description: `first view ${Date.now() - opened} ms` });
  await expect(page.getByTestId('workspace-heading')).toHaveText('Peta kegiatan: mode kerja setiap langkah');

  // Keyboard: focus the labelled selects and pick by typing/arrow keys.
  await page.getByLabel('Wilayah A', { exact: true }).focus();
  await page.getByLabel('Wilayah A', { exact: true }).selectOption('31');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Wilayah B (pembanding)', { exact: true })).toBeFocused();
  await page.getByLabel('Wilayah B (pembanding)', { exact: true }).selectOption('97');
  await expect(page.getByTestId('map-summary')).toHaveText(
    `${expected.differing} dari ${expected.steps} langkah berbeda antara DKI Jakarta dan Papua Pegunungan pada ${DATE}.`,
  );

  // Differing modes, in words, for a known step.
  const differing = page.locator('[data-testid="map-row"][data-differs="true"]');
  await expect(differing).toHaveCount(expected.differing);
  const first = differing.first();
  await expect(first.getByTestId('map-mode').nth(0)).toContainText('Dari mana saja');
  await expect(first.getByTestId('map-mode').nth(1)).toContainText('Di kantor');
  await expect(first.getByTestId('map-difference')).toHaveText('≠ Berbeda');
  await expect(page.getByTestId('map-region-card-b-wfa')).toContainText(
    '2027-01-04 — belum dimulai pada 2026-11-28',
  );

  // Reasons open from the keyboard.
  const summary = first.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(first.locator('details')).toHaveAttribute('open', '');
  await expect(first.locator('details')).toContainText(
    'Peta jalan WFA Papua Pegunungan baru mulai 2027-01-04',
  );

  // The choice is in the URL and survives a reload.
  await expect(page).toHaveURL(new RegExp(`a=31&b=97&date=${DATE}`));
  await page.reload();
  await expect(page.getByLabel('Wilayah A', { exact: true })).toHaveValue('31');
  await expect(page.getByLabel('Wilayah B (pembanding)', { exact: true })).toHaveValue('97');
  await expect(page.getByLabel('Tanggal penilaian', { exact: true })).toHaveValue(DATE);

  mark('before axe');
  expect(await seriousViolations(page)).toEqual([]);
  mark('after axe');

  // CSV: the download as a spreadsheet gets it.
  const csvButton = page.getByTestId('map-export-csv');
  await csvButton.focus();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(csv.suggestedFilename()).toBe(`peta-kegiatan-31-97-${DATE}.csv`);
  const bytes = await readFile((await csv.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(
    'Tanggal penilaian,Kode izin,Izin,Tahap,Kode langkah,Langkah,Peran,Mode — DKI Jakarta,Aturan — DKI Jakarta,Alasan — DKI Jakarta,Mode — Papua Pegunungan,Aturan — Papua Pegunungan,Alasan — Papua Pegunungan,Berbeda',
  );
  expect(lines).toHaveLength(expected.steps + 1);
  const row = expected.permits.flatMap((p) => p.rows).find((r) => r.differs);
  if (!row) throw new Error('no differing row');
  const known = lines.find((l) => l.startsWith(`${DATE},${row.permitId},`) && l.includes(`,${row.stepId},`));
  expect(known).toContain(',Dari mana saja,');
  expect(known).toContain(',Di kantor,wfa-roadmap,');
  expect(known?.endsWith(',ya')).toBe(true);

  mark('csv done');
  // PDF: downloaded, and pdftotext reads both regions back.
  const made = Date.now();
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('map-export-pdf').click(),
  ]);
  testInfo.annotations.push({ type: 'measure', description: `PDF download ${Date.now() - made} ms` });
  expect(pdf.suggestedFilename()).toBe(`peta-kegiatan-31-97-${DATE}.pdf`);
  const text = execFileSync('pdftotext', [(await pdf.path()) as string, '-'], { encoding: 'utf8' });
  expect(text).toContain('DKI Jakarta');
  expect(text).toContain('Papua Pegunungan');
  expect(text).toContain('dibuat dengan Pandu Izin');
  await expect(page.getByTestId('map-export-status')).toContainText(`peta-kegiatan-31-97-${DATE}.pdf`);

  mark('pdf done');
  // Only differences, then the language switch (put back afterwards).
  await page.getByLabel('Hanya langkah yang berbeda', { exact: true }).check();
  await expect(page.getByTestId('map-row')).toHaveCount(expected.differing);
  // One permit for the English scan: the tables are alike and a full-page scan costs ~20 s here.
  await page.getByLabel('Jenis izin', { exact: true }).selectOption('pbg');
  await expect(page.getByTestId('map-table')).toHaveCount(1);
  await page.getByTestId('workspace-language').click();
  try {
    await expect(page.getByTestId('workspace-heading')).toHaveText(
      'Activity map: the work mode of every step',
    );
    await expect(page.locator('[data-testid="map-row"][data-differs="true"]').first()).toContainText(
      'At the office',
    );
    expect(await seriousViolations(page)).toEqual([]);
    mark('English axe done');
  } finally {
    await page.getByTestId('workspace-language').click();
    await expect(page.getByTestId('workspace-heading')).toHaveText(
      'Peta kegiatan: mode kerja setiap langkah',
    );
    for (const a of testInfo.annotations) console.info(`[activity-map] ${a.description}`);
  }
});

test('the popup opens the activity map in a tab, on DKI Jakarta vs Papua Pegunungan today', async ({
  context,
  page,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const button = page.getByTestId('popup-open-activity-map');
  await expect(button).toHaveText('Buka peta kegiatan');
  const [opened] = await Promise.all([context.waitForEvent('page'), button.click()]);
  try {
    await expect(opened).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/activity-map\\.html`));
    await expect(opened.getByTestId('map-summary')).toContainText('antara DKI Jakarta dan Papua Pegunungan');
    // Opened without a query, it writes the default choice into its URL.
    await expect(opened).toHaveURL(/\?a=31&b=97&date=\d{4}-\d{2}-\d{2}$/);
  } finally {
    await opened.close();
  }
});
