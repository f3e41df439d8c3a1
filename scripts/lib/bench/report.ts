/** The bench's results as a Markdown table: each figure, its target, and whether it is met. */
import { figureAt, TARGETS } from './targets';

export interface BenchResults {
  machine: { cpu: string; cores: number; node: string; chromium: string; date: string };
  quick: boolean;
  figures: Record<string, unknown>;
}

const ROWS: readonly [string, string][] = [
  ['pageLoad.withMs', 'Case page load with the extension (ms, median)'],
  ['pageLoad.withoutMs', 'Case page load without (ms)'],
  ['pageLoad.ratio', 'Case page load ratio'],
  ['pageLoadEmptyScript.ratio', 'Case page load ratio, the same extension with an empty content script'],
  ['pageLoadList.withMs', 'Case list load with the extension (ms)'],
  ['pageLoadList.withoutMs', 'Case list load without (ms)'],
  ['pageLoadList.ratio', 'Case list load ratio'],
  ['fcp.withMs', 'First contentful paint with (ms)'],
  ['fcp.withoutMs', 'First contentful paint without (ms)'],
  ['fcp.ratio', 'First contentful paint ratio'],
  ['overlayVisibleMs', 'Overlay on screen after DOMContentLoaded (ms)'],
  ['badges1k.allMs', '1,000-row list: all badges drawn after navigation (ms)'],
  ['badges1k.longestTaskMs', '1,000-row list: longest task while badging (ms)'],
  ['badges5k.allMs', '5,000-row list: all badges drawn after navigation (ms)'],
  ['badges5k.longestTaskMs', '5,000-row list: longest task while badging (ms)'],
  ['badges5k.worstTaskMs', '5,000-row list: longest task while badging, worst run (ms)'],
  ['pdfSignMs', 'Signed checklist PDF in the side panel (ms)'],
  ['pdfSignItems', '… items in that checklist'],
  ['pdfSignNodeMs.items14', 'Same layout and signing code in Node, 14 items (ms)'],
  ['pdfSignNodeMs.items40', 'Same layout and signing code in Node, 40 items (ms)'],
  ['dashboard20k.firstRenderMs', 'Dashboard, 20,000 cases: first view (ms)'],
  ['dashboard20k.filterMs', 'Dashboard, 20,000 cases: a filter applied (ms)'],
  ['engineApplyMs', 'Engine: one event applied (ms, Node)'],
  ['restore10kMs', 'Engine: 10,000 stored cases restored (ms, Node)'],
];

const show = (value: number | null) => {
  if (value === null) return 'not measured';
  if (Number.isInteger(value) || Math.abs(value) >= 100) return String(Math.round(value));
  return value.toPrecision(3);
};

export function markdown(results: BenchResults): string {
  const { figures, machine } = results;
  const lines = ['| Figure | Measured | Target | Met |', '| --- | ---: | ---: | :---: |'];
  const row = (path: string, label: string) => {
    const value = figureAt(figures, path);
    const target = TARGETS.find((t) => t.figure === path);
    const met = target && value !== null ? (value <= target.max ? 'yes' : '**no**') : '';
    lines.push(`| ${label} | ${show(value)} | ${target ? `≤ ${target.max}` : ''} | ${met} |`);
  };
  for (const [path, label] of ROWS) row(path, label);
  const bundles = (figures.bundleGz ?? {}) as Record<string, number>;
  for (const name of Object.keys(bundles)) row(`bundleGz.${name}`, `Bundle, ${name} (bytes, gzip -9)`);
  lines.push(
    '',
    `${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; Chromium ${machine.chromium}; ${machine.date.slice(0, 10)}${results.quick ? ' (quick run)' : ''}.`,
  );
  return lines.join('\n');
}
