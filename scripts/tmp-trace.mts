import { writeFileSync } from 'node:fs';
import { launchWithExtension } from './lib/launch';
const url = process.argv[2] as string;
const l = await launchWithExtension({ extensionDir: '/work/main/.output/chrome-mv3-demo', headless: true });
const p = await l.context.newPage();
await p.addInitScript(`
  const render = () => requestAnimationFrame(render); render();
  window.__lt = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__r = performance.now(); })));
`);
const cdp = process.env.TRACE ? await l.context.newCDPSession(p) : null;
const chunks: unknown[] = [];
if (cdp) { cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => chunks.push(...e.value)); await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute', transferMode: 'ReportEvents' } as never); }
await p.goto(url);
await p.waitForFunction(`(() => { const h = document.querySelector('tbody tr:last-child pandu-izin-badge'); return !!(h && h.shadowRoot && h.shadowRoot.querySelector('.b')); })()`, null, { polling: 250, timeout: 60000 });
await p.waitForTimeout(1500);
const r = await p.evaluate(`({ lt: window.__lt, r: Math.round(window.__r) })`) as { lt: number[][]; r: number };
if (cdp) { const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res)); await cdp.send('Tracing.end'); await done; writeFileSync('/tmp/exp/trace.json', JSON.stringify({ traceEvents: chunks })); }
console.log('rendered at', r.r, 'after:', JSON.stringify(r.lt.filter((t) => (t[0] as number) >= r.r)));
await l.close();
