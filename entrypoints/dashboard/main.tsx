/** Dashboard (`dashboard.html`): every case recorded in this browser. */
import { render } from 'preact';
import { DashboardPage } from '../../components/workspace/DashboardPage';
import { openExtensionDb } from '../../utils/db/open';
import { sendRequest } from '../../utils/messaging/client';
import '../../components/workspace/workspace.css';
import '../../components/dashboard/dashboard.css';

const { db } = openExtensionDb();
const root = document.getElementById('app');
if (root) render(<DashboardPage db={db} send={sendRequest} />, root);
