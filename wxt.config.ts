import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Build flavours: `production` (default) ships only the real portal origins; `--mode demo`
// also matches the local demo portal so `npm run demo` and the E2E tests can exercise the
// same code. The matches themselves live in utils/portals/origins.ts.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: a reader can always see where a name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Pandu Izin',
    description:
      'Panduan alur perizinan di portal yang sudah Anda pakai / Permit-workflow guidance on the portals you already use',
    // alarms: the hourly SLA re-index. scripting: content scripts for imported adapters, only
    // on origins the officer grants at runtime (optional_host_permissions). sidePanel: Chrome's
    // side panel (Firefox uses sidebar_action, no permission). geolocation: the GPS position of
    // field evidence, taken in the side panel; Chrome only answers an extension page that
    // declares it (it cannot be optional), and it shows the one install warning, "location".
    permissions: ['alarms', 'geolocation', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The demo build also runs on the local demo portal, including a fourth portal that only an
    // imported adapter covers; production builds ask for custom origins at runtime.
    ...(mode === 'demo' ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
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
