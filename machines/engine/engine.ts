/**
 * The engine: pure functions over persisted case state. The same code runs in the extension's
 * background, in Node (CLI, a server) and in tests. No clock is read: events carry their time
 * and views take `now`.
 */
import * as v from 'valibot';
import type { SnapshotFrom, StateValue } from 'xstate';
import { initialTransition, transition } from 'xstate';
import { createCalendar, isZonedTimestamp, localDate, type WorkingCalendar } from '../calendar';
import { CATALOG } from '../catalog/index';
import { issueToError } from '../data/errors';
import { lookup } from '../definition/lookup';
import type { CaseFacts, PermitDefinition } from '../definition/types';
import { createPermitMachine, type MachineRegion, type PermitMachine } from '../machine/factory';
import { findRegion, REGIONS, type RegionProfile } from '../regions';
import type { PermitContext } from './context';
import { type PermitEvent, permitEventSchema } from './events';
import { explainRefusal } from './explain';
import { inconsistency, type PersistedCase, persistedCaseSchema } from './persisted';

export type { PersistedCase } from './persisted';

import { checkEventTime, checkFacts, type Rejection } from './rules';
import { buildView, type CaseView } from './view';

/** The live XState snapshot of a case. */
export type CaseSnapshot = SnapshotFrom<PermitMachine>;

/** A case in memory: its persisted form plus the live machine snapshot. */
export interface Case {
  readonly persisted: PersistedCase;
  readonly snapshot: CaseSnapshot;
}

export type ApplyResult =
  | { ok: true; case: Case; event: PermitEvent }
  | { ok: false; case: Case; rejection: Rejection };

/** Upgrades a persisted state from one definition version to the next. */
export type Migration = (state: { value: StateValue; context: PermitContext }) => {
  value: StateValue;
  context: PermitContext;
};
/** `migrations[permitId][fromVersion]` upgrades fromVersion → fromVersion + 1. */
export type Migrations = Record<string, Record<number, Migration>>;

export interface EngineOptions {
  definitions?: readonly PermitDefinition[];
  regions?: readonly RegionProfile[];
  calendar?: WorkingCalendar;
  migrations?: Migrations;
}

export interface NewCase {
  id: string;
  permitId: string;
  region: string;
  /** When the portal received the file (ISO timestamp); the first stage's clock starts here. */
  receivedAt: string;
  facts?: CaseFacts;
}

/** Thrown by createCase / restore when the input cannot become a case; says how to fix it. */
export class CaseError extends Error {
  readonly code: string;
  readonly fix: string;
  constructor(code: string, message: string, fix: string) {
    super(`${message} ${fix}`);
    this.name = 'CaseError';
    this.code = code;
    this.fix = fix;
  }
}

export type Engine = ReturnType<typeof createEngine>;

function requireTimestamp(name: string, value: string): void {
  if (!isZonedTimestamp(value)) {
    throw new CaseError(
      'bad-date',
      `${name} "${value}" is not a timestamp with a zone.`,
      'Use ISO 8601, e.g. 2026-11-02T08:00:00+07:00.',
    );
  }
}

const migrationFailed = (message: string) =>
  new CaseError('migration-failed', message, 'Fix the migration; the stored case is unchanged.');

/** Machines kept per engine: the shipped catalog needs at most 8 permits × 38 regions × 2 phases. */
const MACHINE_CACHE_SIZE = 1024;

/**
 * An engine over a catalog, regions and a calendar (the shipped ones by default).
 */
export function createEngine(options: EngineOptions = {}) {
  const definitions = options.definitions ?? CATALOG;
  const regions = options.regions ?? REGIONS;
  const calendar = options.calendar ?? createCalendar();
  const migrations = options.migrations ?? {};
  const machines = new Map<string, PermitMachine>();

  const definitionOf = (permitId: string) => {
    const d = definitions.find((x) => x.id === permitId);
    if (!d) {
      const known = definitions.map((x) => x.id).join(', ');
      throw new CaseError('unknown-permit', `Unknown permit type "${permitId}".`, `Use one of: ${known}.`);
    }
    return d;
  };
  const regionOf = (code: string): RegionProfile => {
    const r = findRegion(code, regions);
    if (!r)
      throw new CaseError(
        'unknown-region',
        `Unknown region "${code}".`,
        'Use a two-digit BPS province code, e.g. 31.',
      );
    return r;
  };

  /**
   * The machine for a permit in a region, with stage tags assessed for `date`. The date only
   * matters before or after the region's WFA start (the assessment reads nothing else from it),
   * so one machine serves each phase: at most 2 per permit and region, kept least recently used.
   */
  function machineFor(permitId: string, regionCode: string, date: string): PermitMachine {
    const d = definitionOf(permitId);
    const region = regionOf(regionCode);
    const phase = date < region.wfaStart.date ? 'before-wfa' : 'wfa';
    const key = `${d.id}@${d.version}|${region.code}|${phase}`;
    let m = machines.get(key);
    if (m) {
      machines.delete(key);
    } else {
      m = createPermitMachine(d, { region: region as MachineRegion, calendar, date });
      if (machines.size >= MACHINE_CACHE_SIZE) machines.delete(machines.keys().next().value as string);
    }
    machines.set(key, m);
    return m;
  }

  const dateAt = (regionCode: string, at: string) => localDate(at, regionOf(regionCode).utcOffsetHours);

  /** Opens a new case in the first stage. Throws CaseError on an unknown permit, region or fact. */
  function createCase(input: NewCase): Case {
    const d = definitionOf(input.permitId);
    regionOf(input.region); // throws on an unknown region
    requireTimestamp('receivedAt', input.receivedAt);
    const factProblem = input.facts ? checkFacts(lookup(d), input.facts) : null;
    if (factProblem)
      throw new CaseError(factProblem.code, factProblem.message.en, 'Fix the facts and try again.');
    const machine = machineFor(d.id, input.region, dateAt(input.region, input.receivedAt));
    const cannotOpen = (why: unknown) =>
      new CaseError(
        'cannot-open',
        `Case ${input.id} could not be opened: ${why instanceof Error ? why.message : String(why)}`,
        'Check the permit definition and the calendar data.',
      );
    let snapshot: CaseSnapshot;
    try {
      [snapshot] = initialTransition(machine, { receivedAt: input.receivedAt, facts: input.facts ?? {} });
    } catch (error) {
      throw cannotOpen(error);
    }
    if (snapshot.status === 'error') throw cannotOpen(snapshot.error);
    const persisted: PersistedCase = {
      format: 1,
      id: input.id,
      permitId: d.id,
      machineVersion: d.version,
      region: input.region,
      createdAt: input.receivedAt,
      updatedAt: input.receivedAt,
      seq: 0,
      value: snapshot.value,
      context: snapshot.context as PermitContext,
    };
    return { persisted, snapshot };
  }

  /** Why an event cannot apply in the case's current state, or null when it can. */
  function explain(c: Case, event: PermitEvent, opts: { now?: string } = {}): Rejection | null {
    return (
      checkEventTime(c.persisted, event.at, opts.now) ??
      explainRefusal(definitionOf(c.persisted.permitId), c.persisted, event)
    );
  }

  /**
   * Applies one event. A malformed or disallowed event leaves the case unchanged and says why
   * (in Indonesian and English); an accepted one returns the new case.
   */
  function applyEvent(c: Case, input: unknown, opts: { now?: string } = {}): ApplyResult {
    const parsed = v.safeParse(permitEventSchema, input);
    if (!parsed.success) {
      const first = issueToError(parsed.issues[0] as v.BaseIssue<unknown>);
      return {
        ok: false,
        case: c,
        rejection: {
          code: 'malformed',
          message: {
            id: `Peristiwa tidak sah (${first.path}): ${first.problem.id}`,
            en: `Malformed event (${first.path}): ${first.problem.en}`,
          },
          details: [first.fix],
        },
      };
    }
    const event = parsed.output as PermitEvent;
    const why = explain(c, event, opts);
    if (why) return { ok: false, case: c, rejection: why };
    // An action that fails (a bug, or broken calendar data) leaves the case as it was.
    const failed = (why: unknown): ApplyResult => {
      const text = why instanceof Error ? why.message : String(why);
      return {
        ok: false,
        case: c,
        rejection: {
          code: 'internal',
          message: {
            id: `Peristiwa tidak dapat diproses: ${text}`,
            en: `The event could not be processed: ${text}`,
          },
        },
      };
    };
    let next: CaseSnapshot;
    try {
      [next] = transition(c.snapshot.machine as unknown as PermitMachine, c.snapshot, event);
    } catch (error) {
      return failed(error);
    }
    if (next.status === 'error') return failed(next.error);
    if (next === c.snapshot) {
      return {
        ok: false,
        case: c,
        rejection: {
          code: 'not-handled',
          message: {
            id: 'Peristiwa tidak berlaku di status ini.',
            en: 'The event does not apply in this state.',
          },
        },
      };
    }
    const persisted: PersistedCase = {
      ...c.persisted,
      seq: c.persisted.seq + 1,
      // Within the tolerated skew an event may be a little earlier; the record never goes back.
      updatedAt: Date.parse(event.at) > Date.parse(c.persisted.updatedAt) ? event.at : c.persisted.updatedAt,
      value: next.value,
      context: next.context as PermitContext,
    };
    return { ok: true, case: { persisted, snapshot: next }, event };
  }

  /**
   * Rebuilds a case from its persisted JSON, migrating older definition versions.
   * Throws CaseError when the data is damaged or cannot be migrated.
   */
  function restore(input: unknown): Case {
    const parsed = v.safeParse(persistedCaseSchema, input);
    if (!parsed.success) {
      const e = issueToError(parsed.issues[0] as v.BaseIssue<unknown>);
      throw new CaseError('damaged', `Stored case is damaged at ${e.path}: ${e.problem.en}`, e.fix.en);
    }
    let p = parsed.output as PersistedCase;
    const d = definitionOf(p.permitId);
    regionOf(p.region); // throws on an unknown region
    if (p.machineVersion > d.version) {
      throw new CaseError(
        'too-new',
        `Case ${p.id} was made with ${d.id} v${p.machineVersion}; this engine has v${d.version}.`,
        'Update Pandu Izin.',
      );
    }
    const migratedFrom = p.machineVersion;
    while (p.machineVersion < d.version) {
      const step = migrations[d.id]?.[p.machineVersion];
      if (!step) {
        throw new CaseError(
          'no-migration',
          `No migration for ${d.id} from v${p.machineVersion} to v${p.machineVersion + 1}.`,
          'Add one under EngineOptions.migrations.',
        );
      }
      let migrated: ReturnType<Migration>;
      try {
        migrated = step({ value: p.value, context: p.context });
        if (
          typeof migrated !== 'object' ||
          migrated === null ||
          !('value' in migrated) ||
          !('context' in migrated)
        ) {
          throw new Error('it returned no { value, context }');
        }
      } catch (error) {
        throw migrationFailed(
          `Migrating ${d.id} from v${p.machineVersion} failed: ${(error as Error).message}`,
        );
      }
      p = { ...p, ...migrated, machineVersion: p.machineVersion + 1 };
    }
    if (migratedFrom !== p.machineVersion) {
      // A migration's output is checked like a stored record: it may be just as wrong.
      const again = v.safeParse(persistedCaseSchema, p);
      if (!again.success) {
        const e = issueToError(again.issues[0] as v.BaseIssue<unknown>);
        throw migrationFailed(
          `Migrating ${d.id} from v${migratedFrom} gave a damaged case at ${e.path}: ${e.problem.en}`,
        );
      }
    }
    const broken = inconsistency(lookup(d), p);
    if (broken) {
      throw new CaseError(
        'damaged',
        `Stored case ${p.id} does not hold together: ${broken}.`,
        'Restore it from a backup or open it anew.',
      );
    }
    const machine = machineFor(d.id, p.region, dateAt(p.region, p.updatedAt));
    let snapshot: CaseSnapshot;
    try {
      snapshot = machine.resolveState({ value: p.value, context: p.context } as never);
    } catch (error) {
      throw new CaseError(
        'damaged',
        `Stored case ${p.id} has an unknown state: ${(error as Error).message}`,
        'Restore it from a backup or open it anew.',
      );
    }
    return { persisted: p, snapshot };
  }

  /** What the case looks like on `now` (ISO timestamp): stage, steps with modes, checklist, SLA. */
  function view(c: Case, opts: { now: string }): CaseView {
    requireTimestamp('now', opts.now);
    const d = definitionOf(c.persisted.permitId);
    const region = regionOf(c.persisted.region);
    return buildView({
      definition: d,
      region,
      calendar,
      persisted: c.persisted,
      now: opts.now,
      explain: (e) => explain(c, e),
    });
  }

  return { createCase, applyEvent, restore, view, explain, machineFor, definitions, regions, calendar };
}
