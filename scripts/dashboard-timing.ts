/**
 * Measures the dashboard with 20,000 cases in Chromium (the demo build): the first view (from
 * navigation to the counts table, including the IndexedDB read) and applying a filter (from
 * the select's change to the DOM showing the new count). Prints the figures; asserts nothing.
 * Uses a throw-away profile, so no other run's data is touched.
 *
 *   npm run build:demo && npx tsx scripts/dashboard-timing.ts [--cases 20000] [--runs 3]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CATALOG, createEngine } from '../machines';
import { launchWithExtension } from './lib/launch';

const { values } = parseArgs({ options: { cases: { type: 'string' }, runs: { type: 'string' } } });
const COUNT = Number(values.cases ?? 20_000);
const RUNS = Number(values.runs ?? 3);
const extensionDir = fileURLToPath(new URL('../.output/chrome-mv3-demo', import.meta.url));

/** Case rows as the store writes them, with one real engine snapshot as every row's payload. */
function syntheticRows(count: number) {
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
      region: regions[i % regions.length],
      stage,
      status: 'in-progress',
      mode,
      modes: mode === 'none' ? [] : [mode],
      slaStatus: sla,
      dueAt: timed ? new Date(base + ((i % 80) - 40) * 86_400_000).toISOString().slice(0, 10) : '',
      indexedOn: '2026-12-01',
      officer: `19800101200501100${i % 10}`,
      updatedAt: new Date(base - (i % 5000) * 60_000).toISOString(),
      seq: 1,
      logLength: 1,
      headHash: '',
      snapshot: { ...snapshot, id: `bench:${i}` },
    };
  });
}

const launched = await launchWithExtension({ extensionDir, headless: true });
try {
  const page = await launched.context.newPage();
  const url = `chrome-extension://${launched.extensionId}/dashboard.html`;
  await page.goto(url);
  await page.getByTestId('dashboard-empty').or(page.getByTestId('dash-filters')).waitFor();
  const rows = syntheticRows(COUNT);
  await page.evaluate(async (all) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pandu-izin');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('cases', 'readwrite');
      const store = tx.objectStore('cases');
      for (const row of all) store.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);

  for (let run = 1; run <= RUNS; run++) {
    await page.goto(url);
    await page.getByTestId('dash-counts-total').waitFor();
    const firstView = await page.evaluate(() => performance.now());
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const filter = await page.evaluate(async () => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="dash-filter-region"]');
      const shown = document.querySelector('[data-testid="dash-shown"]');
      if (!select || !shown) throw new Error('no filter');
      const before = shown.textContent;
      const changed = new Promise<number>((resolve) => {
        const started = performance.now();
        new MutationObserver(() => {
          if (shown.textContent !== before) resolve(performance.now() - started);
        }).observe(shown, { subtree: true, childList: true, characterData: true });
        select.value = '94';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      return changed;
    });
    const shown = await page.getByTestId('dash-shown').textContent();
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map<string, number>();
      const dt = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      for (const id of profile.samples ?? []) {
        const n = byId.get(id);
        const key = `${n?.callFrame.functionName || '(anon)'} ${n?.callFrame.url.split('/').pop()}:${n?.callFrame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + dt / 1000);
      }
      console.log(
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([k, v]) => `${v.toFixed(1)} ms ${k}`)
          .join('\n'),
      );
    }
    // What reading every row costs by itself (IndexedDB getAll, snapshots included).
    const read = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pandu-izin');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const started = performance.now();
      await new Promise((resolve) => {
        const get = db.transaction('cases').objectStore('cases').getAll();
        get.onsuccess = () => resolve(get.result.length);
      });
      const ms = performance.now() - started;
      db.close();
      return ms;
    });
    console.log(
      `run ${run}: ${COUNT} cases — first view ${firstView.toFixed(0)} ms after navigation; filter ${filter.toFixed(1)} ms; IndexedDB getAll alone ${read.toFixed(0)} ms (${shown?.trim()})`,
    );
    await page.goto(url); // clears the filter from the URL for the next run
  }
} finally {
  await launched.close();
}
