import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  attachedPhotoHashes,
  discardPhoto,
  EvidenceStoreError,
  photosByHash,
  storePhoto,
} from '../../../../utils/db/evidence';
import type { PanduDb } from '../../../../utils/db/schema';
import { sha256Hex } from '../../../../utils/pdf/payload';
import { extensionPageHost, openFixtureCase } from '../../helpers/extension-page';

const NOW = new Date('2026-11-29T03:00:00Z');
const dbs: PanduDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function photo(text: string) {
  const bytes = new TextEncoder().encode(text);
  return {
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    sha256: await sha256Hex(bytes),
    name: `${text}.jpg`,
  };
}

async function setup() {
  const env = extensionPageHost('sidepanel.html', 'evidence');
  dbs.push(env.db);
  const state = await openFixtureCase(env, 'I-1');
  return { ...env, state };
}

describe('evidence photos in the database', () => {
  it('stores a photo once by its hash and finds it again', async () => {
    const { db, state } = await setup();
    const p = await photo('depan');
    await storePhoto(db, p, { caseId: state.id, stepId: 's1' }, NOW);
    await storePhoto(db, p, { caseId: state.id, stepId: 's1' }, NOW);
    expect(await db.evidence.count()).toBe(1);
    const [row] = await photosByHash(db, [p.sha256, 'f'.repeat(64)]);
    expect(row).toMatchObject({
      sha256: p.sha256,
      caseId: state.id,
      stepId: 's1',
      name: 'depan.jpg',
      type: 'image/jpeg',
    });
    if (!row) throw new Error('the photo is not stored');
    expect(await sha256Hex(new Uint8Array(await row.blob.arrayBuffer()))).toBe(p.sha256);
  });

  it('says what to do when storage is full, and keeps what was stored', async () => {
    const { db, state } = await setup();
    const kept = await photo('kept');
    await storePhoto(db, kept, { caseId: state.id, stepId: 's1' }, NOW);
    const full = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    vi.spyOn(db.evidence, 'put').mockRejectedValueOnce(full);
    const refused = await storePhoto(db, await photo('new'), { caseId: state.id, stepId: 's1' }, NOW).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(EvidenceStoreError);
    expect((refused as EvidenceStoreError).code).toBe('quota');
    expect((refused as EvidenceStoreError).text.id).toMatch(/penuh.*tetap aman.*Ekspor cadangan/);
    expect((await db.evidence.toArray()).map((r) => r.sha256)).toEqual([kept.sha256]);
  });

  it('discards a photo taken off the form, but never one the log refers to', async () => {
    const { db, state } = await setup();
    const attached = await photo('attached');
    const loose = await photo('loose');
    for (const p of [attached, loose]) await storePhoto(db, p, { caseId: state.id, stepId: 's1' }, NOW);
    // The fixture case is in its first stage, which has no field step: write the reference
    // into the snapshot the way an accepted evidence.attach leaves it.
    await db.cases.update(state.id, {
      'snapshot.context.steps': {
        s1: {
          evidence: [
            {
              id: 'e',
              capturedAt: '',
              photos: [{ sha256: attached.sha256 }],
              result: 'sesuai',
              inspectors: [],
            },
          ],
        },
      },
    } as never);
    expect(await attachedPhotoHashes(db, state.id)).toEqual(new Set([attached.sha256]));
    expect(await discardPhoto(db, state.id, attached.sha256)).toBe(false);
    expect(await discardPhoto(db, 'other:case', loose.sha256)).toBe(false);
    expect(await discardPhoto(db, state.id, loose.sha256)).toBe(true);
    expect((await db.evidence.toArray()).map((r) => r.sha256)).toEqual([attached.sha256]);
  });
});
