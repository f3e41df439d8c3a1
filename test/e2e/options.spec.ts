/**
 * The options page: live counts through Dexie liveQuery, backup export/import with a tampered
 * or truncated file refused whole, the officer's identity, and the language every view follows.
 * One browser serves the whole run, so each test puts back the language and identity it changed.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { buildDataset } from '../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { EMPTY_OFFICER, OptionsPage } from './pages/options';
import { OverlayPanel } from './pages/overlay';

async function tickOnPortal(page: Page, baseUrl: string, caseRef: string, index: number) {
  await page.goto(`${baseUrl}${PORTAL_PATHS.oss.detail(caseRef)}`);
  const overlay = new OverlayPanel(page);
  await expect(overlay.items).toHaveCount(5);
  await overlay.checkbox(index).check();
  await expect(overlay.item(index)).toHaveAttribute('data-status', 'ticked');
}

const eventCount = async (options: Page) => {
  const text = (await options.getByTestId('options-counts').textContent()) ?? '';
  return Number(/(\d+) catatan riwayat/.exec(text)?.[1] ?? Number.NaN);
};

test('backup: export, refuse a tampered and a truncated file, restore a good one', async ({
  context,
  page,
  portal,
  extensionId,
}) => {
  // A five-item OSS case (cases.ts plan); only its first two items are ticked here.
  const caseRef = ossFiveItemCases(portal.today)[3];
  await tickOnPortal(page, portal.url, caseRef, 0);

  const options = await context.newPage();
  try {
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('options-counts')).toHaveText(/\d+ perkara, \d+ catatan riwayat/);
    const before = await eventCount(options);

    // Live: a tick on the portal shows up here without a reload.
    await tickOnPortal(page, portal.url, caseRef, 1);
    await expect.poll(() => eventCount(options)).toBe(before + 1);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('options-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pandu-izin-cadangan-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path()) as string, 'utf8');
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'pandu-izin-backup',
      version: 1,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(text).toContain(caseRef);
    expect(text).not.toContain('privateKey');
    await expect(options.getByTestId('options-outcome')).toHaveText(/Cadangan disimpan/);

    const importFile = (name: string, body: string) =>
      options
        .getByTestId('options-import')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

    await importFile('diubah.json', text.replace(caseRef, `${caseRef.slice(0, -1)}X`));
    await expect(options.getByRole('alert')).toContainText('Tidak ada yang diubah.');
    await expect(options.getByRole('alert')).toContainText(/SHA-256/);

    await importFile('terpotong.json', text.slice(0, Math.floor(text.length / 2)));
    await expect(options.getByRole('alert')).toContainText(/terpotong/);

    await importFile('cadangan.json', text);
    await expect(options.getByRole('status').filter({ hasText: 'Cadangan dipulihkan' })).toContainText(
      'sudah mutakhir',
    );
    expect(await eventCount(options)).toBe(before + 1);
  } finally {
    await options.close();
  }
});

test('the options page is keyboard operable, bilingual and has no serious accessibility violations', async ({
  page,
  extensionId,
}) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await options.restore();
  try {
    await expect(options.heading).toHaveText('Pandu Izin — Opsi');
    await options.languageToggle.focus();
    await page.keyboard.press('Enter');
    await expect(options.heading).toHaveText('Pandu Izin — Options');
    await expect(page.getByRole('button', { name: 'Export backup' })).toBeVisible();
    await expect(page.getByLabel('Restore from a backup file')).toBeVisible();
    // Errors shown are part of the page the officer meets: scan with one showing.
    await options.nip.fill('123');
    await options.nip.press('Enter');
    await expect(options.nipError).toBeVisible();
    await expect(options.nip).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await options.restore();
  }
});

test('identity: saved through the form and shown again after a reload', async ({ page, extensionId }) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await options.restore({ officer: EMPTY_OFFICER });
  await options.goto();
  try {
    await page.getByLabel('Nama', { exact: true }).fill('Siti Rahmawati');
    await page.getByLabel('NIP').fill('19850312 201001 2 003');
    await page.getByLabel('Unit kerja').fill('DPMPTSP Kota Contoh');
    await page.getByRole('radio', { name: 'Penyelia' }).check();
    await page.getByLabel('Provinsi').selectOption({ label: 'Papua Pegunungan' });
    await options.save.click();
    await expect(options.officerOutcome).toHaveText('Identitas disimpan.');
    await expect(options.officerOutcome).toHaveAttribute('role', 'status');
    // The NIP is stored as its 18 digits.
    await expect(options.nip).toHaveValue('198503122010012003');

    await options.goto();
    await expect(options.name).toHaveValue('Siti Rahmawati');
    await expect(options.nip).toHaveValue('198503122010012003');
    await expect(options.unit).toHaveValue('DPMPTSP Kota Contoh');
    await expect(options.role('supervisor')).toBeChecked();
    await expect(options.region).toHaveValue('97');
    expect(await options.storedOfficer()).toEqual({
      name: 'Siti Rahmawati',
      nip: '198503122010012003',
      unit: 'DPMPTSP Kota Contoh',
      role: 'supervisor',
      region: '97',
    });
  } finally {
    await options.restore({ officer: EMPTY_OFFICER });
  }
});

test('identity: a bad NIP is explained next to the field, kept as typed, and nothing is saved', async ({
  page,
  extensionId,
}) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  const saved = { name: 'Budi Santoso', nip: '', unit: 'Dinas PUPR', role: 'officer', region: '31' };
  await options.restore({ officer: saved });
  await options.goto();
  try {
    await expect(options.name).toHaveValue('Budi Santoso');
    await options.name.fill('Budi S.');
    await options.nip.fill('1985 0312');
    await options.save.click();
    await expect(options.nipError).toHaveText(/NIP harus 18 angka; yang diketik 8 angka\./);
    await expect(options.nip).toHaveAttribute('aria-invalid', 'true');
    await expect(options.nip).toHaveAccessibleDescription(/yang diketik 8 angka/);
    await expect(options.nip).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Identitas belum disimpan' })).toBeVisible();
    // Nothing typed is lost, and nothing was stored.
    await expect(options.nip).toHaveValue('1985 0312');
    await expect(options.name).toHaveValue('Budi S.');
    expect(await options.storedOfficer()).toEqual(saved);

    await options.nip.fill('12345678901234567a');
    await options.save.click();
    await expect(options.nipError).toHaveText(/hanya boleh berisi angka/);
    expect(await options.storedOfficer()).toEqual(saved);

    await options.goto();
    await expect(options.name).toHaveValue('Budi Santoso');
    await expect(options.nip).toHaveValue('');
  } finally {
    await options.restore({ officer: EMPTY_OFFICER });
  }
});

test('language: the page re-renders live, open portal panels follow, and the choice is kept', async ({
  context,
  page,
  portal,
  extensionId,
}) => {
  const caseRef = buildDataset(portal.today).oss.seed[0]?.id as string;
  await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`);
  const overlay = new OverlayPanel(page);
  const optionsTab = await context.newPage();
  const options = new OptionsPage(optionsTab, extensionId);
  try {
    await options.goto();
    await options.restore();
    await expect(overlay.root).toHaveAttribute('lang', 'id');
    await expect(options.heading).toHaveText('Pandu Izin — Opsi');
    await options.nip.fill('12');
    await options.save.click();
    await expect(options.nipError).toContainText('yang diketik 2 angka');

    await options.language('en').check();
    // No reload: the same page, now in English, the message already shown included.
    await expect(options.heading).toHaveText('Pandu Izin — Options');
    await expect(optionsTab.locator('html')).toHaveAttribute('lang', 'en');
    await expect(optionsTab.getByLabel('Work unit')).toBeVisible();
    await expect(optionsTab.getByRole('heading', { name: 'Portal adapters' })).toBeVisible();
    await expect(options.nipError).toHaveText(/The NIP must be 18 digits; 2 typed\./);
    await expect(options.nip).toHaveValue('12');
    await expect(options.region.locator('option[value="97"]')).toHaveText('Highland Papua');
    // The portal tab's panel follows without a reload.
    await expect(overlay.root).toHaveAttribute('lang', 'en');

    await options.goto();
    await expect(options.heading).toHaveText('Pandu Izin — Options');
    await expect(options.language('en')).toBeChecked();

    await options.language('id').check();
    await expect(options.heading).toHaveText('Pandu Izin — Opsi');
    await expect(overlay.root).toHaveAttribute('lang', 'id');
  } finally {
    await options.restore();
    await optionsTab.close();
  }
});
