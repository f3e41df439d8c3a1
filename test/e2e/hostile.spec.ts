/**
 * A hostile portal page: before any of its content, its own script overrides the globals an
 * overlay might lean on (Array.prototype.map, JSON.parse, JSON.stringify, fetch,
 * MutationObserver) and watches itself with an observer that throws on every change; once parsed
 * it adds an aggressive style reset and a full-screen element at the highest z-index. On the OSS
 * case whose every field carries markup and template payloads, the panel must still show the
 * case, answer the mouse and the keyboard, keep its own styles, show the payloads as
 * text, and throw nothing of ours into the page; on a case list under the same script, every
 * row still gets its badge.
 */
import type { Page } from '@playwright/test';
import { buildDataset, HOSTILE_NAME, hostileCases } from '../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { expect, test } from './fixtures';
import { allBadged } from './pages/badges';
import { OverlayPanel } from './pages/overlay';

/** The page's own script, in its own world, before anything else runs there. */
const HOSTILE_PAGE = `(() => {
  const Observer = window.MutationObserver;
  new Observer(() => { throw new Error('the portal’s own observer failed'); })
    .observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  Array.prototype.map = function () { throw new Error('map is broken here'); };
  JSON.parse = () => { throw new Error('JSON.parse is broken here'); };
  JSON.stringify = () => '"broken"';
  window.fetch = () => Promise.reject(new Error('fetch is broken here'));
  window.MutationObserver = function () { throw new Error('MutationObserver is broken here'); };
  document.addEventListener('DOMContentLoaded', () => {
    const reset = document.createElement('style');
    reset.textContent = [
      '* { all: revert !important; font: 40px/3 serif !important; color: red !important; }',
      '* { letter-spacing: 4px !important; text-transform: uppercase !important; }',
      'div, p, span, button, ul, li { display: inline !important; box-sizing: content-box !important; }',
    ].join('\\n');
    document.head.append(reset);
    const cover = document.createElement('div');
    cover.id = 'hostile-cover';
    cover.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgba(200, 0, 0, 0.1);';
    document.body.append(cover);
  });
})();`;

/** What the panel's own styles make of its case number (font, size, colour, spacing). */
async function panelLook(overlay: OverlayPanel) {
  return overlay.caseRef.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.fontFamily, s.fontSize, s.color, s.letterSpacing, s.textTransform, s.lineHeight].join(' | ');
  });
}

/** Errors our content script would report in the page's console. */
function ourErrors(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error' && where.startsWith('chrome-extension://')) found.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (error.stack?.includes('chrome-extension://')) found.push(error.message);
  });
  return found;
}

test('on a hostile page the panel still works, keeps its own look and shows payloads as text', async ({
  context,
  portal,
}) => {
  const hostile = hostileCases(buildDataset(portal.today)).oss;
  const url = `${portal.url}${PORTAL_PATHS.oss.detail(hostile.id)}`;

  // The panel's look on the same case on a well-behaved page, to compare with.
  const plain = await context.newPage();
  const plainOverlay = new OverlayPanel(plain);
  await plain.goto(url);
  await expect(plainOverlay.caseRef).toHaveText(hostile.id);
  const look = await panelLook(plainOverlay);
  await plain.close();

  const page = await context.newPage();
  const errors = ourErrors(page);
  await page.addInitScript(HOSTILE_PAGE);
  const overlay = new OverlayPanel(page);
  await page.goto(url);
  try {
    await expect(page.locator('#hostile-cover')).toBeAttached();
    // Recognised and answered despite the page's globals.
    await expect(overlay.caseRef).toHaveText(hostile.id);
    await expect(overlay.applicant).toHaveText(HOSTILE_NAME);
    // The portal's reset does not reach in.
    expect(await panelLook(overlay)).toBe(look);
    // Above the full-screen element: a real mouse click lands on our toggle (Playwright fails the
    // click if another element would receive it), and the language change goes round the
    // background and back.
    await expect(overlay.root).toHaveAttribute('lang', 'id');
    try {
      await overlay.languageToggle.click();
      await expect(overlay.root).toHaveAttribute('lang', 'en');
      await expect(overlay.root).toHaveAttribute('aria-label', 'Pandu Izin guidance for this case');
    } finally {
      // And the keyboard puts Indonesian back (the language is shared by every view of the run).
      await overlay.languageToggle.focus();
      await page.keyboard.press('Enter');
      await expect(overlay.root).toHaveAttribute('lang', 'id');
    }
    // Payloads stay text: no element of theirs inside the panel.
    await expect(
      overlay.root.locator(
        'img, script, iframe, object, embed, [onerror], [onload], a[href^="javascript:" i]',
      ),
    ).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('on a hostile case list every row still gets its badge', async ({ context, portal }) => {
  const page = await context.newPage();
  const errors = ourErrors(page);
  await page.addInitScript(HOSTILE_PAGE);
  try {
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.list}`);
    await expect(page.locator('#hostile-cover')).toBeAttached();
    const rows = 'table tbody tr';
    await allBadged(page, rows, await page.locator(rows).count());
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
