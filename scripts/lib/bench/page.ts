/**
 * What the extension costs the portal pages, in Chromium against the demo portal: page load and
 * first contentful paint with and without the extension (runs interleaved in one process, so
 * machine drift cancels out in the ratio), the overlay's appearance after DOMContentLoaded, and
 * list badges (all drawn, and the longest task meanwhile).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { median } from './stats';

/** Navigation figures of one page load, read from the page (ms from navigation start). */
interface LoadTimes {
  load: number;
  fcp: number;
}

/** Installed before any page script: a frame loop (a headless page renders only when asked), long tasks, and when our overlay first shows. */
const PROBE = `(() => {
  const w = window;
  // tsx (esbuild) names functions through a __name helper that evaluated code lacks.
  w.__name = w.__name || ((f) => f);
  w.__bench = { longTasks: [], overlayAt: 0, dclAt: 0 };
  const render = () => requestAnimationFrame(render);
  render();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => { w.__bench.dclAt = performance.now(); });
  const look = () => {
    const host = document.querySelector('pandu-izin-panel');
    const panel = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="pandu-panel"]');
    if (panel && panel.getBoundingClientRect().height > 0) { w.__bench.overlayAt = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

export async function preparePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  return page;
}

async function loadTimes(page: Page, url: string): Promise<LoadTimes> {
  await page.goto(url, { waitUntil: 'load' });
  // FCP is reported once painted: wait for it (a frame or two after load at most).
  return page.evaluate(async () => {
    // (Arrow functions only, unnamed: tsx would wrap named ones in a helper the page lacks.)
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = await new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (paint) resolve(paint.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(Number.NaN), 5000);
    });
    return { load: nav.loadEventStart, fcp };
  });
}

export interface WithWithout {
  withMs: number;
  withoutMs: number;
  ratio: number;
  runs: number;
}

const compare = (withs: number[], withouts: number[]): WithWithout => {
  const withMs = median(withs);
  const withoutMs = median(withouts);
  return { withMs, withoutMs, ratio: withMs / withoutMs, runs: withs.length };
};

/**
 * Page load and FCP of `url` with and without the extension: `runs` pairs after `warmUp`
 * discarded pairs, alternating which goes first.
 */
export async function loadFigures(
  withExt: BrowserContext,
  without: BrowserContext,
  url: string,
  { runs, warmUp }: { runs: number; warmUp: number },
): Promise<{ pageLoad: WithWithout; fcp: WithWithout }> {
  // Plain pages: no probe of ours on the page being timed.
  const pages = { with: await withExt.newPage(), without: await without.newPage() };
  const seen = { with: [] as LoadTimes[], without: [] as LoadTimes[] };
  for (let i = 0; i < warmUp + runs; i++) {
    const order = i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const);
    for (const which of order) {
      const times = await loadTimes(pages[which], url);
      if (i >= warmUp) seen[which].push(times);
    }
  }
  await pages.with.close();
  await pages.without.close();
  return {
    pageLoad: compare(
      seen.with.map((t) => t.load),
      seen.without.map((t) => t.load),
    ),
    fcp: compare(
      seen.with.map((t) => t.fcp),
      seen.without.map((t) => t.fcp),
    ),
  };
}

/** Milliseconds from DOMContentLoaded to the case panel on screen (median over `runs`). */
export async function overlayVisibleMs(
  withExt: BrowserContext,
  url: string,
  { runs, warmUp }: { runs: number; warmUp: number },
): Promise<number> {
  const page = await preparePage(withExt);
  const times: number[] = [];
  for (let i = 0; i < warmUp + runs; i++) {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.overlayAt > 0, undefined, {
      timeout: 15_000,
    });
    const { overlayAt, dclAt } = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
    if (i >= warmUp) times.push(overlayAt - dclAt);
  }
  await page.close();
  return median(times);
}

interface BenchWindow {
  __bench: { longTasks: [number, number][]; overlayAt: number; dclAt: number };
}

export interface BadgeFigures {
  /** From navigation start to every row's badge drawn. */
  allMs: number;
  /** Longest task from the portal's first rendering of the list until the last badge was drawn (median of runs). */
  longestTaskMs: number;
  /** The same, in the worst run. */
  worstTaskMs: number;
  runs: number;
}

/**
 * A list of `rows` rows (the demo portal's `?n=`): time until every badge is drawn, and the longest
 * task while badging (medians over `runs`). Waiting is done in the page, cheaply, so the bench does
 * not add long tasks of its own.
 */
export async function badgeFigures(
  withExt: BrowserContext,
  url: string,
  rows: string,
  { runs }: { runs: number },
): Promise<BadgeFigures> {
  const all: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await preparePage(withExt);
    await page.addInitScript(`document.addEventListener('DOMContentLoaded', () =>
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.renderedAt = performance.now(); })));
      (function watch() {
        const last = document.querySelector(${JSON.stringify(`${rows}:last-child pandu-izin-badge`)});
        if (last && last.shadowRoot && last.shadowRoot.querySelector('.b')) { window.__bench.lastAt = performance.now(); return; }
        setTimeout(watch, 50);
      })();`);
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { lastAt?: number } }).__bench.lastAt,
      undefined,
      {
        polling: 250,
        timeout: 150_000,
      },
    );
    const figures = await page.evaluate(
      async ({ rows }) => {
        // Long tasks are reported after they end: give the observer a moment.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const b = (
          window as unknown as { __bench: BenchWindow['__bench'] & { lastAt: number; renderedAt: number } }
        ).__bench;
        const hosts = document.querySelectorAll(`${rows} pandu-izin-badge`);
        const drawn = [...hosts].filter((h) => h.shadowRoot?.querySelector('.b')).length;
        const during = b.longTasks.filter(([start]) => start >= b.renderedAt && start <= b.lastAt);
        return {
          rows: document.querySelectorAll(rows).length,
          hosts: hosts.length,
          drawn,
          allMs: b.lastAt,
          longest: Math.max(0, ...during.map(([, d]) => d)),
        };
      },
      { rows },
    );
    await page.close();
    if (figures.drawn !== figures.rows || figures.hosts !== figures.rows) {
      throw new Error(`only ${figures.drawn} of ${figures.rows} rows got a badge`);
    }
    all.push(figures.allMs);
    longest.push(figures.longest);
  }
  return { allMs: median(all), longestTaskMs: median(longest), worstTaskMs: Math.max(...longest), runs };
}
