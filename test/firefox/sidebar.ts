/**
 * `npm run test:firefox`: the demo build in Firefox (ESR 142 or later, from apt) against the demo
 * portal, driven through Marionette (scripts/lib/marionette.ts). It checks what Chromium's E2E
 * cannot: the add-on installs, the panel comes up on a case page, Firefox's sidebar
 * (`sidebar_action`) is registered, opens on our page and shows the active tab's case, and a
 * tick and a language switch made in the panel reach the workspace page without a reload. A
 * screenshot of the whole window is kept in test-results/firefox-sidebar.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { launchFirefox, type Marionette } from '../../scripts/lib/marionette';
import { ossFiveItemCases } from '../e2e/cases';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { startDemoPortal } from '../fixtures/portal/server';

const GECKO_ID = 'pandu-izin@pandu-izin.id';
const UUID = '6f2b1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const SIDEBAR_ID = 'pandu-izin_pandu-izin_id-sidebar-action';
const MIN_VERSION = 142;
const extensionDir = fileURLToPath(new URL('../../.output/firefox-mv3-demo', import.meta.url));
const shot = fileURLToPath(new URL('../../test-results/firefox-sidebar.png', import.meta.url));

const binary =
  process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `script` (run in the current page) until it returns a truthy value. */
async function until<T>(ff: Marionette, script: string, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    last = await ff.run<T>(script).catch((err: unknown) => String(err));
    if (last && typeof last !== 'string') return last as T;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const checks: string[] = [];
const pass = (what: string) => {
  checks.push(what);
  console.log(`  ✓ ${what}`);
};

async function main(): Promise<void> {
  assert.ok(binary, 'No Firefox found: install firefox-esr (apt) or set FIREFOX_PATH.');
  assert.ok(
    existsSync(`${extensionDir}/manifest.json`),
    'No Firefox demo build: run `npm run build:firefox-demo`.',
  );
  const portal = await startDemoPortal();
  const ff = await launchFirefox({
    binary,
    port: await freePort(),
    // A fixed internal UUID, so the test can open our pages by address.
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  try {
    await ff.cmd('Marionette:SetContext', { value: 'chrome' });
    const version = await ff.run<string>('return Services.appinfo.version;');
    assert.ok(Number.parseInt(version, 10) >= MIN_VERSION, `Firefox ${version} is older than ${MIN_VERSION}`);
    pass(`Firefox ${version}`);
    await ff.cmd('Marionette:SetContext', { value: 'content' });

    const installed = await ff.cmd<{ value: string }>('Addon:Install', {
      path: extensionDir,
      temporary: true,
    });
    assert.equal(installed.value, GECKO_ID);
    pass(`the add-on installs with its stable id ${GECKO_ID}`);

    const caseRef = ossFiveItemCases(portal.today)[0];
    await ff.cmd('WebDriver:Navigate', { url: `${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}` });
    const portalTab = await ff.cmd<{ value: string }>('WebDriver:GetWindowHandle');
    const panel = `const root = document.querySelector('pandu-izin-panel')?.shadowRoot;
      const p = root?.querySelector('[data-testid="pandu-panel"]');`;
    const overlay = await until<{ ref: string; lang: string }>(
      ff,
      `${panel} return p && p.querySelector('[data-testid="pandu-item"]') ? { ref: p.querySelector('[data-testid="pandu-case-ref"]')?.textContent, lang: p.getAttribute('lang') } : null;`,
      'the panel on the case page',
    );
    assert.equal(overlay.ref, caseRef);
    assert.equal(overlay.lang, 'id');
    pass('the panel comes up on a case page, in Indonesian');

    // The sidebar, from the browser's own UI: registered, opened, showing our page.
    await ff.cmd('Marionette:SetContext', { value: 'chrome' });
    const sidebar = (
      await ff.cmd<{ value: { ids: string[]; open: boolean; current: string; url: string | null } }>(
        'WebDriver:ExecuteAsyncScript',
        {
          script: `const done = arguments[arguments.length - 1];
            (async () => {
              const win = Services.wm.getMostRecentWindow('navigator:browser');
              const ids = [...win.SidebarController.sidebars.keys()].filter((k) => k.endsWith('-sidebar-action'));
              await win.SidebarController.show(${JSON.stringify(SIDEBAR_ID)});
              let url = null;
              for (let i = 0; i < 50 && !(url && url.endsWith('/sidepanel.html')); i++) {
                await new Promise((r) => win.setTimeout(r, 100));
                const inner = win.SidebarController.browser.contentDocument?.getElementById('webext-panels-browser');
                url = inner ? inner.currentURI.spec : null;
              }
              done({ ids, open: win.SidebarController.isOpen, current: win.SidebarController.currentID, url });
            })().catch((e) => done({ error: String(e) }));`,
          args: [],
        },
      )
    ).value;
    assert.deepEqual(sidebar.ids, [SIDEBAR_ID]);
    assert.equal(sidebar.open, true);
    assert.equal(sidebar.current, SIDEBAR_ID);
    assert.equal(sidebar.url, `moz-extension://${UUID}/sidepanel.html`);
    pass('the sidebar is registered, opens, and loads the workspace page');
    await ff.cmd('Marionette:SetContext', { value: 'content' });

    // The workspace page for this case (the page the sidebar shows), to read what it says.
    await ff
      .cmd('WebDriver:NewWindow', { type: 'tab' })
      .then((w) => ff.cmd('WebDriver:SwitchToWindow', { handle: (w as { handle: string }).handle }));
    await ff.cmd('WebDriver:Navigate', {
      url: `moz-extension://${UUID}/sidepanel.html?case=${encodeURIComponent(`oss-rba:${caseRef}`)}`,
    });
    const workspace = `const c = document.querySelector('[data-testid="workspace-case"]');
      const items = c ? [...c.querySelectorAll('[data-testid="pandu-item"]')] : [];`;
    const before = await until<{ ref: string; ticked: number; items: number }>(
      ff,
      `${workspace} return items.length ? { ref: document.querySelector('[data-testid="workspace-case-ref"]')?.textContent, ticked: items.filter((i) => i.dataset.status === 'ticked').length, items: items.length } : null;`,
      'the workspace page',
    );
    assert.equal(before.ref, caseRef);
    pass(`the workspace page shows the case (${before.ticked} of ${before.items} ticked)`);

    // In the portal tab: tick the first unticked item and switch the language in the panel.
    await ff.cmd('WebDriver:SwitchToWindow', { handle: portalTab.value });
    await ff.run(`${panel}
      [...p.querySelectorAll('[data-testid="pandu-item"]')].find((i) => i.dataset.status !== 'ticked')
        .querySelector('input[type=checkbox]').click();
      return true;`);
    await until(
      ff,
      `${panel} return p.querySelector('[data-testid="pandu-item"][data-status="ticked"]') !== null && ${before.ticked + 1} === p.querySelectorAll('[data-testid="pandu-item"][data-status="ticked"]').length;`,
      'the tick in the panel',
    );
    await ff.run(`${panel} p.querySelector('[data-testid="pandu-language"]').click(); return true;`);
    await until(ff, `${panel} return p.getAttribute('lang') === 'en';`, 'the panel in English');
    pass('a tick and a language switch in the panel go through the background');

    await ff.cmd('Marionette:SetContext', { value: 'chrome' });
    const png = await ff.cmd<{ value: string }>('WebDriver:TakeScreenshot', { full: false });
    mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
    writeFileSync(shot, Buffer.from(png.value, 'base64'));
    await ff.cmd('Marionette:SetContext', { value: 'content' });

    // Marionette answers this one with the bare list.
    const handles = await ff.cmd<string[]>('WebDriver:GetWindowHandles');
    await ff.cmd('WebDriver:SwitchToWindow', { handle: handles.find((h) => h !== portalTab.value) });
    const after = await until<{ ticked: number }>(
      ff,
      `${workspace} const ticked = items.filter((i) => i.dataset.status === 'ticked').length;
       return ticked === ${before.ticked + 1} && document.documentElement.lang === 'en' ? { ticked } : null;`,
      'the workspace page to follow',
    );
    assert.equal(after.ticked, before.ticked + 1);
    pass('the workspace page follows both without a reload');
  } finally {
    await ff.close();
    await portal.close();
  }
}

/** For `npm test`'s count line: each check passed, and the one that failed. */
function report(failed: number): void {
  const file = process.env.PANDU_FIREFOX_JSON;
  if (file) writeFileSync(file, JSON.stringify({ passed: checks.length, failed }));
}

main().then(
  () => {
    report(0);
    console.log(`firefox: ${checks.length} checks passed (window: ${shot})`);
  },
  (err: unknown) => {
    report(1);
    console.error(
      `firefox: failed after ${checks.length} checks: ${err instanceof Error ? err.message : err}`,
    );
    process.exitCode = 1;
  },
);
