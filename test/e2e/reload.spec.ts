/**
 * An extension update or reload while portal tabs are open (hardening: robustness). Chrome runs
 * no new content script in tabs that were already open; the background runs it there after
 * `runtime.onInstalled` (utils/background/reattach.ts), and the old script, whose context is
 * invalidated, gives way (entrypoints/portal.content). Three tabs stay open across a reload of
 * the unpacked extension: an OSS case page (built-in adapter, overlay), a SiCantik case list
 * (badges) and a SIMPEL case page (an imported adapter: a registered content script). None of
 * them is reloaded, and afterwards each shows exactly one overlay or one badge per row again,
 * from the new script, working through the new background, with nothing thrown or logged as an
 * error in the pages.
 *
 * Its own browser: a reload replaces the service worker the other specs share, and needs the
 * profile's developer mode (scripts/lib/launch.ts). The profile is thrown away, so the cases
 * this spec ticks touch no other spec.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { launchWithExtension } from '../../scripts/lib/launch';
import { RUNNING_INSTANCE } from '../../utils/portals/instance';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { allBadged } from './pages/badges';
import { OptionsPage } from './pages/options';
import { OverlayPanel } from './pages/overlay';
import { PortalPages } from './pages/portal';

const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3-demo', import.meta.url));
const EXAMPLE_ADAPTER = fileURLToPath(
  new URL('../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
);
const ROWS = 'table tbody tr';
const SIMPEL_ROWS = 'table.daftar-berkas tbody tr';
/** Set on elements and on the page's window (its main world) before the reload. */
const BEFORE = 'data-before-reload';

/** Everything a page reports as an error: uncaught exceptions and console errors, ours or not. */
function errorsOf(page: Page): string[] {
  const found: string[] = [];
  page.on('pageerror', (error) => found.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') found.push(`console: ${message.text()} (${message.location().url})`);
  });
  return found;
}

/** How often the page's main frame navigated from now on. */
function navigationsOf(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.count += 1;
  });
  return seen;
}

/** Marks the page's window (main world) and our elements in it, to tell old from new afterwards. */
async function mark(page: Page) {
  await page.evaluate((attr) => {
    (window as unknown as Record<string, unknown>).__panduBeforeReload = true;
    for (const el of document.querySelectorAll('pandu-izin-panel, pandu-izin-badge'))
      el.setAttribute(attr, '');
  }, BEFORE);
}

const stillSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as Record<string, unknown>).__panduBeforeReload === true);

/** What the service worker's evaluations use of the extension API. */
interface ChromeApi {
  runtime: { reload(): void };
  management: { uninstallSelf(): Promise<void> };
  tabs: { query(q: { url: string }): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(
      i: { target: { tabId: number } } & (
        | { files: string[] }
        | { func: (key: string) => boolean; args: [string] }
      ),
    ): Promise<{ result?: unknown }[]>;
  };
}

function workerOf(context: BrowserContext, extensionId: string): Worker {
  const worker = context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker');
  return worker;
}

/** Reloads the unpacked extension from its service worker and waits for the new worker. */
async function reloadExtension(context: BrowserContext, extensionId: string): Promise<Worker> {
  const old = workerOf(context, extensionId);
  const next = context.waitForEvent('serviceworker', {
    predicate: (w) => w !== old && w.url().startsWith(`chrome-extension://${extensionId}/`),
    timeout: 15_000,
  });
  // Called after evaluate has answered: the worker goes away with the reload.
  await old.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    setTimeout(() => chrome.runtime.reload(), 50);
  });
  return next;
}

test('after an extension reload, open portal tabs get their overlay and badges back, once, with no page errors', async ({
  portal,
}) => {
  test.setTimeout(90_000);
  expect(existsSync(`${extensionDir}/manifest.json`), 'run `npm run build:demo` first').toBe(true);
  const launched = await launchWithExtension({ extensionDir, headless: true, developerMode: true });
  const { context, extensionId } = launched;
  try {
    // An imported adapter for the SIMPEL portal (a registered content script, not the manifest's).
    const options = new OptionsPage(await context.newPage(), extensionId);
    await options.goto();
    const imported = await options.send('adapters.import', { text: readFileSync(EXAMPLE_ADAPTER, 'utf8') });
    expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
    await options.page.close();

    // The three portal tabs, as an officer has them open.
    const casePage = await context.newPage();
    const listPage = await context.newPage();
    const simpelPage = await context.newPage();
    const pages = [casePage, listPage, simpelPage];
    const errors = pages.map(errorsOf);

    const caseRef = ossFiveItemCases(portal.today)[0];
    await casePage.goto(`${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`);
    const overlay = new OverlayPanel(casePage);
    await expect(overlay.caseRef).toHaveText(caseRef);
    await expect(overlay.items).toHaveCount(5);

    await new PortalPages(listPage, portal.url).openList('sicantik');
    const rows = await listPage.locator(ROWS).count();
    await allBadged(listPage, ROWS, rows);

    await simpelPage.goto(`${portal.url}${PORTAL_PATHS.simpel.list}`);
    const simpelLink = simpelPage.locator(SIMPEL_ROWS).first().locator('a').first();
    const simpelRef = ((await simpelLink.textContent()) ?? '').trim();
    await simpelLink.click();
    const simpelOverlay = new OverlayPanel(simpelPage);
    await expect(simpelOverlay.caseRef).toHaveText(simpelRef);

    for (const page of pages) {
      await expect(page.locator('pandu-izin-panel, pandu-izin-badge').first()).toBeAttached();
      await mark(page);
    }
    const navigations = pages.map(navigationsOf);
    await expect(casePage.locator('style[data-pandu-izin="reserve"]')).toHaveCount(1);

    const worker = await reloadExtension(context, extensionId);
    expect(new URL(worker.url()).host, 'an unpacked extension keeps its id').toBe(extensionId);

    // The case page: the old panel is gone, exactly one new one shows the case, and the page
    // space is reserved once (the old panel gave its reservation back).
    await expect(casePage.locator(`pandu-izin-panel[${BEFORE}]`)).toHaveCount(0, { timeout: 15_000 });
    await expect(overlay.host()).toHaveCount(1);
    await expect(overlay.caseRef).toHaveText(caseRef);
    await expect(overlay.items).toHaveCount(5);
    await expect(casePage.locator('style[data-pandu-izin="reserve"]')).toHaveCount(1);

    // The list: the old slots are gone, every row has exactly one new badge.
    await expect(listPage.locator(`pandu-izin-badge[${BEFORE}]`)).toHaveCount(0, { timeout: 15_000 });
    await allBadged(listPage, ROWS, rows);

    // The imported adapter's portal: its registered script was run again too.
    await expect(simpelPage.locator(`pandu-izin-panel[${BEFORE}]`)).toHaveCount(0, { timeout: 15_000 });
    await expect(simpelOverlay.host()).toHaveCount(1);
    await expect(simpelOverlay.caseRef).toHaveText(simpelRef);

    // The background's probe (a function run in the tab's isolated world, as on install) sees the
    // live instance there, so another install event would leave this tab alone. Run the same
    // script once more all the same (same version, same world): the newer instance takes over
    // from the one that runs there, and still one panel shows the case.
    await casePage.locator('pandu-izin-panel').evaluate((el) => el.setAttribute('data-first-run', ''));
    const again = await worker.evaluate(
      async ([url, key]) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeApi };
        const [tab] = (await chrome.tabs.query({ url: 'http://127.0.0.1/oss/*' })).filter(
          (t) => t.url === url,
        );
        if (tab?.id === undefined) return 'no tab';
        const [probe] = await chrome.scripting.executeScript({
          target: { tabId: tab.id },
          func: (k: string) =>
            (globalThis as unknown as Record<symbol, { isValid?: boolean }>)[Symbol.for(k)]?.isValid === true,
          args: [key],
        });
        await chrome.scripting.executeScript({
          target: { tabId: tab.id },
          files: ['content-scripts/portal.js'],
        });
        return probe?.result === true ? 'live, ran again' : 'not live';
      },
      [casePage.url(), RUNNING_INSTANCE] as const,
    );
    expect(again).toBe('live, ran again');
    await expect(casePage.locator('pandu-izin-panel[data-first-run]')).toHaveCount(0);
    await expect(overlay.host()).toHaveCount(1);
    await expect(overlay.caseRef).toHaveText(caseRef);
    await expect(casePage.locator('style[data-pandu-izin="reserve"]')).toHaveCount(1);

    // The new panel works through the new background: a tick is stored and answered...
    const item = overlay.item(0);
    await expect(item).toHaveAttribute('data-status', 'pending');
    await overlay.checkbox(0).check();
    await expect(item).toHaveAttribute('data-status', 'ticked');
    await expect(overlay.error).toHaveCount(0);
    // ...and a language switch there is pushed to the other tabs' new scripts.
    await overlay.languageToggle.click();
    await expect(overlay.root).toHaveAttribute('lang', 'en');
    await expect(simpelOverlay.root).toHaveAttribute('lang', 'en');
    await expect(listPage.locator(`${ROWS} pandu-izin-badge .b`).first()).toHaveAttribute(
      'aria-label',
      /^Pandu Izin status /,
    );

    // Same documents all along: nothing navigated, the main world's marker survived.
    for (const [i, page] of pages.entries()) {
      expect(await stillSameDocument(page), `tab ${i} kept its document`).toBe(true);
      expect(navigations[i]?.count, `tab ${i} did not navigate`).toBe(0);
    }
    expect(errors.flat()).toEqual([]);
  } finally {
    await launched.close();
  }
});

test('a panel whose extension was removed closes on its next request, with no page errors', async ({
  portal,
}) => {
  expect(existsSync(`${extensionDir}/manifest.json`), 'run `npm run build:demo` first').toBe(true);
  const launched = await launchWithExtension({ extensionDir, headless: true });
  const { context, extensionId } = launched;
  try {
    const page = await context.newPage();
    const errors = errorsOf(page);
    const caseRef = ossFiveItemCases(portal.today)[1];
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`);
    const overlay = new OverlayPanel(page);
    await expect(overlay.caseRef).toHaveText(caseRef);
    await mark(page);

    // Nothing will run the script again: the old one is left with an invalidated context.
    await workerOf(context, extensionId)
      .evaluate(() => {
        const { chrome } = globalThis as unknown as { chrome: ChromeApi };
        setTimeout(() => void chrome.management.uninstallSelf(), 50);
      })
      .catch(() => undefined);
    await expect.poll(() => context.serviceWorkers().length, { timeout: 15_000 }).toBe(0);

    // The officer acts on the panel: the request cannot be sent, and the panel goes (no error
    // in the page, the page space given back) instead of failing in place.
    // (A click, not check(): the box goes away instead of getting checked.)
    await overlay.checkbox(0).click();
    await expect(overlay.host()).toHaveCount(0);
    await expect(page.locator('style[data-pandu-izin="reserve"]')).toHaveCount(0);
    expect(await overlay.pageMargin('right')).toBe('0px');
    expect(await stillSameDocument(page)).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await launched.close();
  }
});
