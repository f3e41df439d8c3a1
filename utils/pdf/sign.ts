/**
 * Signs a laid-out checklist as PAdES baseline B-B: a signature field over the visible box,
 * a /Sig dictionary whose /Contents holds a detached CMS over every byte of the file except
 * that /Contents string. pdf-lib cannot save incrementally, so the signature must be the last
 * thing done to the document: saving it again would break it (DOMAIN.md §5, "sign last").
 */
import {
  PDFArray,
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFString,
} from 'pdf-lib';
import { detachedSignature } from './cms';
import { byteString, concatBytes, pdfDate, sha256, toHex, writeAscii } from './pdf-bytes';
import type { SignatureBox, Signer } from './types';

/** Room reserved for the CMS: ours is 0.9–1.5 KB, a CA chain of three certificates ~5 KB. */
export const SIGNATURE_SPACE = 8192;

/** Stands for each ByteRange number until the file's length is known; 10 digits fit any size. */
const RANGE_PLACEHOLDER = '**********';

export interface SignatureMeta {
  /** The signer as shown by validators (/Name). */
  name: string;
  reason?: string;
  location?: string;
  /** ISO timestamp with zone; written as /M. */
  signedAt: string;
  contactInfo?: string;
}

export async function signPdf(
  pdf: PDFDocument,
  box: SignatureBox,
  signer: Signer,
  meta: SignatureMeta,
): Promise<Uint8Array> {
  const page = pdf.getPages()[box.pageIndex];
  if (!page)
    throw new Error(
      `The signature box is on page ${box.pageIndex + 1}, but the document has ${pdf.getPageCount()}.`,
    );
  const acroForm = pdf.catalog.getOrCreateAcroForm();
  if (acroForm.getAllFields().some(([field]) => isSigned(field.dict))) {
    throw new Error('The document is signed already; saving it again would break that signature.');
  }
  const { context } = pdf;

  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(RANGE_PLACEHOLDER));
  const contentsPlaceholder = PDFHexString.of('0'.repeat(SIGNATURE_SPACE * 2));
  const entries: Record<string, PDFObject> = {
    Type: PDFName.of('Sig'),
    Filter: PDFName.of('Adobe.PPKLite'),
    SubFilter: PDFName.of('ETSI.CAdES.detached'),
    ByteRange: byteRange,
    Contents: contentsPlaceholder,
    M: PDFString.of(pdfDate(meta.signedAt)),
    Name: PDFHexString.fromText(meta.name),
  };
  if (meta.reason) entries.Reason = PDFHexString.fromText(meta.reason);
  if (meta.location) entries.Location = PDFHexString.fromText(meta.location);
  if (meta.contactInfo) entries.ContactInfo = PDFHexString.fromText(meta.contactInfo);
  const signatureRef = context.register(context.obj(entries));

  // The page already draws what the signature looks like; the widget only marks the place.
  const appearance = context.register(context.formXObject([], { BBox: [0, 0, box.width, box.height] }));
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(`Signature${acroForm.getAllFields().length + 1}`),
      V: signatureRef,
      Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
      F: 4, // Print
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  page.node.addAnnot(widget);
  acroForm.addField(widget);
  // SignaturesExist | AppendOnly: viewers must not rewrite the file.
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  // Object streams would compress the signature dictionary out of reach of the patching below.
  const bytes = await pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
  const text = byteString(bytes);
  const rangeAt = uniqueIndex(text, byteRange.toString(), '/ByteRange');
  const contentsAt = uniqueIndex(text, contentsPlaceholder.toString(), '/Contents');
  const contentsEnd = contentsAt + contentsPlaceholder.toString().length;

  const ranges = `[0 ${contentsAt} ${contentsEnd} ${bytes.length - contentsEnd}]`;
  writeAscii(bytes, rangeAt, ranges.padEnd(byteRange.toString().length, ' '));
  const digest = await sha256(concatBytes(bytes.subarray(0, contentsAt), bytes.subarray(contentsEnd)));

  const cms = await detachedSignature(digest, signer);
  if (cms.length > SIGNATURE_SPACE) {
    throw new Error(
      `The signature is ${cms.length} bytes, more than the ${SIGNATURE_SPACE} reserved for it (a long certificate chain?).`,
    );
  }
  writeAscii(bytes, contentsAt + 1, toHex(cms));
  return bytes;
}

const isSigned = (field: PDFDict) =>
  field.get(PDFName.of('FT')) === PDFName.of('Sig') && field.get(PDFName.of('V')) !== undefined;

function uniqueIndex(text: string, needle: string, what: string): number {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) {
    throw new Error(`Cannot find the ${what} placeholder exactly once in the saved file.`);
  }
  return at;
}
