/**
 * The contracts of the signed PDF checklist (utils/pdf): what a checklist document holds, the
 * fonts it is set in, where the signature goes, and who signs. Pure types: the same modules run
 * in an extension page and in Node (the CLI and the tests), so nothing here touches a browser
 * or Node API. Text is given already in the document's language.
 */

/** One checklist row. `pending`: not checked yet (shown as such, never as present). */
export type ItemStatus = 'present' | 'missing' | 'not-applicable' | 'pending';

export interface ChecklistItem {
  id: string;
  label: string;
  /** The step the item belongs to (its name). */
  step: string;
  status: ItemStatus;
  mandatory: boolean;
  note?: string;
}

/** Field-verification evidence for one field step ([Field] fills it; optional until then). */
export interface EvidenceEntry {
  stepName: string;
  capturedAt: string;
  position?: { lat: number; lon: number; accuracyM?: number; source: 'gps' | 'manual' };
  result: 'sesuai' | 'tidak-sesuai' | 'perlu-tindak-lanjut';
  inspectors: string[];
  notes?: string;
  bapRef?: string;
  /** SHA-256 (hex) of each stored photo, and a small JPEG thumbnail to print when available. */
  photos: { sha256: string; thumbnailJpeg?: Uint8Array }[];
}

export interface Officer {
  name: string;
  /** 18 digits, no spaces. */
  nip: string;
  role: 'officer' | 'supervisor';
  unit: string;
}

export interface ChecklistDocument {
  language: 'id' | 'en';
  agency: string;
  unit: string;
  caseId: string;
  caseRef: string;
  portal: string;
  permit: { id: string; name: string };
  applicant?: string;
  region: { code: string; name: string };
  stage: { id: string; name: string; index: number; count: number };
  /** Local date of the document (YYYY-MM-DD). */
  date: string;
  items: ChecklistItem[];
  evidence: EvidenceEntry[];
  officer: Officer;
  /** What the signature will be: shown on the page as a plain statement. */
  signature: SignatureStatement;
}

/**
 * `uncertified`: a locally generated key with a self-signed certificate (an electronic signature
 * under UU ITE, not a certified one); `certified`: a certificate issued by a CA (e.g. BSrE).
 */
export interface SignatureStatement {
  kind: 'uncertified' | 'certified';
  signerName: string;
  /** The certificate issuer's name, for certified signatures. */
  issuer?: string;
  /** When the document is signed (ISO timestamp with zone); printed and written as /M. */
  signedAt: string;
}

/** TrueType/OpenType font files, embedded subset. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Where the visible signature sits, in PDF points from the page's bottom-left corner. */
export interface SignatureBox {
  pageIndex: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A key that can sign, with its certificate (DER) and any chain certificates. */
export interface Signer {
  privateKey: CryptoKey;
  certificateDer: ArrayBuffer;
  chainDer?: ArrayBuffer[];
}
