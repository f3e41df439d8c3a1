/**
 * Signing and verifying activity reports with the same CMS code as the PDF signatures
 * (utils/pdf/cms.ts): a detached SignedData whose messageDigest is the SHA-256 of the payload's
 * UTF-8 bytes, carrying the signer's certificate and chain. A report is accepted only when the
 * signature verifies over exactly those bytes, the certificate is embedded and was valid when
 * the report was generated, and the payload's NIP is the certificate's serialNumber (the
 * generated certificates name the officer as CN + serialNumber=NIP, utils/pdf/keys.ts).
 */
import { sha256Hex } from '../../machines';
import { fromBase64, toBase64 } from '../db/base64';
import { checkSignature, detachedSignature } from '../pdf/cms';
import { type CertificateInfo, describeCertificate } from '../pdf/keys';
import { sha256, toHex } from '../pdf/pdf-bytes';
import type { Signer } from '../pdf/types';
import {
  parsePayload,
  payloadText,
  REPORT_FORMAT,
  REPORT_LIMITS,
  type ReportFile,
  type ReportPayload,
  type ReportRefusal,
} from './report';

export async function signReport(payload: ReportPayload, signer: Signer): Promise<ReportFile> {
  const text = payloadText(payload);
  const digest = await sha256(new TextEncoder().encode(text));
  const cms = await detachedSignature(digest, signer);
  return { format: REPORT_FORMAT, payload: text, signature: toBase64(cms) };
}

/** The file's text as it is saved (pretty enough to read, the payload stays one string). */
export const reportFileText = (file: ReportFile): string => `${JSON.stringify(file, null, 2)}\n`;

export interface VerifiedReport {
  /** SHA-256 (hex) of the payload text: the same report always has the same id. */
  id: string;
  payload: ReportPayload;
  file: ReportFile;
  signer: CertificateInfo;
  /** Issued by someone else rather than self-signed (DOMAIN.md §5); the CA's trust is not judged. */
  certified: boolean;
}

export type VerifyOutcome =
  | { ok: true; report: VerifiedReport }
  | { ok: false; reason: ReportRefusal; detail?: string };

const refuse = (reason: ReportRefusal, detail?: string): VerifyOutcome => ({
  ok: false,
  reason,
  ...(detail ? { detail } : {}),
});

/** Checks a report file's text (or bytes) completely; nothing is stored here. */
export async function verifyReport(input: string | Uint8Array): Promise<VerifyOutcome> {
  const size = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
  if (size > REPORT_LIMITS.fileBytes) return refuse('too-big', `${size} B`);
  let text: string;
  let outer: unknown;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
    outer = JSON.parse(text);
  } catch (error) {
    return refuse('malformed', error instanceof Error ? error.message : undefined);
  }
  if (!isRecord(outer) || outer.format !== REPORT_FORMAT) {
    return refuse('wrong-format', isRecord(outer) ? String(outer.format ?? '') : undefined);
  }
  const { payload: payloadString, signature } = outer;
  // The signature first: a changed character anywhere in the payload is "changed", whatever
  // it did to the payload's shape.
  if (typeof payloadString !== 'string' || typeof signature !== 'string') {
    return refuse('invalid-payload', 'payload and signature must be strings');
  }
  const der = fromBase64(signature);
  if (!der || der.length < 2) return refuse('data-changed', 'signature is not base64');
  const checked = await checkSignature(der);
  if (!checked.signerCertificate) return refuse('no-certificate', checked.problem);
  if (!checked.signatureValid || !checked.messageDigest || !checked.digestAlgorithm) {
    return refuse('data-changed', checked.problem);
  }
  const digest = await crypto.subtle.digest(checked.digestAlgorithm, new TextEncoder().encode(payloadString));
  if (toHex(digest) !== toHex(checked.messageDigest)) return refuse('data-changed', 'digest');

  let inner: unknown;
  try {
    inner = JSON.parse(payloadString);
  } catch (error) {
    return refuse('invalid-payload', error instanceof Error ? error.message : undefined);
  }
  const parsed = parsePayload(inner);
  if (!parsed.ok) return refuse('invalid-payload', parsed.problem);

  const signer = await describeCertificate(checked.signerCertificate.toSchema().toBER());
  const at = new Date(parsed.payload.generatedAt).toISOString();
  if (at < signer.notBefore || at > signer.notAfter) {
    return refuse('certificate-not-valid', `${signer.notBefore} – ${signer.notAfter}`);
  }
  if (signer.subject.serialNumber !== parsed.payload.officer.nip) {
    return refuse('identity-mismatch', signer.subject.serialNumber ?? '');
  }
  return {
    ok: true,
    report: {
      id: await sha256Hex(payloadString),
      payload: parsed.payload,
      file: { format: REPORT_FORMAT, payload: payloadString, signature },
      signer,
      certified: !signer.selfSigned,
    },
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
