import { defineConfig } from '@playwright/test';

// E2E drives the real demo build (.output/chrome-mv3-demo) in Chromium against the demo
// portal; browser and portal come from test/e2e/fixtures.ts, not from `projects`.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two files at a time, each worker with its own Chromium, profile and demo portal: the run
  // mostly waits (on this 2-core machine: 3.8 min instead of 5.5, with 2.5 min of CPU time in
  // all), and no file shares state with another worker's (tests that need their own browser
  // launch it themselves).
  workers: 2,
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
