/** Base64 without Buffer (service-worker and page safe), canonical on the way in. */

/** A multiple of 3, so the chunks' base64 concatenates without padding in between. */
const BASE64_CHUNK = 3 * 8192;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) {
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK)));
  }
  return out;
}

/** The bytes of canonical base64, or null (atob alone would accept whitespace and missing padding). */
export function fromBase64(data: string): Uint8Array | null {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
