/**
 * `npm run demo`: the built demo extension + the demo portal + Chromium. With a display it
 * opens a normal window on the portal; without one (or with --headless) it runs the scripted
 * tour and writes screenshots and summary.json.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoPortal } from '../test/fixtures/portal/server';
import { BrowserNotFoundError } from './lib/browser';
import { launchWithExtension } from './lib/launch';
import { runTour } from './lib/tour';

const HELP = `Usage: npm run demo -- [--headless] [--out DIR] [--port N]

  --headless   run the scripted tour without a window (default when there is no display)
  --out DIR    where the tour writes screenshots and summary.json (default: demo-output)
  --port N     demo portal port (default: a free port)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      headless: { type: 'boolean', default: false },
      out: { type: 'string', default: 'demo-output' },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
    return 2;
  }
  const extensionDir = resolve('.output/chrome-mv3-demo');
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    console.error(
      `No demo build in ${extensionDir}. Run \`npm run build:demo\` (npm run demo does it for you).`,
    );
    return 1;
  }
  const hasDisplay =
    process.platform === 'darwin' ||
    process.platform === 'win32' ||
    !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = values.headless || !hasDisplay;

  const portal = await startDemoPortal({ port });
  console.log(`Demo portal: ${portal.url}/`);
  try {
    const launched = await launchWithExtension({ extensionDir, headless, callerHandlesSigint: !headless });
    console.log(`Chromium: ${launched.browserPath} (extension ${launched.extensionId})`);
    try {
      if (!headless) {
        const page = launched.context.pages()[0] ?? (await launched.context.newPage());
        await page.goto(`${portal.url}/`);
        console.log('Browser window open on the demo portal. Close it (or press Ctrl+C) to stop.');
        // Either way ends in `launched.close()` below, which waits for Chromium to exit
        // before removing the temporary profile.
        const interrupted = new Promise<void>((done) => process.once('SIGINT', () => done()));
        await Promise.race([launched.context.waitForEvent('close', { timeout: 0 }), interrupted]);
        return 0;
      }
      const outDir = resolve(values.out);
      const summary = await runTour({
        context: launched.context,
        portalUrl: portal.url,
        extensionId: launched.extensionId,
        browser: launched.browserPath,
        outDir,
      });
      console.log(`Demo output: ${outDir}/ (${summary.steps.length} screenshots, summary.json)`);
      for (const s of summary.steps) {
        console.log(
          `  ${s.screenshot}  ${s.title}${s.panel ? ` — panel: ${s.panel.permit} · ${s.panel.caseRef}` : ''}`,
        );
      }
      if (!summary.ok) console.error(`Tour failed: ${summary.error}`);
      return summary.ok ? 0 : 1;
    } finally {
      await launched.close();
    }
  } finally {
    await portal.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof BrowserNotFoundError ? err.message : err);
    process.exit(1);
  },
);
