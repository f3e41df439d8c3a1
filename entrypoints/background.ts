/**
 * Background: the engine host. Stateless between messages (MV3 stops idle workers): every
 * answer is computed from the message and the database, and writes are acknowledged only
 * after they committed.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { createHost } from '../utils/background/host';
import { reattachOpenTabs, scriptGroups, shouldReattach } from '../utils/background/reattach';
import { createCaseRepository } from '../utils/db/cases';
import { openExtensionDb } from '../utils/db/open';
import { currentAuthor } from '../utils/db/settings';
import { createRouter } from '../utils/messaging/router';
import { readManaged } from '../utils/policy/store';
import { instanceRunning, RUNNING_INSTANCE } from '../utils/portals/instance';

const SLA_ALARM = 'pandu-izin-sla-reindex';

export default defineBackground(() => {
  // The working calendar follows the agency's policy (its holiday years), as in every page.
  const { db, engine } = openExtensionDb();
  const repo = createCaseRepository({ db, engine, author: () => currentAuthor(db) });
  const demo = import.meta.env.MODE === 'demo';
  const { handlers, syncAdapters, applyPolicy } = createHost({
    db,
    engine,
    repo,
    demo,
    scripting: {
      getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
      unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
      registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
      hasAccess: (origins) => browser.permissions.contains({ origins }),
    },
    openWorkspace: async ({ caseId, tabId }) => {
      // Chrome: the side panel beside the portal tab; it follows that tab's case. It needs the
      // officer's click, which the message carries while it is fresh; otherwise a tab.
      const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } })
        .sidePanel;
      if (sidePanel && tabId !== undefined) {
        try {
          await sidePanel.open({ tabId });
          return 'side-panel';
        } catch {
          // No gesture left, or no side panel here: a tab instead.
        }
      }
      const url = browser.runtime.getURL(`/sidepanel.html?case=${encodeURIComponent(caseId)}`);
      await browser.tabs.create({ url, ...(tabId !== undefined ? { openerTabId: tabId } : {}) });
      return 'tab';
    },
    push: async (tabId, message) => {
      try {
        return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) === true;
      } catch {
        return false;
      }
    },
  });
  const route = createRouter(handlers, {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // The agency's policy (docs/deployment.md): read at every start of the worker and whenever
  // the browser reports a change, mirrored for the pages; the calendar follows the mirror.
  const refreshPolicy = () => {
    readManaged(browser.storage?.managed)
      .then((raw) => applyPolicy(raw))
      .catch((err: unknown) => console.warn('[Pandu Izin] policy not applied:', err));
  };
  refreshPolicy();
  browser.storage?.onChanged.addListener((_changes, area) => {
    if (area === 'managed') refreshPolicy();
  });
  // A host permission granted or withdrawn (options page, browser settings) changes where
  // imported adapters may run.
  const resync = () => {
    syncAdapters().catch(() => undefined);
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.tabs.onRemoved.addListener((tabId) => {
    db.views.delete(tabId).catch(() => undefined);
  });
  // SLA status moves with the calendar even when nobody touches a case: refresh the index hourly.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SLA_ALARM) repo.reindexStale().catch(() => undefined);
  });
  // Alarms may not survive a browser restart, so both install and startup (re)create it.
  const scheduleReindex = () => {
    browser.alarms.create(SLA_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    repo.reindexStale().catch(() => undefined);
  };
  // Portal tabs open before an install or update have no live content script (Chrome does not
  // inject into them): run it there, once the imported adapters' scripts are registered again.
  // Firefox injects into open tabs itself. utils/background/reattach.ts says more.
  const reattach = async () => {
    const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
    await reattachOpenTabs(scriptGroups(browser.runtime.getManifest().content_scripts, registered), {
      query: (matches) => browser.tabs.query({ url: matches }),
      running: async (tabId) => {
        const [probe] = await browser.scripting.executeScript({
          target: { tabId },
          func: instanceRunning,
          args: [RUNNING_INSTANCE],
        });
        return probe?.result === true;
      },
      insertCSS: ({ tabId, css, allFrames }) =>
        browser.scripting.insertCSS({ target: { tabId, allFrames }, files: css }),
      // The files come from the manifest and the registrations, not from the typed list of paths.
      executeScript: ({ tabId, js, allFrames, early }) =>
        browser.scripting.executeScript({
          target: { tabId, allFrames },
          files: js as ScriptPublicPath[],
          injectImmediately: early,
        }),
    });
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    scheduleReindex();
    const synced = syncAdapters().catch(() => undefined);
    if (shouldReattach(reason) && !import.meta.env.FIREFOX) {
      synced.then(reattach).catch(() => undefined);
    }
  });
  browser.runtime.onStartup.addListener(() => {
    // Tab ids start again after a browser restart: old tab-to-case bindings mean nothing.
    db.views.clear().catch(() => undefined);
    scheduleReindex();
  });
});
