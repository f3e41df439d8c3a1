import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import type { OverlayPanel } from './pages/overlay';

/** An OSS case with a five-item checklist and uploads that match some of it (cases.ts plan). */
function ossCaseWithChecklist(today: string): string {
  return ossFiveItemCases(today)[3];
}

/** Puts the panel back on the right for the tests after this one (prefs are shared by the run). */
async function dockRight(overlay: OverlayPanel) {
  if ((await overlay.root.getAttribute('data-dock')) === 'left') {
    await overlay.dockToggle.click();
    await expect(overlay.root).toHaveAttribute('data-dock', 'right');
  }
}

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
    // The panel gave back the page's space as it went.
    await expect(page.locator('style[data-pandu-izin="reserve"]')).toHaveCount(0);
    expect(await overlay.pageMargin('right')).toBe('0px');
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
    try {
      await overlay.languageToggle.focus();
      await overlay.languageToggle.press('Enter');
      await expect(overlay.root).toHaveAttribute('lang', 'en');
      await expect(overlay.root).toHaveAttribute('aria-label', 'Pandu Izin guidance for this case');
      await expect(overlay.stage).toHaveText(/^Stage 1 of \d+: /);
    } finally {
      // The language is shared by every view of the run: put Indonesian back.
      if ((await overlay.root.getAttribute('lang')) === 'en') await overlay.languageToggle.click();
      await expect(overlay.root).toHaveAttribute('lang', 'id');
    }
  });

  test('has no serious or critical accessibility violations', async ({ portalPages, overlay, page }) => {
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await expect(overlay.root).toBeVisible();
    expect(await seriousViolations(page, 'pandu-izin-panel')).toEqual([]);
  });

  test('has none either on a case with a checklist, its reasons and a form open', async ({
    overlay,
    page,
    portal,
  }) => {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(ossCaseWithChecklist(portal.today))}`);
    await expect(overlay.items).toHaveCount(5);
    await overlay.steps.first().getByTestId('pandu-reasons').locator('summary').click();
    await overlay.item(1).getByTestId('pandu-note').click();
    await expect(overlay.root.getByTestId('pandu-note-form')).toBeVisible();
    expect(await seriousViolations(page, 'pandu-izin-panel')).toEqual([]);
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

  test('keeps its own look and stays on top when the portal’s CSS is hostile', async ({
    portalPages,
    overlay,
    page,
  }) => {
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await expect(overlay.root).toBeVisible();
    await page.addStyleTag({
      content: `
        * { font-size: 31px !important; color: #ff00ff !important; line-height: 4 !important;
            letter-spacing: 3px !important; box-sizing: content-box !important; }
        html { font-size: 5px !important; }
        body { transform: translateX(0); filter: none; }
        button { display: none !important; }`,
    });
    // The portal's own chrome, fixed and far up the stacking order, where the panel is.
    await page.evaluate(() => {
      const bar = document.createElement('div');
      bar.id = 'portal-bar';
      bar.style.cssText = 'position:fixed;inset:0 0 auto 0;height:100vh;z-index:999999;background:#eee';
      document.body.append(bar);
    });
    const box = await overlay.root.boundingBox();
    expect(box?.width).toBe(360);
    expect(box?.height).toBe(page.viewportSize()?.height);
    const look = await overlay.permit.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, letterSpacing: s.letterSpacing };
    });
    expect(look.fontSize).not.toBe('31px');
    expect(look.color).not.toBe('rgb(255, 0, 255)');
    expect(look.letterSpacing).toBe('normal');
    // Our buttons are ours: the portal's `button { display: none }` does not reach them.
    await expect(overlay.collapse).toBeVisible();
    // What is under the middle of the panel is the panel, not the portal's bar.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), {
      x: (box?.x ?? 0) + (box?.width ?? 0) / 2,
      y: (box?.y ?? 0) + (box?.height ?? 0) / 2,
    });
    expect(onTop).toBe('pandu-izin-panel');
    await overlay.collapse.click();
    await expect(overlay.launcher).toBeVisible();
    await overlay.launcher.click();
    await expect(overlay.root).toBeVisible();
  });

  test('docks beside the portal instead of over it, and Escape folds it to a launcher', async ({
    portalPages,
    overlay,
    page,
  }) => {
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    await expect(overlay.root).toHaveAttribute('data-dock', 'right');
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
    const box = await overlay.root.boundingBox();
    expect(box && Math.round(box.x + box.width)).toBe(viewport.width);
    // The portal lays itself out in what is left: its content ends where the panel begins.
    expect(await overlay.pageMargin('right')).toBe('360px');
    const bodyRight = await page.evaluate(() => document.body.getBoundingClientRect().right);
    expect(bodyRight).toBeLessThanOrEqual(viewport.width - 360);
    await overlay.languageToggle.focus();
    await page.keyboard.press('Escape');
    await expect(overlay.root).toHaveCount(0);
    await expect(overlay.launcher).toBeFocused();
    expect(await overlay.pageMargin('right')).toBe('0px');
    const launcher = await overlay.launcher.boundingBox();
    expect(launcher?.width).toBeLessThanOrEqual(40);
    expect(launcher && Math.round(launcher.x + launcher.width)).toBe(viewport.width);
    await page.keyboard.press('Enter');
    await expect(overlay.root).toBeVisible();
    expect(await overlay.pageMargin('right')).toBe('360px');
  });

  test('keeps the portal’s fixed header out from under the panel, and gives it back', async ({
    overlay,
    page,
    portal,
  }) => {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(ossCaseWithChecklist(portal.today))}`);
    await expect(overlay.root).toBeVisible();
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
    // OSS's header is position: fixed across the window, the officer's name at its right end.
    const header = page.locator('.portal-header');
    const user = header.getByText('Masuk sebagai');
    await expect
      .poll(async () => (await header.boundingBox())?.width)
      .toBeLessThanOrEqual(viewport.width - 360);
    const name = await user.boundingBox();
    expect(name && name.x + name.width).toBeLessThanOrEqual(viewport.width - 360);
    await overlay.collapse.click();
    await expect.poll(async () => (await header.boundingBox())?.width).toBe(viewport.width);
  });

  test('moves to the other side and stays there on the next page', async ({ portalPages, overlay, page }) => {
    await portalPages.openList('sicantik');
    await portalPages.openFirstCase();
    try {
      await overlay.dockToggle.click();
      await expect(overlay.root).toHaveAttribute('data-dock', 'left');
      expect((await overlay.root.boundingBox())?.x).toBe(0);
      expect(await overlay.pageMargin('left')).toBe('360px');
      expect(await overlay.pageMargin('right')).toBe('0px');
      await page.reload();
      await expect(overlay.root).toHaveAttribute('data-dock', 'left');
    } finally {
      await dockRight(overlay);
    }
  });

  test('shows where the case is: the stages, each step’s way of working in words and why', async ({
    overlay,
    page,
    portal,
  }) => {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(ossCaseWithChecklist(portal.today))}`);
    await expect(overlay.stageItems).toHaveCount(7);
    await expect(overlay.currentStage).toHaveCount(1);
    await expect(overlay.currentStage).toHaveAttribute('data-state', 'current');
    await expect(overlay.currentStage).toContainText('sedang berjalan');
    await expect(overlay.stepMode(0)).toHaveText(/Dari mana saja|Di kantor|Ke lapangan/);
    const reasons = overlay.steps.first().getByTestId('pandu-reasons');
    await reasons.locator('summary').click();
    await expect(reasons).toContainText('Dasar hukum');
    await expect(overlay.sla).toBeVisible();
    await expect(overlay.portalStatus).toContainText('Status di portal:');
    await expect(overlay.next).toContainText('Yang masih harus diselesaikan:');
  });

  test('offers the portal’s uploads as matches and ticks an item only when the officer confirms', async ({
    overlay,
    page,
    portal,
  }) => {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(ossCaseWithChecklist(portal.today))}`);
    await expect(overlay.items).toHaveCount(5);
    await expect(overlay.suggestions.first()).toBeVisible();
    const itemId = (await overlay.suggestions.first().getAttribute('data-item')) ?? '';
    const row = overlay.itemById(itemId);
    await expect(row).toHaveAttribute('data-status', 'pending');
    try {
      await row.getByTestId('pandu-suggestion-confirm').click();
      await expect(row).toHaveAttribute('data-status', 'ticked');
      await expect(row.getByTestId('pandu-suggestion')).toHaveCount(0);
      await expect(row.getByRole('checkbox')).toBeFocused();
    } finally {
      await row.getByRole('checkbox').uncheck();
      await expect(row).toHaveAttribute('data-status', 'pending');
    }
  });

  test('marks an item missing with a note from the keyboard, and takes it back', async ({
    overlay,
    page,
    portal,
  }) => {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(ossCaseWithChecklist(portal.today))}`);
    const row = overlay.item(2);
    await expect(row).toHaveAttribute('data-status', 'pending');
    await row.getByTestId('pandu-mark-missing').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Berkas tidak terbaca');
    await page.keyboard.press('Enter');
    await expect(row).toHaveAttribute('data-status', 'missing');
    await expect(row).toContainText('Catatan: Berkas tidak terbaca');
    await row.getByTestId('pandu-unmark-missing').click();
    await expect(row).toHaveAttribute('data-status', 'pending');
  });
});
