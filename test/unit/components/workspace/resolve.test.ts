/** Which case a page shows: the URL's case or tab, or the active tab followed through switches and navigation. */
import { describe, expect, it } from 'vitest';
import {
  boundCase,
  type FollowedTab,
  followTab,
  sourceFromQuery,
  type TabInfo,
  type TabsApi,
} from '../../../../components/workspace/resolve';
import type { ViewRow } from '../../../../utils/db/schema';

describe('sourceFromQuery', () => {
  it('takes ?case first, then ?tab, else the active tab', () => {
    expect(sourceFromQuery('?case=oss-rba%3AI-1&tab=5')).toEqual({ kind: 'case', caseId: 'oss-rba:I-1' });
    expect(sourceFromQuery('?tab=42')).toEqual({ kind: 'tab', tabId: 42 });
    expect(sourceFromQuery('')).toEqual({ kind: 'active' });
  });

  it('ignores an empty case and a tab that is not a tab id', () => {
    expect(sourceFromQuery('?case=%20')).toEqual({ kind: 'active' });
    for (const tab of ['-1', '1.5', 'abc', '', '1e3', '99999999999999']) {
      expect(sourceFromQuery(`?tab=${tab}`), tab).toEqual({ kind: 'active' });
    }
  });
});

const view = (url: string, caseId = 'oss-rba:I-1'): ViewRow => ({ tabId: 7, caseId, url, at: '' });

describe('boundCase', () => {
  it('is the bound case while the tab still shows the bound page', () => {
    expect(boundCase(view('https://oss.go.id/p/1'), 'https://oss.go.id/p/1')).toBe('oss-rba:I-1');
    expect(boundCase(view('https://oss.go.id/p/1'), 'https://oss.go.id/p/1#dokumen')).toBe('oss-rba:I-1');
  });

  it('is none without a binding, or when the tab went to another address', () => {
    expect(boundCase(undefined, 'https://oss.go.id/p/1')).toBeNull();
    expect(boundCase(view('https://oss.go.id/p/1'), 'https://oss.go.id/p')).toBeNull();
    expect(boundCase(view('https://oss.go.id/p/1'), 'https://example.org/')).toBeNull();
  });

  it('trusts the binding when the tab’s address is not visible to the extension', () => {
    expect(boundCase(view('https://oss.go.id/p/1'), undefined)).toBe('oss-rba:I-1');
    expect(boundCase(view(''), 'https://oss.go.id/p/1')).toBe('oss-rba:I-1');
  });
});

/** A browser window's tabs, with the events the extension listens to. */
function fakeTabs(initial: (TabInfo & { id: number; active?: boolean })[], windowId = 1) {
  const tabs = new Map(initial.map((t) => [t.id, { windowId, ...t }]));
  const listeners = {
    activated: new Set<(info: { tabId: number; windowId: number }) => void>(),
    updated: new Set<(tabId: number, change: { url?: string }, tab: TabInfo) => void>(),
    removed: new Set<(tabId: number) => void>(),
  };
  const event = <F>(set: Set<F>) => ({
    addListener: (f: F) => set.add(f),
    removeListener: (f: F) => set.delete(f),
  });
  const api: TabsApi = {
    query: async () => [...tabs.values()].filter((t) => t.active && t.windowId === windowId),
    get: async (id) => {
      const tab = tabs.get(id);
      if (!tab) throw new Error(`No tab with id: ${id}`);
      return tab;
    },
    onActivated: event(listeners.activated),
    onUpdated: event(listeners.updated),
    onRemoved: event(listeners.removed),
  };
  return {
    api,
    listeners,
    activate(id: number, inWindow = windowId) {
      for (const t of tabs.values()) if (t.windowId === inWindow) t.active = t.id === id;
      for (const f of listeners.activated) f({ tabId: id, windowId: inWindow });
    },
    navigate(id: number, url: string) {
      const tab = tabs.get(id);
      if (!tab) throw new Error('no tab');
      tab.url = url;
      for (const f of listeners.updated) f(id, { url }, tab);
    },
    add(tab: TabInfo & { id: number; windowId: number }) {
      tabs.set(tab.id, tab);
    },
    remove(id: number) {
      tabs.delete(id);
      for (const f of listeners.removed) f(id);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function record(tabs: TabsApi, source: Parameters<typeof followTab>[1]) {
  const seen: FollowedTab[] = [];
  const stop = followTab(tabs, source, (t) => seen.push(t));
  return { seen, stop };
}

describe('followTab', () => {
  it('reports the active tab once known, then follows switches and navigation in this window', async () => {
    const fake = fakeTabs([
      { id: 1, url: 'https://oss.go.id/p/1', active: true },
      { id: 2, url: 'https://example.org/' },
    ]);
    const { seen, stop } = record(fake.api, { kind: 'active' });
    expect(seen).toEqual([]);
    await settle();
    expect(seen).toEqual([{ tabId: 1, url: 'https://oss.go.id/p/1' }]);

    fake.activate(2);
    await settle();
    expect(seen.at(-1)).toEqual({ tabId: 2, url: 'https://example.org/' });

    fake.navigate(2, 'https://oss.go.id/p/2');
    expect(seen.at(-1)).toEqual({ tabId: 2, url: 'https://oss.go.id/p/2' });
    // Another tab navigating changes nothing.
    fake.navigate(1, 'https://oss.go.id/p/3');
    expect(seen).toHaveLength(3);

    // A tab activated in another window is not this panel's business.
    fake.add({ id: 9, url: 'https://x.test/', windowId: 2 });
    fake.activate(9, 2);
    await settle();
    expect(seen.at(-1)?.tabId).toBe(2);

    stop();
    fake.activate(1);
    await settle();
    expect(seen).toHaveLength(3);
    expect(fake.listeners.activated.size).toBe(0);
    expect(fake.listeners.updated.size).toBe(0);
    expect(fake.listeners.removed.size).toBe(0);
  });

  it('reports no tab when the window has no active tab', async () => {
    const fake = fakeTabs([{ id: 1, url: 'https://oss.go.id/p/1' }]);
    const { seen } = record(fake.api, { kind: 'active' });
    await settle();
    expect(seen).toEqual([{ tabId: null }]);
  });

  it('sticks to a named tab, reports its address, and reports none once it is closed', async () => {
    const fake = fakeTabs([
      { id: 1, url: 'https://oss.go.id/p/1' },
      { id: 2, url: 'https://example.org/', active: true },
    ]);
    const { seen } = record(fake.api, { kind: 'tab', tabId: 1 });
    await settle();
    expect(seen).toEqual([{ tabId: 1, url: 'https://oss.go.id/p/1' }]);
    fake.activate(2);
    await settle();
    expect(seen).toHaveLength(1);
    fake.navigate(1, 'https://oss.go.id/list');
    expect(seen.at(-1)).toEqual({ tabId: 1, url: 'https://oss.go.id/list' });
    fake.remove(1);
    expect(seen.at(-1)).toEqual({ tabId: null });
  });

  it('reports none for a tab id that does not exist', async () => {
    const fake = fakeTabs([]);
    const { seen } = record(fake.api, { kind: 'tab', tabId: 5 });
    await settle();
    expect(seen).toEqual([{ tabId: null }]);
  });

  it('moves to the next active tab when the followed one closes', async () => {
    const fake = fakeTabs([
      { id: 1, url: 'https://oss.go.id/p/1', active: true },
      { id: 2, url: 'https://example.org/' },
    ]);
    const { seen } = record(fake.api, { kind: 'active' });
    await settle();
    fake.activate(2);
    await settle();
    fake.activate(1);
    await settle();
    fake.remove(1);
    fake.activate(2);
    await settle();
    expect(seen.at(-1)).toEqual({ tabId: 2, url: 'https://example.org/' });
  });

  it('lets a newer answer win over a slow older one', async () => {
    const fake = fakeTabs([
      { id: 1, url: 'https://a.test/', active: true },
      { id: 2, url: 'https://b.test/' },
    ]);
    let release: (() => void) | undefined;
    const slowGet = fake.api.get;
    const api: TabsApi = {
      ...fake.api,
      get: async (id) => {
        if (id === 1) await new Promise<void>((r) => (release = r));
        return slowGet(id);
      },
    };
    const { seen } = record(api, { kind: 'active' });
    await settle();
    fake.activate(2);
    // Tab 1 again (slow), then tab 2 (fast): tab 2 is where the officer is.
    for (const f of fake.listeners.activated) f({ tabId: 1, windowId: 1 });
    for (const f of fake.listeners.activated) f({ tabId: 2, windowId: 1 });
    await settle();
    release?.();
    await settle();
    expect(seen.at(-1)).toEqual({ tabId: 2, url: 'https://b.test/' });
  });
});
