/**
 * Case simulation for `npm run workflows -- simulate`: runs events through the engine, keeps
 * the hash-chained log of the accepted ones, and drives the happy path of any workflow.
 * No clock is read: every timestamp derives from the case's receivedAt.
 */
import * as v from 'valibot';
import {
  appendEntry,
  type Case,
  type CaseView,
  type ChainEntry,
  type Engine,
  EVENT_TYPES,
  type FieldEvidence,
  type LocalizedText,
  type PermitEvent,
  permitEventSchema,
  type Rejection,
  sha256Hex,
  verifyChain,
} from '../../machines';
import { both } from './workflows-text';

export interface RejectedEvent {
  /** 0-based position in the events given (the file's array, or the happy path's sequence). */
  index: number;
  type: string;
  /** The event as given (with its filled-in time). */
  event: unknown;
  rejection: Rejection;
}

export interface Simulation {
  case: Case;
  /** How many events were given to the engine. */
  total: number;
  /** The hash-chained log of the accepted events. */
  log: ChainEntry<PermitEvent>[];
  /** For each log entry, its 0-based position among the events given. */
  logIndex: number[];
  /** For each log entry, where the case stood after it: a stage id, or awaitingCorrection / rejected / issued. */
  logState: string[];
  rejected: RejectedEvent[];
  chainVerified: boolean;
  /** The time the final view is computed for: the last event's time (receivedAt without events). */
  now: string;
  view: CaseView;
}

const MINUTE = 60_000;
/** ISO 8601 with seconds and a ±hh:mm or Z zone: what both the event schema and localDate accept. */
export const STRICT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const isStrictTimestamp = (s: unknown): s is string =>
  typeof s === 'string' && STRICT_TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s));

export const field = (x: unknown, key: string): unknown =>
  typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined;

/** `ms` as local time at a whole-hour (or half-hour) UTC offset, e.g. 2026-11-02T08:01:00+07:00. */
export function timestampAt(ms: number, utcOffsetHours: number): string {
  const local = new Date(ms + utcOffsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = utcOffsetHours < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetHours);
  const hh = String(Math.trunc(abs)).padStart(2, '0');
  const mm = String(Math.round((abs % 1) * 60)).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/**
 * Gives every event object without `at` a time one minute after the previous event's (the
 * first: one minute after receivedAt). Events with their own `at` keep it and move the cursor.
 */
export function fillTimes(events: readonly unknown[], receivedAt: string, utcOffsetHours: number): unknown[] {
  let cursor = Date.parse(receivedAt);
  return events.map((e) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return e;
    const at = field(e, 'at');
    if (at === undefined) {
      cursor += MINUTE;
      return { ...e, at: timestampAt(cursor, utcOffsetHours) };
    }
    if (isStrictTimestamp(at)) cursor = Date.parse(at);
    return e;
  });
}

/** Applies events one by one, logging accepted ones in a hash chain and keeping the refusals. */
class Runner {
  private log: ChainEntry<PermitEvent>[] = [];
  private logIndex: number[] = [];
  private logState: string[] = [];
  private rejected: RejectedEvent[] = [];
  private index = 0;
  private lastAt: string;

  constructor(
    private readonly engine: Engine,
    public current: Case,
  ) {
    this.lastAt = current.persisted.createdAt;
  }

  async apply(event: unknown): Promise<boolean> {
    const index = this.index++;
    const at = field(event, 'at');
    if (isStrictTimestamp(at)) this.lastAt = at;
    const result = this.engine.applyEvent(this.current, event);
    if (!result.ok) {
      const type = field(event, 'type');
      this.rejected.push({
        index,
        type: typeof type === 'string' ? type : '?',
        event,
        rejection: result.rejection,
      });
      return false;
    }
    this.current = result.case;
    this.log.push(await appendEntry(this.log.at(-1), result.event));
    this.logIndex.push(index);
    const value = result.case.persisted.value;
    this.logState.push(typeof value === 'string' ? value : String(Object.values(value)[0]));
    return true;
  }

  async finish(): Promise<Simulation> {
    const check = await verifyChain(this.log);
    return {
      case: this.current,
      total: this.index,
      log: this.log,
      logIndex: this.logIndex,
      logState: this.logState,
      rejected: this.rejected,
      chainVerified: check.ok,
      now: this.lastAt,
      view: this.engine.view(this.current, { now: this.lastAt }),
    };
  }
}

/** Runs the given events (times already filled in) in order. */
export async function simulateEvents(engine: Engine, start: Case, events: readonly unknown[]) {
  const runner = new Runner(engine, start);
  for (const event of events) await runner.apply(event);
  return runner.finish();
}

/** Sample on-site evidence that satisfies isSufficientEvidence (GPS, time, photo and BAP). */
async function sampleEvidence(stepId: string, at: string): Promise<FieldEvidence> {
  return {
    id: `SIM-${stepId}`,
    capturedAt: at,
    position: { lat: -6.1754, lon: 106.8272, accuracyM: 8, source: 'gps' },
    photos: [{ sha256: await sha256Hex(`sample photo for ${stepId}`), name: `${stepId}.jpg` }],
    bapRef: `BAP/SIM/${stepId}`,
    result: 'sesuai',
    inspectors: ['Petugas simulasi'],
  };
}

/**
 * The happy path of any workflow: in each stage, tick every applicable item, attach sample
 * evidence to field steps, complete every applicable step, then advance (approve in the stage
 * that issues the permit, close in the last after-issuance stage) — until the case is final. Stops early if the engine refuses anything,
 * so a refusal shows up in the result instead of looping.
 */
export async function simulateHappyPath(engine: Engine, start: Case, utcOffsetHours: number) {
  const runner = new Runner(engine, start);
  let clock = Date.parse(start.persisted.createdAt);
  const next = () => {
    clock += MINUTE;
    return timestampAt(clock, utcOffsetHours);
  };
  /** One stage's work, then the move on; false as soon as the engine refuses an event. */
  const finishStage = async (view: CaseView): Promise<boolean> => {
    for (const step of view.steps) {
      if (!step.applicable || step.completed) continue;
      for (const item of step.items) {
        if (!item.applicable || item.status === 'ticked') continue;
        if (!(await runner.apply({ type: 'checklist.tick', itemId: item.id, at: next() }))) return false;
      }
      if (step.needsEvidence && !step.hasEvidence) {
        const at = next();
        const evidence = await sampleEvidence(step.id, at);
        if (!(await runner.apply({ type: 'evidence.attach', stepId: step.id, evidence, at }))) return false;
      }
      if (!(await runner.apply({ type: 'step.complete', stepId: step.id, at: next() }))) return false;
    }
    const move = view.stage?.issuesPermit
      ? 'case.approve'
      : view.stage?.isLast
        ? 'case.close'
        : 'stage.advance';
    return runner.apply({ type: move, at: next() });
  };
  const stageCount = engine.definitions.find((d) => d.id === start.persisted.permitId)?.stages.length ?? 0;
  // Each round moves at least one stage on; the bound only guards against an engine that does not.
  for (let round = 0; round <= stageCount; round++) {
    const view = engine.view(runner.current, { now: timestampAt(clock, utcOffsetHours) });
    if ((view.status !== 'in-progress' && view.status !== 'follow-up') || !view.stage) break;
    if (!(await finishStage(view))) break;
  }
  return runner.finish();
}

/** Edit distance, for "did you mean" on event types. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** Why an event is malformed, or null when its shape is right (whether it applies is the engine's call). */
function eventProblem(engine: Engine, start: Case, event: unknown): LocalizedText | null {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return both('err.eventNotObject');
  const type = field(event, 'type');
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    const near = EVENT_TYPES.map((x) => ({ x, d: distance(String(type), x) })).sort((a, b) => a.d - b.d)[0];
    return near && near.d <= 3
      ? both('err.eventTypeSuggest', { type: String(type), suggestion: near.x })
      : both('err.eventType', { type: String(type), known: EVENT_TYPES.join(', ') });
  }
  const at = field(event, 'at');
  // The event schema also takes times the calendar cannot place (no seconds, +0700).
  if (at !== undefined && !isStrictTimestamp(at)) return both('err.badEventTime');
  if (v.is(permitEventSchema, event)) return null;
  // The engine checks the shape first and words the problem with its path and a fix.
  const r = engine.applyEvent(start, event);
  if (r.ok) return null;
  const fix = r.rejection.details?.[0];
  const m = r.rejection.message;
  return fix ? { id: `${m.id} ${fix.id}`, en: `${m.en} ${fix.en}` } : m;
}

/** Every malformed event of a file, so the officer can fix them all at once. */
export function malformedEvents(engine: Engine, start: Case, events: readonly unknown[]) {
  return events.flatMap((event, index) => {
    const problem = eventProblem(engine, start, event);
    const type = field(event, 'type');
    return problem ? [{ index, type: typeof type === 'string' ? type : '?', problem }] : [];
  });
}
