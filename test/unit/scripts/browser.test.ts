import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, resolveBrowser } from '../../../scripts/lib/browser';

const existing =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('resolveBrowser', () => {
  it('prefers CHROMIUM_PATH over everything else', () => {
    expect(
      resolveBrowser({
        env: { CHROMIUM_PATH: '/opt/chromium/chrome' },
        os: 'linux',
        exists: existing('/opt/chromium/chrome', '/usr/bin/chromium'),
      }),
    ).toEqual({ path: '/opt/chromium/chrome', source: 'CHROMIUM_PATH' });
  });

  it('fails loudly when CHROMIUM_PATH points nowhere instead of falling back', () => {
    expect(() =>
      resolveBrowser({ env: { CHROMIUM_PATH: '/nope' }, os: 'linux', exists: existing('/usr/bin/chromium') }),
    ).toThrow(/CHROMIUM_PATH is set to "\/nope"/);
  });

  it('takes a system Chromium before branded Chrome', () => {
    expect(
      resolveBrowser({
        env: {},
        os: 'linux',
        exists: existing('/usr/bin/google-chrome', '/usr/bin/chromium'),
      }),
    ).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it("falls back to Playwright's cache", () => {
    const cached = '/home/u/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    expect(
      resolveBrowser({ env: {}, os: 'linux', exists: existing(cached), playwrightPath: () => cached }),
    ).toEqual({ path: cached, source: 'playwright-cache' });
  });

  it('explains how to install a browser when there is none', () => {
    const attempt = () =>
      resolveBrowser({
        env: {},
        os: 'linux',
        exists: () => false,
        playwrightPath: () => {
          throw new Error('no registry');
        },
      });
    expect(attempt).toThrow(BrowserNotFoundError);
    expect(attempt).toThrow(
      /apt-get install -y chromium[\s\S]*brew install --cask chromium[\s\S]*npx playwright install chromium/,
    );
  });
});
