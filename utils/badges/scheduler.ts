/**
 * Work on many items without a long task: items are queued and handled `budget` at a time,
 * one chunk per turn of `next` (requestAnimationFrame, a timeout, or a test's hand-cranked
 * queue). A chunk's work may be asynchronous (a message round trip): the next chunk starts
 * after it settles. An error in one chunk is reported and the queue goes on.
 */
export interface Scheduler<T> {
  add(items: Iterable<T>): void;
  clear(): void;
  /** Items waiting (not counting the chunk in progress). */
  readonly size: number;
  /** Nothing waiting and no chunk in progress. */
  readonly idle: boolean;
}

export interface SchedulerOptions<T> {
  /** Most items per turn. */
  budget: number;
  /**
   * Most items in the very first turn, when smaller than `budget`: lets one-time costs (the
   * first badge's styles and fonts, say) land in a frame of their own.
   */
  first?: number;
  work: (chunk: T[]) => void | Promise<void>;
  next: (turn: () => void) => void;
  onError?: (err: unknown) => void;
}

export function createScheduler<T>({
  budget,
  first = budget,
  work,
  next,
  onError,
}: SchedulerOptions<T>): Scheduler<T> {
  let queue: T[] = [];
  let busy = false;
  let started = false;
  const turn = () => {
    const chunk = queue.splice(0, Math.max(1, started ? budget : Math.min(first, budget)));
    started = true;
    if (chunk.length === 0) {
      busy = false;
      return;
    }
    const done = () => {
      if (queue.length) next(turn);
      else busy = false;
    };
    try {
      const result = work(chunk);
      if (result) {
        result.catch((err) => onError?.(err)).finally(done);
        return;
      }
    } catch (err) {
      onError?.(err);
    }
    done();
  };
  return {
    add(items) {
      for (const item of items) queue.push(item);
      if (!busy && queue.length) {
        busy = true;
        next(turn);
      }
    },
    clear() {
      queue = [];
    },
    get size() {
      return queue.length;
    },
    get idle() {
      return !busy && queue.length === 0;
    },
  };
}
