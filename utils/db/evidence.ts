/**
 * Field-evidence photos in the `evidence` table, content-addressed by SHA-256. Extension pages
 * only. Like keys (keys.ts), the page stores the Blobs itself: a Blob cannot travel in a
 * runtime message (Chrome sends JSON). The case log gets only the hashes and the metadata,
 * through the background (`evidence.attach`).
 *
 * A photo is stored as soon as it is chosen, so a form abandoned, a refusal or a full disk
 * later loses nothing already kept; a photo taken off the form before it was attached is
 * deleted again unless the case's log refers to it.
 */
import type { LocalizedText } from '../../machines';
import { isQuotaError } from './cases';
import type { EvidenceRow, PanduDb } from './schema';

export class EvidenceStoreError extends Error {
  constructor(
    readonly code: 'quota' | 'failed',
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'EvidenceStoreError';
  }
}

const QUOTA: LocalizedText = {
  id: 'Penyimpanan peramban penuh: foto ini tidak disimpan. Foto dan bukti yang sudah tersimpan tetap aman. Ekspor cadangan di Opsi, lalu kosongkan ruang (mis. hapus unduhan atau data situs lain), dan coba lagi.',
  en: 'Browser storage is full: this photo was not saved. Photos and evidence already saved are safe. Export a backup in Options, free some space (e.g. downloads or other sites’ data), and try again.',
};

export async function storePhoto(
  db: PanduDb,
  photo: { blob: Blob; sha256: string; name: string },
  where: { caseId: string; stepId: string },
  now: Date,
): Promise<EvidenceRow> {
  const row: EvidenceRow = {
    sha256: photo.sha256,
    caseId: where.caseId,
    stepId: where.stepId,
    name: photo.name.slice(0, 200),
    type: photo.blob.type || 'image/jpeg',
    size: photo.blob.size,
    blob: photo.blob,
    storedAt: now.toISOString(),
  };
  try {
    // Same bytes, same key: choosing a photo twice stores it once.
    await db.evidence.put(row);
    return row;
  } catch (error) {
    if (isQuotaError(error)) throw new EvidenceStoreError('quota', QUOTA);
    const why = error instanceof Error ? error.message : String(error);
    throw new EvidenceStoreError('failed', {
      id: `Foto tidak disimpan: ${why}. Yang sudah tersimpan tetap aman.`,
      en: `The photo was not saved: ${why}. What was saved already is safe.`,
    });
  }
}

/** Hashes of every photo the case's log refers to (any step). */
export async function attachedPhotoHashes(db: PanduDb, caseId: string): Promise<Set<string>> {
  const row = await db.cases.get(caseId);
  const steps = row?.snapshot.context.steps ?? {};
  return new Set(
    Object.values(steps).flatMap((s) => (s?.evidence ?? []).flatMap((e) => e.photos.map((p) => p.sha256))),
  );
}

/** Deletes a photo taken off the form, unless the case's log refers to it. */
export async function discardPhoto(db: PanduDb, caseId: string, sha256: string): Promise<boolean> {
  if ((await attachedPhotoHashes(db, caseId)).has(sha256)) return false;
  const row = await db.evidence.get(sha256);
  if (!row || row.caseId !== caseId) return false;
  await db.evidence.delete(sha256);
  return true;
}

/** The stored photos with these hashes (missing ones left out), in the order asked. */
export async function photosByHash(db: PanduDb, hashes: readonly string[]): Promise<EvidenceRow[]> {
  const rows = await db.evidence.bulkGet([...hashes]);
  return rows.filter((r): r is EvidenceRow => r !== undefined);
}
