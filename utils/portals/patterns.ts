/**
 * WebExtension match patterns, checked without the browser: which URLs an adapter covers.
 * No dependencies, so the content script can use it without the schema and the catalog.
 */

/**
 * A WebExtension match pattern: `<scheme>://<host><path>`, scheme http, https or `*`, host
 * `*`, `*.domain` or a name. Ports are not part of a pattern.
 */
export const MATCH_PATTERN = /^(https?|\*):\/\/(\*|(\*\.)?[a-z0-9.-]+)(\/.*)$/;

export function isMatchPattern(pattern: string): boolean {
  return MATCH_PATTERN.test(pattern);
}

/** True when `url` is covered by the match `pattern` (scheme, host and path glob). */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = MATCH_PATTERN.exec(pattern);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, , path] = m as unknown as [string, string, string, string | undefined, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = parsed.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host) return false;
  }
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return glob.test(parsed.pathname + parsed.search);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
