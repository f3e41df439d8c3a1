/**
 * Launches Chromium with the built extension in a throw-away profile. Used by `npm run demo`
 * and the E2E fixtures, so both drive the extension the same way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { resolveBrowser } from './browser';

export interface LaunchOptions {
  extensionDir: string;
  headless: boolean;
  /** Leave Ctrl+C to the caller, which then closes the context so the profile is removed. */
  callerHandlesSigint?: boolean;
  /** Extra time to wait for the extension's service worker to start. */
  workerTimeoutMs?: number;
  /** More Chromium flags (the no-network test turns on Chromium's network log with one). */
  extraArgs?: string[];
  /**
   * Turn on the profile's developer mode, so that the extension can be reloaded
   * (`chrome.runtime.reload()`): the reload installs it again as an ordinary unpacked extension,
   * which Chromium keeps disabled without developer mode ("This extension may have been
   * corrupted. Turn on developer mode to use this extension").
   */
  developerMode?: boolean;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  browserPath: string;
  close(): Promise<void>;
}

/** Flags that keep Chromium quiet on a machine with no outside network (STACK.md). */
const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A throw-away profile folder, and its removal (retried: Chromium may still be flushing it as it exits; never fails). */
function throwAwayProfile(): { profile: string; remove(): void } {
  const profile = mkdtempSync(join(tmpdir(), 'pandu-profile-'));
  return {
    profile,
    remove: () => {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (err) {
        console.warn(`Could not remove the temporary profile ${profile}:`, err);
      }
    },
  };
}

/** The same browser and flags without any extension: the baseline the bench compares with. */
export async function launchWithout(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = resolveBrowser({ playwrightPath: () => chromium.executablePath() });
  const { profile, remove } = throwAwayProfile();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.path,
      headless: true,
      viewport: { width: 1366, height: 800 },
      args: [...QUIET_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
  } catch (err) {
    remove();
    throw err;
  }
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      remove();
    },
  };
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const browser = resolveBrowser({ playwrightPath: () => chromium.executablePath() });
  const { profile, remove: cleanUp } = throwAwayProfile();
  let context: BrowserContext;
  try {
    if (options.developerMode) {
      mkdirSync(join(profile, 'Default'), { recursive: true });
      writeFileSync(
        join(profile, 'Default', 'Preferences'),
        JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
      );
    }
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.path,
      headless: options.headless,
      handleSIGINT: !options.callerHandlesSigint,
      viewport: options.headless ? { width: 1366, height: 800 } : null,
      args: [
        ...QUIET_FLAGS,
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        // Both are needed: Playwright passes --disable-extensions unless told otherwise.
        `--disable-extensions-except=${options.extensionDir}`,
        `--load-extension=${options.extensionDir}`,
        ...(options.extraArgs ?? []),
      ],
    });
  } catch (err) {
    cleanUp();
    throw err;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    cleanUp();
  };
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: options.workerTimeoutMs ?? 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, browserPath: browser.path, close };
  } catch {
    await close();
    throw new Error(
      `The extension in ${options.extensionDir} did not start in ${browser.path}. ` +
        'Branded Google Chrome 137+ ignores --load-extension: use Chromium (set CHROMIUM_PATH).',
    );
  }
}
