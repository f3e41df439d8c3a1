/**
 * Bundle budgets, read from the production Chrome build (`npm test` builds before this runs;
 * alone: `npm run build:chrome` first). The only performance figure CI holds us to: sizes are
 * deterministic, timings are not (`npm run bench` measures those).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, bundleSizes, pageFiles } from '../../../scripts/lib/bench/bundle';

const outDir = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

describe('bundle budgets (production Chrome build, gzip -9)', () => {
  const sizes = bundleSizes(outDir);

  it('measures every entrypoint the build has, and each has a budget', () => {
    expect(Object.keys(sizes)).toContain('content-scripts/portal');
    expect(Object.keys(sizes)).toContain('background');
    // A new entrypoint needs a budget decided for it.
    expect(Object.keys(sizes).filter((name) => !(name in BUNDLE_BUDGETS))).toEqual([]);
  });

  for (const [name, budget] of Object.entries(BUNDLE_BUDGETS)) {
    it(`${name} stays within ${budget} bytes`, () => {
      expect(sizes[name], `${name} is missing from the build`).toBeGreaterThan(0);
      expect(sizes[name]).toBeLessThanOrEqual(budget);
    });
  }

  it('counts what a page loads up front: its script, module preloads and style sheets', () => {
    const html = `<script type="module" crossorigin src="/chunks/page-1.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/shared-2.js">
      <link rel="stylesheet" crossorigin href="/assets/page-3.css">
      <link rel="icon" href="/icon.png">`;
    expect(pageFiles(html)).toEqual(['chunks/page-1.js', 'chunks/shared-2.js', 'assets/page-3.css']);
  });
});
