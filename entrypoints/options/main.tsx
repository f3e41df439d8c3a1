import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { createEngine } from '../../machines';
import { indexer } from '../../utils/db/cases';
import { openDb } from '../../utils/db/schema';
import './style.css';

// The page may be the first to open the database after an update, so it carries the upgrade's indexer.
const db = openDb({ indexCase: indexer(createEngine()) });
const root = document.getElementById('app');
if (root) render(<OptionsPage db={db} />, root);
