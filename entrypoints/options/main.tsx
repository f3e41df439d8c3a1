import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { openPageDb } from '../../utils/db/page';
import './style.css';

const { db } = openPageDb();
const root = document.getElementById('app');
if (root) render(<OptionsPage db={db} />, root);
