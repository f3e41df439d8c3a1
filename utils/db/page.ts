/**
 * How an extension page opens the database: with the engine's indexer (the page may be the
 * first to open the database after an update, so it carries the upgrade's), and with the
 * working calendar following the agency's policy (its holiday years) for as long as it lives.
 */
import { createEngine, type Engine } from '../../machines';
import { followPolicyCalendar, policyCalendar } from '../policy/calendar';
import { indexer } from './cases';
import { openDb, type PanduDb } from './schema';

export function openPageDb(): { db: PanduDb; engine: Engine } {
  const engine = createEngine({ calendar: policyCalendar });
  const db = openDb({ indexCase: indexer(engine) });
  void followPolicyCalendar(db);
  return { db, engine };
}
