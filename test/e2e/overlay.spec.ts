import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test.describe('the case panel on portal pages', () => {
  test('shows the permit type and case number read from a SiCantik case page', async ({
    portalPages,
    overlay,
  }) => {
    await portalPages.openList('sicantik');
    const caseRef = await portalPages.openFirstCase();
    await expect(overlay.caseRef).toHaveText(caseRef);
    await expect(overlay.permit).not.toHaveText('—');
    await expect(overlay.permit).not.toHaveText(/Belum dikenali/);
  });

  test('maps an OSS RBA permit to the catalog name', async ({ portalPages, overlay, page }) => {
    await portalPages.openList('oss');
    const caseRef = await portalPages.openFirstCase();
    await expect(overlay.caseRef).toHaveText(caseRef);
    const portalPermit = await portalPages.detailValue('Jenis Perizinan');
    const expected: Record<string, RegExp> = {
      'Sertifikat Standar': /OSS RBA/,
      Izin: /OSS RBA/,
      PKKPR: /PKKPR/,
      'Persetujuan Lingkungan (UKL-UPL)': /UKL-UPL/,
    };
    await expect(overlay.permit).toHaveText(expected[portalPermit] ?? /never/);
    expect(page.url()).toContain('/oss/perizinan/');
  });

  test('appears on a SIMBG case reached by client-side navigation once its content loads', async ({
    portalPages,
    overlay,
  }) => {
    await portalPages.openList('simbg');
    const caseRef = await portalPages.openFirstCase();
    await expect(overlay.caseRef).toHaveText(caseRef);
    await expect(overlay.permit).toHaveText(/PBG|SLF/);
  });

  test('follows the SPA to another case and drops the panel on the list', async ({
    portalPages,
    overlay,
    page,
  }) => {
    await portalPages.openList('simbg');
    const first = await portalPages.openFirstCase();
    await expect(overlay.caseRef).toHaveText(first);
    await page.goBack();
    await expect(overlay.root).toHaveCount(0);
    const second = await portalPages.openCase(1);
    expect(second).not.toBe(first);
    await expect(overlay.caseRef).toHaveText(second);
  });

  test('stays off list pages and pages it does not recognise', async ({
    portalPages,
    overlay,
    page,
    portal,
  }) => {
    // First prove the content script is alive in this browser, so "no panel" below means
    // it decided against the page rather than never ran.
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await expect(overlay.root).toBeVisible();
    for (const path of ['/sicantik/permohonan', '/oss/perizinan?n=50', '/', '/sicantik/tidak-ada']) {
      await page.goto(`${portal.url}${path}`);
      await page.waitForTimeout(1000);
      await expect(overlay.host(), path).toHaveCount(0);
    }
  });

  test('switches language at runtime from the keyboard', async ({ portalPages, overlay }) => {
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await expect(overlay.root).toHaveAttribute('lang', 'id');
    await overlay.languageToggle.focus();
    await overlay.languageToggle.press('Enter');
    await expect(overlay.root).toHaveAttribute('lang', 'en');
    await expect(overlay.root).toHaveAttribute('aria-label', 'Pandu Izin guidance for this case');
  });

  test('has no serious or critical accessibility violations', async ({ portalPages, overlay, page }) => {
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await expect(overlay.root).toBeVisible();
    const results = await new AxeBuilder({ page }).include('pandu-izin-panel').analyze();
    // The scan must have looked at the panel, not at an empty selection.
    expect(results.passes.length).toBeGreaterThan(0);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('cannot be reached by the portal page’s own scripts', async ({ portalPages, page, extensionId }) => {
    await portalPages.openList('sicantik');
    const reachable = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no runtime';
      try {
        await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, {
          type: 'page.recognised',
        });
        return 'answered';
      } catch {
        return 'refused';
      }
    }, extensionId);
    expect(reachable).not.toBe('answered');
  });
});
