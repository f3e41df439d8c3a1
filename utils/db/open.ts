/**
 * How the background and every extension page open the database: with the engine's indexer
 * (any of them may be the first to open it after an update, so each carries the upgrade's), and
 * with the working calendar following the agency's policy (its holiday years) while they live.
 */
import { createEngine, type Engine } from '../../machines';
import { followPolicyCalendar, policyCalendar } from '../policy/calendar';
import { indexer } from './cases';
import { openDb, type PanduDb } from './schema';

export function openExtensionDb(): { db: PanduDb; engine: Engine } {
  const engine = createEngine({ calendar: policyCalendar });
  const db = openDb({ indexCase: indexer(engine) });
  followPolicyCalendar(db);
  return { db, engine };
}
