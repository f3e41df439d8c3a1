/**
 * The background's message handlers: the engine host. Nothing is kept in memory between
 * messages (MV3 stops idle workers): every answer comes from the message and the database,
 * and a write is acknowledged only after its transaction committed.
 */
import type { Engine, LocalizedText } from '../../machines';
import { exportBackup, importBackup } from '../db/backup';
import type { CaseRepository, StoreError } from '../db/cases';
import type { CaseRow, PanduDb } from '../db/schema';
import { getSetting, setSetting, settingProblem } from '../db/settings';
import type { CaseChanged, CaseState, ErrorCode, PageView } from '../messaging/protocol';
import { Refusal } from '../messaging/protocol';

import type { Handlers, SenderKind } from '../messaging/router';
import type { PortalAdapter } from '../portals/types';
import { interpretPage } from './interpret';

export interface HostOptions {
  db: PanduDb;
  engine: Engine;
  repo: CaseRepository;
  adapters?: readonly PortalAdapter[];
  /** UTC ISO clock. */
  now?: () => string;
  /** Delivers a push to a tab's content script; resolves false when nobody listens there any more. */
  push: (tabId: number, message: CaseChanged) => Promise<boolean>;
}

const say = (id: string, en: string): LocalizedText => ({ id, en });

const refuseWith = (
  error: StoreError | { code: ErrorCode; message: LocalizedText; details?: LocalizedText[] },
) => new Refusal(error);

export function createHost(options: HostOptions) {
  const { db, repo } = options;
  const now = options.now ?? (() => new Date().toISOString());

  function stateOf(row: CaseRow): CaseState {
    const viewed = repo.view(row, now());
    if (!viewed.ok) throw refuseWith(viewed.error);
    return { id: row.id, seq: row.seq, view: viewed.value };
  }

  /** A content script may only read or act on the case its own tab shows. */
  async function checkBinding(caseId: string, from: { kind: SenderKind; tabId?: number }) {
    if (from.kind !== 'content-script') return;
    const bound = from.tabId === undefined ? undefined : await db.views.get(from.tabId);
    if (bound?.caseId !== caseId) {
      throw refuseWith({
        code: 'not-your-case',
        message: say(
          'Halaman ini hanya dapat membaca dan mengubah perkara yang sedang ditampilkannya.',
          'This page may only read and change the case it is showing.',
        ),
      });
    }
  }

  /** Sends the new state to every tab showing the case; forgets tabs that are gone. */
  async function broadcast(state: CaseState): Promise<void> {
    const views = await db.views.where('caseId').equals(state.id).toArray();
    await Promise.all(
      views.map(async (view) => {
        const delivered = await options
          .push(view.tabId, { type: 'case.changed', case: state })
          .catch(() => false);
        if (!delivered) await db.views.delete(view.tabId).catch(() => undefined);
      }),
    );
  }

  async function loadRow(caseId: string): Promise<CaseRow> {
    const loaded = await repo.load(caseId);
    if (!loaded.ok) throw refuseWith(loaded.error);
    return loaded.value;
  }

  const tabOf = (sender: { tab?: { id?: number } }) => sender.tab?.id;

  const handlers: Handlers = {
    async 'page.recognised'(page, { kind, sender }) {
      const officer = await getSetting(db, 'officer');
      const meaning = interpretPage(page, {
        adapters: options.adapters,
        now: now(),
        fallbackRegion: officer?.region || undefined,
      });
      const { opening, ...rest } = meaning;
      const tabId = tabOf(sender);
      if (!opening) {
        if (kind === 'content-script' && tabId !== undefined) await db.views.delete(tabId);
        return { ...rest, case: null } satisfies PageView;
      }
      const opened = await repo.open(opening);
      if (!opened.ok) {
        if (kind === 'content-script' && tabId !== undefined) await db.views.delete(tabId);
        return { ...rest, notice: opened.error.message, case: null } satisfies PageView;
      }
      const { row } = opened.value;
      if (kind === 'content-script' && tabId !== undefined) {
        await db.views.put({ tabId, caseId: row.id, url: sender.url ?? '', at: now() });
      }
      return { ...rest, case: stateOf(row) } satisfies PageView;
    },

    async 'case.view'({ caseId }, { kind, sender }) {
      await checkBinding(caseId, { kind, tabId: tabOf(sender) });
      return stateOf(await loadRow(caseId));
    },

    async 'case.intent'({ caseId, eventId, expectedSeq, intent }, { kind, sender }) {
      await checkBinding(caseId, { kind, tabId: tabOf(sender) });
      const applied = await repo.apply(caseId, intent, { eventId, expectedSeq });
      if (!applied.ok) throw refuseWith(applied.error);
      const state = stateOf(applied.value.row);
      // The write is committed; telling the other views must not fail the answer.
      if (!applied.value.duplicate) await broadcast(state).catch(() => undefined);
      return { case: state, duplicate: applied.value.duplicate, retries: applied.value.retries };
    },

    async 'settings.get'({ key }) {
      return { value: await getSetting(db, key) };
    },

    async 'settings.set'({ key, value }) {
      // The key is one of ours (the protocol's picklist); the value is checked here.
      const problem = settingProblem(key, value);
      if (problem) {
        throw refuseWith({
          code: 'invalid-message',
          message: say(
            `Pengaturan "${key}" tidak valid: ${problem}`,
            `Setting "${key}" is not valid: ${problem}`,
          ),
        });
      }
      await setSetting(db, key as 'officer', value as never);
      return { saved: true };
    },

    async 'backup.export'() {
      return exportBackup(db, { now });
    },

    async 'backup.import'({ text }) {
      const result = await importBackup(db, text, { engine: options.engine, now });
      if (!result.ok) throw refuseWith(result.error);
      // Tabs showing an imported case see the restored state.
      const views = await db.views.toArray();
      for (const caseId of new Set(views.map((v) => v.caseId))) {
        const row = await repo.get(caseId);
        if (row) await broadcast(stateOf(row)).catch(() => undefined);
      }
      return result.counts;
    },
  };

  return { handlers };
}
