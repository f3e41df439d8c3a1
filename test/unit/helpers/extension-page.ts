/**
 * An extension page's view of the background, for component tests: the real host over a fresh
 * fake-IndexedDB database, reached through the real router as `page` (an extension page URL),
 * with every message recorded in `sent`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../machines';
import { createHost } from '../../../utils/background/host';
import { createCaseRepository, indexer } from '../../../utils/db/cases';
import { openDb } from '../../../utils/db/schema';
import { currentAuthor } from '../../../utils/db/settings';
import type { sendRequest } from '../../../utils/messaging/client';
import type { CaseState } from '../../../utils/messaging/protocol';
import { createRouter } from '../../../utils/messaging/router';
import type { PdfFonts } from '../../../utils/pdf/types';

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

/** Opens an OSS RBA case (DKI Jakarta, received 20 Nov 2026) and answers its state as views receive it. */
export async function openFixtureCase(
  env: Pick<ReturnType<typeof extensionPageHost>, 'repo' | 'send'>,
  caseRef: string,
): Promise<CaseState> {
  const opened = await env.repo.open({
    portal: 'oss-rba',
    caseRef,
    permitId: 'oss-rba',
    region: '31',
    receivedAt: '2026-11-20T08:00:00+07:00',
  });
  if (!opened.ok) throw new Error(`fixture case ${caseRef} not opened: ${opened.error.message.en}`);
  const viewed = await env.send('case.view', { caseId: opened.value.row.id });
  if (!viewed.ok) throw new Error(`fixture case ${caseRef} not readable: ${viewed.error.message.en}`);
  return viewed.data;
}

/** An officer identity as the options page stores it (name, 18-digit NIP, unit, province). */
export const FIXTURE_OFFICER = {
  name: 'Sri Rahayu',
  nip: '198507142010012003',
  unit: 'DPMPTSP Kota Contoh',
  role: 'officer' as const,
  region: '31',
};

/** The checklist fonts as the side panel loads them (read from the project root: under happy-dom import.meta.url is no file URL). */
export function fixtureFonts(): PdfFonts {
  const font = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), 'utils/pdf/fonts', name)));
  return { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
}
