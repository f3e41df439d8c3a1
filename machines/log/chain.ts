/**
 * The append-only event log's hash chain. Each entry's hash is SHA-256 over the previous hash
 * followed by the canonical JSON of `{ seq, body }`, so changing, removing or reordering any
 * entry breaks every hash after it. WebCrypto through `globalThis.crypto` (browsers, Node ≥ 20).
 */
import type { LocalizedText } from '../types';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry<T = unknown> {
  /** 1-based position in the case's log. */
  seq: number;
  prevHash: string;
  hash: string;
  body: T;
}

export type ChainCheck = { ok: true; length: number } | { ok: false; index: number; problem: LocalizedText };

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so equal values
 * always hash equally. Rejects values JSON cannot represent faithfully.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (typeof value === 'object') {
    // Date, Map, Set, class instances…: JSON would silently turn them into strings or {}.
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(
        `canonicalJson: only plain objects are encoded, not ${proto?.constructor?.name ?? 'this'}`,
      );
    }
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash an entry must carry. */
export function hashEntry(prevHash: string, seq: number, body: unknown): Promise<string> {
  return sha256Hex(prevHash + canonicalJson({ seq, body }));
}

/** Builds the next entry after `prev` (or the first one when `prev` is undefined). */
export async function appendEntry<T>(prev: ChainEntry | undefined, body: T): Promise<ChainEntry<T>> {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  return { seq, prevHash, hash: await hashEntry(prevHash, seq, body), body };
}

/**
 * What the verifier knows from elsewhere (the case record): without it, dropping the last
 * entries leaves a chain that is valid on its own.
 */
export interface ChainExpectation {
  /** The number of entries the log must have (e.g. the case's `seq`). */
  length?: number;
  /** The hash the last entry must carry (e.g. stored with the case). */
  headHash?: string;
}

/** Checks a whole log: order, links and every hash. Reports the first broken entry. */
export async function verifyChain(
  entries: readonly ChainEntry[],
  expect: ChainExpectation = {},
): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ChainEntry;
    if (typeof e !== 'object' || e === null) {
      return {
        ok: false,
        index: i,
        problem: { id: `Entri ke-${i + 1} bukan entri log.`, en: `Entry ${i + 1} is not a log entry.` },
      };
    }
    if (e.seq !== i + 1) {
      return {
        ok: false,
        index: i,
        problem: {
          id: `Urutan rusak: entri ke-${i + 1} bernomor ${e.seq} (ada yang dihapus atau ditukar).`,
          en: `Broken order: entry ${i + 1} has number ${e.seq} (one was removed or moved).`,
        },
      };
    }
    if (e.prevHash !== prevHash) {
      return {
        ok: false,
        index: i,
        problem: {
          id: `Rantai putus di entri ${e.seq}: tidak menyambung ke entri sebelumnya.`,
          en: `Chain broken at entry ${e.seq}: it does not link to the entry before it.`,
        },
      };
    }
    let expected: string;
    try {
      expected = await hashEntry(prevHash, e.seq, e.body);
    } catch {
      expected = '';
    }
    if (e.hash !== expected) {
      return {
        ok: false,
        index: i,
        problem: {
          id: `Isi entri ${e.seq} telah diubah (hash tidak cocok).`,
          en: `Entry ${e.seq} was changed (hash mismatch).`,
        },
      };
    }
    prevHash = e.hash;
  }
  if (expect.length !== undefined && entries.length !== expect.length) {
    return {
      ok: false,
      index: Math.min(entries.length, expect.length),
      problem: {
        id: `Log berisi ${entries.length} entri, seharusnya ${expect.length} (ada yang hilang di akhir atau ditambahkan).`,
        en: `The log has ${entries.length} entries where ${expect.length} are expected (some were dropped at the end, or added).`,
      },
    };
  }
  if (expect.headHash !== undefined && prevHash !== expect.headHash) {
    return {
      ok: false,
      index: Math.max(0, entries.length - 1),
      problem: {
        id: 'Entri terakhir log bukan yang tercatat pada kasus (log dipotong atau diganti).',
        en: "The log's last entry is not the one recorded with the case (the log was cut or replaced).",
      },
    };
  }
  return { ok: true, length: entries.length };
}
