import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  type ChainEntry,
  canonicalJson,
  GENESIS_HASH,
  sha256Hex,
  verifyChain,
} from '../../../machines';

async function chainOf(bodies: unknown[]): Promise<ChainEntry[]> {
  const out: ChainEntry[] = [];
  for (const b of bodies) out.push(await appendEntry(out.at(-1), b));
  return out;
}

const bodies = [
  { type: 'checklist.tick', itemId: 'ktp', at: '2026-11-02T09:00:00Z' },
  { type: 'step.complete', stepId: 'check', at: '2026-11-02T09:01:00Z' },
  { type: 'stage.advance', at: '2026-11-02T09:02:00Z' },
  { type: 'note.add', text: 'Pemohon dihubungi — ok', at: '2026-11-02T09:03:00Z' },
];

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalJson([new Map([['a', 1]])])).toThrow(/Map/);
    expect(() => canonicalJson(new Set([1]))).toThrow(TypeError);
    expect(canonicalJson(Object.assign(Object.create(null), { b: 2, a: 1 }))).toBe('{"a":1,"b":2}');
  });
});

describe('hash chain', () => {
  it('hashes with SHA-256 (known vector) and links the first entry to the genesis hash', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const [first] = await chainOf([bodies[0]]);
    expect(first?.prevHash).toBe(GENESIS_HASH);
    expect(first?.seq).toBe(1);
  });

  it('verifies an untouched log', async () => {
    expect(await verifyChain(await chainOf(bodies))).toEqual({ ok: true, length: 4 });
    expect(await verifyChain([])).toEqual({ ok: true, length: 0 });
  });

  it('detects a changed event', async () => {
    const log = await chainOf(bodies);
    const tampered = log.map((e, i) =>
      i === 1 ? { ...e, body: { ...(e.body as object), stepId: 'other' } } : e,
    );
    expect(await verifyChain(tampered)).toMatchObject({ ok: false, index: 1 });
  });

  it('detects a removed event, even the last one re-hashed by someone without the rest', async () => {
    const log = await chainOf(bodies);
    expect(await verifyChain([log[0], log[2], log[3]] as ChainEntry[])).toMatchObject({
      ok: false,
      index: 1,
    });
    const [a, b, c] = log as [ChainEntry, ChainEntry, ChainEntry];
    const forged = { ...c, seq: 2, prevHash: a.hash };
    expect(await verifyChain([a, forged])).toMatchObject({ ok: false, index: 1 });
    expect(b.hash).not.toBe(c.hash);
  });

  it('detects a dropped tail when told the expected length or head hash, and survives junk entries', async () => {
    const log = await chainOf(bodies);
    const cut = log.slice(0, 3);
    expect(await verifyChain(cut)).toMatchObject({ ok: true, length: 3 });
    expect(await verifyChain(cut, { length: 4 })).toMatchObject({ ok: false, index: 3 });
    expect(await verifyChain(cut, { headHash: log[3]?.hash })).toMatchObject({ ok: false, index: 2 });
    expect(await verifyChain(log, { length: 4, headHash: log[3]?.hash })).toEqual({ ok: true, length: 4 });
    const junk = [log[0], null, 7] as unknown as ChainEntry[];
    expect(await verifyChain(junk)).toMatchObject({ ok: false, index: 1 });
  });

  it('detects reordered events', async () => {
    const log = await chainOf(bodies);
    const swapped = [log[0], log[2], log[1], log[3]] as ChainEntry[];
    const result = await verifyChain(swapped);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.id).toMatch(/Urutan|Rantai/);
  });

  it('detects a re-hashed edit through the broken link to the next entry', async () => {
    const log = await chainOf(bodies);
    const edited = await appendEntry(log[0], { ...bodies[1], stepId: 'forged' });
    expect(await verifyChain([log[0], edited, log[2], log[3]] as ChainEntry[])).toMatchObject({
      ok: false,
      index: 2,
    });
  });
});
