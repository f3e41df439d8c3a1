/**
 * What the bench holds each figure against (issue [Bench]): the extension must cost officers on
 * slow portals nearly nothing. Timings are reported against these, never failed on; only the
 * bundle budgets are checked in CI (test/unit/build/bundle-size.test.ts).
 */
export interface Target {
  /** The figure's path in results.json `figures`. */
  figure: string;
  /** Largest acceptable value. */
  max: number;
  unit: 'ms' | 'ratio' | 'bytes';
}

export const TARGETS: readonly Target[] = [
  { figure: 'pageLoad.ratio', max: 1.05, unit: 'ratio' },
  { figure: 'overlayVisibleMs', max: 150, unit: 'ms' },
  { figure: 'badges5k.longestTaskMs', max: 50, unit: 'ms' },
  { figure: 'pdfSignMs', max: 250, unit: 'ms' },
  { figure: 'dashboard20k.firstRenderMs', max: 300, unit: 'ms' },
  { figure: 'dashboard20k.filterMs', max: 50, unit: 'ms' },
  { figure: 'engineApplyMs', max: 0.2, unit: 'ms' },
  { figure: 'restore10kMs', max: 1000, unit: 'ms' },
  { figure: 'bundleGz.content-scripts/portal', max: 35 * 1024, unit: 'bytes' },
];

/** The value at a dotted path (`badges5k.longestTaskMs`; bundle keys may hold a slash). */
export function figureAt(figures: unknown, path: string): number | null {
  let at: unknown = figures;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}
