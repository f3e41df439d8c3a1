/** Dashboard (`dashboard.html`): every case recorded in this browser. */
import { render } from 'preact';
import { DashboardPage } from '../../components/workspace/DashboardPage';
import { createEngine } from '../../machines';
import { indexer } from '../../utils/db/cases';
import { openDb } from '../../utils/db/schema';
import { sendRequest } from '../../utils/messaging/client';
import '../../components/workspace/workspace.css';
import '../../components/dashboard/dashboard.css';

// The page may be the first to open the database after an update, so it carries the upgrade's indexer.
const db = openDb({ indexCase: indexer(createEngine()) });
const root = document.getElementById('app');
if (root) render(<DashboardPage db={db} send={sendRequest} />, root);
