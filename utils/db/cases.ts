/**
 * The case repository: the only code that writes cases and their logs. Every change is one
 * read-write transaction that appends the log entry, stores the new snapshot and updates the
 * index fields together, or does nothing at all.
 *
 * WebCrypto hashing is asynchronous and IndexedDB transactions close when they wait on anything
 * else, so the new entry is prepared outside and the transaction only re-checks that the case
 * did not move meanwhile (optimistic concurrency on `seq` + `headHash`). If it moved, the event
 * is prepared again against the newer state: the loser of a race retries transparently, and
 * is refused only when its event no longer applies.
 */
import {
  appendEntry,
  type Case,
  CaseError,
  type CaseView,
  type Engine,
  type LocalizedText,
  type PermitEvent,
  verifyChain,
  type WorkMode,
} from '../../machines';
import {
  type CaseOpening,
  type CaseRow,
  type EventRow,
  type IndexCase,
  indexRowOf,
  type LogBody,
  type PanduDb,
  putCases,
  putIndexRows,
} from './schema';

export type StoreErrorCode =
  | 'not-found'
  | 'conflict'
  | 'rejected'
  | 'damaged'
  | 'cannot-open'
  | 'quota'
  | 'internal';

export interface StoreError {
  code: StoreErrorCode;
  message: LocalizedText;
  details?: LocalizedText[];
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/** An intent: an engine event without the time and author, which the repository stamps. */
export type Intent = DistributiveOmit<PermitEvent, 'at' | 'by'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface Author {
  /** NIP or name; null when the officer has not set an identity yet. */
  officer: string | null;
  device: string;
}

export interface RepositoryOptions {
  db: PanduDb;
  engine: Engine;
  /** Who is acting (read from settings per call: the worker keeps nothing in memory). */
  author: () => Promise<Author>;
  /** UTC ISO clock. */
  now?: () => string;
  newId?: () => string;
  /** How often a write that lost a race is prepared again before reporting a conflict. */
  maxAttempts?: number;
}

export interface Applied {
  row: CaseRow;
  /** The event id was already in the log: nothing was written. */
  duplicate: boolean;
  /** How many times the write was prepared again after another writer moved the case. */
  retries: number;
}

const MODE_ORDER: readonly WorkMode[] = ['field', 'office', 'remote'];

/** Index fields of a case row, from the engine's view of its snapshot on `now`. */
export function indexer(engine: Engine): IndexCase {
  const fields = indexFieldsOf(engine);
  return (snapshot, now) => fields(engine.restore(snapshot), now);
}

/** The same for a case already in memory (a write has it: no second restore). */
function indexFieldsOf(engine: Engine) {
  return (c: Case, now: string): ReturnType<IndexCase> => {
    const snapshot = c.persisted;
    const view = engine.view(c, { now });
    const modes = view.stage?.modes ?? [];
    return {
      permitType: snapshot.permitId,
      region: snapshot.region,
      stage: view.stage?.id ?? view.status,
      status: view.status,
      mode: MODE_ORDER.find((m) => modes.includes(m)) ?? 'none',
      modes: [...modes],
      slaStatus: view.sla.status,
      dueAt: view.sla.dueDate ?? '',
      indexedOn: view.today,
      updatedAt: new Date(snapshot.updatedAt).toISOString(),
    };
  };
}

/** The hashed body of a stored log entry. */
export function logBodyOf(row: EventRow): LogBody {
  const { id, caseId, officer, device, at, opened, event } = row;
  return { id, caseId, officer, device, at, opened, event };
}

/** The case id for a portal's case number: the same on every device, so logs can merge later. */
function caseIdFor(portal: string, caseRef: string): string {
  return `${portal}:${caseRef}`;
}

const text = (id: string, en: string): LocalizedText => ({ id, en });

/** Dexie wraps IndexedDB errors, sometimes twice: look down the `inner` chain. */
export function isQuotaError(error: unknown): boolean {
  let e = error as { name?: string; inner?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = e.inner as typeof e;
  }
  return false;
}

function failure(error: unknown): StoreError {
  if (isQuotaError(error)) {
    return {
      code: 'quota',
      message: text(
        'Penyimpanan peramban penuh; perubahan ini tidak disimpan. Data yang sudah tersimpan tetap aman. Ekspor cadangan lalu kosongkan ruang penyimpanan (mis. foto bukti lama).',
        'Browser storage is full; this change was not saved. Data already saved is safe. Export a backup, then free some space (e.g. old evidence photos).',
      ),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: text(`Gagal menyimpan: ${detail}`, `Could not save: ${detail}`),
  };
}

export function createCaseRepository(options: RepositoryOptions) {
  const { db, engine } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const maxAttempts = options.maxAttempts ?? 8;
  const index = indexer(engine);
  const indexLive = indexFieldsOf(engine);

  const notFound = (caseId: string): StoreError => ({
    code: 'not-found',
    message: text(`Perkara ${caseId} belum tercatat.`, `Case ${caseId} is not recorded.`),
  });

  function restore(row: CaseRow): StoreResult<Case> {
    try {
      return { ok: true, value: engine.restore(row.snapshot) };
    } catch (error) {
      const why = error instanceof CaseError ? error.message : String(error);
      return {
        ok: false,
        error: {
          code: 'damaged',
          message: text(
            `Data perkara ${row.id} rusak dan tidak dapat dibuka: ${why}`,
            `The stored case ${row.id} is damaged and cannot be opened: ${why}`,
          ),
        },
      };
    }
  }

  function rowFor(
    base: Pick<CaseRow, 'id' | 'portal' | 'caseRef' | 'officer'>,
    c: Case,
    log: { logLength: number; headHash: string },
    at: string,
  ): CaseRow {
    const snapshot = c.persisted;
    return { ...base, ...indexLive(c, at), seq: snapshot.seq, snapshot, ...log };
  }

  /**
   * Opens the case a portal page shows, or returns the one already recorded under the same
   * portal and case number (then `opened` is false and nothing is written).
   */
  async function open(opening: CaseOpening): Promise<StoreResult<{ row: CaseRow; opened: boolean }>> {
    const id = caseIdFor(opening.portal, opening.caseRef);
    try {
      const existing = await db.cases.get(id);
      if (existing) return { ok: true, value: { row: existing, opened: false } };
      let created: Case;
      try {
        created = engine.createCase({ ...opening, id });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: {
            code: 'cannot-open',
            message: text(`Perkara tidak dapat dibuka: ${why}`, `The case cannot be opened: ${why}`),
          },
        };
      }
      const who = await options.author();
      const at = now();
      const body: LogBody = {
        id: newId(),
        caseId: id,
        officer: who.officer,
        device: who.device,
        at: opening.receivedAt,
        opened: { ...opening, id },
      };
      const entry = await appendEntry(undefined, body);
      const row = rowFor(
        { id, portal: opening.portal, caseRef: opening.caseRef, officer: who.officer ?? '' },
        created,
        { logLength: 1, headHash: entry.hash },
        at,
      );
      const eventRow: EventRow = {
        ...body,
        seq: 1,
        prevHash: entry.prevHash,
        hash: entry.hash,
        storedAt: at,
      };
      return await db.transaction('rw', db.cases, db.caseIndexChunks, db.events, async () => {
        const raced = await db.cases.get(id);
        if (raced) return { ok: true as const, value: { row: raced, opened: false } };
        await db.events.add(eventRow);
        await db.cases.add(row);
        await putIndexRows(db, [indexRowOf(row)]);
        return { ok: true as const, value: { row, opened: true } };
      });
    } catch (error) {
      return { ok: false, error: failure(error) };
    }
  }

  /**
   * Applies an officer's intent to a case. `eventId` makes a retried message harmless;
   * `expectedSeq` is the `seq` of the view the officer acted on.
   */
  async function apply(
    caseId: string,
    intent: Intent,
    opts: { eventId: string; expectedSeq?: number },
  ): Promise<StoreResult<Applied>> {
    try {
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const [seen, row] = await Promise.all([db.events.get(opts.eventId), db.cases.get(caseId)]);
        if (!row) return { ok: false, error: notFound(caseId) };
        if (seen?.caseId === caseId) return { ok: true, value: { row, duplicate: true, retries: attempt } };
        if (seen) {
          return {
            ok: false,
            error: {
              code: 'rejected',
              message: text(
                `Nomor peristiwa ${opts.eventId} sudah dipakai perkara lain; tindakan tidak disimpan.`,
                `Event id ${opts.eventId} is already used by another case; the action was not saved.`,
              ),
            },
          };
        }
        const restored = restore(row);
        if (!restored.ok) return restored;
        const who = await options.author();
        const at = now();
        const event = { ...intent, at, ...(who.officer ? { by: who.officer } : {}) };
        const result = engine.applyEvent(restored.value, event, { now: at });
        if (!result.ok) {
          const stale = opts.expectedSeq !== undefined && opts.expectedSeq !== row.seq;
          return {
            ok: false,
            error: stale
              ? {
                  code: 'conflict',
                  message: text(
                    'Perkara ini sudah diubah di tempat lain sementara Anda bekerja, dan tindakan Anda tidak lagi berlaku. Tampilan sudah diperbarui; periksa lalu ulangi bila perlu.',
                    'This case was changed elsewhere while you worked, and your action no longer applies. The view has been refreshed; check it and try again if needed.',
                  ),
                  details: [result.rejection.message],
                }
              : { code: 'rejected', message: result.rejection.message, details: result.rejection.details },
          };
        }
        const body: LogBody = {
          id: opts.eventId,
          caseId,
          officer: who.officer,
          device: who.device,
          at,
          event: result.event,
        };
        const entry = await appendEntry(
          { seq: row.logLength, hash: row.headHash, prevHash: '', body: null },
          body,
        );
        const next = rowFor(row, result.case, { logLength: entry.seq, headHash: entry.hash }, at);
        const eventRow: EventRow = {
          ...body,
          seq: entry.seq,
          prevHash: entry.prevHash,
          hash: entry.hash,
          storedAt: at,
        };
        const outcome = await db.transaction('rw', db.cases, db.caseIndexChunks, db.events, async () => {
          if (await db.events.get(opts.eventId)) return 'duplicate' as const;
          const current = await db.cases.get(caseId);
          if (!current || current.seq !== row.seq || current.headHash !== row.headHash)
            return 'moved' as const;
          await db.events.add(eventRow);
          await putCases(db, [next]);
          return 'written' as const;
        });
        if (outcome === 'written')
          return { ok: true, value: { row: next, duplicate: false, retries: attempt } };
        // 'duplicate' and 'moved' go round again: the next pass reads what the other writer did.
      }
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: text(
            'Perkara ini sedang diubah terus-menerus di tempat lain; perubahan Anda belum disimpan. Coba lagi.',
            'This case keeps being changed elsewhere; your change was not saved yet. Try again.',
          ),
        },
      };
    } catch (error) {
      return { ok: false, error: failure(error) };
    }
  }

  /** The engine's view of a stored case on `at` (default: now). */
  function view(row: CaseRow, at: string = now()): StoreResult<CaseView> {
    const restored = restore(row);
    if (!restored.ok) return restored;
    return { ok: true, value: engine.view(restored.value, { now: at }) };
  }

  /** A case's log in order. */
  function log(caseId: string): Promise<EventRow[]> {
    return db.events.where('[caseId+seq]').between([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER]).toArray();
  }

  /** Checks a case's log against itself and against the case row (length and head hash). */
  async function verifyLog(caseId: string) {
    const [row, entries] = await Promise.all([db.cases.get(caseId), log(caseId)]);
    if (!row) return { ok: false as const, index: 0, problem: notFound(caseId).message };
    return verifyChain(
      entries.map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, body: logBodyOf(e) })),
      { length: row.logLength, headHash: row.headHash },
    );
  }

  /**
   * Recomputes the index fields of open cases last indexed before `at`'s local date: SLA
   * status moves with the calendar even when nobody touches the case.
   */
  async function reindexStale(at: string = now()): Promise<number> {
    const changed: CaseRow[] = [];
    await db.transaction('rw', db.cases, db.caseIndexChunks, async () => {
      await db.cases
        .filter((row) => row.status !== 'closed' && row.status !== 'rejected')
        .modify((row) => {
          let fields: ReturnType<IndexCase>;
          try {
            fields = index(row.snapshot, at);
          } catch {
            return; // a damaged row keeps what it had; opening it reports the damage
          }
          if (fields.indexedOn === row.indexedOn) return;
          Object.assign(row, fields);
          changed.push(row);
        });
      await putIndexRows(db, changed.map(indexRowOf));
    });
    return changed.length;
  }

  /** A stored case row, or `not-found`. */
  async function load(caseId: string): Promise<StoreResult<CaseRow>> {
    const row = await db.cases.get(caseId);
    return row ? { ok: true, value: row } : { ok: false, error: notFound(caseId) };
  }

  return { open, apply, view, log, verifyLog, reindexStale, load, get: (id: string) => db.cases.get(id) };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
