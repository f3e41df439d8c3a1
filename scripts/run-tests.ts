/**
 * `npm test`: every quality gate in order, stopping at the first failure — typecheck, lint,
 * builds (chrome + firefox), unit (bundle budgets included), web-ext lint, Firefox, E2E. Ends with one
 * line of counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Gate {
  name: string;
  command: string;
}

// Outside test-results/: Playwright empties that folder when it starts.
const REPORTS = mkdtempSync(join(tmpdir(), 'pandu-test-'));
const UNIT_REPORT = join(REPORTS, 'unit.json');
const E2E_REPORT = join(REPORTS, 'e2e.json');
const FIREFOX_REPORT = join(REPORTS, 'firefox.json');

const GATES: Gate[] = [
  { name: 'typecheck', command: 'npm run --silent typecheck' },
  { name: 'lint', command: 'npm run --silent lint' },
  // Builds first: the unit tests include the bundle budgets, read from the Chrome build.
  { name: 'build chrome', command: 'npm run --silent build:chrome' },
  { name: 'build firefox', command: 'npm run --silent build:firefox' },
  {
    name: 'unit',
    command: `npm run --silent test:unit -- --reporter=default --reporter=json --outputFile.json=${UNIT_REPORT}`,
  },
  { name: 'web-ext lint (firefox)', command: 'npm run --silent test:webext-lint' },
  // Firefox itself (ESR from apt), driven through Marionette: the add-on and its sidebar.
  { name: 'build firefox demo', command: 'npm run --silent build:firefox-demo' },
  { name: 'firefox', command: 'npm run --silent test:firefox' },
  { name: 'build demo', command: 'npm run --silent build:demo' },
  { name: 'e2e', command: 'npx playwright test' },
];

function counts(): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(UNIT_REPORT)) {
    const unit = JSON.parse(readFileSync(UNIT_REPORT, 'utf8'));
    passed += unit.numPassedTests ?? 0;
    failed += unit.numFailedTests ?? 0;
    skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  }
  if (existsSync(FIREFOX_REPORT)) {
    const firefox = JSON.parse(readFileSync(FIREFOX_REPORT, 'utf8'));
    passed += firefox.passed ?? 0;
    failed += firefox.failed ?? 0;
  }
  if (existsSync(E2E_REPORT)) {
    const stats = JSON.parse(readFileSync(E2E_REPORT, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  }
  return { passed, failed, skipped };
}

const started = Date.now();
let failedGate: string | null = null;
for (const gate of GATES) {
  const t0 = Date.now();
  console.log(`\n▶ ${gate.name}: ${gate.command}`);
  const result = spawnSync(gate.command, {
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, PANDU_E2E_JSON: E2E_REPORT, PANDU_FIREFOX_JSON: FIREFOX_REPORT },
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${gate.name} failed after ${seconds}s (exit ${result.status ?? result.signal})`);
    failedGate = gate.name;
    break;
  }
  console.log(`✔ ${gate.name} (${seconds}s)`);
}
const { passed, failed, skipped } = counts();
rmSync(REPORTS, { recursive: true, force: true });
console.log(
  `\nnpm test ${failedGate ? `stopped at ${failedGate}` : 'finished'} in ${((Date.now() - started) / 1000).toFixed(0)}s`,
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedGate ? 1 : 0);
