/**
 * What the content script reads from a portal page, verbatim, before the background
 * interprets it. The adapter format itself is in schema.ts.
 */
export type { DetailFieldName, FieldRule, PortalAdapter, StatusRule } from './schema';

/** How a portal's own text is compared with a rule; always case- and space-insensitive. */
export interface TextRule {
  how: 'equals' | 'startsWith' | 'contains';
  text: string;
}

/** The fields a case-detail page is read for, and reported when missing. */
export type PageField = 'caseRef' | 'permit' | 'received' | 'region' | 'status';
export const PAGE_FIELDS: readonly PageField[] = ['caseRef', 'permit', 'received', 'region', 'status'];

/** Most documents a page reports (a portal listing more is cut, and says so). */
export const MAX_PAGE_DOCUMENTS = 100;

/** A case-detail page, as read. */
export interface RecognisedPage {
  adapterId: string;
  kind: 'case-detail';
  caseRef: string | null;
  permitLabel: string | null;
  receivedLabel: string | null;
  regionLabel: string | null;
  statusLabel: string | null;
  /** Shown in the panel's header, never stored. */
  applicantLabel: string | null;
  /** Names of the documents the portal lists as uploaded, in page order. */
  documents: string[];
  /** Fields the adapter names that could not be read. */
  missing: PageField[];
}

/** One row of a case list, as read (used by the list badges). */
export interface ListRow {
  caseRef: string;
  permitLabel: string | null;
  receivedLabel: string | null;
  statusLabel: string | null;
  regionLabel: string | null;
}
