/**
 * Where the portal content script runs. Least privilege: the production build matches only
 * the portals we have built-in adapters for; the `demo` build mode adds the local demo portal
 * (test/fixtures/portal) so the demo and the E2E tests run the very same content script.
 */

/**
 * Real portal origins. Judgement: we cannot see the real back-office hosts (DOMAIN.md §9), so
 * these are the public domains of the three systems; agencies correct them through adapters.
 */
export const PRODUCTION_PORTAL_MATCHES = [
  'https://oss.go.id/*',
  'https://*.oss.go.id/*',
  'https://simbg.pu.go.id/*',
  'https://sicantik.go.id/*',
  'https://*.sicantik.go.id/*',
] as const;

/** The demo portal's three path-prefixed portals, on any loopback port. */
export const DEMO_PORTAL_MATCHES = [
  'http://127.0.0.1/sicantik/*',
  'http://127.0.0.1/oss/*',
  'http://127.0.0.1/simbg/*',
  'http://localhost/sicantik/*',
  'http://localhost/oss/*',
  'http://localhost/simbg/*',
] as const;

/** The content-script match patterns for a WXT build mode. */
export function portalMatches(mode: string): string[] {
  return mode === 'demo'
    ? [...PRODUCTION_PORTAL_MATCHES, ...DEMO_PORTAL_MATCHES]
    : [...PRODUCTION_PORTAL_MATCHES];
}
