/**
 * The one protocol between the extension's contexts: every message type, its payload, its
 * answer, who may send it, and the runtime check of its payload. Adding a message means
 * adding it here; nothing else is accepted by the background.
 */
import type { LocalizedText, PermitTypeId } from '../../machines';
import type { RecognisedPage } from '../portals/types';

/** What a view needs to render a case. Grows with the engine; fields are only added. */
export interface CaseView {
  portal: { id: string; name: string };
  caseRef: string | null;
  permit: { id: PermitTypeId | null; label: string | null; name: LocalizedText | null };
  missing: RecognisedPage['missing'];
}

export interface ProtocolMap {
  /** A content script recognised a case page and asks for the case's view model. */
  'page.recognised': { request: RecognisedPage; response: CaseView };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<T extends MessageType> = ProtocolMap[T]['request'];
export type ResponseOf<T extends MessageType> = ProtocolMap[T]['response'];

export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export type ErrorCode = 'invalid-message' | 'forbidden-sender' | 'unknown-type' | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  message: LocalizedText;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

/** Message types a content script may send: only what a page view needs. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>(['page.recognised']);

type Check = (payload: unknown) => string | null;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortText = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;
const isNullableText = (v: unknown): boolean => v === null || isShortText(v);

const checkRecognisedPage: Check = (p) => {
  if (!isRecord(p)) return 'payload must be an object';
  if (!isShortText(p.adapterId, 64) || p.adapterId === '') return 'adapterId must be a short string';
  if (p.kind !== 'case-detail') return 'kind must be "case-detail"';
  if (!isNullableText(p.caseRef)) return 'caseRef must be a string of at most 500 characters or null';
  if (!isNullableText(p.permitLabel)) return 'permitLabel must be a string of at most 500 characters or null';
  const missing = p.missing;
  if (!Array.isArray(missing) || !missing.every((m) => m === 'caseRef' || m === 'permit')) {
    return 'missing must list only "caseRef" and "permit"';
  }
  return null;
};

/** Runtime payload checks, one per message type. */
export const PAYLOAD_CHECKS: { [K in MessageType]: Check } = {
  'page.recognised': checkRecognisedPage,
};

/** Type guard for a message's type field. */
export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(PAYLOAD_CHECKS, type);
}
