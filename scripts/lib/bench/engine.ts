/**
 * The engine's own figures, in Node (no browser): applying one event to a case, and restoring
 * 10,000 stored cases. Each a median over repeated runs after a warm-up.
 */
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../../../machines';
import { median } from './stats';

const RECEIVED = Date.parse('2026-11-02T08:00:00+07:00');

/** Item ids a new case of `permitId` can tick at its first stage. */
function tickable(engine: Engine, permitId: string): string[] {
  const c = engine.createCase({
    id: 'probe',
    permitId,
    region: '31',
    receivedAt: new Date(RECEIVED).toISOString(),
  });
  const view = engine.view(c, { now: new Date(RECEIVED + 3_600_000).toISOString() });
  return view.steps.flatMap((s) => s.items.filter((i) => i.applicable).map((i) => i.id));
}

/**
 * Median milliseconds per applied event, over `cases` case lives of `events` events each: an
 * officer ticking and unticking the first stage's checklist, with a note every fifth event
 * (the case's log and notes grow as in real use).
 */
export function engineApplyMs({ cases, events }: { cases: number; events: number }): number {
  const engine = createEngine();
  const permitId = 'oss-rba';
  const items = tickable(engine, permitId);
  if (items.length === 0) throw new Error(`${permitId} has no checklist at its first stage to tick`);
  const times: number[] = [];
  for (let n = 0; n < cases; n++) {
    let c = engine.createCase({
      id: `bench-${n}`,
      permitId,
      region: '31',
      receivedAt: new Date(RECEIVED).toISOString(),
    });
    const ticked = new Set<string>();
    for (let k = 0; k < events; k++) {
      const at = new Date(RECEIVED + (k + 1) * 60_000).toISOString();
      const item = items[k % items.length] as string;
      const event =
        k % 5 === 4
          ? { type: 'note.add', text: `catatan ${k}`, at }
          : { type: ticked.has(item) ? 'checklist.untick' : 'checklist.tick', itemId: item, at };
      const started = performance.now();
      const result = engine.applyEvent(c, event);
      const took = performance.now() - started;
      if (!result.ok) throw new Error(`bench event refused: ${JSON.stringify(result.rejection)}`);
      c = result.case;
      if (event.type === 'checklist.tick') ticked.add(item);
      if (event.type === 'checklist.untick') ticked.delete(item);
      // The first case warms the engine up (JIT, caches): not counted.
      if (n > 0) times.push(took);
    }
  }
  return median(times);
}

/**
 * Median milliseconds to restore `count` stored cases (each a JSON string, as IndexedDB or an
 * export hands them back, parsed and validated), over `runs` runs after one warm-up.
 */
export function restoreMs({ count, runs }: { count: number; runs: number }): number {
  const engine = createEngine();
  const permits = ['oss-rba', 'pbg', 'slf', 'pkkpr', 'dpmptsp-generic'];
  const stored = Array.from({ length: count }, (_, i) => {
    const c = engine.createCase({
      id: `restore-${i}`,
      permitId: permits[i % permits.length] as string,
      region: ['31', '33', '94', '97'][i % 4] as string,
      receivedAt: new Date(RECEIVED + i * 60_000).toISOString(),
    });
    return JSON.stringify(c.persisted);
  });
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    for (const text of stored) engine.restore(JSON.parse(text));
    const took = performance.now() - started;
    if (run > 0) times.push(took);
  }
  return median(times);
}
