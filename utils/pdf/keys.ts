/**
 * Signing keys for the checklist: a locally generated officer key with a self-signed
 * certificate (an uncertified electronic signature, DOMAIN.md §5), or a key and certificate
 * imported from a PKCS#12 file an agency or BSrE issued (a certified one). WebCrypto and PKIjs
 * only, so it runs in an extension page as in Node. Private keys come out non-extractable:
 * once imported, a key can sign but nothing in the page can read it back.
 */
import * as asn1js from 'asn1js';
import {
  AttributeTypeAndValue,
  AuthenticatedSafe,
  BasicConstraints,
  CertBag,
  Certificate,
  EncryptedContentInfo,
  EncryptedData,
  Extension,
  PBES2Params,
  PFX,
  PKCS8ShroudedKeyBag,
  PrivateKeyInfo,
  RelativeDistinguishedNames,
  type SafeContents,
} from 'pkijs';
import { sha256, toHex } from './pdf-bytes';

export type KeyErrorCode =
  | 'wrong-password'
  | 'legacy-encryption'
  | 'expired'
  | 'not-yet-valid'
  | 'no-key'
  | 'no-certificate'
  | 'unsupported-key'
  | 'malformed'
  /** No officer name and NIP to put in a generated key's certificate. */
  | 'no-identity';

/** Why a key cannot be used, with what to do about it in Indonesian and English. */
export class KeyError extends Error {
  override readonly name = 'KeyError';
  constructor(
    readonly code: KeyErrorCode,
    readonly text: { id: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
  }
}

export interface NameFields {
  CN?: string;
  serialNumber?: string;
  O?: string;
  OU?: string;
  C?: string;
}

export interface CertificateInfo {
  subject: NameFields;
  issuer: NameFields;
  serialHex: string;
  notBefore: string;
  notAfter: string;
  /** Issued by its own key: a locally made certificate rather than one from a CA. */
  selfSigned: boolean;
  /** E.g. 'EC P-256', 'RSA 2048'. */
  keyType: string;
  /** SHA-256 (hex) of the certificate's DER, as the case log records it. */
  sha256: string;
}

const OID = {
  CN: '2.5.4.3',
  serialNumber: '2.5.4.5',
  C: '2.5.4.6',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  pbes2: '1.2.840.113549.1.5.13',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
  encryptedData: '1.2.840.113549.1.7.6',
} as const;

const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

/** PBES2 ciphers WebCrypto can decrypt; anything else (3DES, RC2, the PKCS#12 PBEs) is legacy. */
const AES_CBC = new Set(['2.16.840.1.101.3.4.1.2', '2.16.840.1.101.3.4.1.22', '2.16.840.1.101.3.4.1.42']);

const DAY_MS = 86_400_000;

// --- generated officer key ---------------------------------------------------------------

/**
 * A new ECDSA P-256 key and a self-signed certificate naming the officer. The key is created
 * non-extractable: PKIjs only needs the public half (always exportable) to build the
 * certificate, and signing goes through WebCrypto.
 */
export async function generateOfficerKey(
  officer: { name: string; nip: string; unit: string },
  opts: { now?: Date; years?: number } = {},
): Promise<{ privateKey: CryptoKey; certificateDer: ArrayBuffer }> {
  if (!/^\d{18}$/.test(officer.nip)) throw new Error(`The NIP must be 18 digits: ${officer.nip}`);
  if (!officer.name.trim()) throw new Error('The officer needs a name for the certificate.');
  const now = opts.now ?? new Date();
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);

  const name = distinguishedName([
    [OID.CN, new asn1js.Utf8String({ value: officer.name.trim() })],
    [OID.serialNumber, new asn1js.PrintableString({ value: officer.nip })],
    ...(officer.unit.trim() ? [[OID.O, new asn1js.Utf8String({ value: officer.unit.trim() })] as const] : []),
    [OID.C, new asn1js.PrintableString({ value: 'ID' })],
  ]);
  const cert = new Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: randomSerial() });
  cert.subject = name;
  cert.issuer = RelativeDistinguishedNames.fromBER(name.toSchema().toBER());
  cert.notBefore.value = new Date(now.getTime() - DAY_MS);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.years ?? 3));
  cert.notAfter.value = notAfter;
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);

  // digitalSignature (bit 0) and nonRepudiation (bit 1): the two a document signature uses.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0b1100_0000]), unusedBits: 6 });
  const publicKeyBits = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const keyId = new Uint8Array(await crypto.subtle.digest('SHA-1', publicKeyBits as Uint8Array<ArrayBuffer>));
  cert.extensions = [
    new Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage.toBER() }),
    new Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new BasicConstraints({ cA: false }).toSchema().toBER(),
    }),
    new Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(),
    }),
  ];
  await cert.sign(keys.privateKey, 'SHA-256');
  return { privateKey: keys.privateKey, certificateDer: cert.toSchema().toBER() };
}

/**
 * A Name with one RDN per attribute. PKIjs's RelativeDistinguishedNames keeps a flat list and
 * writes it as a single multi-valued RDN (CN=…+serialNumber=…), which validators show as one
 * odd field; parsing our own encoding makes PKIjs keep it as written.
 */
function distinguishedName(
  attrs: ReadonlyArray<readonly [string, asn1js.Utf8String | asn1js.PrintableString]>,
): RelativeDistinguishedNames {
  const sequence = new asn1js.Sequence({
    value: attrs.map(
      ([type, value]) => new asn1js.Set({ value: [new AttributeTypeAndValue({ type, value }).toSchema()] }),
    ),
  });
  return RelativeDistinguishedNames.fromBER(sequence.toBER());
}

/** 16 random bytes, positive and minimally encoded (first byte 0x01–0x7F). */
function randomSerial(): Uint8Array<ArrayBuffer> {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01;
  return serial;
}

// --- PKCS#12 import --------------------------------------------------------------------------

const fail = (code: KeyErrorCode, id: string, en: string, cause?: unknown): never => {
  throw new KeyError(code, { id, en }, cause === undefined ? undefined : { cause });
};

/**
 * Two steps through a PEM file: `pkcs12 -export` reads its input twice (key, then
 * certificates), so it cannot take the first command's output from a pipe.
 */
const CONVERT = {
  id: 'openssl pkcs12 -in lama.p12 -legacy -nodes -out sementara.pem lalu openssl pkcs12 -export -in sementara.pem -out baru.p12',
  en: 'openssl pkcs12 -in old.p12 -legacy -nodes -out temp.pem then openssl pkcs12 -export -in temp.pem -out new.p12',
};

/**
 * The key and certificate in a PKCS#12 (.p12/.pfx) file. Understands what OpenSSL 3 writes by
 * default (PBES2 with PBKDF2 and AES, HMAC-SHA-256 MAC) and unencrypted bags; the older
 * RC2/3DES encryption is recognised and refused with instructions, since WebCrypto has no
 * such ciphers. The certificate must be valid at `now`.
 */
export async function importPkcs12(
  bytes: ArrayBuffer | Uint8Array,
  password: string,
  opts: { now?: Date } = {},
): Promise<{ privateKey: CryptoKey; certificateDer: ArrayBuffer; chainDer: ArrayBuffer[] }> {
  const secret = new TextEncoder().encode(password).buffer as ArrayBuffer;
  const pfx = parsePfx(bytes);
  try {
    await pfx.parseInternalValues({ password: secret, checkIntegrity: pfx.macData !== undefined });
  } catch (error) {
    if (error instanceof Error && /Integrity .* is broken/.test(error.message)) wrongPassword(error);
    fail('malformed', ...UNREADABLE, error);
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!(safe instanceof AuthenticatedSafe)) return fail('malformed', ...UNREADABLE);

  // Refuse legacy ciphers before trying: PKIjs would only say "unknown algorithm". Parsed
  // from a copy: PKIjs cannot build a second object from an ASN.1 node it has compared once.
  for (const content of safe.safeContents) {
    if (content.contentType !== OID.encryptedData) continue;
    let encrypted: EncryptedData;
    try {
      encrypted = EncryptedData.fromBER(content.content.toBER());
    } catch (error) {
      return fail('malformed', ...UNREADABLE, error);
    }
    assertModernCipher(encrypted.encryptedContentInfo.contentEncryptionAlgorithm);
  }
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) });
  } catch (error) {
    // Without a MAC a wrong password shows first as an AES padding error.
    if (error instanceof Error && error.name === 'OperationError') wrongPassword(error);
    fail('malformed', ...UNREADABLE, error);
  }

  const keys: PrivateKeyInfo[] = [];
  const certs: Certificate[] = [];
  const parsed = safe.parsedValue as { safeContents: { value: SafeContents }[] } | undefined;
  const contents = parsed?.safeContents.map((c) => c.value) ?? [];
  for (const bag of contents.flatMap((c) => c.safeBags)) {
    if (bag.bagId === OID.shroudedKeyBag && bag.bagValue instanceof PKCS8ShroudedKeyBag) {
      keys.push(await decryptKeyBag(bag.bagValue, secret));
    } else if (bag.bagId === OID.keyBag && bag.bagValue instanceof PrivateKeyInfo) {
      keys.push(bag.bagValue);
    } else if (bag.bagId === OID.certBag && bag.bagValue instanceof CertBag) {
      if (bag.bagValue.parsedValue instanceof Certificate) certs.push(bag.bagValue.parsedValue);
    }
  }
  const keyInfo = keys[0];
  if (!keyInfo) {
    return fail(
      'no-key',
      'Berkas PKCS#12 ini tidak berisi kunci privat. Ekspor ulang beserta kuncinya (openssl pkcs12 -export -inkey kunci.pem -in sertifikat.pem -out berkas.p12).',
      'This PKCS#12 file holds no private key. Export it again with the key (openssl pkcs12 -export -inkey key.pem -in cert.pem -out file.p12).',
    );
  }
  const privateKey = await importPrivateKey(keyInfo);
  const signerCert = await certificateFor(privateKey, certs);
  if (!signerCert) {
    return fail(
      'no-certificate',
      'Berkas PKCS#12 ini tidak berisi sertifikat untuk kuncinya. Ekspor ulang beserta sertifikatnya (-in sertifikat.pem).',
      'This PKCS#12 file holds no certificate for its key. Export it again with the certificate (-in cert.pem).',
    );
  }
  assertValidAt(signerCert, opts.now ?? new Date());
  return {
    privateKey,
    certificateDer: signerCert.toSchema().toBER(),
    chainDer: certs.filter((c) => c !== signerCert).map((c) => c.toSchema().toBER()),
  };
}

/**
 * The bag's PKCS#8 key, decrypted as PKIjs's own (protected) PKCS8ShroudedKeyBag.parseInternalValues
 * does it.
 */
async function decryptKeyBag(bag: PKCS8ShroudedKeyBag, password: ArrayBuffer): Promise<PrivateKeyInfo> {
  assertModernCipher(bag.encryptionAlgorithm);
  const encrypted = new EncryptedData({
    encryptedContentInfo: new EncryptedContentInfo({
      contentEncryptionAlgorithm: bag.encryptionAlgorithm,
      encryptedContent: bag.encryptedData,
    }),
  });
  let der: ArrayBuffer;
  try {
    der = await encrypted.decrypt({ password });
  } catch (error) {
    return wrongPassword(error);
  }
  try {
    return PrivateKeyInfo.fromBER(der);
  } catch (error) {
    return fail('malformed', ...UNREADABLE, error);
  }
}

const UNREADABLE = [
  'Berkas ini bukan PKCS#12 (.p12/.pfx) yang dapat dibaca. Pilih berkas sertifikat yang benar.',
  'This is not a readable PKCS#12 (.p12/.pfx) file. Choose the right certificate file.',
] as const;

function parsePfx(bytes: ArrayBuffer | Uint8Array): PFX {
  try {
    return PFX.fromBER(bytes instanceof Uint8Array ? bytes.slice().buffer : bytes);
  } catch (error) {
    return fail('malformed', ...UNREADABLE, error);
  }
}

function wrongPassword(cause: unknown): never {
  return fail(
    'wrong-password',
    'Kata sandi berkas PKCS#12 salah. Periksa kata sandinya (huruf besar dan kecil dibedakan) lalu coba lagi.',
    'Wrong password for the PKCS#12 file. Check it (upper and lower case differ) and try again.',
    cause,
  );
}

function assertModernCipher(algorithm: { algorithmId: string; algorithmParams?: unknown }): void {
  let cipher: string | undefined;
  if (algorithm.algorithmId === OID.pbes2) {
    try {
      cipher = new PBES2Params({ schema: algorithm.algorithmParams }).encryptionScheme.algorithmId;
    } catch (error) {
      fail('malformed', ...UNREADABLE, error);
    }
  }
  if (cipher && AES_CBC.has(cipher)) return;
  fail(
    'legacy-encryption',
    `Berkas PKCS#12 ini memakai enkripsi lama (RC2/3DES) yang tidak dapat dibuka di peramban. Ubah ke enkripsi AES dengan OpenSSL 3: ${CONVERT.id}; hapus sementara.pem (berisi kunci tanpa sandi) lalu impor baru.p12.`,
    `This PKCS#12 file uses old encryption (RC2/3DES) that a browser cannot open. Convert it to AES with OpenSSL 3: ${CONVERT.en}; delete temp.pem (it holds the key unprotected) and import new.p12.`,
  );
}

/** Imports the key non-extractable, for signing only; RSA keys sign PKCS#1 v1.5 with SHA-256. */
async function importPrivateKey(info: PrivateKeyInfo): Promise<CryptoKey> {
  const algorithmId = info.privateKeyAlgorithm.algorithmId;
  let algorithm: RsaHashedImportParams | EcKeyImportParams;
  if (algorithmId === OID.rsaEncryption) {
    algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  } else {
    const params = info.privateKeyAlgorithm.algorithmParams;
    const curve =
      algorithmId === OID.ecPublicKey &&
      params instanceof asn1js.ObjectIdentifier &&
      CURVES[params.getValue()];
    if (!curve) return unsupportedKey(algorithmId);
    algorithm = { name: 'ECDSA', namedCurve: curve };
  }
  try {
    return await crypto.subtle.importKey('pkcs8', info.toSchema().toBER(), algorithm, false, ['sign']);
  } catch (error) {
    return fail('malformed', ...UNREADABLE, error);
  }
}

function unsupportedKey(what: string): never {
  return fail(
    'unsupported-key',
    `Jenis kunci ini (${what}) tidak didukung. Gunakan kunci RSA atau EC P-256/P-384/P-521.`,
    `This kind of key (${what}) is not supported. Use an RSA or EC P-256/P-384/P-521 key.`,
  );
}

/**
 * The certificate whose public key matches the private key, found by signing a test message:
 * that works for every key type, and for files whose bags carry no localKeyId.
 */
async function certificateFor(privateKey: CryptoKey, certs: Certificate[]): Promise<Certificate | undefined> {
  const sign = signParams(privateKey);
  const probe = crypto.getRandomValues(new Uint8Array(32));
  const signature = await crypto.subtle.sign(sign, privateKey, probe);
  for (const cert of certs) {
    try {
      const spki = cert.subjectPublicKeyInfo.toSchema().toBER();
      const publicKey = await crypto.subtle.importKey('spki', spki, privateKey.algorithm, false, ['verify']);
      if (await crypto.subtle.verify(sign, publicKey, signature, probe)) return cert;
    } catch {
      // A certificate for another kind of key: not this one.
    }
  }
  return undefined;
}

const signParams = (key: CryptoKey): AlgorithmIdentifier | EcdsaParams =>
  key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : key.algorithm.name;

function assertValidAt(cert: Certificate, now: Date): void {
  assertWithin(cert.notBefore.value, cert.notAfter.value, now);
}

/** Refuses, with the same words as an import, a stored certificate that is not valid at `now`. */
export function assertCertificateValid(
  info: Pick<CertificateInfo, 'notBefore' | 'notAfter'>,
  now: Date,
): void {
  assertWithin(new Date(info.notBefore), new Date(info.notAfter), now);
}

function assertWithin(notBefore: Date, notAfter: Date, now: Date): void {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (now > notAfter) {
    fail(
      'expired',
      `Sertifikat ini sudah berakhir pada ${day(notAfter)}. Minta sertifikat baru kepada penerbitnya (mis. BSrE), lalu impor berkas yang baru.`,
      `This certificate expired on ${day(notAfter)}. Ask its issuer (e.g. BSrE) for a new one and import the new file.`,
    );
  }
  if (now < notBefore) {
    fail(
      'not-yet-valid',
      `Sertifikat ini baru berlaku mulai ${day(notBefore)}. Periksa tanggal dan jam komputer, atau tunggu sampai tanggal itu.`,
      `This certificate is valid only from ${day(notBefore)}. Check the computer's date and time, or wait until then.`,
    );
  }
}

// --- description -----------------------------------------------------------------------------

/** What a certificate says about its holder and issuer, for the UI and the verifier. */
export async function describeCertificate(der: ArrayBuffer | Uint8Array): Promise<CertificateInfo> {
  let cert: Certificate;
  try {
    cert = Certificate.fromBER(der instanceof Uint8Array ? der.slice().buffer : der);
  } catch (error) {
    return fail(
      'malformed',
      'Data ini bukan sertifikat X.509 yang dapat dibaca.',
      'This is not a readable X.509 certificate.',
      error,
    );
  }
  return {
    subject: nameFields(cert.subject),
    issuer: nameFields(cert.issuer),
    serialHex: toHex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    selfSigned: await isSelfSigned(cert),
    keyType: keyType(cert),
    sha256: toHex(await sha256(der)),
  };
}

const FIELD_BY_OID = Object.fromEntries(
  (['CN', 'serialNumber', 'O', 'OU', 'C'] as const).map((field) => [OID[field], field]),
) as Record<string, keyof NameFields>;

function nameFields(name: RelativeDistinguishedNames): NameFields {
  const fields: NameFields = {};
  for (const { type, value } of name.typesAndValues) {
    const field = FIELD_BY_OID[type];
    const text = (value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    // The first of a repeated attribute (e.g. two OUs) is the one shown.
    if (field && typeof text === 'string' && fields[field] === undefined) fields[field] = text;
  }
  return fields;
}

/** Same name as issuer and subject, and the signature verifies with the certificate's own key. */
async function isSelfSigned(cert: Certificate): Promise<boolean> {
  const same = toHex(cert.subject.toSchema().toBER()) === toHex(cert.issuer.toSchema().toBER());
  if (!same) return false;
  try {
    return await cert.verify();
  } catch {
    return false;
  }
}

function keyType(cert: Certificate): string {
  const { algorithm, parsedKey } = cert.subjectPublicKeyInfo;
  if (algorithm.algorithmId === OID.ecPublicKey) {
    const params = algorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? params.getValue() : '';
    return `EC ${CURVES[curve] ?? curve}`;
  }
  if (algorithm.algorithmId === OID.rsaEncryption && parsedKey && 'modulus' in parsedKey) {
    const modulus = parsedKey.modulus.valueBlock.valueHexView;
    const first = modulus.findIndex((b) => b !== 0);
    const bits = first < 0 ? 0 : (modulus.length - first) * 8 - Math.clz32(modulus[first] ?? 0) + 24;
    return `RSA ${bits}`;
  }
  return algorithm.algorithmId;
}
