/**
 * The verification payload a checklist carries in its QR code: the case number and the SHA-256
 * of the checklist's content, in ASCII so any QR reader shows it as text.
 *
 *   PANDU-IZIN/1;case=<case number, percent-encoded>;sha256=<64 hex>
 *
 * The content is a canonical JSON of what the document attests (case, permit, stage, every
 * item's status and note, evidence hashes, officer, date) — the same JSON the PDF embeds as
 * `checklist.json`, so a verifier can recompute the hash from the signed file alone.
 */
import { sha256, toHex } from './pdf-bytes';
import type { ChecklistDocument } from './types';

export const PAYLOAD_PREFIX = 'PANDU-IZIN/1';
export const CONTENT_FILE = 'checklist.json';

/** The attested content, with keys in a fixed order (JSON.stringify keeps insertion order). */
export function checklistContent(doc: ChecklistDocument): string {
  return JSON.stringify({
    format: 'pandu-izin/checklist@1',
    caseId: doc.caseId,
    caseRef: doc.caseRef,
    portal: doc.portal,
    permit: doc.permit.id,
    region: doc.region.code,
    stage: doc.stage.id,
    date: doc.date,
    items: doc.items.map((i) => ({
      id: i.id,
      status: i.status,
      mandatory: i.mandatory,
      ...(i.note ? { note: i.note } : {}),
    })),
    evidence: doc.evidence.map((e) => ({
      capturedAt: e.capturedAt,
      result: e.result,
      ...(e.position ? { position: [e.position.lat, e.position.lon] } : {}),
      ...(e.bapRef ? { bapRef: e.bapRef } : {}),
      photos: e.photos.map((p) => p.sha256),
    })),
    officer: { name: doc.officer.name, nip: doc.officer.nip, role: doc.officer.role },
  });
}

/** SHA-256 as lower-case hex, of text (UTF-8) or bytes. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}

/** Percent-encodes everything outside unreserved ASCII (and `;`/`=`, which separate fields). */
const encodeField = (s: string) =>
  [...new TextEncoder().encode(s)]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9._~\-/]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

export function formatPayload(caseRef: string, sha256: string): string {
  return `${PAYLOAD_PREFIX};case=${encodeField(caseRef)};sha256=${sha256}`;
}

export interface ParsedPayload {
  caseRef: string;
  sha256: string;
}

/** The payload's fields, or null when the text is not a Pandu Izin payload. */
export function parsePayload(text: string): ParsedPayload | null {
  const m = /^PANDU-IZIN\/1;case=([A-Za-z0-9._~\-/%]+);sha256=([0-9a-f]{64})$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  try {
    return { caseRef: decodeURIComponent(m[1]), sha256: m[2] };
  } catch {
    return null;
  }
}

/** The payload for a document: its content JSON, that JSON's hash, and the QR text. */
export async function verificationPayload(
  doc: ChecklistDocument,
): Promise<{ content: string; sha256: string; payload: string }> {
  const content = checklistContent(doc);
  const sha256 = await sha256Hex(content);
  return { content, sha256, payload: formatPayload(doc.caseRef, sha256) };
}
