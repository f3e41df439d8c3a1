/**
 * Re-attaching the portal content script to tabs that were open before an install or update.
 *
 * Chrome runs manifest and registered content scripts only in documents loaded after the
 * extension was (re)loaded: after an update, or a reload of the unpacked extension, a portal
 * tab that was already open keeps the old script, whose context is invalidated (it can no
 * longer reach the background), and gets no new one until the officer reloads the page. After
 * `runtime.onInstalled` ('install' or 'update') the background therefore runs the same files
 * in those tabs itself; the new script makes the old one clean up (entrypoints/portal.content).
 * A tab whose script already runs from this load (a tab restored at the browser start that
 * applied the update, or one loading while the extension was installed) is left alone.
 * Firefox injects into open tabs by itself, so the background does this on Chrome only.
 *
 * Which tabs and which files is decided here, apart from the browser, so it can be tested; the
 * browser only answers the queries and runs the injections (`ReattachApi`). Nothing here throws:
 * a tab that closed, navigated to a page we may not script, or is otherwise out of reach is
 * skipped.
 */

/** A `content_scripts` entry of the manifest (only the keys our scripts use). */
export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  all_frames?: boolean;
  run_at?: string;
}

/** A content script registered with `scripting.registerContentScripts` (imported adapters). */
export interface RegisteredContentScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  allFrames?: boolean;
  runAt?: string;
}

/** Files that run on pages matching `matches`. */
export interface ScriptGroup {
  matches: string[];
  js: string[];
  css: string[];
  allFrames: boolean;
  /** Run as soon as possible rather than after the page's load (the script runs at document_start). */
  early: boolean;
}

/** The part of `tabs.Tab` that decides whether a tab can take a script now. */
export interface OpenTab {
  id?: number;
  discarded?: boolean;
  status?: string;
}

/** One call of `scripting.insertCSS` and/or `scripting.executeScript` for a tab. */
export interface Injection {
  tabId: number;
  js: string[];
  css: string[];
  allFrames: boolean;
  early: boolean;
}

/**
 * Install and update (an unpacked extension's reload is an update) leave open tabs without a
 * live script. A browser update or a shared module's update does not: the scripts in open tabs
 * still run.
 */
export function shouldReattach(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}

const fromManifest = (s: ManifestContentScript): ScriptGroup => ({
  matches: s.matches ?? [],
  js: s.js ?? [],
  css: s.css ?? [],
  allFrames: s.all_frames ?? false,
  early: s.run_at === 'document_start',
});

const fromRegistered = (s: RegisteredContentScript): ScriptGroup => ({
  matches: s.matches ?? [],
  js: s.js ?? [],
  css: s.css ?? [],
  allFrames: s.allFrames ?? false,
  early: s.runAt === 'document_start',
});

/**
 * The content scripts to bring back: the manifest's (the built-in portals of this build) and
 * the registered ones (imported adapters, on the origins the officer granted). Groups that
 * match nothing or run nothing are left out. Exclude patterns and globs are not honoured: our
 * scripts use none.
 */
export function scriptGroups(
  manifest: readonly ManifestContentScript[] | undefined,
  registered: readonly RegisteredContentScript[],
): ScriptGroup[] {
  return [...(manifest ?? []).map(fromManifest), ...registered.map(fromRegistered)].filter(
    (g) => g.matches.length > 0 && (g.js.length > 0 || g.css.length > 0),
  );
}

/** A tab that can be scripted now: a discarded tab loads afresh (and gets its scripts) when shown. */
const reachable = (tab: OpenTab): tab is OpenTab & { id: number } =>
  typeof tab.id === 'number' && tab.id >= 0 && !tab.discarded && tab.status !== 'unloaded';

/**
 * One injection per tab (and frame choice), whatever number of groups matched it: the built-in
 * and an imported adapter's script are the same bundle, which must not be run twice for it.
 */
export function injections(found: readonly { group: ScriptGroup; tabs: readonly OpenTab[] }[]): Injection[] {
  const byTab = new Map<string, Injection>();
  for (const { group, tabs } of found) {
    for (const tab of tabs) {
      if (!reachable(tab)) continue;
      const key = `${tab.id}|${group.allFrames}`;
      const current = byTab.get(key);
      if (!current) {
        byTab.set(key, {
          tabId: tab.id,
          js: [...new Set(group.js)],
          css: [...new Set(group.css)],
          allFrames: group.allFrames,
          early: group.early,
        });
        continue;
      }
      current.js = [...new Set([...current.js, ...group.js])];
      current.css = [...new Set([...current.css, ...group.css])];
      current.early ||= group.early;
    }
  }
  return [...byTab.values()];
}

/** The browser's side (faked in tests). */
export interface ReattachApi {
  /** Open tabs whose URL matches one of `matches` (host permissions decide which the extension sees). */
  query(matches: string[]): Promise<OpenTab[]>;
  /** Whether the tab's main frame already runs a live instance of the script of this load. */
  running(tabId: number): Promise<boolean>;
  insertCSS(injection: Injection): Promise<unknown>;
  executeScript(injection: Injection): Promise<unknown>;
}

export interface ReattachResult {
  /** Tabs whose scripts ran. */
  attached: number[];
  /** Tabs whose script already ran from this load, left alone. */
  running: number[];
  /** Tabs found but out of reach (closed, navigated elsewhere, no access). */
  skipped: number[];
}

/** Runs the content scripts of `groups` in every open tab they match; never rejects. */
export async function reattachOpenTabs(
  groups: readonly ScriptGroup[],
  api: ReattachApi,
): Promise<ReattachResult> {
  const found = await Promise.all(
    groups.map(async (group) => {
      try {
        return { group, tabs: await api.query(group.matches) };
      } catch {
        return { group, tabs: [] };
      }
    }),
  );
  /** Unknown counts as not running: running the script again is harmless (the newer instance takes over). */
  const isRunning = async (tabId: number) => {
    try {
      return await api.running(tabId);
    } catch {
      return false;
    }
  };
  const attached: number[] = [];
  const running: number[] = [];
  const skipped: number[] = [];
  await Promise.all(
    injections(found).map(async (injection) => {
      try {
        if (await isRunning(injection.tabId)) {
          running.push(injection.tabId);
          return;
        }
        if (injection.css.length > 0) await api.insertCSS(injection);
        if (injection.js.length > 0) await api.executeScript(injection);
        attached.push(injection.tabId);
      } catch {
        skipped.push(injection.tabId);
      }
    }),
  );
  return { attached, running, skipped };
}
