import { buildDataset } from '../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { LIST_COLUMNS } from '../fixtures/portal-spec';
import { expect, test } from './fixtures';

const DOCUMENTS_HEADING = {
  sicantik: 'Berkas Persyaratan',
  oss: 'Dokumen Persyaratan',
  simbg: 'Dokumen Permohonan',
};

test.describe('the demo SPBE portal', () => {
  for (const portalId of ['sicantik', 'oss', 'simbg'] as const) {
    test(`${portalId}: the case list shows the portal's columns and every seeded case`, async ({
      portalPages,
      portal,
    }) => {
      await portalPages.openList(portalId);
      expect(await portalPages.headerTexts()).toEqual([...LIST_COLUMNS[portalId]]);
      const seeded = buildDataset(portal.today)[portalId].seed.length;
      await expect(portalPages.rows).toHaveCount(seeded);
      await expect(portalPages.page.locator('html')).toHaveAttribute('lang', 'id');
    });

    test(`${portalId}: a case-detail page lists the uploaded documents`, async ({ portalPages, page }) => {
      await portalPages.openList(portalId);
      await portalPages.openFirstCase();
      // Exact: the Pandu Izin panel on the same page may have a heading containing the same words.
      const heading = page.getByRole('heading', { name: DOCUMENTS_HEADING[portalId], exact: true });
      await expect(heading).toBeVisible();
      await expect(page.getByText(/\.pdf\b/).first()).toBeVisible();
    });

    test(`${portalId}: ?n=5000 generates a 5,000-row list whose rows open`, async ({ portalPages, page }) => {
      test.slow();
      // 5,000 rows take seconds to build, longer while another worker is busy.
      await portalPages.openList(portalId, '?n=5000', 30_000);
      await expect(portalPages.rows).toHaveCount(5000);
      const caseRef = await portalPages.openCase(4999);
      expect(decodeURIComponent(page.url())).toContain(caseRef);
    });
  }

  test('SIMBG is a single-page app: client-side routing, late content, working Back', async ({
    page,
    portal,
  }) => {
    // The list's data is held back until the loading state has been seen: it lasts only the
    // portal's delay, which a busy machine can use up before the first check.
    const holdBack = async (pattern: string) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(pattern, async (route) => {
        await held;
        await route.continue();
      });
      // Once released, later requests to it pass at once.
      return release;
    };
    const releaseList = await holdBack(`**${PORTAL_PATHS.simbg.api.list}`);
    await page.goto(`${portal.url}${PORTAL_PATHS.simbg.list}`);
    const app = page.locator('#simbg-app');
    await expect(app).toHaveAttribute('data-state', 'loading');
    await expect(page.getByText('Memuat data…')).toBeVisible();
    releaseList();
    await expect(app).toHaveAttribute('data-state', 'ready');
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const link = page.locator('table tbody tr a').first();
    const caseRef = (await link.textContent())?.trim() ?? '';
    const releaseDetail = await holdBack(`**${PORTAL_PATHS.simbg.api.detail(caseRef)}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${PORTAL_PATHS.simbg.list}/${caseRef}$`));
    await expect(app).toHaveAttribute('data-state', 'loading');
    releaseDetail();
    await expect(page.locator('dl.simbg-detail')).toContainText(caseRef);
    await page.goBack();
    await expect(page.locator('table#tabel-simbg')).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });

  test('the index links to the three portals', async ({ page, portal }) => {
    await page.goto(`${portal.url}${PORTAL_PATHS.index}`);
    for (const name of [/SiCantik/, /OSS/, /SIMBG/]) {
      await expect(page.getByRole('link', { name }).first()).toBeVisible();
    }
  });
});
