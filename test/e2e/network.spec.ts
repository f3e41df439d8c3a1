/**
 * Nothing leaves the browser unless the officer exports it: with Chromium's own network log on
 * (every request of every process: pages, extension pages, the service worker), an officer's
 * round — a case list with badges, a case page with the panel, the side panel signing a
 * checklist, the dashboard, the options page, the popup — makes no request anywhere but the demo
 * portal and the extension itself. A request to an outside address made on purpose at the end
 * shows the log would have caught one. Requests the browser makes for itself (its update checks,
 * account lookups) carry no initiating origin and are told apart by that.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../../scripts/lib/launch';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { allBadged } from './pages/badges';
import { SidePanel, sendFrom, tabIdOf } from './pages/sidepanel';

const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3-demo', import.meta.url));
const CONTROL = 'https://pandu-izin-control.invalid/';

interface Request {
  url: string;
  /** The origin that asked for it, or "not an origin" when the browser itself did. */
  initiator: string;
}

/** Every request Chromium's network log saw started, with who asked for it. */
function requests(netLog: string): Request[] {
  const log = JSON.parse(readFileSync(netLog, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: unknown; initiator?: unknown } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.flatMap((e) =>
    e.type === start && typeof e.params?.url === 'string'
      ? [{ url: e.params.url, initiator: String(e.params.initiator ?? 'not an origin') }]
      : [],
  );
}

/** Addresses that are ours or the test's: the demo portal on loopback, the extension, in-page data. */
const local = (url: string) =>
  /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url) ||
  /^(chrome-extension|data|blob|about|chrome):/.test(url);

test('an officer’s round makes no network request outside the portal and the extension', async ({
  portal,
}) => {
  test.setTimeout(90_000);
  expect(existsSync(`${extensionDir}/manifest.json`), 'run `npm run build:demo` first').toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'pandu-netlog-'));
  const netLog = join(dir, 'netlog.json');
  const launched = await launchWithExtension({
    extensionDir,
    headless: true,
    extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'],
  });
  const { extensionId } = launched;
  try {
    const { context } = launched;
    const page = await context.newPage();

    // A case list: every row badged (the background computes the badges).
    await page.goto(`${portal.url}${PORTAL_PATHS.oss.list}`);
    const rows = 'table tbody tr';
    await allBadged(page, rows, await page.locator(rows).count());

    // A case page: the panel shows its case.
    const caseRef = ossFiveItemCases(portal.today)[2];
    const caseUrl = `${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`;
    await page.goto(caseUrl);
    await expect(page.locator('pandu-izin-panel')).toBeAttached({ timeout: 15_000 });

    // The side panel signs its checklist (fonts, key, PDF: all made here).
    const panel = new SidePanel(await context.newPage(), extensionId);
    await panel.gotoActive();
    const officer = {
      name: 'Dewi Kartika Sari',
      nip: '198811232015032001',
      unit: 'DPMPTSP',
      role: 'officer',
      region: '31',
    };
    expect(await sendFrom(panel.page, 'settings.set', { key: 'officer', value: officer })).toMatchObject({
      ok: true,
    });
    await panel.gotoTab(await tabIdOf(panel.page, caseUrl));
    await expect(panel.caseRef).toHaveText(caseRef);
    const downloading = panel.page.waitForEvent('download');
    await panel.page.getByRole('button', { name: 'Cetak checklist bertanda tangan' }).click();
    await (await downloading).delete();

    // The supervisor's pages and the popup.
    const other = await context.newPage();
    await other.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await expect(other.getByTestId('dash-counts-total')).toBeVisible();
    await other.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
    await other.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(other.getByRole('heading').first()).toBeVisible();

    // The control: a request to an outside address, made on purpose, from an extension page.
    await other.evaluate((url) => fetch(url).catch(() => undefined), CONTROL);
  } finally {
    // The log is complete once Chromium has exited.
    await launched.close();
  }
  try {
    const seen = requests(netLog);
    // The log saw the round (the portal's pages, asked for by the portal's own pages) and the
    // control, asked for by our extension…
    expect(seen.some((r) => r.url.startsWith(`${portal.url}${PORTAL_PATHS.oss.list}`))).toBe(true);
    expect(seen.filter((r) => r.url === CONTROL).map((r) => r.initiator)).toContain(
      `chrome-extension://${extensionId}`,
    );
    // …and nothing else outside was asked for by any page, extension page, worker or content
    // script. (Requests the browser makes for itself, such as its update checks, have no
    // initiating origin: they are Chromium's, not ours.)
    const byContent = seen.filter((r) => r.initiator !== 'not an origin');
    expect(byContent.filter((r) => !local(r.url) && r.url !== CONTROL)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
