/** Verify page (`verify.html`): checks a signed checklist PDF in this browser; nothing is sent or stored. */
import { render } from 'preact';
import { VerifyPage } from '../../components/verify/VerifyPage';
import { openExtensionDb } from '../../utils/db/open';
import { sendRequest } from '../../utils/messaging/client';
import '../../components/workspace/workspace.css';
import '../../components/verify/verify.css';

// The database holds only the prefs this page reads; it may still be the first page to open it
// after an update, so it carries the upgrade's indexer.
const { db } = openExtensionDb();
const root = document.getElementById('app');
if (root) render(<VerifyPage db={db} send={sendRequest} />, root);
