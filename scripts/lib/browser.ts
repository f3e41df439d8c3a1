/**
 * Finds a Chromium to drive: CHROMIUM_PATH first, then a system Chromium/Chrome, then
 * Playwright's own cache. Chromium comes before branded Chrome because Chrome ≥ 137 ignores
 * --load-extension (STACK.md).
 */
import { existsSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export interface ResolvedBrowser {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright-cache';
}

export const SYSTEM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  os?: string;
  exists?: (path: string) => boolean;
  /** Playwright's expected Chromium path, e.g. `chromium.executablePath()`. */
  playwrightPath?: () => string | undefined;
}

export class BrowserNotFoundError extends Error {
  constructor(detail: string) {
    super(
      [
        `No Chromium found (${detail}).`,
        'Install one, then run again:',
        '  Debian/Ubuntu: sudo apt-get install -y chromium',
        '  macOS:         brew install --cask chromium',
        '  any system:    npx playwright install chromium',
        'or point CHROMIUM_PATH at a Chromium executable.',
      ].join('\n'),
    );
    this.name = 'BrowserNotFoundError';
  }
}

export function resolveBrowser({
  env = process.env,
  os = platform(),
  exists = existsSync,
  playwrightPath,
}: ResolveOptions = {}): ResolvedBrowser {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new BrowserNotFoundError(`CHROMIUM_PATH is set to "${fromEnv}", which does not exist`);
  }
  const system = (SYSTEM_CANDIDATES[os] ?? []).find((p) => exists(p));
  if (system) return { path: system, source: 'system' };
  const cached = safely(playwrightPath);
  if (cached && exists(cached)) return { path: cached, source: 'playwright-cache' };
  const cacheHint = cached ?? join(homedir(), '.cache', 'ms-playwright');
  throw new BrowserNotFoundError(`looked in CHROMIUM_PATH, system locations and ${cacheHint}`);
}

function safely(fn: (() => string | undefined) | undefined): string | undefined {
  try {
    return fn?.();
  } catch {
    return undefined;
  }
}
