/**
 * Playwright fixtures: the demo portal and Chromium with the built demo extension, one of
 * each per worker (starting Chromium per test would dominate the run), and a fresh page per
 * test.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/lib/launch';
import { type DemoPortal, startDemoPortal } from '../fixtures/portal/server';
import { OverlayPanel } from './pages/overlay';
import { PortalPages } from './pages/portal';

const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3-demo', import.meta.url));

interface WorkerFixtures {
  portal: DemoPortal;
  extension: { context: BrowserContext; extensionId: string };
}

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  page: Page;
  portalPages: PortalPages;
  overlay: OverlayPanel;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  portal: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring
    async ({}, use) => {
      const portal = await startDemoPortal({ spaDelayMs: 400 });
      await use(portal);
      await portal.close();
    },
    { scope: 'worker' },
  ],
  extension: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring
    async ({}, use) => {
      if (!existsSync(`${extensionDir}/manifest.json`)) {
        throw new Error(`No demo build at ${extensionDir}: run \`npm run build:demo\` first.`);
      }
      const launched = await launchWithExtension({ extensionDir, headless: true });
      await use({ context: launched.context, extensionId: launched.extensionId });
      await launched.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ extension }, use) => {
    await use(extension.context);
  },
  extensionId: async ({ extension }, use) => {
    await use(extension.extensionId);
  },
  page: async ({ extension }, use) => {
    const page = await extension.context.newPage();
    await use(page);
    await page.close();
  },
  portalPages: async ({ page, portal }, use) => {
    await use(new PortalPages(page, portal.url));
  },
  overlay: async ({ page }, use) => {
    await use(new OverlayPanel(page));
  },
});

export { expect } from '@playwright/test';
