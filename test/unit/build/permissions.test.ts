/**
 * Least privilege, checked on the production builds (`npm test` builds before this runs; alone:
 * `npm run build` first). What the manifests may ask for is snapshotted in
 * permissions.snapshot.json: any new permission, host, match pattern or exposed resource fails
 * here until the snapshot is changed on purpose, in a commit that says why. Extension pages load
 * nothing from elsewhere: no remote source in their content security policy or their HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import snapshot from './permissions.snapshot.json';

const output = fileURLToPath(new URL('../../../.output', import.meta.url));
const BUILDS = { chrome: 'chrome-mv3', firefox: 'firefox-mv3' } as const;

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
}

const manifestOf = (build: string): Manifest =>
  JSON.parse(readFileSync(join(output, build, 'manifest.json'), 'utf8')) as Manifest;

/** Everything in a manifest that widens what the extension may do or who may reach it. */
function privileges(manifest: Manifest) {
  const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();
  return {
    permissions: sorted(manifest.permissions),
    optional_permissions: sorted(manifest.optional_permissions),
    host_permissions: sorted(manifest.host_permissions),
    optional_host_permissions: sorted(manifest.optional_host_permissions),
    content_script_matches: sorted(manifest.content_scripts?.flatMap((s) => s.matches ?? [])),
    web_accessible_resources: manifest.web_accessible_resources ?? [],
    externally_connectable: manifest.externally_connectable ?? null,
  };
}

/** Sources in a CSP that let code or frames come from elsewhere. */
function remoteSources(policy: string): string[] {
  return policy
    .split(';')
    .flatMap((directive) => directive.trim().split(/\s+/).slice(1))
    .filter(
      (source) =>
        /^(https?:|wss?:|ftp:|data:|blob:|\*|'unsafe-eval'|'unsafe-inline')/.test(source) ||
        /^[\w*.-]+\.[a-z]{2,}/i.test(source),
    );
}

describe('least privilege (production builds)', () => {
  for (const [browser, build] of Object.entries(BUILDS)) {
    describe(browser, () => {
      const manifest = manifestOf(build);

      it('asks for exactly the permissions, hosts and matches in the snapshot', () => {
        const expected = snapshot[browser as keyof typeof snapshot];
        const actual = privileges(manifest);
        const added = Object.fromEntries(
          Object.entries(actual).map(([key, value]) => [
            key,
            Array.isArray(value)
              ? value.filter((v) => !(expected[key as keyof typeof expected] as unknown[]).includes(v))
              : value,
          ]),
        );
        expect(actual, `not in the snapshot: ${JSON.stringify(added)}`).toEqual(expected);
      });

      it('keeps the browser’s default policy for extension pages, or one with no remote source', () => {
        const csp = manifest.content_security_policy;
        const policies = typeof csp === 'string' ? [csp] : Object.values(csp ?? {});
        for (const policy of policies) expect(remoteSources(policy)).toEqual([]);
      });

      it('loads no script, style or frame from elsewhere in its pages', () => {
        const pages = readdirSync(join(output, build)).filter((name) => name.endsWith('.html'));
        expect(pages.length).toBeGreaterThan(3);
        for (const page of pages) {
          const html = readFileSync(join(output, build, page), 'utf8');
          const remote = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi)].map(
            (m) => m[1],
          );
          expect(remote, page).toEqual([]);
        }
      });
    });
  }

  it('recognises remote sources in a policy, and leaves the browser’s own defaults alone', () => {
    expect(remoteSources("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'")).toEqual([]);
    expect(remoteSources("script-src 'self' https://cdn.example.com; object-src 'self'")).toEqual([
      'https://cdn.example.com',
    ]);
    expect(remoteSources("script-src 'self' cdn.example.com 'unsafe-eval'")).toEqual([
      'cdn.example.com',
      "'unsafe-eval'",
    ]);
    expect(remoteSources('default-src *; img-src data:')).toEqual(['*', 'data:']);
  });
});
