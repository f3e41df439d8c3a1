/**
 * Which case an extension page shows: a case named in the URL, the case of a tab named in the
 * URL, or the case of the active tab, followed as the officer switches tabs or navigates.
 * A tab's case comes from the `views` table (the background binds a tab to the case its page
 * shows); a binding whose tab has since gone to another address no longer counts.
 *
 * Apart from Preact so it can be tested with a fake tabs API.
 */
import type { ViewRow } from '../../utils/db/schema';

export type CaseSource =
  | { kind: 'case'; caseId: string }
  | { kind: 'tab'; tabId: number }
  | { kind: 'active' };

/** `?case=<id>` first, then `?tab=<tabId>`, else the active tab of the current window. */
export function sourceFromQuery(search: string): CaseSource {
  const params = new URLSearchParams(search);
  const caseId = params.get('case')?.trim();
  if (caseId) return { kind: 'case', caseId };
  const tab = params.get('tab')?.trim() ?? '';
  if (/^\d{1,12}$/.test(tab)) return { kind: 'tab', tabId: Number(tab) };
  return { kind: 'active' };
}

/** An address without its fragment (an in-page anchor is still the same case page). */
function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

/**
 * The case a tab shows, from its binding and the tab's current address. Without a known
 * address (no host access to the tab) the binding is trusted; with one, it must be the page
 * that was bound.
 */
export function boundCase(view: ViewRow | undefined, tabUrl: string | undefined): string | null {
  if (!view) return null;
  if (!tabUrl || !view.url) return view.caseId;
  return withoutHash(tabUrl) === withoutHash(view.url) ? view.caseId : null;
}

/** What an extension page knows about a tab: its id and, with host access, its address. */
export interface TabInfo {
  id?: number;
  url?: string;
  windowId?: number;
}

interface Listener<F> {
  addListener(callback: F): void;
  removeListener(callback: F): void;
}

/** The part of `browser.tabs` the pages use (tests pass a fake). */
export interface TabsApi {
  query(query: { active: true; currentWindow: true }): Promise<TabInfo[]>;
  get(tabId: number): Promise<TabInfo>;
  onActivated: Listener<(info: { tabId: number; windowId: number }) => void>;
  onUpdated: Listener<(tabId: number, change: { url?: string }, tab: TabInfo) => void>;
  onRemoved: Listener<(tabId: number) => void>;
}

/** The tab a page follows: `null` while unknown or when there is none (e.g. a closed tab). */
export interface FollowedTab {
  tabId: number | null;
  url?: string;
}

/**
 * Follows the tab `source` names (`tab`: that tab; `active`: whichever tab is active in this
 * window) and reports it and its address once known and whenever either changes. Returns the
 * unsubscribe.
 */
export function followTab(
  tabs: TabsApi,
  source: Exclude<CaseSource, { kind: 'case' }>,
  onChange: (tab: FollowedTab) => void,
): () => void {
  let stopped = false;
  let current: FollowedTab | null = null;
  let windowId: number | undefined;
  // Answers to older questions (a slow `get` after a newer activation) must not win.
  let asked = 0;

  const report = (next: FollowedTab) => {
    if (stopped) return;
    if (current && next.tabId === current.tabId && next.url === current.url) return;
    current = next;
    onChange(current);
  };

  const read = (ask: () => Promise<TabInfo | undefined>) => {
    const mine = ++asked;
    ask()
      .then((tab) => {
        if (mine !== asked) return;
        if (tab?.windowId !== undefined && source.kind === 'active') windowId = tab.windowId;
        report(tab?.id === undefined ? { tabId: null } : { tabId: tab.id, url: tab.url });
      })
      .catch(() => {
        if (mine === asked) report({ tabId: null });
      });
  };

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (source.kind !== 'active') return;
    if (windowId !== undefined && info.windowId !== windowId) return;
    read(() => tabs.get(info.tabId));
  };
  const onUpdated = (tabId: number, change: { url?: string }, tab: TabInfo) => {
    if (tabId !== current?.tabId || change.url === undefined) return;
    report({ tabId, url: tab.url ?? change.url });
  };
  const onRemoved = (tabId: number) => {
    if (tabId !== current?.tabId) return;
    if (source.kind === 'tab') report({ tabId: null });
    else read(() => tabs.query({ active: true, currentWindow: true }).then((found) => found[0]));
  };

  tabs.onActivated.addListener(onActivated);
  tabs.onUpdated.addListener(onUpdated);
  tabs.onRemoved.addListener(onRemoved);
  // The first report comes once the tab is known (or known to be absent).
  if (source.kind === 'tab') read(() => tabs.get(source.tabId));
  else read(() => tabs.query({ active: true, currentWindow: true }).then((found) => found[0]));

  return () => {
    stopped = true;
    tabs.onActivated.removeListener(onActivated);
    tabs.onUpdated.removeListener(onUpdated);
    tabs.onRemoved.removeListener(onRemoved);
  };
}
