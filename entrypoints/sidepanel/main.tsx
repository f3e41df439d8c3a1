/**
 * Side panel (Chrome `side_panel`, Firefox `sidebar_action`): the case of the active tab as a
 * full workspace. Also opened as a page: `sidepanel.html?case=<caseId>` (from the dashboard)
 * or `?tab=<tabId>` (tests).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sourceFromQuery } from '../../components/workspace/resolve';
import { SidePanelPage } from '../../components/workspace/SidePanelPage';
import { createCaseRepository } from '../../utils/db/cases';
import { openExtensionDb } from '../../utils/db/open';
import { sendRequest } from '../../utils/messaging/client';
import '../../components/workspace/workspace.css';

const { db, engine } = openExtensionDb();
// Read-only here: the repository only verifies logs (writes go through the background).
const repo = createCaseRepository({
  db,
  engine,
  author: () => Promise.reject(new Error('the side panel does not write')),
});
const root = document.getElementById('app');
if (root) {
  render(
    <SidePanelPage
      db={db}
      send={sendRequest}
      source={sourceFromQuery(location.search)}
      tabs={browser.tabs}
      verifyLog={repo.verifyLog}
      dashboardUrl={browser.runtime.getURL('/dashboard.html')}
      verifyUrl={browser.runtime.getURL('/verify.html')}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
}
