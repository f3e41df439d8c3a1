import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { openExtensionDb } from '../../utils/db/open';
import './style.css';

const { db } = openExtensionDb();
const root = document.getElementById('app');
if (root) render(<OptionsPage db={db} />, root);
