/**
 * Backup files: one JSON document with every case, its hash-chained log, the evidence bytes,
 * signatures, adapters and the settings that travel (never the signing keys, the open-views
 * table, this browser's device id, the agency's policy and the adapters it installed, or
 * imported activity reports: docs/storage.md says why).
 *
 * Import checks the whole file first (digest, shape, every case against the engine, every
 * log's chain, every evidence hash) and how it merges with what is already stored, and only
 * then writes, in one transaction: a refused or failed import changes nothing.
 */
import * as v from 'valibot';
import {
  canonicalJson,
  type Engine,
  EVENT_TYPES,
  formatPath,
  type LocalizedText,
  type PersistedCase,
  sha256Hex,
  verifyChain,
} from '../../machines';
import { fromBase64, toBase64 } from './base64';
import { isQuotaError, logBodyOf } from './cases';
import {
  type AdapterRow,
  type CaseRow,
  type EventRow,
  type EvidenceRow,
  type PanduDb,
  putCases,
  type SettingRow,
  type SignatureRow,
} from './schema';
import { isSettingKey, LOCAL_ONLY_SETTINGS, settingProblem } from './settings';

export const BACKUP_FORMAT = 'pandu-izin-backup';
export const BACKUP_VERSION = 1;

/** An evidence row as it travels: the Blob becomes base64 in `data`. */
export type EvidenceEntry = Omit<EvidenceRow, 'blob'> & { data: string };

export interface BackupContent {
  cases: CaseRow[];
  events: EventRow[];
  evidence: EvidenceEntry[];
  signatures: SignatureRow[];
  settings: SettingRow[];
  adapters: AdapterRow[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** Lower-case hex SHA-256 of `canonicalJson(content)`. */
  digest: string;
  content: BackupContent;
}

export type BackupErrorCode =
  | 'truncated'
  | 'wrong-format'
  | 'wrong-version'
  | 'tampered'
  | 'invalid'
  | 'chain-broken'
  | 'diverged'
  | 'quota'
  | 'internal';

export interface BackupError {
  code: BackupErrorCode;
  message: LocalizedText;
  details?: LocalizedText[];
}

export interface ImportCounts {
  /** Cases added, or replaced by the backup's longer log. */
  cases: number;
  /** Log entries added. */
  events: number;
  /** Evidence items added (one already stored under the same hash is kept). */
  evidence: number;
  /** Settings, signatures and adapters written because they differed from the stored ones. */
  settings: number;
  signatures: number;
  adapters: number;
  /** Cases whose log here is already as long as the backup's, or longer: left as they are. */
  unchanged: number;
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; error: BackupError };

const text = (id: string, en: string): LocalizedText => ({ id, en });

/** How many problems a refusal lists (the first one is also the message). */
const MAX_DETAILS = 20;

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/**
 * The whole database as one backup file. Throws only when the database cannot be read.
 */
export async function exportBackup(
  db: PanduDb,
  opts: {
    now?: () => string;
    /**
     * Whether a stored case can be read (the engine restores it). One that cannot is left out
     * with its log, evidence and signatures, and named in `skipped`: import checks every case,
     * so a damaged one would make the whole file impossible to restore.
     */
    readable?: (row: CaseRow) => boolean;
  } = {},
): Promise<{ fileName: string; text: string; skipped: string[] }> {
  const now = opts.now ?? (() => new Date().toISOString());
  const readable = opts.readable ?? (() => true);
  // One read transaction for a consistent snapshot. Blob bytes are read after it: awaiting a
  // non-Dexie promise inside would commit the transaction early.
  const read = await db.transaction(
    'r',
    [db.cases, db.events, db.evidence, db.signatures, db.settings, db.adapters],
    async () => {
      const [cases, events, evidence, signatures, settings, adapters] = await Promise.all([
        db.cases.toArray(),
        db.events.orderBy('[caseId+seq]').toArray(),
        db.evidence.toArray(),
        db.signatures.toArray(),
        db.settings.toArray(),
        db.adapters.toArray(),
      ]);
      return { cases, events, evidence, signatures, settings, adapters };
    },
  );
  const skipped = read.cases.filter((row) => !readable(row)).map((row) => row.id);
  const left = new Set(skipped);
  const kept = <T extends { caseId: string }>(rows: T[]) => rows.filter((row) => !left.has(row.caseId));
  const evidence: EvidenceEntry[] = [];
  for (const { blob, ...rest } of kept(read.evidence)) {
    evidence.push({ ...rest, data: toBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  const content: BackupContent = {
    cases: read.cases.filter((row) => !left.has(row.id)),
    events: kept(read.events),
    evidence,
    signatures: kept(read.signatures),
    // A stored value that no longer passes reads as unset anyway; leaving it out keeps the
    // file importable (import refuses unknown keys and bad values).
    settings: read.settings.filter(
      (s) =>
        isSettingKey(s.key) && !LOCAL_ONLY_SETTINGS.has(s.key) && settingProblem(s.key, s.value) === null,
    ),
    // The agency's adapters belong to its policy, which installs them again wherever it applies.
    adapters: read.adapters.filter((r) => r.source !== 'managed'),
  };
  // The digest covers exactly what import will parse back (JSON drops undefined members).
  const normalized = JSON.parse(JSON.stringify(content)) as BackupContent;
  const createdAt = now();
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    digest: await sha256Hex(canonicalJson(normalized)),
    content: normalized,
  };
  return {
    fileName: `pandu-izin-cadangan-${localDay(createdAt)}.json`,
    text: JSON.stringify(file),
    skipped,
  };
}

/** The browser's local date (the officer's day), YYYY-MM-DD. */
function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---------------------------------------------------------------------------------------------
// Base64 and hashing (service-worker safe: no Buffer)
// ---------------------------------------------------------------------------------------------

// toBase64 / fromBase64 live in base64.ts (activity reports use them too); exported here as before.
export { fromBase64, toBase64 };

async function bytesSha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------------
// Row schemas: checked as stored (nothing is recomputed), so the index fields must have the
// right types or dashboard queries would silently miss the row.
// ---------------------------------------------------------------------------------------------

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'));
const nonEmpty = v.pipe(v.string(), v.minLength(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const MODES = ['remote', 'office', 'field'] as const;

const caseRowSchema = v.strictObject({
  id: nonEmpty,
  portal: nonEmpty,
  caseRef: nonEmpty,
  permitType: v.string(),
  region: v.string(),
  stage: v.string(),
  status: v.picklist(['in-progress', 'awaiting-correction', 'rejected', 'issued', 'follow-up', 'closed']),
  mode: v.picklist([...MODES, 'none']),
  modes: v.array(v.picklist(MODES)),
  slaStatus: v.picklist(['on-track', 'at-risk', 'overdue', 'paused', 'waiting', 'stopped', 'none']),
  dueAt: v.string(),
  indexedOn: v.string(),
  officer: v.string(),
  updatedAt: v.string(),
  seq: count,
  logLength: v.pipe(count, v.minValue(1)),
  headHash: hex64,
  // engine.restore checks the snapshot itself, with the engine's own messages.
  snapshot: v.custom<PersistedCase>((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
}) satisfies v.GenericSchema<unknown, CaseRow>;

// The log bodies are covered by the hash chain; the shape check only keeps garbage out of the
// rows (the engine's own event schema may tighten later and must not refuse old logs).
const openingSchema = v.looseObject({
  id: nonEmpty,
  portal: nonEmpty,
  caseRef: nonEmpty,
  permitId: v.string(),
  region: v.string(),
  receivedAt: v.string(),
});
const eventSchema = v.looseObject({ type: v.picklist(EVENT_TYPES), at: v.string() });

const eventRowSchema = v.pipe(
  v.strictObject({
    id: nonEmpty,
    caseId: nonEmpty,
    officer: v.nullable(v.string()),
    device: v.string(),
    at: v.string(),
    opened: v.optional(openingSchema),
    event: v.optional(eventSchema),
    seq: v.pipe(count, v.minValue(1)),
    prevHash: hex64,
    hash: hex64,
    storedAt: v.string(),
  }),
  v.check((e) => (e.opened === undefined) !== (e.event === undefined), 'exactly one of opened or event'),
) satisfies v.GenericSchema<unknown, Omit<EventRow, 'opened' | 'event'>>;

const evidenceEntrySchema = v.strictObject({
  sha256: hex64,
  caseId: v.string(),
  stepId: v.string(),
  name: v.string(),
  type: v.string(),
  size: count,
  storedAt: v.string(),
  data: v.string(),
}) satisfies v.GenericSchema<unknown, EvidenceEntry>;

const signatureRowSchema = v.strictObject({
  id: nonEmpty,
  caseId: v.string(),
  fileSha256: hex64,
  signedAt: v.string(),
  signer: v.string(),
  kind: v.picklist(['checklist', 'report']),
}) satisfies v.GenericSchema<unknown, SignatureRow>;

const settingRowSchema = v.strictObject({ key: v.string(), value: v.unknown() });

const adapterRowSchema = v.strictObject({
  id: nonEmpty,
  source: v.picklist(['custom', 'managed']),
  definition: v.unknown(),
  updatedAt: v.string(),
}) satisfies v.GenericSchema<unknown, AdapterRow>;

const contentSchema = v.strictObject({
  cases: v.array(caseRowSchema),
  events: v.array(eventRowSchema),
  evidence: v.array(evidenceEntrySchema),
  signatures: v.array(signatureRowSchema),
  settings: v.array(settingRowSchema),
  adapters: v.array(adapterRowSchema),
});

/** `content.cases[3].seq` from valibot's path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  const inner = issue.path?.length ? formatPath(issue.path) : '';
  return inner === '' ? 'content' : inner.startsWith('[') ? `content${inner}` : `content.${inner}`;
}

function shapeProblem(issue: v.BaseIssue<unknown>): LocalizedText {
  const path = pathOf(issue);
  if (issue.expected === 'never') {
    return text(`${path} tidak dikenal dalam cadangan.`, `${path} is not part of a backup.`);
  }
  const expected = issue.expected ?? issue.message;
  return text(
    `${path} tidak sah: seharusnya ${expected}, ternyata ${issue.received}.`,
    `${path} is invalid: expected ${expected}, found ${issue.received}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

type Refusal = { ok: false; error: BackupError };

/** One check's outcome: what it established, or the refusal that stops the import. */
type Step<T> = { ok: true; value: T } | Refusal;

const pass = <T>(value: T): Step<T> => ({ ok: true, value });

/** A refusal: the first problem, saying nothing was changed; with several, `details` lists them all. */
const refuse = (code: BackupErrorCode, problems: LocalizedText[]): Refusal => {
  const first = problems[0] as LocalizedText;
  const message = first.en.includes('Nothing was changed')
    ? first
    : text(`${first.id} Tidak ada yang diubah.`, `${first.en} Nothing was changed.`);
  return {
    ok: false,
    error: { code, message, ...(problems.length > 1 ? { details: problems.slice(0, MAX_DETAILS) } : {}) },
  };
};

/** For checks that only find problems: refuses when there are any. */
const refuseIf = (code: BackupErrorCode, problems: LocalizedText[]): Step<void> =>
  problems.length > 0 ? refuse(code, problems) : pass(undefined);

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** A checked backup, ready to merge: evidence already turned into Blobs. */
interface Checked {
  content: BackupContent;
  logs: Map<string, EventRow[]>;
  blobs: Map<string, Blob>;
}

/**
 * Restores a backup file into the database, merging with what is stored. Everything is
 * checked before anything is written; never throws.
 */
export async function importBackup(
  db: PanduDb,
  fileText: string,
  opts: { engine: Engine; now?: () => string },
): Promise<ImportResult> {
  const now = opts.now ?? (() => new Date().toISOString());
  try {
    const checked = await check(fileText, opts.engine);
    if (!checked.ok) return checked;
    return await merge(db, checked.value, now());
  } catch (error) {
    return { ok: false, error: failure(error) };
  }
}

/** The checks an import runs, in order; the first that fails refuses the whole file. */
async function check(fileText: string, engine: Engine): Promise<Step<Checked>> {
  const envelope = await checkEnvelope(fileText);
  if (!envelope.ok) return envelope;
  const shaped = checkShapes(envelope.value);
  if (!shaped.ok) return shaped;
  const content = shaped.value;
  const snapshots = checkSnapshots(content, engine);
  if (!snapshots.ok) return snapshots;
  const logs = await checkLogs(content);
  if (!logs.ok) return logs;
  const blobs = await checkEvidence(content);
  if (!blobs.ok) return blobs;
  const settings = checkSettings(content);
  if (!settings.ok) return settings;
  return pass({ content, logs: logs.value, blobs: blobs.value });
}

// ---------------------------------------------------------------------------------------------
// Import: envelope
// ---------------------------------------------------------------------------------------------

/**
 * Complete JSON of our format and version, whose content matches its digest, holds no keys and
 * comes with a createdAt. Gives the content, its rows not checked yet.
 */
async function checkEnvelope(fileText: string): Promise<Step<Record<string, unknown>>> {
  let file: unknown;
  try {
    file = JSON.parse(fileText);
  } catch {
    return refuse('truncated', [
      text(
        'Berkas cadangan terpotong atau bukan cadangan Pandu Izin (isinya bukan JSON yang utuh). Tidak ada yang diubah.',
        'The backup file is cut off or is not a Pandu Izin backup (its text is not complete JSON). Nothing was changed.',
      ),
    ]);
  }
  if (!isPlainObject(file) || file.format !== BACKUP_FORMAT) return wrongFormat(file);
  if (file.version !== BACKUP_VERSION) return wrongVersion(file.version);
  const content = await checkDigest(file);
  if (!content.ok) return content;
  if ('keys' in content.value) {
    return refuse('invalid', [
      text(
        'Cadangan memuat kunci tanda tangan (content.keys); kunci tidak pernah boleh dipindahkan lewat cadangan.',
        'The backup contains signing keys (content.keys); keys must never travel in a backup.',
      ),
    ]);
  }
  if (typeof file.createdAt !== 'string') {
    return refuse('invalid', [
      text('createdAt cadangan bukan teks tanggal.', "The backup's createdAt is not a date text."),
    ]);
  }
  return content;
}

function wrongFormat(file: unknown): Refusal {
  const format = isPlainObject(file) && typeof file.format === 'string' ? `"${file.format}"` : null;
  return refuse('wrong-format', [
    text(
      `Berkas ini bukan cadangan Pandu Izin (format ${format ?? 'tidak ada'}, seharusnya "${BACKUP_FORMAT}"). Tidak ada yang diubah.`,
      `This file is not a Pandu Izin backup (format ${format ?? 'none'}, expected "${BACKUP_FORMAT}"). Nothing was changed.`,
    ),
  ]);
}

function wrongVersion(version: unknown): Refusal {
  const found = JSON.stringify(version) ?? 'none';
  return refuse('wrong-version', [
    text(
      `Cadangan ini berversi ${found === 'none' ? 'tidak diketahui' : found}; Pandu Izin ini hanya dapat memulihkan versi ${BACKUP_VERSION}. Perbarui Pandu Izin bila cadangan dibuat oleh versi yang lebih baru. Tidak ada yang diubah.`,
      `This backup has version ${found}; this Pandu Izin can only restore version ${BACKUP_VERSION}. Update Pandu Izin if the backup was made by a newer one. Nothing was changed.`,
    ),
  ]);
}

/** A well-formed digest and an object content that hashes to it; gives that content. */
async function checkDigest(file: Record<string, unknown>): Promise<Step<Record<string, unknown>>> {
  const { digest: recorded, content } = file;
  if (typeof recorded !== 'string' || !/^[0-9a-f]{64}$/.test(recorded)) {
    return tampered('sidik SHA-256 tidak ada atau tidak sah', 'the SHA-256 digest is missing or malformed');
  }
  if (!isPlainObject(content)) {
    return refuse('invalid', [
      text('Cadangan tidak berisi bagian "content".', 'The backup has no "content" section.'),
    ]);
  }
  let digest: string;
  try {
    digest = await sha256Hex(canonicalJson(content));
  } catch {
    return tampered(
      'isi memuat nilai yang tidak dapat dihitung',
      'the content holds a value that cannot be hashed',
    );
  }
  if (digest !== recorded) {
    return tampered(`tercatat ${recorded}, dihitung ${digest}`, `recorded ${recorded}, computed ${digest}`);
  }
  return pass(content);
}

function tampered(whyId: string, whyEn: string): Refusal {
  return refuse('tampered', [
    text(
      `Isi cadangan tidak cocok dengan SHA-256-nya (${whyId}): berkas telah diubah atau rusak. Tidak ada yang diubah.`,
      `The backup's content does not match its SHA-256 (${whyEn}): the file was changed or damaged. Nothing was changed.`,
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Import: rows
// ---------------------------------------------------------------------------------------------

/** Every row of every table has the right shape, and no table has an id twice. */
function checkShapes(raw: Record<string, unknown>): Step<BackupContent> {
  const shaped = v.safeParse(contentSchema, raw);
  if (!shaped.success) return refuse('invalid', shaped.issues.map(shapeProblem));
  // The rows exactly as in the file (the digest covers them), now known to have the right shape.
  const content = raw as unknown as BackupContent;
  const dupes = duplicates(content);
  return dupes.length > 0 ? refuse('invalid', dupes) : pass(content);
}

/** Ids that appear twice in one table of the file. */
function duplicates(content: BackupContent): LocalizedText[] {
  const out: LocalizedText[] = [];
  const scan = <T>(table: keyof BackupContent, rows: readonly T[], keyOf: (row: T) => string) => {
    const seen = new Set<string>();
    for (const [i, row] of rows.entries()) {
      const key = keyOf(row);
      if (seen.has(key)) {
        out.push(
          text(
            `content.${table}[${i}]: "${key}" muncul lebih dari sekali.`,
            `content.${table}[${i}]: "${key}" appears more than once.`,
          ),
        );
      }
      seen.add(key);
    }
  };
  scan('cases', content.cases, (r) => r.id);
  scan('events', content.events, (r) => r.id);
  scan('evidence', content.evidence, (r) => r.sha256);
  scan('signatures', content.signatures, (r) => r.id);
  scan('settings', content.settings, (r) => r.key);
  scan('adapters', content.adapters, (r) => r.id);
  return out;
}

/** Every case snapshot restores with this engine and agrees with its row. */
function checkSnapshots(content: BackupContent, engine: Engine): Step<void> {
  return refuseIf(
    'invalid',
    content.cases.flatMap((row) => snapshotProblem(row, engine) ?? []),
  );
}

function snapshotProblem(row: CaseRow, engine: Engine): LocalizedText | null {
  try {
    engine.restore(row.snapshot);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return text(
      `Perkara ${row.id} dalam cadangan rusak dan tidak dapat dibuka: ${why}`,
      `Case ${row.id} in the backup is damaged and cannot be opened: ${why}`,
    );
  }
  if (row.snapshot.id !== row.id || row.snapshot.seq !== row.seq) {
    return text(
      `Perkara ${row.id} dalam cadangan tidak cocok dengan datanya sendiri (id ${row.snapshot.id}, seq ${row.snapshot.seq} vs ${row.seq}).`,
      `Case ${row.id} in the backup does not match its own data (id ${row.snapshot.id}, seq ${row.snapshot.seq} vs ${row.seq}).`,
    );
  }
  return null;
}

/**
 * Every case's log is a whole, unbroken chain ending where its row says and opened by its first
 * entry; each row's seq counts that log; every entry belongs to a case in the file.
 * Gives the logs by case id, each sorted by seq.
 */
async function checkLogs(content: BackupContent): Promise<Step<Map<string, EventRow[]>>> {
  const { logs, orphans } = groupLogs(content);
  const broken: LocalizedText[] = [];
  for (const row of content.cases) {
    const problem = await logProblem(row, logs.get(row.id) ?? []);
    if (problem) broken.push(problem);
  }
  if (broken.length > 0) return refuse('chain-broken', broken);

  const miscounted = content.cases
    .filter((row) => row.seq !== row.logLength - 1)
    .map((row) =>
      text(
        `Perkara ${row.id}: seq ${row.seq} seharusnya ${row.logLength - 1} (panjang log ${row.logLength} dikurangi pembukaan).`,
        `Case ${row.id}: seq ${row.seq} should be ${row.logLength - 1} (log length ${row.logLength} minus the opening).`,
      ),
    );
  if (miscounted.length > 0) return refuse('invalid', miscounted);
  if (orphans.length > 0) return refuse('invalid', orphans);
  return pass(logs);
}

/** The file's log entries by case (sorted by seq), and the entries whose case is not in the file. */
function groupLogs(content: BackupContent): { logs: Map<string, EventRow[]>; orphans: LocalizedText[] } {
  const logs = new Map<string, EventRow[]>(content.cases.map((c) => [c.id, []]));
  const orphans: LocalizedText[] = [];
  content.events.forEach((e, i) => {
    const log = logs.get(e.caseId);
    if (log) log.push(e);
    else
      orphans.push(
        text(
          `Entri log content.events[${i}] (${e.id}) milik perkara ${e.caseId}, yang tidak ada dalam cadangan.`,
          `Log entry content.events[${i}] (${e.id}) belongs to case ${e.caseId}, which is not in the backup.`,
        ),
      );
  });
  for (const log of logs.values()) log.sort((a, b) => a.seq - b.seq);
  return { logs, orphans };
}

/** Why a case's log (sorted by seq) does not back its row, or null. */
async function logProblem(row: CaseRow, log: EventRow[]): Promise<LocalizedText | null> {
  const verdict = await verifyChain(
    log.map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, body: logBodyOf(e) })),
    { length: row.logLength, headHash: row.headHash },
  );
  if (!verdict.ok) {
    return text(
      `Log perkara ${row.id} rusak di entri ${verdict.index + 1}: ${verdict.problem.id}`,
      `The log of case ${row.id} is broken at entry ${verdict.index + 1}: ${verdict.problem.en}`,
    );
  }
  const opening = log[0]?.opened;
  if (opening === undefined || log.slice(1).some((e) => e.opened !== undefined)) {
    return text(
      `Log perkara ${row.id} harus dimulai dengan pembukaan perkara, dan hanya entri pertama yang boleh membukanya.`,
      `The log of case ${row.id} must start with the opening of the case, and only its first entry may open it.`,
    );
  }
  if (opening.id !== row.id) {
    return text(
      `Entri pembukaan log perkara ${row.id} membuka perkara lain (${opening.id}).`,
      `The opening entry of case ${row.id}'s log opens another case (${opening.id}).`,
    );
  }
  return null;
}

/** Evidence bytes decode and are what their hash and size say; gives them as Blobs by hash. */
async function checkEvidence(content: BackupContent): Promise<Step<Map<string, Blob>>> {
  const blobs = new Map<string, Blob>();
  const badEvidence: LocalizedText[] = [];
  for (const [i, item] of content.evidence.entries()) {
    const decoded = await decodeEvidence(item, i);
    if ('problem' in decoded) badEvidence.push(decoded.problem);
    else blobs.set(item.sha256, decoded.blob);
  }
  return badEvidence.length > 0 ? refuse('invalid', badEvidence) : pass(blobs);
}

async function decodeEvidence(
  item: EvidenceEntry,
  i: number,
): Promise<{ blob: Blob } | { problem: LocalizedText }> {
  const where = `content.evidence[${i}] (${item.name || item.sha256})`;
  const bytes = fromBase64(item.data);
  if (!bytes) {
    return {
      problem: text(
        `Bukti ${where}: data bukan base64 yang sah.`,
        `Evidence ${where}: its data is not valid base64.`,
      ),
    };
  }
  const actual = await bytesSha256Hex(bytes);
  if (actual !== item.sha256) {
    return {
      problem: text(
        `Bukti ${where}: SHA-256 isinya ${actual}, bukan ${item.sha256} seperti tercatat (berkas bukti rusak).`,
        `Evidence ${where}: its bytes hash to ${actual}, not ${item.sha256} as recorded (the evidence file is damaged).`,
      ),
    };
  }
  if (bytes.length !== item.size) {
    return {
      problem: text(
        `Bukti ${where}: berukuran ${bytes.length} bita, tercatat ${item.size}.`,
        `Evidence ${where}: it has ${bytes.length} bytes, recorded ${item.size}.`,
      ),
    };
  }
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: item.type }) };
}

/** Only known settings with valid values, and none that belongs to one browser only. */
function checkSettings(content: BackupContent): Step<void> {
  return refuseIf(
    'invalid',
    content.settings.flatMap((s, i) => settingRowProblem(s, i) ?? []),
  );
}

function settingRowProblem(s: SettingRow, i: number): LocalizedText | null {
  if (!isSettingKey(s.key)) {
    return text(
      `Pengaturan content.settings[${i}] "${s.key}" tidak dikenal.`,
      `Setting content.settings[${i}] "${s.key}" is unknown.`,
    );
  }
  if (LOCAL_ONLY_SETTINGS.has(s.key)) {
    return text(
      `Pengaturan "${s.key}" milik peramban ini saja dan tidak boleh ada dalam cadangan.`,
      `Setting "${s.key}" belongs to one browser only and must not be in a backup.`,
    );
  }
  const problem = settingProblem(s.key, s.value);
  return problem
    ? text(
        `Pengaturan "${s.key}" dalam cadangan tidak sah: ${problem}`,
        `Setting "${s.key}" in the backup is not valid: ${problem}`,
      )
    : null;
}

// ---------------------------------------------------------------------------------------------
// Import: merge. Everything below runs inside merge's read-write transaction and awaits nothing
// but Dexie: IndexedDB commits a transaction that waits on anything else.
// ---------------------------------------------------------------------------------------------

/** Thrown inside the write transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly error: BackupError) {
    super(error.message.en);
  }
}

/**
 * Compares with the stored data and writes, all inside one read-write transaction, so the
 * comparison and the writes see the same state.
 */
async function merge(db: PanduDb, { content, logs, blobs }: Checked, at: string): Promise<ImportResult> {
  try {
    const counts = await db.transaction(
      'rw',
      [db.cases, db.caseIndexChunks, db.events, db.evidence, db.settings, db.signatures, db.adapters],
      async (): Promise<ImportCounts> => {
        const { caseRows, newEvents, unchanged, diverged } = await compareLogs(db, content, logs, at);
        if (diverged.size > 0) throw new Refused(divergedError(diverged));
        const newEvidence = await evidenceToAdd(db, content, blobs, at);
        const settings = await changedRows(
          content.settings,
          (k) => db.settings.bulkGet(k),
          (r) => r.key,
        );
        const signatures = await changedRows(
          content.signatures,
          (k) => db.signatures.bulkGet(k),
          (r) => r.id,
        );
        // The agency's adapters come from its policy, not from files: a file's managed rows,
        // and its rows that would replace one the policy installed here, are left out.
        const managedHere = new Set(
          (await db.adapters.toArray()).filter((r) => r.source === 'managed').map((r) => r.id),
        );
        const adapters = await changedRows(
          content.adapters.filter((r) => r.source !== 'managed' && !managedHere.has(r.id)),
          (k) => db.adapters.bulkGet(k),
          (r) => r.id,
        );

        await putCases(db, caseRows);
        await db.events.bulkAdd(newEvents);
        await db.evidence.bulkAdd(newEvidence);
        await db.settings.bulkPut(settings);
        await db.signatures.bulkPut(signatures);
        await db.adapters.bulkPut(adapters);
        return {
          cases: caseRows.length,
          events: newEvents.length,
          evidence: newEvidence.length,
          settings: settings.length,
          signatures: signatures.length,
          adapters: adapters.length,
          unchanged,
        };
      },
    );
    return { ok: true, counts };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error };
    throw error;
  }
}

/**
 * How each case of the backup meets the stored one: added, extended by the backup's longer
 * log, unchanged, or diverged (with why, per case).
 */
async function compareLogs(
  db: PanduDb,
  content: BackupContent,
  logs: Map<string, EventRow[]>,
  at: string,
): Promise<{
  caseRows: CaseRow[];
  newEvents: EventRow[];
  unchanged: number;
  diverged: Map<string, LocalizedText[]>;
}> {
  const caseRows: CaseRow[] = [];
  const newEvents: EventRow[] = [];
  let unchanged = 0;
  const diverged = new Map<string, LocalizedText[]>();
  const differ = (caseId: string, why: LocalizedText) =>
    diverged.set(caseId, [...(diverged.get(caseId) ?? []), why]);
  for (const row of content.cases) {
    const theirs = logs.get(row.id) ?? [];
    const [local, ours] = await Promise.all([
      db.cases.get(row.id),
      db.events.where('[caseId+seq]').between([row.id, 0], [row.id, Number.MAX_SAFE_INTEGER]).toArray(),
    ]);
    const common = Math.min(ours.length, theirs.length);
    const split = ours.slice(0, common).findIndex((e, i) => e.hash !== theirs[i]?.hash);
    if (split >= 0) {
      differ(
        row.id,
        text(
          `Perkara ${row.id}: log di sini dan di cadangan berbeda mulai entri ${split + 1}.`,
          `Case ${row.id}: the log here and the backup's differ from entry ${split + 1} on.`,
        ),
      );
    } else if (local ? theirs.length > ours.length : theirs.length >= ours.length) {
      caseRows.push(row);
      for (const e of theirs.slice(ours.length)) newEvents.push({ ...e, storedAt: at });
    } else if (local) {
      unchanged++;
    } else {
      // Entries without their case row here, more of them than the backup has.
      differ(
        row.id,
        text(
          `Perkara ${row.id}: peramban ini menyimpan ${ours.length} entri log tanpa catatan perkaranya, lebih banyak dari cadangan (${theirs.length}).`,
          `Case ${row.id}: this browser holds ${ours.length} log entries without their case record, more than the backup (${theirs.length}).`,
        ),
      );
    }
  }
  if (diverged.size === 0 && newEvents.length > 0) {
    // Event ids are global: one already used by another case or position is a conflict.
    const taken = await db.events.bulkGet(newEvents.map((e) => e.id));
    taken.forEach((existing, i) => {
      const e = newEvents[i] as EventRow;
      if (existing) {
        differ(
          e.caseId,
          text(
            `Perkara ${e.caseId}: entri log ${e.id} sudah tercatat di sini untuk perkara ${existing.caseId} entri ${existing.seq}.`,
            `Case ${e.caseId}: log entry ${e.id} is already recorded here for case ${existing.caseId} entry ${existing.seq}.`,
          ),
        );
      }
    });
  }
  return { caseRows, newEvents, unchanged, diverged };
}

function divergedError(diverged: Map<string, LocalizedText[]>): BackupError {
  const ids = [...diverged.keys()].join(', ');
  return {
    code: 'diverged',
    message: text(
      `Cadangan tidak dipulihkan: riwayat perkara ${ids} di sini berbeda dengan di cadangan (keduanya diubah secara terpisah). Tidak ada yang diubah.`,
      `The backup was not restored: the history of case(s) ${ids} here differs from the backup's (both were changed separately). Nothing was changed.`,
    ),
    details: [...diverged.values()].flat().slice(0, MAX_DETAILS),
  };
}

/** The backup's evidence not stored yet, as rows to add. */
async function evidenceToAdd(
  db: PanduDb,
  content: BackupContent,
  blobs: Map<string, Blob>,
  at: string,
): Promise<EvidenceRow[]> {
  const stored = await db.evidence.bulkGet(content.evidence.map((e) => e.sha256));
  const rows: EvidenceRow[] = [];
  content.evidence.forEach(({ data: _data, ...item }, i) => {
    if (stored[i]) return; // content-addressed: the stored copy has the same bytes
    rows.push({ ...item, blob: blobs.get(item.sha256) as Blob, storedAt: at });
  });
  return rows;
}

/** The rows that are missing or different in the store. */
async function changedRows<T>(
  rows: T[],
  stored: (keys: string[]) => Promise<(T | undefined)[]>,
  keyOf: (row: T) => string,
): Promise<T[]> {
  const current = await stored(rows.map(keyOf));
  return rows.filter((row, i) => !sameJson(row, current[i]));
}

/** Equal as JSON; a stored value JSON cannot represent counts as different. */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

function failure(error: unknown): BackupError {
  if (isQuotaError(error)) {
    return {
      code: 'quota',
      message: text(
        'Penyimpanan peramban penuh; cadangan tidak dipulihkan dan tidak ada yang diubah. Kosongkan ruang penyimpanan (mis. hapus data situs lain atau foto bukti lama), lalu coba lagi.',
        'Browser storage is full; the backup was not restored and nothing was changed. Free some space (e.g. other sites’ data or old evidence photos), then try again.',
      ),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: text(
      `Cadangan tidak dapat dipulihkan karena kesalahan internal; tidak ada yang diubah. ${detail}`,
      `The backup could not be restored because of an internal error; nothing was changed. ${detail}`,
    ),
  };
}
