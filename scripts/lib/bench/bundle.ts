/**
 * What each entrypoint of a build costs to load, gzipped (level 9): the background worker, each
 * content script, and each extension page with every script and style sheet its HTML loads up
 * front (module preloads included; chunks imported later on demand, like the PDF fonts, are not).
 * Deterministic for a build, so CI can hold it to budgets (BUNDLE_BUDGETS).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type BundleSizes = Record<string, number>;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Files an extension page's HTML loads before it runs: its module script, preloads, styles. */
export function pageFiles(html: string): string[] {
  const files = new Set<string>();
  const pattern = /<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.(?:js|css))"/g;
  for (const match of html.matchAll(pattern)) if (match[1]) files.add(match[1]);
  return [...files];
}

/** Gzipped bytes per entrypoint, keyed `background`, `content-scripts/<name>`, `<page>`. */
export function bundleSizes(outDir: string): BundleSizes {
  if (!existsSync(join(outDir, 'manifest.json'))) {
    throw new Error(`No build in ${outDir}: run \`npm run build:chrome\` first.`);
  }
  const sizes: BundleSizes = {};
  if (existsSync(join(outDir, 'background.js'))) sizes.background = gz(join(outDir, 'background.js'));
  const scripts = join(outDir, 'content-scripts');
  if (existsSync(scripts)) {
    for (const name of readdirSync(scripts).sort()) {
      if (name.endsWith('.js')) sizes[`content-scripts/${name.slice(0, -3)}`] = gz(join(scripts, name));
    }
  }
  for (const name of readdirSync(outDir).sort()) {
    if (!name.endsWith('.html')) continue;
    const files = pageFiles(readFileSync(join(outDir, name), 'utf8'));
    sizes[name.slice(0, -5)] = files.reduce((sum, file) => sum + gz(join(outDir, file)), 0);
  }
  return sizes;
}

/**
 * Gzipped bytes allowed per entrypoint of the production Chrome build. The content script's is
 * the target set for it (35 KB: it loads on every portal page); the others are our judgement,
 * about a tenth above their size when set (2026-11-29), so growth is a decision, not a drift.
 */
export const BUNDLE_BUDGETS: BundleSizes = {
  'content-scripts/portal': 35 * 1024,
  background: 124 * 1024,
  'activity-map': 127 * 1024,
  dashboard: 154 * 1024,
  options: 231 * 1024,
  popup: 132 * 1024,
  sidepanel: 152 * 1024,
  verify: 412 * 1024,
};
