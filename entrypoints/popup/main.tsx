/**
 * Toolbar popup: the current tab's case at a glance, and the way into the side panel and the
 * dashboard. `popup.html?tab=<tabId>` shows that tab instead of the active one (tests).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupPage } from '../../components/workspace/PopupPage';
import { sourceFromQuery } from '../../components/workspace/resolve';
import { openExtensionDb } from '../../utils/db/open';
import { sendRequest } from '../../utils/messaging/client';
import '../../components/workspace/workspace.css';

const { db } = openExtensionDb();
const asked = sourceFromQuery(location.search);
const source = asked.kind === 'tab' ? asked : ({ kind: 'active' } as const);
// Opened from the toolbar (not as a tab by a test): close once the officer went elsewhere.
const inPopup = source.kind === 'active';

/**
 * Chrome's side panel or Firefox's sidebar, whichever this browser has. The API call happens
 * synchronously inside the click handler: both browsers open panels only on a user gesture.
 */
function sidePanelOpener(): ((tabId: number | null) => Promise<void>) | null {
  const api = browser as unknown as {
    sidePanel?: { open(options: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const { sidePanel, sidebarAction } = api;
  if (sidePanel && typeof sidePanel.open === 'function') {
    return (tabId) => {
      if (tabId === null) return Promise.reject(new Error('no active tab'));
      return sidePanel.open({ tabId }).then(() => {
        if (inPopup) window.close();
      });
    };
  }
  if (sidebarAction && typeof sidebarAction.open === 'function') {
    return () =>
      sidebarAction.open().then(() => {
        if (inPopup) window.close();
      });
  }
  return null;
}

const root = document.getElementById('app');
if (root) {
  render(
    <PopupPage
      db={db}
      send={sendRequest}
      source={source}
      tabs={browser.tabs}
      openSidePanel={sidePanelOpener()}
      openDashboard={() => browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
      openActivityMap={() => browser.tabs.create({ url: browser.runtime.getURL('/activity-map.html') })}
    />,
    root,
  );
}
