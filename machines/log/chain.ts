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

/** Checks a whole log: order, links and every hash. Reports the first broken entry. */
export async function verifyChain(entries: readonly ChainEntry[]): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as ChainEntry;
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
  return { ok: true, length: entries.length };
}
