/**
 * Activity map page (`activity-map.html?a=31&b=97&date=2026-11-29`): every workflow step's
 * mode for two provinces side by side on a date, with CSV and PDF exports. Reads only prefs;
 * nothing is stored or sent.
 */
import { render } from 'preact';
import { ActivityMapPage } from '../../components/activity-map/ActivityMapPage';
import { openExtensionDb } from '../../utils/db/open';
import { sendRequest } from '../../utils/messaging/client';
import '../../components/workspace/workspace.css';
import '../../components/activity-map/activity-map.css';

// The database holds only the prefs this page reads; it may still be the first page to open it
// after an update, so it carries the upgrade's indexer.
const { db } = openExtensionDb();
const root = document.getElementById('app');
if (root) render(<ActivityMapPage db={db} send={sendRequest} />, root);
