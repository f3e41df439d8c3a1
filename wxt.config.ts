import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { vendorPatches } from './scripts/lib/vendor-patches';
import { MANAGED_SCHEMA } from './utils/policy/managed-schema';
import { PRODUCTION_PORTAL_MATCHES } from './utils/portals/origins';

// Build flavours: `production` (default) ships only the real portal origins; `--mode demo`
// also matches the local demo portal so `npm run demo` and the E2E tests can exercise the
// same code. The matches themselves live in utils/portals/origins.ts.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: a reader can always see where a name comes from.
  imports: false,
  // vendorPatches: no HTML sink and no code from strings in bundled libraries (see the file).
  vite: () => ({ plugins: [vendorPatches(), preact()] }),
  hooks: {
    // Chrome and Edge read the policy schema from a file in the package (see the manifest's
    // `storage`); it is written from utils/policy/managed-schema.ts so it has one source.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      files.push({
        relativeDest: 'managed_schema.json',
        contents: `${JSON.stringify(MANAGED_SCHEMA, null, 2)}\n`,
      });
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Pandu Izin',
    description:
      'Panduan alur perizinan di portal yang sudah Anda pakai / Permit-workflow guidance on the portals you already use',
    // alarms: the hourly SLA re-index. scripting: content scripts for imported adapters, only
    // on origins the officer grants at runtime (optional_host_permissions), and the portal
    // script run again in tabs open before an install or update (see host_permissions).
    // sidePanel: Chrome's side panel (Firefox uses sidebar_action, no permission). geolocation:
    // the GPS position of field evidence, taken in the side panel; Chrome only answers an
    // extension page that declares it (it cannot be optional), and it shows the one install
    // warning, "location". storage: only to read `storage.managed`, the agency's policy
    // (docs/deployment.md); our data is in IndexedDB.
    permissions: [
      'alarms',
      'geolocation',
      'scripting',
      'storage',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Chrome and Edge check an agency's policy against this schema; Firefox reads policies.json
    // without one. utils/policy/schema.ts checks every value again either way.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // host_permissions, Chrome: the built-in portals, exactly the content script's matches.
    // Chrome does not run content scripts in tabs that were open before an install or update, so
    // the background runs it there itself (utils/background/reattach.ts), and executeScript and
    // tabs.query only reach hosts the extension holds as host permissions: content-script
    // matches do not count. Asking for the same hosts changes no install warning (Chrome already
    // warns for the content script's hosts). Firefox injects into open tabs itself: none there.
    // The demo build also runs on the local demo portal, including a fourth portal that only an
    // imported adapter covers; production builds ask for custom origins at runtime.
    ...hostPermissions(browser, mode),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pandu-izin@pandu-izin.id',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

function hostPermissions(browser: string, mode: string): { host_permissions?: string[] } {
  const hosts = [
    ...(browser === 'firefox' ? [] : PRODUCTION_PORTAL_MATCHES),
    ...(mode === 'demo' ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
  ];
  return hosts.length > 0 ? { host_permissions: hosts } : {};
}
