/**
 * Byte-level helpers for the signer and the verifier. A signed PDF is patched and read as raw
 * bytes: saving it again through pdf-lib would move the offsets the signature covers.
 */

/**
 * The bytes as a string with one UTF-16 unit per byte, so string offsets are byte offsets and
 * the PDF's ASCII syntax can be searched with indexOf and regular expressions. ("latin1" is
 * windows-1252 in the Encoding Standard, which is still one code point per byte.)
 */
export function byteString(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** Writes ASCII text over the bytes at `offset` (the caller keeps the length unchanged). */
export function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hex digits to bytes (whitespace ignored, as in a PDF hex string); null when not hex. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  const digits = hex.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) return null;
  // An odd count means a trailing 0 (PDF 32000-1 §7.3.4.3).
  const even = digits.length % 2 === 0 ? digits : `${digits}0`;
  const out = new Uint8Array(even.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(even.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function sha256(data: Uint8Array | ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO timestamp with its zone as a PDF date (`D:20250304101500+07'00'`), keeping the zone
 * it was written in so the file says the officer's local time, as the page does.
 */
export function pdfDate(iso: string): string {
  const m = ISO_WITH_ZONE.exec(iso);
  if (!m || Number.isNaN(Date.parse(iso))) {
    throw new Error(`Not an ISO timestamp with a zone (e.g. 2025-03-04T10:15:00+07:00): ${iso}`);
  }
  const [, y, mo, d, h, mi, s, zone] = m;
  const z = zone === 'Z' ? 'Z' : `${zone?.slice(0, 3)}'${zone?.slice(4)}'`;
  return `D:${y}${mo}${d}${h}${mi}${s}${z}`;
}

/**
 * A PDF date back to ISO 8601 with its zone; undefined when it is not one. Missing parts take
 * the defaults PDF 32000-1 §7.9.4 gives; no zone reads as UTC.
 */
export function isoFromPdfDate(text: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?$/.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', , sign, zh, zm = '00'] = m;
  const zone = sign && zh ? `${sign}${zh}:${zm}` : 'Z';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}
