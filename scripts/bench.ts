/**
 * `npm run bench [-- --quick] [-- --out FILE]`: the extension's performance, measured. Drives the
 * demo build in Chromium against the demo portal (with and without the extension, interleaved),
 * the engine in Node, and reads the production build's bundle sizes. Prints a Markdown table and
 * writes JSON (default bench/results.json). Timings are medians after a warm-up; nothing here
 * passes or fails (CI checks only the bundle budgets).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PORTAL_PATHS } from '../test/fixtures/portal/routes';
import { startDemoPortal } from '../test/fixtures/portal/server';
import { bundleSizes } from './lib/bench/bundle';
import { dashboardFigures } from './lib/bench/dashboard';
import { engineApplyMs, restoreMs } from './lib/bench/engine';
import { badgeFigures, loadFigures, overlayVisibleMs } from './lib/bench/page';
import { markdown } from './lib/bench/report';
import { signFigures, signInNodeMs } from './lib/bench/signing';
import { round } from './lib/bench/stats';
import { launchWithExtension, launchWithout } from './lib/launch';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, out: { type: 'string' } },
});
const quick = values.quick ?? false;
const out = values.out ?? 'bench/results.json';
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const step = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
  const started = Date.now();
  process.stdout.write(`… ${name}`);
  const value = await run();
  process.stdout.write(` (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return value;
};

const figures: Record<string, unknown> = {};
figures.bundleGz = await step('bundle sizes', () => bundleSizes(root('.output/chrome-mv3')));
figures.engineApplyMs = await step('engine: applying events', () =>
  engineApplyMs(quick ? { cases: 10, events: 100 } : { cases: 50, events: 200 }),
);
figures.restore10kMs = await step('engine: restoring 10,000 cases', () =>
  restoreMs({ count: 10_000, runs: quick ? 3 : 7 }),
);
const signRuns = { runs: quick ? 3 : 9 };
figures.pdfSignNodeMs = {
  items14: await step('signing a 14-item checklist in Node', () => signInNodeMs(14, signRuns)),
  items40: await step('signing a 40-item checklist in Node', () => signInNodeMs(40, signRuns)),
};

const portal = await startDemoPortal();
const withExt = await launchWithExtension({ extensionDir: root('.output/chrome-mv3-demo'), headless: true });
const without = await launchWithout();
let chromium = '';
try {
  chromium = withExt.context.browser()?.version() ?? (await chromiumVersion(withExt.context));
  const list = `${portal.url}${PORTAL_PATHS.sicantik.list}`;
  const detail = await step('finding a case page', () => firstCaseUrl(without.context, list));
  // A page load varies by ±20 ms between runs on this machine, its cost to measure a few ms: many runs.
  const loadRuns = quick ? { runs: 5, warmUp: 1 } : { runs: 41, warmUp: 3 };
  const loads = await step('page load and first paint, with and without', () =>
    loadFigures(withExt.context, without.context, detail, loadRuns),
  );
  figures.pageLoad = loads.pageLoad;
  figures.fcp = loads.fcp;
  // The floor under that ratio: the same build whose content script does nothing. What any
  // content script injected at document_start costs these pages; the difference is ours.
  figures.pageLoadEmptyScript = await step('case page load, empty content script, with and without', () =>
    withEmptyContentScript(root('.output/chrome-mv3-demo'), (context) =>
      loadFigures(context, without.context, detail, loadRuns).then((loads) => loads.pageLoad),
    ),
  );
  // The case list too: there the content script also slots every row while the page is parsed.
  const listLoads = await step('case list load, with and without', () =>
    loadFigures(withExt.context, without.context, list, loadRuns),
  );
  figures.pageLoadList = listLoads.pageLoad;
  figures.overlayVisibleMs = await step('overlay after DOMContentLoaded', () =>
    overlayVisibleMs(withExt.context, detail, quick ? { runs: 5, warmUp: 1 } : { runs: 15, warmUp: 2 }),
  );
  const rows = 'table#tabel-permohonan tbody tr';
  figures.badges1k = await step('badges on 1,000 rows', () =>
    badgeFigures(withExt.context, `${list}?n=1000`, rows, { runs: quick ? 1 : 3 }),
  );
  figures.badges5k = await step('badges on 5,000 rows', () =>
    badgeFigures(withExt.context, `${list}?n=5000`, rows, { runs: quick ? 1 : 3 }),
  );
  figures.dashboard20k = await step('dashboard with 20,000 cases', () =>
    dashboardFigures(withExt.context, withExt.extensionId, { count: 20_000, runs: quick ? 2 : 5 }),
  );
  const building = await step('finding a PBG case on the SIMBG portal', () =>
    firstCaseUrl(without.context, `${portal.url}${PORTAL_PATHS.simbg.list}`, 'PBG'),
  );
  const signing = await step('signing the checklist in the side panel', () =>
    signFigures(withExt.context, withExt.extensionId, building, { runs: quick ? 2 : 5 }),
  );
  figures.pdfSignMs = signing.signMs;
  figures.pdfSignItems = signing.items;
} finally {
  await withExt.close();
  await without.close();
  await portal.close();
}

const results = {
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  },
  quick,
  figures: short(figures) as Record<string, unknown>,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${markdown(results)}\n\nWritten to ${out}.`);

/** Runs `measure` in a browser with a copy of the extension whose content script is empty. */
async function withEmptyContentScript<T>(
  extensionDir: string,
  measure: (context: import('@playwright/test').BrowserContext) => Promise<T>,
): Promise<T> {
  const copy = mkdtempSync(join(tmpdir(), 'pandu-bench-empty-'));
  try {
    cpSync(extensionDir, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as {
      content_scripts?: { js?: string[] }[];
    };
    for (const script of manifest.content_scripts ?? []) {
      for (const file of script.js ?? []) writeFileSync(join(copy, file), ';\n');
    }
    const launched = await launchWithExtension({ extensionDir: copy, headless: true });
    try {
      return await measure(launched.context);
    } finally {
      await launched.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The first case on a portal's list (in a row showing `text`, when given). */
async function firstCaseUrl(
  context: import('@playwright/test').BrowserContext,
  list: string,
  text?: string,
): Promise<string> {
  const page = await context.newPage();
  await page.goto(list);
  const rows = page.locator('table tbody tr');
  const href = await (text ? rows.filter({ hasText: text }) : rows)
    .first()
    .locator('a')
    .first()
    .getAttribute('href');
  await page.close();
  if (!href) throw new Error(`no case link on ${list}`);
  return new URL(href, list).href;
}

async function chromiumVersion(context: import('@playwright/test').BrowserContext): Promise<string> {
  const page = await context.newPage();
  const agent = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? 'unknown';
}

/** Figures rounded to three decimals for the JSON (timer noise past that means nothing). */
function short(value: unknown): unknown {
  if (typeof value === 'number') return round(value, 3);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, short(inner)]));
  }
  return value;
}
