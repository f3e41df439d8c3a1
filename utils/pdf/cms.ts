/**
 * The CMS (PKCS#7) part of a PAdES signature: a detached SignedData over the PDF's signed byte
 * ranges, built and checked with PKIjs over WebCrypto.
 */
import * as asn1js from 'asn1js';
import {
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  getCrypto,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import type { Signer } from './types';

const ID_DATA = '1.2.840.113549.1.7.1';
const ATTR = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

const toBuffer = (bytes: Uint8Array | ArrayBuffer): ArrayBuffer =>
  bytes instanceof Uint8Array ? (bytes.slice().buffer as ArrayBuffer) : bytes;

/**
 * A DER ContentInfo holding a detached SignedData for content whose SHA-256 is `digest`.
 * Signed attributes are those PAdES B-B asks for: content type, message digest and the ESS
 * signing-certificate-v2 binding the signer's certificate; no signing time (PAdES puts the
 * time in the signature dictionary's /M).
 */
export async function detachedSignature(digest: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const cert = Certificate.fromBER(signer.certificateDer);
  const chain = (signer.chainDer ?? []).map((der) => Certificate.fromBER(der));
  const certHash = await crypto.subtle.digest('SHA-256', signer.certificateDer);

  // In DER SET OF order (by encoding): the 24- and 47-byte attributes, then the longer ESS one.
  const attributes = [
    new Attribute({ type: ATTR.contentType, values: [new asn1js.ObjectIdentifier({ value: ID_DATA })] }),
    new Attribute({
      type: ATTR.messageDigest,
      values: [new asn1js.OctetString({ valueHex: toBuffer(digest) })],
    }),
    new Attribute({ type: ATTR.signingCertificateV2, values: [signingCertificateV2(cert, certHash)] }),
  ];
  const signedData = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: ID_DATA }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [cert, ...chain],
  });
  // The hash defaults to SHA-1; with signed attributes the key's own hash is not used either.
  await signedData.sign(signer.privateKey, 0, 'SHA-256');
  const contentInfo = new ContentInfo({
    contentType: ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2
 * { certHash, issuerSerial { GeneralNames { directoryName [4] issuer }, serial } }; the hash
 * algorithm is left out because SHA-256 is its DER default (RFC 5035).
 */
function signingCertificateV2(cert: Certificate, certHash: ArrayBuffer): asn1js.Sequence {
  const directoryName = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 4 },
    value: [cert.issuer.toSchema()],
  });
  const issuerSerial = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [directoryName] }), cert.serialNumber],
  });
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

export interface ParsedSignature {
  signerCertificate?: Certificate;
  /** WebCrypto's name of the digest the signer used (e.g. 'SHA-256'). */
  digestAlgorithm?: string;
  /** The messageDigest signed attribute. */
  messageDigest?: Uint8Array;
  /** Whether the signature over the signed attributes verifies with the signer's key. */
  signatureValid: boolean;
  problem?: string;
}

/**
 * Reads a CMS signature and checks its cryptography only: the digest is returned for the
 * caller to compare with the document, and trust in the certificate is not judged here.
 */
export async function checkSignature(der: Uint8Array): Promise<ParsedSignature> {
  let signedData: SignedData;
  try {
    const contentInfo = ContentInfo.fromBER(toBuffer(der.subarray(0, derLength(der))));
    if (contentInfo.contentType !== ContentInfo.SIGNED_DATA) {
      return { signatureValid: false, problem: 'not-signed-data' };
    }
    signedData = new SignedData({ schema: contentInfo.content });
  } catch {
    return { signatureValid: false, problem: 'malformed-cms' };
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return { signatureValid: false, problem: 'no-signer' };
  const engine = getCrypto(true);
  const digestAlgorithm = (
    engine.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId) as { name?: string }
  ).name;
  const messageDigest = signerInfo.signedAttrs?.attributes.find((a) => a.type === ATTR.messageDigest)
    ?.values[0];
  const signerCertificate = signedData.certificates?.find(
    (c): c is Certificate =>
      c instanceof Certificate &&
      signerInfo.sid instanceof IssuerAndSerialNumber &&
      c.issuer.isEqual(signerInfo.sid.issuer) &&
      c.serialNumber.isEqual(signerInfo.sid.serialNumber),
  );
  const found = {
    ...(signerCertificate ? { signerCertificate } : {}),
    ...(digestAlgorithm ? { digestAlgorithm } : {}),
    ...(messageDigest instanceof asn1js.OctetString
      ? { messageDigest: new Uint8Array(messageDigest.valueBlock.valueHexView) }
      : {}),
  };
  if (!signerCertificate) return { ...found, signatureValid: false, problem: 'no-signer-certificate' };
  if (!signerInfo.signedAttrs || !found.messageDigest || !digestAlgorithm) {
    return { ...found, signatureValid: false, problem: 'no-signed-attributes' };
  }
  try {
    // As PKIjs's own SignedData.verify does: rsaEncryption names no hash, so pass it.
    const signatureValid = await engine.verifyWithPublicKey(
      signerInfo.signedAttrs.encodedValue,
      signerInfo.signature,
      signerCertificate.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      signerInfo.signatureAlgorithm.algorithmId === '1.2.840.113549.1.1.1' ? digestAlgorithm : undefined,
    );
    return { ...found, signatureValid };
  } catch {
    return { ...found, signatureValid: false, problem: 'unsupported-signature-algorithm' };
  }
}

/**
 * The length of the DER element at the start of `bytes` (tag, length, content): /Contents is
 * padded with zeros after the CMS, which is not part of it.
 */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return Math.min(bytes.length, 2 + count + length);
}
