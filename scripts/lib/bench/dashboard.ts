/**
 * The dashboard with 20,000 cases in Chromium (the demo build's extension page): the first view
 * (from navigation to the counts table in the DOM, the IndexedDB read included) and applying a
 * filter once the page has settled (from the select's change to the DOM showing the new count).
 * The cases are written straight into the extension's IndexedDB of the bench's throw-away profile.
 */
import type { BrowserContext } from '@playwright/test';
import { CATALOG, createEngine } from '../../../machines';
import { type CaseRow, indexRowOf, mergeIndexRows } from '../../../utils/db/schema';
import { median } from './stats';

/** Case rows as the store writes them, with one real engine snapshot as every row's payload. */
function syntheticRows(count: number): CaseRow[] {
  const today = new Date().toLocaleDateString('sv-SE');
  const engine = createEngine();
  const real = engine.createCase({
    id: 'bench',
    permitId: 'pbg',
    region: '31',
    receivedAt: '2026-11-02T08:00:00+07:00',
  });
  const snapshot = JSON.parse(JSON.stringify(real.persisted));
  const modes = ['field', 'office', 'remote', 'none'] as const;
  const statuses = ['on-track', 'at-risk', 'overdue', 'paused', 'waiting', 'stopped', 'none'] as const;
  const regions = ['11', '31', '32', '33', '34', '35', '64', '76', '94', '95'];
  const base = Date.parse('2026-12-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const d = CATALOG[i % CATALOG.length] ?? CATALOG[0];
    const stage = d?.stages[i % (d?.stages.length || 1)]?.id ?? 'closed';
    const sla = statuses[i % statuses.length] ?? 'none';
    const mode = modes[i % modes.length] ?? 'none';
    const timed = sla === 'on-track' || sla === 'at-risk' || sla === 'overdue';
    return {
      id: `bench:${i}`,
      portal: 'sicantik',
      caseRef: `B-${String(i).padStart(6, '0')}`,
      permitType: d?.id ?? 'pbg',
      region: regions[i % regions.length] ?? '31',
      stage,
      status: 'in-progress',
      mode,
      modes: mode === 'none' ? [] : [mode],
      slaStatus: sla,
      dueAt: timed ? new Date(base + ((i % 80) - 40) * 86_400_000).toISOString().slice(0, 10) : '',
      // Indexed today, as the store leaves a row: the background's hourly SLA re-index (first run
      // a minute after start) then leaves the 20,000 rows alone instead of rewriting them all
      // while the dashboard is timed.
      indexedOn: today,
      officer: `19800101200501100${i % 10}`,
      updatedAt: new Date(base - (i % 5000) * 60_000).toISOString(),
      seq: 1,
      logLength: 1,
      headHash: '',
      snapshot: { ...snapshot, id: `bench:${i}` },
    };
  });
}

export interface DashboardFigures {
  firstRenderMs: number;
  filterMs: number;
  runs: number;
}

export async function dashboardFigures(
  context: BrowserContext,
  extensionId: string,
  { count, runs }: { count: number; runs: number },
): Promise<DashboardFigures> {
  const page = await context.newPage();
  // When the counts table first exists, noted in the page (Playwright's polling would add its own delay).
  await page.addInitScript(`(() => {
    const seen = () => document.querySelector('[data-testid="dash-counts-total"]');
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      window.__firstView = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  })();`);
  const url = `chrome-extension://${extensionId}/dashboard.html`;
  await page.goto(url);
  await page.getByTestId('dashboard-empty').or(page.getByTestId('dash-filters')).waitFor();
  const cases = syntheticRows(count);
  // The index chunks as the store writes them (utils/db/schema.ts), computed here with its own code.
  const chunks = mergeIndexRows([], cases.map(indexRowOf));
  await page.evaluate(
    async ({ cases, chunks }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pandu-izin');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['cases', 'caseIndexChunks'], 'readwrite');
        for (const row of cases) tx.objectStore('cases').put(row);
        for (const chunk of chunks) tx.objectStore('caseIndexChunks').put(chunk);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { cases, chunks },
  );

  const first: number[] = [];
  const filter: number[] = [];
  // One warm-up run, not counted.
  for (let run = 0; run <= runs; run++) {
    await page.goto(url);
    await page.getByTestId('dash-counts-total').waitFor();
    const firstView = await page.evaluate(() => (window as unknown as { __firstView: number }).__firstView);
    // The filter is timed once the page has settled (the officer does not change a filter within
    // milliseconds of opening it): what is left of the first load would otherwise count as the filter's.
    await page.waitForTimeout(300);
    await page.evaluate(
      () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
    );
    const filtered = await page.evaluate(async () => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="dash-filter-region"]');
      const shown = document.querySelector('[data-testid="dash-shown"]');
      if (!select || !shown) throw new Error('no region filter on the dashboard');
      const before = shown.textContent;
      return new Promise<number>((resolve, reject) => {
        const started = performance.now();
        // Watched on the whole page: a re-render (the background re-indexing the cases, say) may
        // replace the element that shows the count.
        new MutationObserver(() => {
          const now = document.querySelector('[data-testid="dash-shown"]')?.textContent;
          if (now !== before) resolve(performance.now() - started);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
        select.value = '94';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        setTimeout(
          () => reject(new Error('the region filter did not change the count shown within 10 s')),
          10_000,
        );
      });
    });
    if (run > 0) {
      first.push(firstView);
      filter.push(filtered);
    }
  }
  await page.close();
  return { firstRenderMs: median(first), filterMs: median(filter), runs };
}
