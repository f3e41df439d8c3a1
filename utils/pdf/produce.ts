/**
 * One signed checklist from a case: the document, its layout, the signature, and the hashes
 * the case log records. Shared by the side panel and the CLI so both make the same file from
 * the same case, key and time.
 */
import { type ChecklistSource, checklistDocumentFor } from './from-case';
import type { CertificateInfo } from './keys';
import { layoutChecklist } from './layout';
import { sha256Hex } from './payload';
import { signPdf } from './sign';
import type { ChecklistDocument, PdfFonts, SignatureStatement, Signer } from './types';

export interface SignedChecklist {
  bytes: Uint8Array;
  /** SHA-256 (hex) of the whole signed file, as `signature.recorded` records it. */
  fileSha256: string;
  /** The QR code's text. */
  payload: string;
  document: ChecklistDocument;
}

export interface ProduceInput {
  source: Omit<ChecklistSource, 'signature'>;
  signer: Signer;
  /** What the signature is (from the certificate, see `statementFor`). */
  statement: Omit<SignatureStatement, 'signedAt'>;
  /** Zoned timestamp written as the signature's /M and in the statement. */
  signedAt: string;
  fonts: PdfFonts;
}

export async function produceSignedChecklist(input: ProduceInput): Promise<SignedChecklist> {
  const { source, statement, signedAt } = input;
  const document = checklistDocumentFor({ ...source, signature: { ...statement, signedAt } });
  const laid = await layoutChecklist(document, input.fonts);
  const bytes = await signPdf(laid.pdf, laid.signatureBox, input.signer, {
    name: statement.signerName,
    reason: source.language === 'id' ? 'Daftar periksa berkas perizinan' : 'Permit file checklist',
    location: document.region.name,
    signedAt,
  });
  return { bytes, fileSha256: await sha256Hex(bytes), payload: laid.payload, document };
}

/**
 * What a signature made with this certificate is: certified when a CA issued it, uncertified
 * when it signed itself (the key generated here). The signer is the certificate's subject.
 */
export function statementFor(
  info: Pick<CertificateInfo, 'subject' | 'issuer' | 'selfSigned'>,
  fallbackName: string,
): Omit<SignatureStatement, 'signedAt'> {
  const signerName = info.subject.CN ?? fallbackName;
  return info.selfSigned
    ? { kind: 'uncertified', signerName }
    : { kind: 'certified', signerName, issuer: info.issuer.CN ?? info.issuer.O ?? '' };
}
