import { describe, expect, it } from 'vitest';
import { markdown } from '../../../scripts/lib/bench/report';
import { median, round } from '../../../scripts/lib/bench/stats';
import { figureAt, TARGETS } from '../../../scripts/lib/bench/targets';

describe('bench figures', () => {
  it('takes medians of odd and even counts, and nothing of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(round(1.26, 1)).toBe(1.3);
  });

  it('reads a figure by its path, bundle names with a slash included, and null when absent or not a number', () => {
    const figures = {
      pageLoad: { ratio: 1.02 },
      bundleGz: { 'content-scripts/portal': 33_000 },
      pdfSignMs: null,
    };
    expect(figureAt(figures, 'pageLoad.ratio')).toBe(1.02);
    expect(figureAt(figures, 'bundleGz.content-scripts/portal')).toBe(33_000);
    expect(figureAt(figures, 'pdfSignMs')).toBeNull();
    expect(figureAt(figures, 'badges5k.longestTaskMs')).toBeNull();
  });

  it('has a target for every figure the issue names, and marks each met or missed in the table', () => {
    expect(TARGETS.map((t) => t.figure)).toEqual(
      expect.arrayContaining([
        'pageLoad.ratio',
        'badges5k.longestTaskMs',
        'dashboard20k.filterMs',
        'restore10kMs',
      ]),
    );
    const table = markdown({
      machine: { cpu: 'Test CPU', cores: 2, node: 'v20', chromium: '156', date: '2026-11-29T00:00:00Z' },
      quick: true,
      figures: {
        pageLoad: { withMs: 60, withoutMs: 50, ratio: 1.2, runs: 5 },
        pageLoadEmptyScript: { withMs: 55, withoutMs: 50, ratio: 1.1, runs: 5 },
        engineApplyMs: 0.1,
        pdfSignMs: null,
        bundleGz: { 'content-scripts/portal': 40_000 },
      },
    });
    expect(table).toContain('| Case page load ratio | 1.20 | ≤ 1.05 | **no** |');
    // A figure without a target is shown, neither met nor missed.
    expect(table).toContain(
      '| Case page load ratio, the same extension with an empty content script | 1.10 |  |  |',
    );
    expect(table).toContain('| Engine: one event applied (ms, Node) | 0.100 | ≤ 0.2 | yes |');
    expect(table).toContain('| Signed checklist PDF in the side panel (ms) | not measured | ≤ 250 |  |');
    expect(table).toContain('| Bundle, content-scripts/portal (bytes, gzip -9) | 40000 | ≤ 35840 | **no** |');
    expect(table).toContain('Test CPU, 2 cores; Node v20; Chromium 156; 2026-11-29 (quick run).');
  });
});
