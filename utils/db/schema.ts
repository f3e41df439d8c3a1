/**
 * The extension's one IndexedDB database (extension origin only: a content script must never
 * open it, that would be the portal's origin). Dexie, with a versioned schema: each version
 * below is kept forever so a database made by any released build upgrades step by step.
 *
 * Index strings list only what queries need; every other field is stored but not indexed.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CaseStatus, NewCase, PermitEvent, PersistedCase, SlaStatus, WorkMode } from '../../machines';
import type { ReportFile, ReportPayload } from '../team/report';

export const DB_NAME = 'pandu-izin';

/** What the first entry of every case's log records: how the case was opened. */
export interface CaseOpening extends Omit<NewCase, 'id'> {
  /** Portal adapter id, e.g. `sicantik`. */
  portal: string;
  /** The portal's own case number. */
  caseRef: string;
}

/** The hashed part of a log entry: everything a team server needs to replay and attribute it. */
export interface LogBody {
  /** Globally unique event id (UUID); applying the same id twice is a no-op. */
  id: string;
  caseId: string;
  /** Who made it: the officer's NIP or name, null when no identity is set yet. */
  officer: string | null;
  /** Which browser profile made it (a random id stored once per install). */
  device: string;
  /** When it happened (the event's own `at`). */
  at: string;
  /** Exactly one of: the opening of the case, or an engine event. */
  opened?: CaseOpening & { id: string };
  event?: PermitEvent;
}

/** `events`: the append-only, hash-chained log of every case (sync-ready). */
export interface EventRow extends LogBody {
  /** 1-based position in the case's log; 1 is the opening. */
  seq: number;
  prevHash: string;
  hash: string;
  /** When this browser stored it (UTC ISO), for "what changed since" queries. */
  storedAt: string;
}

/** `cases`: one row per case, the persisted engine snapshot plus index fields for the dashboard. */
export interface CaseRow {
  /** `<portal>:<caseRef>` — the same portal case gets the same id on every device. */
  id: string;
  portal: string;
  caseRef: string;
  permitType: string;
  /** BPS province code. */
  region: string;
  /** Current stage id; the status (`issued`, `rejected`, `closed`) when no stage is running. */
  stage: string;
  status: CaseStatus;
  /** The strictest mode of the current stage (field > office > remote), `none` without a stage. */
  mode: WorkMode | 'none';
  /** Every mode of the current stage (multi-entry index). */
  modes: WorkMode[];
  slaStatus: SlaStatus;
  /** Due date of the current stage (local YYYY-MM-DD), '' when the stage has no deadline. */
  dueAt: string;
  /** The local date `slaStatus` was computed for (the SLA alarm refreshes stale rows). */
  indexedOn: string;
  /** The officer who opened the case here ('' when no identity was set). */
  officer: string;
  /** Last change, UTC ISO so that string order is time order. */
  updatedAt: string;
  /** Number of accepted engine events; the optimistic-concurrency token. */
  seq: number;
  /** Entries in the case's log (the opening + one per accepted event) and the last one's hash. */
  logLength: number;
  headHash: string;
  snapshot: PersistedCase;
}

/** `evidence`: field-verification photos and documents as Blobs; the log keeps only their hashes. */
export interface EvidenceRow {
  /** The SHA-256 of the bytes (hex): content-addressed, so the same photo is stored once. */
  sha256: string;
  caseId: string;
  stepId: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  storedAt: string;
}

/** `signatures`: every signed PDF made here (file hash, signer, time). */
export interface SignatureRow {
  id: string;
  caseId: string;
  fileSha256: string;
  signedAt: string;
  signer: string;
  kind: 'checklist' | 'report';
}

/**
 * `keys`: the officer's signing keys (see keys.ts). Never exported; CryptoKeys are stored
 * non-extractable. The fields after `certificateDer` are not indexed, so adding them needed
 * no schema version.
 */
export interface KeyRow {
  id: string;
  label: string;
  createdAt: string;
  privateKey: CryptoKey;
  certificateDer: ArrayBuffer;
  /** Made here with a self-signed certificate, or imported from a PKCS#12 file. */
  origin?: 'generated' | 'imported';
  /** The issuer's certificates that came with an imported key, embedded in each signature. */
  chainDer?: ArrayBuffer[];
  /** When it was last chosen as the key to sign with; the latest one is in use. */
  selectedAt?: string;
}

/** `settings`: small named values (officer identity, language, device id, …). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** `adapters`: portal adapters the agency or officer added (built-ins ship with the code). */
export interface AdapterRow {
  id: string;
  source: 'custom' | 'managed';
  definition: unknown;
  updatedAt: string;
}

/** `views`: which tab shows which case, so a change reaches every open view (kept across worker restarts). */
export interface ViewRow {
  tabId: number;
  caseId: string;
  url: string;
  at: string;
}

/**
 * `reports`: signed activity reports a supervisor imported (utils/team). Keyed by the SHA-256
 * of the signed payload text, so importing the same report again finds it; written by the
 * importing page itself (docs/storage.md).
 */
export interface ReportRow {
  id: string;
  /** The reporting officer's NIP (indexed: the dashboard groups by it). */
  officer: string;
  name: string;
  unit: string;
  from: string;
  to: string;
  /** The payload's generatedAt (the officer's zoned time). */
  generatedAt: string;
  /** When it was imported here, UTC ISO. */
  importedAt: string;
  fileName: string;
  /** The signer's certificate was issued by someone else (not self-signed). */
  certified: boolean;
  /** The certificate's CN and SHA-256, as shown in the list. */
  signerName: string;
  certificateSha256: string;
  /** The file as it was signed (it can be checked again or handed on) and its parsed payload. */
  file: ReportFile;
  payload: ReportPayload;
}

/** Dexie's schema strings per version: the first key is the primary key, `&` unique, `*` multi-entry, `[a+b]` compound. */
export const SCHEMA_HISTORY = {
  1: {
    cases: 'id, permitType, stage, updatedAt',
    events: 'id, caseId, &[caseId+seq]',
    evidence: 'sha256, caseId',
    signatures: 'id, caseId',
    keys: 'id',
    settings: 'key',
    adapters: 'id',
  },
  2: {
    cases:
      'id, portal, permitType, stage, mode, *modes, slaStatus, dueAt, region, officer, updatedAt, indexedOn',
    events: 'id, caseId, &[caseId+seq], storedAt',
    views: 'tabId, caseId',
  },
  3: {
    reports: 'id, officer',
  },
  4: {
    caseIndex: 'id',
  },
  5: {
    caseIndex: null,
    caseIndexChunks: 'bucket',
  },
} as const;

export const CURRENT_VERSION = 5;

/**
 * A case row without its engine snapshot: what the dashboard reads for thousands of cases at
 * once (20,000 rows with their snapshots took 0.45–1.1 s to read in Chromium).
 */
export type CaseIndexRow = Omit<CaseRow, 'snapshot'>;

/**
 * The case index is kept in a fixed number of chunks, each holding the index rows of the cases
 * whose id hashes to it: IndexedDB's cost is per record, so 20,000 rows read as 64 records took
 * 45–77 ms in Chromium here, against 230–375 ms as 20,000 records. A case write rewrites one
 * chunk (a few hundred rows at 20,000 cases). The number is our judgement; changing it needs a
 * schema upgrade that rebuilds the chunks.
 */
export const INDEX_CHUNKS = 64;

export interface CaseIndexChunk {
  bucket: number;
  rows: CaseIndexRow[];
}

export function indexRowOf(row: CaseRow): CaseIndexRow {
  const { snapshot: _snapshot, ...index } = row;
  return index;
}

/** The chunk a case's index row lives in (FNV-1a of its id). */
export function chunkOf(caseId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % INDEX_CHUNKS;
}

/** The index rows grouped into chunks, merged into `existing` (a row replaces the one with its id). */
export function mergeIndexRows(
  existing: readonly (CaseIndexChunk | undefined)[],
  rows: readonly CaseIndexRow[],
): CaseIndexChunk[] {
  const chunks = new Map<number, Map<string, CaseIndexRow>>();
  for (const chunk of existing) {
    if (chunk) chunks.set(chunk.bucket, new Map(chunk.rows.map((row) => [row.id, row])));
  }
  for (const row of rows) {
    const bucket = chunkOf(row.id);
    let chunk = chunks.get(bucket);
    if (!chunk) {
      chunk = new Map();
      chunks.set(bucket, chunk);
    }
    chunk.set(row.id, row);
  }
  return [...chunks].map(([bucket, byId]) => ({ bucket, rows: [...byId.values()] }));
}

/** Writes index rows into their chunks; the caller's transaction must include `caseIndexChunks`. */
export async function putIndexRows(db: PanduDb, rows: readonly CaseIndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  const buckets = [...new Set(rows.map((row) => chunkOf(row.id)))];
  const existing = await db.caseIndexChunks.bulkGet(buckets);
  await db.caseIndexChunks.bulkPut(mergeIndexRows(existing, rows));
}

/** Every case's index row (in no particular order). */
export async function readCaseIndex(db: PanduDb): Promise<CaseIndexRow[]> {
  const chunks = await db.caseIndexChunks.toArray();
  return chunks.flatMap((chunk) => chunk.rows);
}

/** Writes case rows and their index rows; the caller's transaction must include `cases` and `caseIndexChunks`. */
export async function putCases(db: PanduDb, rows: readonly CaseRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.cases.bulkPut(rows as CaseRow[]);
  await putIndexRows(db, rows.map(indexRowOf));
}

export type PanduDb = Dexie & {
  cases: EntityTable<CaseRow, 'id'>;
  caseIndexChunks: EntityTable<CaseIndexChunk, 'bucket'>;
  events: EntityTable<EventRow, 'id'>;
  evidence: EntityTable<EvidenceRow, 'sha256'>;
  signatures: EntityTable<SignatureRow, 'id'>;
  keys: EntityTable<KeyRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  adapters: EntityTable<AdapterRow, 'id'>;
  views: EntityTable<ViewRow, 'tabId'>;
  reports: EntityTable<ReportRow, 'id'>;
};

/** Computes a case row's index fields from its snapshot (the engine's view on a date). */
export type IndexCase = (
  snapshot: PersistedCase,
  now: string,
) => Omit<CaseRow, 'id' | 'portal' | 'caseRef' | 'officer' | 'seq' | 'logLength' | 'headHash' | 'snapshot'>;

export interface OpenOptions {
  name?: string;
  /** Needed by the version 2 upgrade, which fills the dashboard index fields of existing cases. */
  indexCase: IndexCase;
  /** The clock of the upgrade (tests pass a fixed one). */
  now?: () => string;
  /** Open only up to this version (migration tests build an old database with it). */
  version?: number;
}

/** Declares every schema version up to `options.version` (default: current) on a new Dexie. */
export function openDb(options: OpenOptions): PanduDb {
  const db = new Dexie(options.name ?? DB_NAME) as PanduDb;
  const upTo = options.version ?? CURRENT_VERSION;
  const now = options.now ?? (() => new Date().toISOString());
  db.version(1).stores(SCHEMA_HISTORY[1]);
  if (upTo >= 2) {
    // Version 2: dashboard index fields on cases, storedAt on events, the open-views table.
    db.version(2)
      .stores(SCHEMA_HISTORY[2])
      .upgrade(async (tx) => {
        const at = now();
        await tx
          .table('cases')
          .toCollection()
          .modify((row: Partial<CaseRow> & { snapshot: PersistedCase; updatedAt: string }) => {
            Object.assign(row, indexFieldsOrKeep(options.indexCase, row, at), {
              officer: row.officer ?? '',
              portal: row.portal ?? row.id?.split(':')[0] ?? '',
            });
          });
        await tx
          .table('events')
          .toCollection()
          .modify((row: Partial<EventRow>) => {
            row.storedAt ??= utcOrKeep(row.at ?? '', at);
          });
      });
  }
  // Version 3: imported activity reports (a new table; nothing to upgrade).
  if (upTo >= 3) db.version(3).stores(SCHEMA_HISTORY[3]);
  // Version 4: the case index the dashboard reads, filled from the cases (one record per case;
  // version 5 replaces it).
  if (upTo >= 4) {
    db.version(4)
      .stores(SCHEMA_HISTORY[4])
      .upgrade(async (tx) => {
        const rows = (await tx.table('cases').toArray()) as CaseRow[];
        await tx.table('caseIndex').bulkPut(rows.map(indexRowOf));
      });
  }
  // Version 5: the case index in chunks (fewer, larger records read much faster), rebuilt from the cases.
  if (upTo >= 5) {
    db.version(5)
      .stores(SCHEMA_HISTORY[5])
      .upgrade(async (tx) => {
        const rows = (await tx.table('cases').toArray()) as CaseRow[];
        await tx.table('caseIndexChunks').bulkPut(mergeIndexRows([], rows.map(indexRowOf)));
      });
  }
  return db;
}

/** A row whose snapshot cannot be indexed keeps its data; the dashboard shows it as damaged later. */
function indexFieldsOrKeep(
  indexCase: IndexCase,
  row: { snapshot: PersistedCase; updatedAt: string },
  now: string,
): Partial<CaseRow> {
  try {
    return indexCase(row.snapshot, now);
  } catch {
    return {
      mode: 'none',
      modes: [],
      slaStatus: 'none',
      dueAt: '',
      indexedOn: '',
      updatedAt: utcOrKeep(row.updatedAt, row.updatedAt),
    };
  }
}

/** A timestamp as UTC ISO; `fallback` when it is not one (an upgrade never fails on one bad row). */
function utcOrKeep(timestamp: string, fallback: string): string {
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}
