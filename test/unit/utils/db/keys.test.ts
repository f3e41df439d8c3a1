import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../machines';
import { indexer } from '../../../../utils/db/cases';
import {
  addGeneratedKey,
  addImportedKey,
  deleteKey,
  listKeys,
  selectKey,
  signingKey,
} from '../../../../utils/db/keys';
import { openDb, type PanduDb } from '../../../../utils/db/schema';
import { KeyError } from '../../../../utils/pdf/keys';
import { makeCa, PASSWORD, pkcs12, tempDir } from '../pdf/signing-tools';

const OFFICER = { name: 'Sri Rahayu', nip: '198507142010012003', unit: 'DPMPTSP Kota Contoh' };
const NOW = new Date('2026-11-29T03:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const opened: PanduDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function freshDb(): PanduDb {
  const db = openDb({ name: `keys-${crypto.randomUUID()}`, indexCase: indexer(createEngine()) });
  opened.push(db);
  return db;
}

async function signsWith(privateKey: CryptoKey | undefined): Promise<boolean> {
  if (!privateKey) return false;
  const params =
    privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : privateKey.algorithm;
  const signature = await crypto.subtle.sign(params, privateKey, new Uint8Array([1, 2, 3]));
  return signature.byteLength > 0;
}

describe('signing keys in the database', () => {
  it('generates a key on first use, keeps it non-extractable, and reuses it', async () => {
    const db = freshDb();
    const first = await signingKey(db, OFFICER, NOW);
    expect(first.created).toBe(true);
    expect(first.info.subject).toMatchObject({
      CN: OFFICER.name,
      serialNumber: OFFICER.nip,
      O: OFFICER.unit,
      C: 'ID',
    });
    expect(first.info.selfSigned).toBe(true);

    const [stored] = await db.keys.toArray();
    expect(stored?.privateKey.extractable).toBe(false);
    expect(await signsWith(stored?.privateKey)).toBe(true);

    const again = await signingKey(db, OFFICER, later(1));
    expect(again.created).toBe(false);
    expect(again.info.sha256).toBe(first.info.sha256);
    expect(await db.keys.count()).toBe(1);
  });

  it('refuses to make a key without a name and an 18-digit NIP, and stores nothing', async () => {
    const db = freshDb();
    const refused = await signingKey(db, { ...OFFICER, nip: '' }, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KeyError);
    expect((refused as KeyError).code).toBe('no-identity');
    expect((refused as KeyError).text.id).toContain('NIP');
    await expect(addGeneratedKey(db, { ...OFFICER, name: '  ' }, NOW)).rejects.toThrow(/name and NIP/);
    expect(await db.keys.count()).toBe(0);
  });

  it('makes a new key when the officer identity no longer matches the certificate', async () => {
    const db = freshDb();
    const old = await signingKey(db, OFFICER, NOW);
    const renamed = await signingKey(db, { ...OFFICER, unit: 'DPMPTSP Provinsi Contoh' }, later(1));
    expect(renamed.created).toBe(true);
    expect(renamed.info.subject.O).toBe('DPMPTSP Provinsi Contoh');
    const keys = await listKeys(db, later(1));
    expect(keys.map((k) => [k.info.sha256, k.active])).toEqual([
      [renamed.info.sha256, true],
      [old.info.sha256, false],
    ]);
  });

  it('replaces a generated key whose certificate expired', async () => {
    const db = freshDb();
    const old = await signingKey(db, OFFICER, NOW);
    const fourYears = later(4 * 366);
    expect((await listKeys(db, fourYears))[0]?.problem?.code).toBe('expired');
    const renewed = await signingKey(db, OFFICER, fourYears);
    expect(renewed.created).toBe(true);
    expect(renewed.info.sha256).not.toBe(old.info.sha256);
  });

  it('imports a CA-issued PKCS#12, uses it with its chain, and refuses it once expired instead of replacing it', async () => {
    const dir = tempDir('keys-db');
    const ca = makeCa(dir);
    const leaf = ca.issue('leaf', 'rsa', `/CN=${OFFICER.name}/serialNumber=${OFFICER.nip}/O=BSrE Uji/C=ID`);
    const bytes = pkcs12(dir, 'leaf', { key: leaf.key, cert: leaf.cert, chain: [ca.cert] });
    const db = freshDb();
    await signingKey(db, OFFICER, NOW); // a generated key exists first
    const row = await addImportedKey(db, { name: 'leaf.p12', bytes }, PASSWORD, new Date());
    expect(row).toMatchObject({ origin: 'imported', label: OFFICER.name });

    const using = await signingKey(db, OFFICER, new Date());
    expect(using.created).toBe(false);
    expect(using.info.selfSigned).toBe(false);
    expect(using.info.keyType).toMatch(/^RSA/);
    expect(using.signer.chainDer).toHaveLength(1);
    expect(await signsWith(using.signer.privateKey)).toBe(true);

    const expired = await signingKey(db, OFFICER, later(400)).catch((e: unknown) => e);
    expect((expired as KeyError).code).toBe('expired');
    expect(await db.keys.count()).toBe(2);
  });

  it('keeps nothing from a PKCS#12 with the wrong password', async () => {
    const dir = tempDir('keys-db-wrong');
    const ca = makeCa(dir);
    const leaf = ca.issue('leaf', 'ec', `/CN=${OFFICER.name}/C=ID`);
    const bytes = pkcs12(dir, 'leaf', { key: leaf.key, cert: leaf.cert });
    const db = freshDb();
    const refused = await addImportedKey(db, { name: 'leaf.p12', bytes }, 'salah', new Date()).catch(
      (e: unknown) => e,
    );
    expect((refused as KeyError).code).toBe('wrong-password');
    expect(await db.keys.count()).toBe(0);
  });

  it('switches the key in use and deletes keys', async () => {
    const db = freshDb();
    const a = await signingKey(db, OFFICER, NOW);
    const b = await signingKey(db, { ...OFFICER, name: 'Sri Rahayu, S.T.' }, later(1));
    const rowA = (await listKeys(db, later(1))).find((k) => k.info.sha256 === a.info.sha256)?.row;
    if (!rowA) throw new Error('the first key is gone');
    expect(await selectKey(db, rowA.id, later(2))).toBe(true);
    expect((await listKeys(db, later(2)))[0]?.info.sha256).toBe(a.info.sha256);
    expect(await selectKey(db, 'no-such-key', later(2))).toBe(false);

    await deleteKey(db, rowA.id);
    const left = await listKeys(db, later(2));
    expect(left.map((k) => [k.info.sha256, k.active])).toEqual([[b.info.sha256, true]]);
  });
});
