import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Certificate } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { describeCertificate, generateOfficerKey, importPkcs12, KeyError } from '../../../../utils/pdf/keys';
import { makeCa, must, OFFICER, PASSWORD, pkcs12, run, selfSigned, tempDir } from './signing-tools';

const dir = tempDir('pandu-keys-');

/** The DER of a PEM certificate, as openssl converts it. */
function certDer(pemFile: string): Uint8Array {
  const out = join(dir, `${pemFile.split('/').pop()}.der`);
  must('openssl', ['x509', '-in', pemFile, '-outform', 'DER', '-out', out]);
  return new Uint8Array(readFileSync(out));
}

function writeDer(name: string, der: ArrayBuffer): string {
  const file = join(dir, `${name}.der`);
  writeFileSync(file, new Uint8Array(der));
  return file;
}

/** PEM of a DER certificate file (openssl verify wants PEM). */
function pem(derFile: string): string {
  const out = `${derFile}.pem`;
  must('openssl', ['x509', '-inform', 'DER', '-in', derFile, '-out', out]);
  return out;
}

async function keyError(promise: Promise<unknown>): Promise<KeyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof KeyError)) throw new Error(`expected a KeyError, got ${String(error)}`);
  return error;
}

/** Signs with the key and checks the signature with the certificate's public key. */
async function keyMatchesCertificate(privateKey: CryptoKey, der: ArrayBuffer): Promise<boolean> {
  const cert = Certificate.fromBER(der);
  const params =
    privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : privateKey.algorithm;
  const publicKey = await crypto.subtle.importKey(
    'spki',
    cert.subjectPublicKeyInfo.toSchema().toBER(),
    privateKey.algorithm,
    false,
    ['verify'],
  );
  const data = new TextEncoder().encode('uji');
  return crypto.subtle.verify(params, publicKey, await crypto.subtle.sign(params, privateKey, data), data);
}

describe('generateOfficerKey', () => {
  const now = new Date('2026-11-21T06:00:00Z');

  it('makes a self-signed P-256 certificate naming the officer, one RDN per attribute, that openssl accepts', async () => {
    const key = await generateOfficerKey(OFFICER, { now });
    const file = writeDer('officer', key.certificateDer);
    const subject = must('openssl', [
      'x509',
      '-inform',
      'DER',
      '-in',
      file,
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253',
    ]);
    // A multi-valued RDN would print as CN=…+serialNumber=…
    expect(subject.trim()).toBe(
      `subject=C=ID,O=${OFFICER.unit},serialNumber=${OFFICER.nip},CN=${OFFICER.name}`,
    );
    const text = must('openssl', ['x509', '-inform', 'DER', '-in', file, '-noout', '-text']);
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain('ecdsa-with-SHA256');
    expect(text).toContain('NIST CURVE: P-256');
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(text).toContain('Not Before: Nov 20 06:00:00 2026 GMT');
    expect(text).toContain('Not After : Nov 21 06:00:00 2029 GMT');
    // The certificate's signature checks out under its own key.
    expect(run('openssl', ['verify', '-partial_chain', '-CAfile', pem(file), pem(file)]).stdout).toContain(
      'OK',
    );
  });

  it('keeps the private key non-extractable, and it signs for the certificate', async () => {
    const key = await generateOfficerKey(OFFICER, { now });
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
    expect(await keyMatchesCertificate(key.privateKey, key.certificateDer)).toBe(true);
  });

  it('gives each certificate a fresh positive serial and honours years', async () => {
    const a = await describeCertificate(
      (await generateOfficerKey(OFFICER, { now, years: 1 })).certificateDer,
    );
    const b = await describeCertificate(
      (await generateOfficerKey(OFFICER, { now, years: 1 })).certificateDer,
    );
    expect(a.serialHex).not.toBe(b.serialHex);
    expect(a.serialHex).toMatch(/^[0-7][0-9a-f]{31}$/);
    expect(a.serialHex.slice(0, 2)).not.toBe('00');
    expect(a.notAfter).toBe('2027-11-21T06:00:00.000Z');
  });

  it('refuses a NIP that is not 18 digits', async () => {
    await expect(generateOfficerKey({ ...OFFICER, nip: '1987 0315' })).rejects.toThrow(/18 digits/);
  });
});

describe('describeCertificate', () => {
  it('reads what openssl reads: names, serial, dates, key type and SHA-256 fingerprint', async () => {
    const own = selfSigned(
      dir,
      'describe-rsa',
      'rsa',
      '/CN=Budi Śantoso/serialNumber=197901012005011002/O=Dinas Uji/C=ID',
    );
    const der = certDer(own.cert);
    const info = await describeCertificate(der.slice().buffer);
    const x509 = (opt: string) => must('openssl', ['x509', '-in', own.cert, '-noout', opt]).trim();
    expect(info.subject).toEqual({
      CN: 'Budi Śantoso',
      serialNumber: '197901012005011002',
      O: 'Dinas Uji',
      C: 'ID',
    });
    expect(info.issuer).toEqual(info.subject);
    expect(info.selfSigned).toBe(true);
    expect(info.keyType).toBe('RSA 2048');
    expect(info.serialHex).toBe(x509('-serial').replace('serial=', '').toLowerCase());
    const fingerprint = must('openssl', ['x509', '-in', own.cert, '-noout', '-fingerprint', '-sha256']);
    expect(info.sha256).toBe(fingerprint.trim().replace(/^.*=/, '').replace(/:/g, '').toLowerCase());
    expect(new Date(info.notAfter).getTime()).toBe(
      new Date(x509('-enddate').replace('notAfter=', '')).getTime(),
    );
  });

  it('tells a CA-issued certificate from a self-signed one, and names EC curves', async () => {
    const ca = makeCa(dir);
    const leaf = ca.issue('describe-leaf', 'ec384', '/CN=Petugas Bersertifikat/O=Dinas Uji');
    const info = await describeCertificate(certDer(leaf.cert));
    expect(info.selfSigned).toBe(false);
    expect(info.issuer).toEqual({ CN: 'Uji CA Pandu Izin', O: 'Pandu Izin Test' });
    expect(info.keyType).toBe('EC P-384');
    expect((await describeCertificate(certDer(ca.cert))).selfSigned).toBe(true);
  });

  it('throws a KeyError for bytes that are not a certificate', async () => {
    expect((await keyError(describeCertificate(new Uint8Array([1, 2, 3])))).code).toBe('malformed');
  });
});

describe('importPkcs12', () => {
  const ca = makeCa(dir);
  const rsa = selfSigned(dir, 'rsa', 'rsa', '/CN=Budi Santoso/O=Dinas Uji/C=ID');
  const ec = selfSigned(dir, 'ec', 'ec', '/CN=Siti Rahayu/O=Dinas Uji/C=ID');

  it.each([
    ['RSA', rsa, 'RSASSA-PKCS1-v1_5'],
    ['EC P-256', ec, 'ECDSA'],
  ])(
    'imports an OpenSSL 3 default %s file with a non-ASCII password as a non-extractable key',
    async (_, pem, algorithm) => {
      const bytes = pkcs12(dir, `import-${algorithm}`, pem);
      const file = join(dir, `import-${algorithm}.p12`);
      const info = run('openssl', ['pkcs12', '-in', file, '-info', '-noout', '-passin', 'env:P'], {
        P: PASSWORD,
      });
      expect(info.stderr).toContain('MAC: sha256');
      expect(info.stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
      const imported = await importPkcs12(bytes.slice().buffer, PASSWORD);
      expect(imported.privateKey.algorithm.name).toBe(algorithm);
      expect(imported.privateKey.extractable).toBe(false);
      expect(imported.privateKey.usages).toEqual(['sign']);
      expect(new Uint8Array(imported.certificateDer)).toEqual(certDer(pem.cert));
      expect(imported.chainDer).toEqual([]);
      expect(await keyMatchesCertificate(imported.privateKey, imported.certificateDer)).toBe(true);
    },
  );

  it('takes the certificate for the key as the signer and the rest as its chain', async () => {
    const leaf = ca.issue('chain-leaf', 'rsa', '/CN=Petugas Bersertifikat/O=Dinas Uji');
    const bytes = pkcs12(dir, 'chain', { key: leaf.key, cert: leaf.cert, chain: [ca.cert] });
    const imported = await importPkcs12(bytes, PASSWORD);
    expect(new Uint8Array(imported.certificateDer)).toEqual(certDer(leaf.cert));
    expect(imported.chainDer.map((d) => new Uint8Array(d))).toEqual([certDer(ca.cert)]);
  });

  it('says the password is wrong (also for legacy files, whose MAC is checked first)', async () => {
    const modern = pkcs12(dir, 'wrong', rsa);
    const error = await keyError(importPkcs12(modern, 'kata-sandi-lain'));
    expect(error.code).toBe('wrong-password');
    expect(error.text.id).toMatch(/Kata sandi .* salah/);
    expect(error.text.en).toMatch(/Wrong password/);
    // Same letters, different normalisation (e + combining acute): still wrong, not "malformed".
    expect((await keyError(importPkcs12(modern, PASSWORD.normalize('NFD')))).code).toBe('wrong-password');
    const legacy = pkcs12(dir, 'wrong-legacy', rsa, [
      '-certpbe',
      'PBE-SHA1-3DES',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
    ]);
    expect((await keyError(importPkcs12(legacy, 'salah'))).code).toBe('wrong-password');
  });

  it('refuses 3DES (PBE-SHA1-3DES) files with instructions to convert them, and those instructions work', async () => {
    const legacy = pkcs12(dir, 'old', rsa, [
      '-certpbe',
      'PBE-SHA1-3DES',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
    ]);
    const error = await keyError(importPkcs12(legacy, PASSWORD));
    expect(error.code).toBe('legacy-encryption');
    expect(error.text.en).toContain('openssl pkcs12 -in old.p12 -legacy -nodes -out temp.pem then');
    expect(error.text.id).toContain('openssl pkcs12 -in lama.p12 -legacy -nodes -out sementara.pem lalu');
    // The advice as written, with the passwords given on the command line instead of typed.
    const [read, write] =
      error.text.en.match(/openssl pkcs12 -in old\.p12 .*-out new\.p12/)?.[0].split(' then ') ?? [];
    const at = (command = '') =>
      command
        .replace('old.p12', `${join(dir, 'old.p12')} -passin env:P`)
        .replace('new.p12', `${join(dir, 'new.p12')} -passout env:P`)
        .replaceAll('temp.pem', join(dir, 'temp.pem'))
        .split(' ')
        .slice(1);
    must('openssl', at(read), { P: PASSWORD });
    must('openssl', at(write), { P: PASSWORD });
    const converted = new Uint8Array(readFileSync(join(dir, 'new.p12')));
    expect((await importPkcs12(converted, PASSWORD)).privateKey.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
  });

  it('refuses -legacy (RC2-40 certificates, 3DES key) files the same way', async (ctx) => {
    const provider = run('openssl', ['list', '-providers', '-provider', 'legacy']);
    if (provider.status !== 0) {
      ctx.skip('this OpenSSL has no legacy provider, so it cannot write RC2 (-legacy) files');
    }
    const legacy = pkcs12(dir, 'rc2', ec, ['-legacy']);
    expect((await keyError(importPkcs12(legacy, PASSWORD))).code).toBe('legacy-encryption');
  });

  it('refuses an expired certificate and one not valid yet, saying when', async () => {
    const old = ca.issue('expired', 'ec', '/CN=Petugas Lama', ['200101000000Z', '210101000000Z']);
    const expired = await keyError(importPkcs12(pkcs12(dir, 'expired', old), PASSWORD));
    expect(expired.code).toBe('expired');
    expect(expired.text.id).toContain('2021-01-01');
    expect(expired.text.en).toContain('expired on 2021-01-01');
    // The same certificate was fine while it was valid.
    await expect(
      importPkcs12(pkcs12(dir, 'expired-2', old), PASSWORD, { now: new Date('2020-06-01') }),
    ).resolves.toBeTruthy();
    const early = await keyError(
      importPkcs12(pkcs12(dir, 'early', ec), PASSWORD, { now: new Date('2001-01-01') }),
    );
    expect(early.code).toBe('not-yet-valid');
  });

  it('says what is missing: no key, or no certificate for the key', async () => {
    expect((await keyError(importPkcs12(pkcs12(dir, 'nokey', { cert: rsa.cert }), PASSWORD))).code).toBe(
      'no-key',
    );
    expect((await keyError(importPkcs12(pkcs12(dir, 'nocert', { key: rsa.key }), PASSWORD))).code).toBe(
      'no-certificate',
    );
  });

  it('calls anything else malformed', async () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('%PDF-1.7'), certDer(rsa.cert)]) {
      expect((await keyError(importPkcs12(bytes, PASSWORD))).code).toBe('malformed');
    }
  });
});
