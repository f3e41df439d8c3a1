import { defineConfig } from '@playwright/test';

// E2E drives the real demo build (.output/chrome-mv3-demo) in Chromium against the demo
// portal; browser and portal come from test/e2e/fixtures.ts, not from `projects`.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // scripts/run-tests.ts asks for a JSON report to print one line of counts at the end.
  reporter: process.env.PANDU_E2E_JSON
    ? [['list'], ['json', { outputFile: process.env.PANDU_E2E_JSON }]]
    : [['list']],
  use: { trace: 'retain-on-failure' },
});
