import { afterEach, describe, expect, it } from 'vitest';
import {
  type Injection,
  injections,
  type OpenTab,
  type ReattachApi,
  reattachOpenTabs,
  scriptGroups,
  shouldReattach,
} from '../../../../utils/background/reattach';
import { instanceRunning } from '../../../../utils/portals/instance';
import { portalMatches } from '../../../../utils/portals/origins';

const SCRIPT = 'content-scripts/portal.js';
/** The demo build's manifest entry, as `runtime.getManifest()` gives it. */
const MANIFEST = [{ matches: portalMatches('demo'), js: [SCRIPT], run_at: 'document_start' }];
/** An imported adapter's script, as `scripting.getRegisteredContentScripts()` gives it. */
const SIMPEL = {
  id: 'pandu-adapter-simpel-kota-contoh',
  matches: ['http://127.0.0.1/simpel/*'],
  js: [SCRIPT],
  runAt: 'document_start',
  allFrames: false,
};

/** A fake browser: open tabs by URL, matched the way the browser matches (scheme, host, path; any port). */
function fakeBrowser(
  tabs: (OpenTab & { url: string })[],
  fail: { tabs?: number[]; query?: boolean } = {},
  live: number[] = [],
) {
  const ran: Injection[] = [];
  const styled: Injection[] = [];
  const toRegExp = (pattern: string) => {
    const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
    if (!m) throw new Error(`bad pattern ${pattern}`);
    const [, scheme, host, path] = m as unknown as [string, string, string, string];
    const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${esc(host)}(:\\d+)?${esc(path)}$`);
  };
  const api: ReattachApi = {
    running: async (tabId) => live.includes(tabId),
    query: async (matches) => {
      if (fail.query) throw new Error('no such pattern');
      return tabs.filter((t) => matches.some((p) => toRegExp(p).test(t.url)));
    },
    insertCSS: async (injection) => {
      styled.push(injection);
    },
    executeScript: async (injection) => {
      if (fail.tabs?.includes(injection.tabId)) throw new Error(`No tab with id: ${injection.tabId}.`);
      ran.push(injection);
    },
  };
  return { api, ran, styled };
}

describe('shouldReattach', () => {
  it('re-attaches after an install and an update (an unpacked reload is an update), not after a browser update', () => {
    expect(shouldReattach('install')).toBe(true);
    expect(shouldReattach('update')).toBe(true);
    expect(shouldReattach('chrome_update')).toBe(false);
    expect(shouldReattach('browser_update')).toBe(false);
    expect(shouldReattach('shared_module_update')).toBe(false);
  });
});

describe('scriptGroups', () => {
  it('takes the manifest’s built-in portal script and the registered adapter scripts', () => {
    expect(scriptGroups(MANIFEST, [SIMPEL])).toEqual([
      { matches: portalMatches('demo'), js: [SCRIPT], css: [], allFrames: false, early: true },
      { matches: SIMPEL.matches, js: [SCRIPT], css: [], allFrames: false, early: true },
    ]);
  });

  it('keeps CSS and the frame choice, and drops entries that match or run nothing', () => {
    const groups = scriptGroups(
      [
        { matches: ['https://a.example/*'], js: ['a.js'], css: ['a.css'], all_frames: true },
        { matches: [], js: ['b.js'] },
      ],
      [{ id: 'c', matches: ['https://c.example/*'] }],
    );
    expect(groups).toEqual([
      { matches: ['https://a.example/*'], js: ['a.js'], css: ['a.css'], allFrames: true, early: false },
    ]);
  });

  it('copes with a manifest without content scripts', () => {
    expect(scriptGroups(undefined, [])).toEqual([]);
  });
});

describe('injections', () => {
  const group = scriptGroups(MANIFEST, [])[0];
  it('skips discarded, unloaded and id-less tabs (a discarded tab gets its scripts when it loads again)', () => {
    if (!group) throw new Error('no group');
    const tabs: OpenTab[] = [
      { id: 1, status: 'complete' },
      { id: 2, discarded: true },
      { id: 3, status: 'unloaded' },
      {},
      { id: -1 },
      { id: 4, status: 'loading' },
    ];
    expect(injections([{ group, tabs }]).map((i) => i.tabId)).toEqual([1, 4]);
  });

  it('runs the bundle once in a tab that two groups match', () => {
    const [builtin, adapter] = scriptGroups(MANIFEST, [
      { ...SIMPEL, matches: ['http://127.0.0.1/oss/*'], js: [SCRIPT, 'extra.js'] },
    ]);
    if (!builtin || !adapter) throw new Error('no groups');
    expect(
      injections([
        { group: builtin, tabs: [{ id: 7 }] },
        { group: adapter, tabs: [{ id: 7 }] },
      ]),
    ).toEqual([{ tabId: 7, js: [SCRIPT, 'extra.js'], css: [], allFrames: false, early: true }]);
  });
});

describe('reattachOpenTabs', () => {
  const open = [
    { id: 1, url: 'http://127.0.0.1:4100/oss/perizinan/I-1' },
    { id: 2, url: 'http://127.0.0.1:4100/sicantik/permohonan' },
    { id: 3, url: 'http://127.0.0.1:4100/simpel/berkas/SP-1' },
    { id: 4, url: 'http://127.0.0.1:4100/' },
    { id: 5, url: 'https://example.org/oss/perizinan' },
    { id: 6, url: 'http://localhost:4100/simbg/app/permohonan', discarded: true },
  ];

  it('runs the content script in frame 0 of each open portal tab, built-in and imported, once each', async () => {
    const { api, ran } = fakeBrowser(open);
    const result = await reattachOpenTabs(scriptGroups(MANIFEST, [SIMPEL]), api);
    expect(ran.map((i) => i.tabId).sort()).toEqual([1, 2, 3]);
    for (const injection of ran) {
      expect(injection).toMatchObject({ js: [SCRIPT], allFrames: false, early: true });
    }
    expect(result.attached.sort()).toEqual([1, 2, 3]);
    expect(result.skipped).toEqual([]);
  });

  it('leaves imported adapters’ portals alone when no adapter script is registered', async () => {
    const { api, ran } = fakeBrowser(open);
    await reattachOpenTabs(scriptGroups(MANIFEST, []), api);
    expect(ran.map((i) => i.tabId).sort()).toEqual([1, 2]);
  });

  it('a production build reaches no demo portal tab', async () => {
    const { api, ran } = fakeBrowser(open);
    await reattachOpenTabs(
      scriptGroups([{ matches: portalMatches('production'), js: [SCRIPT], run_at: 'document_start' }], []),
      api,
    );
    expect(ran).toEqual([]);
  });

  it('leaves alone a tab whose script already runs from this load, and runs it where the probe fails', async () => {
    const { api, ran } = fakeBrowser(open, {}, [1]);
    const result = await reattachOpenTabs(scriptGroups(MANIFEST, [SIMPEL]), api);
    expect(result.running).toEqual([1]);
    expect(ran.map((i) => i.tabId).sort()).toEqual([2, 3]);

    const unsure: ReattachApi = {
      ...api,
      running: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    };
    const before = ran.length;
    await reattachOpenTabs(scriptGroups(MANIFEST, []), unsure);
    expect(ran.length - before).toBe(2);
  });

  it('swallows a tab that closed or cannot be scripted, and still attaches the others', async () => {
    const { api, ran } = fakeBrowser(open, { tabs: [2] });
    const result = await reattachOpenTabs(scriptGroups(MANIFEST, [SIMPEL]), api);
    expect(ran.map((i) => i.tabId).sort()).toEqual([1, 3]);
    expect(result.skipped).toEqual([2]);
  });

  it('never rejects, even when the tab query or the API itself throws', async () => {
    const { api } = fakeBrowser(open, { query: true });
    await expect(reattachOpenTabs(scriptGroups(MANIFEST, [SIMPEL]), api)).resolves.toEqual({
      attached: [],
      running: [],
      skipped: [],
    });
    const throwing: ReattachApi = {
      running: () => {
        throw new Error('sync throw');
      },
      query: () => {
        throw new Error('sync throw');
      },
      insertCSS: () => {
        throw new Error('sync throw');
      },
      executeScript: () => {
        throw new Error('sync throw');
      },
    };
    await expect(reattachOpenTabs(scriptGroups(MANIFEST, []), throwing)).resolves.toEqual({
      attached: [],
      running: [],
      skipped: [],
    });
    const { api: css } = fakeBrowser(open);
    const failingCss: ReattachApi = {
      ...css,
      insertCSS: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    };
    await expect(
      reattachOpenTabs(
        scriptGroups([{ matches: ['http://127.0.0.1/oss/*'], css: ['a.css'] }], []),
        failingCss,
      ),
    ).resolves.toEqual({ attached: [], running: [], skipped: [1] });
  });

  it('inserts a script’s CSS before running it', async () => {
    const calls: string[] = [];
    const api: ReattachApi = {
      running: async () => false,
      query: async () => [{ id: 9 }],
      insertCSS: async (i) => {
        calls.push(`css:${i.css.join(',')}`);
      },
      executeScript: async (i) => {
        calls.push(`js:${i.js.join(',')}`);
      },
    };
    await reattachOpenTabs(
      scriptGroups([{ matches: ['https://a.example/*'], js: ['a.js'], css: ['a.css'] }], []),
      api,
    );
    expect(calls).toEqual(['css:a.css', 'js:a.js']);
  });
});

describe('instanceRunning (the probe run in a tab’s isolated world)', () => {
  const key = `test-${crypto.randomUUID()}`;
  const slot = globalThis as unknown as Record<symbol, unknown>;
  afterEach(() => {
    delete slot[Symbol.for(key)];
  });

  it('is true only for a live context kept under the key', () => {
    expect(instanceRunning(key)).toBe(false);
    slot[Symbol.for(key)] = { isValid: true };
    expect(instanceRunning(key)).toBe(true);
    slot[Symbol.for(key)] = { isValid: false };
    expect(instanceRunning(key)).toBe(false);
    slot[Symbol.for(key)] = true;
    expect(instanceRunning(key)).toBe(false);
  });

  it('uses nothing but its argument (scripting.executeScript runs it in another world)', () => {
    const source = instanceRunning.toString();
    expect(source).not.toMatch(/RUNNING_INSTANCE|import/);
  });
});
