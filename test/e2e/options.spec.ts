/**
 * The options page: live counts through Dexie liveQuery, and backup export/import with a
 * tampered or truncated file refused whole.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { buildDataset } from '../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { expect, test } from './fixtures';
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
  const caseRef = buildDataset(portal.today).oss.seed.filter((c) => c.permit === 'izin')[1]?.id as string;
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
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pandu Izin — Opsi');
  await page.getByTestId('options-language').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pandu Izin — Options');
  await expect(page.getByRole('button', { name: 'Export backup' })).toBeVisible();
  await expect(page.getByLabel('Restore from a backup file')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
