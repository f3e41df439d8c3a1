/**
 * The slice of the portal-adapter contract used by the first vertical slice: recognise a
 * case-detail page and read its case number and permit name by visible label text. The
 * full adapter schema (ARCHITECTURE.md §4) extends this shape; it does not replace it.
 */
import type { PermitTypeId } from '../../machines';

/** How a portal's own text is compared with a rule; always case- and space-insensitive. */
export interface TextRule {
  how: 'equals' | 'startsWith' | 'contains';
  text: string;
}

export interface PermitMapping extends TextRule {
  permitType: PermitTypeId;
}

export interface PortalAdapter {
  id: string;
  name: string;
  /** Pathname regular expression (source) of the portal's case-detail pages. */
  detailPath: string;
  /** Visible labels of the case number, first match wins. */
  caseRefLabels: string[];
  /** Visible labels of the permit name. */
  permitLabels: string[];
  /** Visible labels of the date the portal received the file (the SLA clock starts there). */
  receivedLabels: string[];
  /** Visible labels of the province the case is in (matched to a BPS code by name). */
  regionLabels: string[];
  /** The portal's permit names -> catalog ids, first match wins. */
  permits: PermitMapping[];
  /** Fixture pages that exercise this adapter (STYLE.md: every adapter says where it was checked). */
  fixtures: string[];
}

/** The fields a case-detail page is read for. */
export type PageField = 'caseRef' | 'permit' | 'received' | 'region';
export const PAGE_FIELDS: readonly PageField[] = ['caseRef', 'permit', 'received', 'region'];

/** What the content script read from a page, verbatim, before the background interprets it. */
export interface RecognisedPage {
  adapterId: string;
  kind: 'case-detail';
  caseRef: string | null;
  permitLabel: string | null;
  receivedLabel: string | null;
  regionLabel: string | null;
  /** Fields that could not be read. */
  missing: PageField[];
}
