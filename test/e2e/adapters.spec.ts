/**
 * Portal adapters in the options page: an invalid adapter is explained and never stored, a
 * built-in can be switched off and on (and the portal follows), and an agency's adapter for a
 * portal no built-in covers (the demo's SIMPEL Kota Contoh) is imported from its file and
 * recognises that portal's case pages. One browser serves the whole run, so every test puts
 * the adapters back as it found them. "Beri akses" is never clicked: headless Chromium cannot
 * answer the permission prompt, and the demo build already has access to the demo portal.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findDefinition } from '../../machines';
import { mapPermit } from '../../utils/portals/recognise';
import { parseAdapterOrThrow } from '../../utils/portals/schema';
import { VALID_ADAPTER } from '../fixtures/adapter';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options';
import { PortalPages } from './pages/portal';

const EXAMPLE_PATH = fileURLToPath(
  new URL('../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
);
const SIMPEL_ID = 'simpel-kota-contoh';

/** A well-formed adapter to break in different ways. */
const base = VALID_ADAPTER;

test('an invalid adapter is listed problem by problem, with paths, and nothing is saved', async ({
  page,
  extensionId,
}) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await options.restore({ removeAdapters: [base.id] });
  await options.goto();
  const before = await options.adapterIds();
  await expect(options.adapterRows).toHaveCount(before.length);

  // A syntax error: reported at the root, before anything is sent.
  await options.importText.fill('{ "format": "pandu-izin/adapter@1", "id": ');
  await options.importSubmit.click();
  await expect(options.importOutcome).toHaveAttribute('role', 'alert');
  await expect(options.importOutcome).toContainText(
    'Adaptor tidak diimpor dan tidak ada yang disimpan: 1 masalah.',
  );
  await expect(options.importErrors).toHaveCount(1);
  await expect(options.importErrors.first()).toHaveText(
    /^\(root\): Bukan JSON yang sah: .+ — Periksa tanda kutip/,
  );
  await expect(options.importText).toHaveAttribute('aria-invalid', 'true');

  // Wrong fields: a permit type the catalog lacks, an unknown field, and a path that does not compile.
  const wrong = {
    ...base,
    colour: 'biru',
    permits: [{ how: 'contains', text: 'reklame', permitType: 'izin-terbang' }],
    pages: { caseDetail: { ...base.pages.caseDetail, path: '^/berkas/([^/]+$' } },
  };
  await options.importText.fill(JSON.stringify(wrong, null, 2));
  await options.importSubmit.click();
  await expect(options.importErrors).toHaveCount(2);
  await expect(options.importErrors.filter({ hasText: /^permits\[0\]\.permitType: / })).toHaveText(
    /^permits\[0\]\.permitType: Jenis izin tidak ada di katalog\. — Gunakan salah satu: .*izin-reklame/,
  );
  await expect(options.importErrors.filter({ hasText: /^colour: / })).toHaveText(
    /^colour: Kolom tidak dikenal "colour"\. — Hapus kolom itu/,
  );
  // The format's cross-checks (the regular expression) run once the shape passes.
  const { colour: _colour, ...fixedShape } = { ...wrong, permits: base.permits };
  await options.importText.fill(JSON.stringify(fixedShape, null, 2));
  await options.importSubmit.click();
  await expect(options.importErrors).toHaveCount(1);
  await expect(options.importErrors.first()).toHaveText(
    /^pages\.caseDetail\.path: Ekspresi reguler tidak sah: .+ — Tulis pola jalur/,
  );

  // Errors are part of the page the officer meets: scan with them showing.
  expect(await seriousViolations(page)).toEqual([]);

  // Nothing new, in the background or in the list, even after a reload.
  expect(await options.adapterIds()).toEqual(before);
  await expect(options.adapterRows).toHaveCount(before.length);
  await expect(options.adapter(base.id)).toHaveCount(0);
  await options.goto();
  await expect(options.adapterRows).toHaveCount(before.length);
});

test('a built-in adapter switched off stays off after a reload, and its portal goes quiet until it is back on', async ({
  context,
  page,
  portal,
  extensionId,
}) => {
  const options = new OptionsPage(page, extensionId);
  const portalTab = await context.newPage();
  const portalPages = new PortalPages(portalTab, portal.url);
  try {
    await options.goto();
    await options.restore();
    await options.goto();
    const sicantik = options.adapter('sicantik');
    await expect(sicantik.getByTestId('adapter-origin')).toHaveText('Bawaan');
    await expect(options.adapterSwitch('sicantik')).toBeChecked();
    await expect(sicantik.getByTestId('adapter-delete')).toHaveCount(0);

    // Keyboard: the switch is a checkbox, toggled with Space.
    await options.adapterSwitch('sicantik').focus();
    await page.keyboard.press('Space');
    await expect(sicantik).toHaveAttribute('data-enabled', 'false');
    await expect(sicantik.getByTestId('adapter-state')).toHaveText('Nonaktif');
    await expect(options.adaptersOutcome).toHaveText(/dimatikan/);

    await options.goto();
    await expect(options.adapterSwitch('sicantik')).not.toBeChecked();
    await expect(options.adapterSwitch('oss-rba')).toBeChecked();

    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await portalTab.waitForTimeout(1000);
    await expect(portalTab.locator('pandu-izin-panel')).toHaveCount(0);

    await options.adapterSwitch('sicantik').check();
    await expect(options.adapter('sicantik')).toHaveAttribute('data-enabled', 'true');
    await options.goto();
    await expect(options.adapterSwitch('sicantik')).toBeChecked();

    await portalTab.reload();
    await expect(portalTab.getByTestId('pandu-panel')).toBeVisible();
  } finally {
    await options.restore();
    await portalTab.close();
  }
});

test('an agency adapter for the SIMPEL portal is imported from its file and recognises that portal', async ({
  context,
  page,
  portal,
  extensionId,
}) => {
  const adapter = parseAdapterOrThrow(JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')));
  expect(adapter.id).toBe(SIMPEL_ID);
  const options = new OptionsPage(page, extensionId);
  const portalTab = await context.newPage();
  try {
    await options.goto();
    await options.restore({ removeAdapters: [SIMPEL_ID] });
    await options.goto();
    await expect(options.adapter(SIMPEL_ID)).toHaveCount(0);

    await options.importFile.setInputFiles(EXAMPLE_PATH);
    await expect(page.getByTestId('adapter-import-file-note')).toContainText(
      'simpel-kota-contoh.adapter.json',
    );
    await expect(options.importText).toHaveValue(/"id": "simpel-kota-contoh"/);
    await options.importSubmit.click();
    await expect(options.importOutcome).toHaveText('Adaptor "SIMPEL Kota Contoh" diimpor.');

    const row = options.adapter(SIMPEL_ID);
    await expect(row).toHaveAttribute('data-enabled', 'true');
    await expect(row.getByTestId('adapter-origin')).toHaveText('Diimpor');
    await expect(row.getByTestId('adapter-matches')).toHaveText(adapter.matches.join(', '));
    // The real portal's origin still needs the officer's grant (not clicked here: the prompt
    // cannot be answered headless); the demo portal's origin is granted by the demo build.
    await expect(row.getByTestId('adapter-access')).toContainText(
      `Belum ada akses ke ${adapter.matches.join(', ')}`,
    );
    await expect(row.getByTestId('adapter-grant')).toBeVisible();
    expect(await options.adapterIds()).toContain(SIMPEL_ID);

    // The demo portal's SIMPEL case page now gets the panel, with the permit the adapter maps.
    const listPath = '/simpel/berkas';
    await portalTab.goto(`${portal.url}${listPath}`);
    const rows = portalTab.locator(adapter.pages.caseList?.rows ?? 'table tbody tr');
    await expect(rows.first()).toBeVisible();
    const portalPages = new PortalPages(portalTab, portal.url);
    const link = rows.first().locator('a').first();
    const caseRef = ((await link.textContent()) ?? '').trim();
    await link.click();
    const permitLabel = await portalPages.detailValue('Layanan');
    const permitType = mapPermit(adapter, permitLabel);
    expect(permitType, `the adapter maps "${permitLabel}"`).not.toBeNull();
    const expected = findDefinition(permitType as string)?.name.id;
    const panel = portalTab.getByTestId('pandu-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('pandu-case-ref')).toHaveText(caseRef);
    await expect(panel.getByTestId('pandu-permit')).toHaveText(expected as string);

    // Deleting it takes a confirm step; afterwards it is gone from the list and the background.
    await options.goto();
    await row.getByTestId('adapter-delete').click();
    await expect(row.getByTestId('adapter-delete-step')).toContainText('Hapus adaptor "SIMPEL Kota Contoh"?');
    await expect(row.getByTestId('adapter-delete-confirm')).toBeFocused();
    await row.getByTestId('adapter-delete-confirm').click();
    await expect(options.adapter(SIMPEL_ID)).toHaveCount(0);
    await expect(options.adaptersOutcome).toHaveText('Adaptor "SIMPEL Kota Contoh" dihapus.');
    expect(await options.adapterIds()).not.toContain(SIMPEL_ID);
  } finally {
    await options.restore({ removeAdapters: [SIMPEL_ID] });
    await portalTab.close();
  }
});
