import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../../../utils/badges/scheduler';

/** A hand-cranked event loop: each `turn()` runs one scheduled task. */
function loop() {
  const tasks: (() => void)[] = [];
  return {
    next: (fn: () => void) => {
      tasks.push(fn);
    },
    pending: () => tasks.length,
    turn: () => tasks.shift()?.(),
  };
}

describe('chunk scheduler', () => {
  it('handles at most `budget` items per task, one task at a time, in order', () => {
    const l = loop();
    const chunks: number[][] = [];
    const s = createScheduler<number>({ budget: 100, next: l.next, work: (c) => void chunks.push(c) });
    s.add(Array.from({ length: 250 }, (_, i) => i));
    expect(chunks).toEqual([]); // nothing runs in the caller's task
    expect(l.pending()).toBe(1);
    l.turn();
    expect(chunks.map((c) => c.length)).toEqual([100]);
    expect(s.size).toBe(150);
    l.turn();
    l.turn();
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(l.pending()).toBe(0);
  });

  it('handles only `first` items in its very first task, then `budget` at a time', () => {
    const l = loop();
    const chunks: number[][] = [];
    const s = createScheduler<number>({
      budget: 3,
      first: 1,
      next: l.next,
      work: (c) => void chunks.push(c),
    });
    s.add([1, 2, 3, 4, 5]);
    while (l.pending()) l.turn();
    s.add([6, 7, 8, 9]);
    while (l.pending()) l.turn();
    expect(chunks).toEqual([[1], [2, 3, 4], [5], [6, 7, 8], [9]]);
  });

  it('takes items added while busy into the same queue without a second loop', () => {
    const l = loop();
    const chunks: string[][] = [];
    const s = createScheduler<string>({ budget: 2, next: l.next, work: (c) => void chunks.push(c) });
    s.add(['a', 'b', 'c']);
    s.add(['d']);
    expect(l.pending()).toBe(1);
    l.turn();
    l.turn();
    expect(chunks).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(l.pending()).toBe(0);
    s.add(['e']);
    expect(l.pending()).toBe(1);
  });

  it('waits for asynchronous work before the next chunk, and goes on after an error', async () => {
    const l = loop();
    const errors: unknown[] = [];
    const release: (() => void)[] = [];
    const seen: number[][] = [];
    const s = createScheduler<number>({
      budget: 1,
      next: l.next,
      onError: (e) => errors.push(e),
      work: (c) => {
        seen.push(c);
        if (c[0] === 2) throw new Error('bad row');
        return new Promise<void>((resolve) => release.push(resolve));
      },
    });
    s.add([1, 2, 3]);
    l.turn();
    expect(seen).toEqual([[1]]);
    expect(l.pending()).toBe(0); // the answer has not come back
    release.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(l.pending()).toBe(1);
    l.turn(); // 2 throws: reported, and 3 is scheduled
    expect(errors).toHaveLength(1);
    l.turn();
    expect(seen).toEqual([[1], [2], [3]]);
  });

  it('drops what is queued on clear', () => {
    const l = loop();
    const chunks: number[][] = [];
    const s = createScheduler<number>({ budget: 1, next: l.next, work: (c) => void chunks.push(c) });
    s.add([1, 2, 3]);
    l.turn();
    s.clear();
    l.turn();
    expect(chunks).toEqual([[1]]);
    expect(s.size).toBe(0);
  });
});
