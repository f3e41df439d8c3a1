/**
 * An extension page's view of the background, for component tests: the real host over a fresh
 * fake-IndexedDB database, reached through the real router as `page` (an extension page URL),
 * with every message recorded in `sent`.
 */
import { createEngine } from '../../../machines';
import { createHost } from '../../../utils/background/host';
import { createCaseRepository, indexer } from '../../../utils/db/cases';
import { openDb } from '../../../utils/db/schema';
import { currentAuthor } from '../../../utils/db/settings';
import type { sendRequest } from '../../../utils/messaging/client';
import { createRouter } from '../../../utils/messaging/router';

const engine = createEngine();
const me = { runtimeId: 'pandu-id', extensionOrigin: 'chrome-extension://pandu-id/' };

export function extensionPageHost(page: string, dbPrefix: string) {
  const db = openDb({ name: `${dbPrefix}-${crypto.randomUUID()}`, indexCase: indexer(engine) });
  const repo = createCaseRepository({ db, engine, author: () => currentAuthor(db) });
  const { handlers } = createHost({ db, engine, repo, demo: true, push: async () => true });
  const route = createRouter(handlers, me);
  const sender = { id: me.runtimeId, url: `${me.extensionOrigin}${page}` };
  const sent: { type: string; payload: unknown }[] = [];
  const send = (async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return route({ type, payload }, sender);
  }) as typeof sendRequest;
  return { db, repo, engine, send, sent };
}
