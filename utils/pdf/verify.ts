/**
 * Checks a signed checklist from its bytes alone: every signature's byte ranges, digest and
 * CMS signature, what the certificate says, and whether the verification payload (the QR
 * text, also in /Keywords) matches the attached checklist.json. Signature dictionaries are
 * read from the raw bytes, as validators do, because the byte offsets are what is signed; a
 * dictionary hidden in a compressed object stream is not found (our signer never writes one).
 * Trust in a CA is not judged: `certified` only says the certificate was issued by someone else.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { checkSignature } from './cms';
import { type CertificateInfo, describeCertificate } from './keys';
import { CONTENT_FILE, parsePayload, sha256Hex } from './payload';
import { byteString, concatBytes, fromHex, isoFromPdfDate, toHex } from './pdf-bytes';

export interface SignatureReport {
  /** The certificate that signed, when the CMS carries it. */
  signer?: CertificateInfo;
  /** /M, ISO 8601 with the zone it was written in. */
  signedAt?: string;
  /** /Name, /Reason and /Location as written. */
  name?: string;
  reason?: string;
  location?: string;
  byteRange?: [number, number, number, number];
  /** The digest of the byte ranges equals the signed messageDigest attribute. */
  digestMatches: boolean;
  /** The CMS signature verifies with the signer certificate's key. */
  signatureValid: boolean;
  /** The certificate was valid at /M (false when /M is missing). */
  certificateValidAtSigning: boolean;
  selfSigned: boolean;
  /** Issued by a CA rather than self-signed (DOMAIN.md §5); the CA's trust is not checked. */
  certified: boolean;
  /** The ranges run from byte 0 to the end of the file, leaving out exactly /Contents. */
  coversWholeDocument: boolean;
  problem?: string;
}

export type VerifyProblem =
  | 'not-a-pdf'
  | 'no-signature'
  | 'modified'
  | 'invalid-signature'
  | 'payload-mismatch';

/** Each problem in words, Indonesian and English (the CLI and the verify page say the same). */
export const VERIFY_PROBLEMS: Record<VerifyProblem, { id: string; en: string }> = {
  'not-a-pdf': { id: 'Berkas ini bukan PDF.', en: 'This file is not a PDF.' },
  'no-signature': { id: 'PDF ini tidak bertanda tangan.', en: 'This PDF is not signed.' },
  modified: {
    id: 'PDF ini diubah setelah ditandatangani.',
    en: 'This PDF was changed after it was signed.',
  },
  'invalid-signature': { id: 'Tanda tangan tidak sah.', en: 'A signature is not valid.' },
  'payload-mismatch': {
    id: 'Muatan QR tidak cocok dengan isi daftar periksa.',
    en: 'The QR payload does not match the checklist content.',
  },
};

export interface VerifyReport {
  valid: boolean;
  /** Some digest does not match, or bytes were added that no signature covers. */
  modified: boolean;
  signatures: SignatureReport[];
  payload: { found: boolean; caseRef?: string; matches?: boolean };
  /** The first reason the file is not valid. */
  problem?: VerifyProblem;
}

export async function verifyPdf(bytes: Uint8Array): Promise<VerifyReport> {
  const text = byteString(bytes);
  if (!text.slice(0, 1024).includes('%PDF-')) return invalid('not-a-pdf');
  const signatures: SignatureReport[] = [];
  for (const found of signatureDictionaries(text)) {
    signatures.push(await checkOne(bytes, found).catch(() => unreadable(found)));
  }
  const payload = await payloadOf(bytes);
  if (signatures.length === 0) return { ...invalid('no-signature'), payload };

  // With several signatures (incremental updates) earlier ones cover a prefix of the file;
  // it is unmodified when one of them (the last) covers all of it.
  const modified = signatures.some((s) => !s.digestMatches) || !signatures.some((s) => s.coversWholeDocument);
  const problem: VerifyProblem | undefined = modified
    ? 'modified'
    : !signatures.every((s) => s.signatureValid)
      ? 'invalid-signature'
      : payload.found && !payload.matches
        ? 'payload-mismatch'
        : undefined;
  return { valid: problem === undefined, modified, signatures, payload, ...(problem ? { problem } : {}) };
}

const invalid = (problem: VerifyProblem): VerifyReport => ({
  valid: false,
  modified: false,
  signatures: [],
  payload: { found: false },
  problem,
});

interface FoundSignature {
  /** The dictionary's text, for the other entries. */
  dict: string;
  byteRange?: [number, number, number, number];
  contents: Uint8Array;
  /** Offsets of `<` and just past `>` of /Contents. */
  contentsStart: number;
  contentsEnd: number;
}

/** Each signature dictionary: a /ByteRange and a hex /Contents in the same object. */
function* signatureDictionaries(text: string): Generator<FoundSignature> {
  const ranges = /\/ByteRange\s*\[([^\]]*)\]/g;
  for (let m = ranges.exec(text); m; m = ranges.exec(text)) {
    const from = Math.max(0, text.lastIndexOf('endobj', m.index));
    const end = text.indexOf('endobj', m.index);
    const dict = text.slice(from, end < 0 ? text.length : end);
    const contents = /\/Contents\s*(<[0-9A-Fa-f\s]*>)/.exec(dict);
    // A document timestamp's CMS signs a timestamp token, not the messageDigest read here.
    if (/\/Type\s*\/DocTimeStamp\b/.test(dict) || !contents?.[1]) continue;
    const decoded = fromHex(contents[1].slice(1, -1));
    if (!decoded) continue;
    const numbers = (m[1] ?? '').trim().split(/\s+/).map(Number);
    const contentsStart = from + contents.index + contents[0].length - contents[1].length;
    yield {
      dict,
      ...(numbers.length === 4 && numbers.every((n) => Number.isSafeInteger(n) && n >= 0)
        ? { byteRange: numbers as [number, number, number, number] }
        : {}),
      contents: decoded,
      contentsStart,
      contentsEnd: contentsStart + contents[1].length,
    };
  }
}

async function checkOne(bytes: Uint8Array, found: FoundSignature): Promise<SignatureReport> {
  const signedAt = pdfText(found.dict, 'M');
  const at = signedAt === undefined ? undefined : isoFromPdfDate(signedAt);
  const details = {
    ...(at ? { signedAt: at } : {}),
    ...optionalText(found.dict, 'Name', 'name'),
    ...optionalText(found.dict, 'Reason', 'reason'),
    ...optionalText(found.dict, 'Location', 'location'),
    ...(found.byteRange ? { byteRange: found.byteRange } : {}),
  };
  const checked = await checkSignature(found.contents);
  const signer = checked.signerCertificate
    ? await describeCertificate(checked.signerCertificate.toSchema().toBER())
    : undefined;

  let digestMatches = false;
  const range = found.byteRange;
  if (range && checked.messageDigest && checked.digestAlgorithm) {
    const [o1, l1, o2, l2] = range;
    if (o1 + l1 <= bytes.length && o2 + l2 <= bytes.length) {
      const signed = concatBytes(bytes.subarray(o1, o1 + l1), bytes.subarray(o2, o2 + l2));
      const digest = await crypto.subtle.digest(checked.digestAlgorithm, signed);
      digestMatches = toHex(digest) === toHex(checked.messageDigest);
    }
  }
  const coversWholeDocument =
    range !== undefined &&
    range[0] === 0 &&
    range[1] === found.contentsStart &&
    range[2] === found.contentsEnd &&
    range[2] + range[3] === bytes.length;
  const certificateValidAtSigning =
    signer !== undefined && at !== undefined && signer.notBefore <= toUtc(at) && toUtc(at) <= signer.notAfter;
  return {
    ...(signer ? { signer } : {}),
    ...details,
    digestMatches,
    signatureValid: checked.signatureValid,
    certificateValidAtSigning,
    selfSigned: signer?.selfSigned ?? false,
    certified: signer !== undefined && !signer.selfSigned,
    coversWholeDocument,
    ...(checked.problem ? { problem: checked.problem } : range ? {} : { problem: 'malformed-byte-range' }),
  };
}

/** A signature whose parts made a check fail outright: counted, and counted as failing. */
const unreadable = (found: FoundSignature): SignatureReport => ({
  ...(found.byteRange ? { byteRange: found.byteRange } : {}),
  digestMatches: false,
  signatureValid: false,
  certificateValidAtSigning: false,
  selfSigned: false,
  certified: false,
  coversWholeDocument: false,
  problem: 'unreadable',
});

const toUtc = (iso: string) => new Date(iso).toISOString();

/** A string entry of the dictionary text: literal `(…)` or hex `<…>`, decoded as PDF text. */
function pdfText(dict: string, key: string): string | undefined {
  const m = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(dict);
  if (!m?.[1]) return undefined;
  const raw = m[1];
  return raw.startsWith('<')
    ? PDFHexString.of(raw.slice(1, -1)).decodeText()
    : PDFString.of(raw.slice(1, -1)).decodeText();
}

function optionalText<K extends string>(dict: string, key: string, as: K): { [P in K]?: string } {
  const value = pdfText(dict, key);
  return (value === undefined ? {} : { [as]: value }) as { [P in K]?: string };
}

/**
 * The payload in /Keywords and whether the attached checklist.json hashes to it. Any failure
 * to read the file's structure reads as "no payload": the signature checks stand on their own.
 */
async function payloadOf(bytes: Uint8Array): Promise<VerifyReport['payload']> {
  let parsed: ReturnType<typeof parsePayload> | undefined;
  let content: Uint8Array | undefined;
  try {
    const doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
    parsed = (doc.getKeywords() ?? '')
      .split(/\s+/)
      .map(parsePayload)
      .find((p) => p !== null);
    content = parsed ? attachment(doc, CONTENT_FILE) : undefined;
  } catch {
    return { found: false };
  }
  if (!parsed) return { found: false };
  return {
    found: true,
    caseRef: parsed.caseRef,
    matches: content !== undefined && (await sha256Hex(content)) === parsed.sha256,
  };
}

/** An embedded file by name, walking the /EmbeddedFiles name tree (with a guard against loops). */
function attachment(doc: PDFDocument, name: string): Uint8Array | undefined {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict): Uint8Array | undefined => {
    if (seen.has(node) || seen.size > 1000) return undefined;
    seen.add(node);
    const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; leaves && i + 1 < leaves.size(); i += 2) {
      const key = leaves.lookup(i);
      if (!(key instanceof PDFString || key instanceof PDFHexString) || key.decodeText() !== name) continue;
      const spec = leaves.lookup(i + 1, PDFDict);
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const found = walk(kids.lookup(i, PDFDict));
      if (found) return found;
    }
    return undefined;
  };
  return root ? walk(root) : undefined;
}
