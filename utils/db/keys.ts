/**
 * The officer's signing keys in the `keys` table. Extension pages only (side panel, options).
 *
 * Unlike every other write, keys are stored by the page that makes them, not through the
 * background: a CryptoKey cannot travel in a runtime message (Chrome serialises messages as
 * JSON), and a non-extractable key cannot be turned into bytes that could. IndexedDB keeps
 * the CryptoKey object itself, still non-extractable, on the extension's own origin.
 *
 * The key in use is the one chosen last (`selectedAt`): a new or imported key is chosen when
 * it is stored; the options page can choose another.
 */

import {
  assertCertificateValid,
  type CertificateInfo,
  describeCertificate,
  generateOfficerKey,
  importPkcs12,
  KeyError,
} from '../pdf/keys';
import type { Signer } from '../pdf/types';
import type { KeyRow, PanduDb } from './schema';
import type { SettingValue } from './settings';

export interface StoredKey {
  row: KeyRow;
  info: CertificateInfo;
  /** The key signatures are made with now. */
  active: boolean;
  /** Why it cannot sign now (expired, not yet valid), or null. */
  problem: KeyError | null;
}

type OfficerIdentity = Pick<SettingValue<'officer'>, 'name' | 'nip' | 'unit'>;

const when = (row: KeyRow) => row.selectedAt ?? row.createdAt;

/** Every stored key with its certificate, the one in use first, then newest first. */
export async function listKeys(db: PanduDb, now: Date = new Date()): Promise<StoredKey[]> {
  return describeKeys(await db.keys.toArray(), now);
}

/** Rows as read (e.g. by a live query) with their certificates, the one in use first. */
export async function describeKeys(stored: readonly KeyRow[], now: Date = new Date()): Promise<StoredKey[]> {
  const rows = [...stored].sort((a, b) => when(b).localeCompare(when(a)));
  const activeId = rows[0]?.id;
  return Promise.all(
    rows.map(async (row) => {
      const info = await describeCertificate(row.certificateDer);
      return { row, info, active: row.id === activeId, problem: problemAt(info, now) };
    }),
  );
}

function problemAt(info: CertificateInfo, now: Date): KeyError | null {
  try {
    assertCertificateValid(info, now);
    return null;
  } catch (error) {
    if (error instanceof KeyError) return error;
    throw error;
  }
}

/** A new key with a self-signed certificate naming the officer, stored and chosen. */
export async function addGeneratedKey(db: PanduDb, officer: OfficerIdentity, now: Date): Promise<KeyRow> {
  if (!officer.name.trim() || !/^\d{18}$/.test(officer.nip)) {
    throw new KeyError('no-identity', {
      id: 'Isi nama dan NIP (18 angka) Anda di Opsi › Identitas petugas dulu: sertifikat kunci tanda tangan memuat keduanya.',
      en: 'Fill in your name and NIP (18 digits) under Options › Officer identity first: the signing certificate names both.',
    });
  }
  const key = await generateOfficerKey(officer, { now });
  const at = now.toISOString();
  const row: KeyRow = {
    id: crypto.randomUUID(),
    label: officer.name.trim(),
    createdAt: at,
    selectedAt: at,
    origin: 'generated',
    privateKey: key.privateKey,
    certificateDer: key.certificateDer,
  };
  await db.keys.add(row);
  return row;
}

/** A PKCS#12 file's key and certificate (refused with a KeyError when it cannot be used), stored and chosen. */
export async function addImportedKey(
  db: PanduDb,
  file: { name: string; bytes: ArrayBuffer | Uint8Array },
  password: string,
  now: Date,
): Promise<KeyRow> {
  const imported = await importPkcs12(file.bytes, password, { now });
  const info = await describeCertificate(imported.certificateDer);
  const at = now.toISOString();
  const row: KeyRow = {
    id: crypto.randomUUID(),
    label: info.subject.CN ?? file.name,
    createdAt: at,
    selectedAt: at,
    origin: 'imported',
    privateKey: imported.privateKey,
    certificateDer: imported.certificateDer,
    chainDer: imported.chainDer,
  };
  await db.keys.add(row);
  return row;
}

/** Makes a stored key the one in use; false when there is no such key. */
export async function selectKey(db: PanduDb, id: string, now: Date): Promise<boolean> {
  return (await db.keys.update(id, { selectedAt: now.toISOString() })) === 1;
}

/** Deletes a key for good (signed files stay verifiable: their certificate is inside them). */
export async function deleteKey(db: PanduDb, id: string): Promise<void> {
  await db.keys.delete(id);
}

export interface SigningKey {
  signer: Signer;
  info: CertificateInfo;
  /** A key was generated for this signature (none was stored, or the generated one no longer fits). */
  created: boolean;
}

/**
 * The key to sign with now. The chosen key when it can sign: an imported one as it is, a
 * generated one only while its certificate still names the officer as they are now. Otherwise
 * a new generated key — except that an imported key that expired is refused rather than
 * silently replaced, since that would turn a certified signature into an uncertified one.
 */
export async function signingKey(db: PanduDb, officer: OfficerIdentity, now: Date): Promise<SigningKey> {
  const [current] = await listKeys(db, now);
  if (current?.row.origin === 'imported' && current.problem) throw current.problem;
  if (current && (current.row.origin === 'imported' || (!current.problem && names(current.info, officer)))) {
    return { signer: signerOf(current.row), info: current.info, created: false };
  }
  const row = await addGeneratedKey(db, officer, now);
  return { signer: signerOf(row), info: await describeCertificate(row.certificateDer), created: true };
}

function names(info: CertificateInfo, officer: OfficerIdentity): boolean {
  const unit = officer.unit.trim();
  return (
    info.subject.CN === officer.name.trim() &&
    info.subject.serialNumber === officer.nip &&
    (info.subject.O ?? '') === unit
  );
}

function signerOf(row: KeyRow): Signer {
  return {
    privateKey: row.privateKey,
    certificateDer: row.certificateDer,
    ...(row.chainDer?.length ? { chainDer: row.chainDer } : {}),
  };
}
