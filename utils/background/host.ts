/**
 * The background's message handlers: the engine host. Nothing is kept in memory between
 * messages (MV3 stops idle workers): every answer comes from the message and the database,
 * and a write is acknowledged only after its transaction committed.
 */
import { type CaseView, type Engine, type LocalizedText, localDate, REGIONS } from '../../machines';
import { type BadgeCache, computeBadge, createBadgeCache } from '../badges/compute';
import { presentBadge } from '../badges/present';
import { exportBackup, importBackup } from '../db/backup';
import type { CaseRepository, StoreError } from '../db/cases';
import type { CaseRow, PanduDb } from '../db/schema';
import { getSetting, readPrefs, setSetting, settingProblem } from '../db/settings';
import type {
  CaseChanged,
  CaseState,
  ErrorCode,
  PageView,
  PortalStatus,
  Prefs,
  PrefsChanged,
} from '../messaging/protocol';
import { Refusal } from '../messaging/protocol';
import type { Handlers, SenderKind } from '../messaging/router';
import { isLocked } from '../policy/apply';
import { onCalendarChange, policyCalendar } from '../policy/calendar';
import type { Lockable } from '../policy/schema';
import { readPolicy, type SyncedPolicy, syncPolicy } from '../policy/store';
import { BUILTIN_IDS } from '../portals/builtin';
import { adapterCovers, mapStatus } from '../portals/recognise';
import type { PortalAdapter, RecognisedPage } from '../portals/types';
import {
  type AdapterEntry,
  adaptersFor,
  deleteAdapter,
  importAdapter,
  listAdapters,
  type ScriptingApi,
  setAdapterEnabled,
  syncContentScripts,
} from './adapters';
import { interpretPage, matchRegion } from './interpret';

export interface HostOptions {
  db: PanduDb;
  engine: Engine;
  repo: CaseRepository;
  /** UTC ISO clock. */
  now?: () => string;
  /** Delivers a push to a tab's content script; resolves false when nobody listens there any more. */
  push: (tabId: number, message: CaseChanged | PrefsChanged) => Promise<boolean>;
  /** The demo build: adapters' demo patterns (the local demo portal) count too. */
  demo?: boolean;
  /** Registers imported adapters' content scripts; absent in tests that do not exercise it. */
  scripting?: ScriptingApi;
  /** The content-script bundle registered for imported adapters. */
  contentScript?: string;
  /** Shows the workspace on a case: the side panel beside the tab where the browser allows it, else a tab. */
  openWorkspace?: (target: { caseId: string; tabId?: number }) => Promise<'side-panel' | 'tab'>;
}

const say = (id: string, en: string): LocalizedText => ({ id, en });

const unknownAdapter = (id: string) =>
  new Refusal({
    code: 'unknown-adapter',
    message: say(
      `Adaptor "${id}" tidak dikenal atau tidak aktif.`,
      `Adapter "${id}" is unknown or switched off.`,
    ),
  });

/** A stable event id for "this case showed this status on this day". */
async function statusEventId(caseId: string, status: string, at: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${caseId}|${status}|${at.slice(0, 10)}`),
  );
  return `portal-status:${Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const refuseWith = (
  error: StoreError | { code: ErrorCode; message: LocalizedText; details?: LocalizedText[] },
) => new Refusal(error);

const MANAGED_WHAT: Record<Lockable, LocalizedText> = {
  officer: say('Identitas petugas', 'The officer identity'),
  language: say('Bahasa', 'The language'),
  dock: say('Sisi panel', 'The panel side'),
  targets: say('Target keluaran', 'The output targets'),
  adapters: say('Daftar adaptor portal', 'The portal adapter list'),
};

/** Refuses a change the agency's policy sets or locks, saying so in both languages. */
async function refuseIfLocked(db: PanduDb, lock: Lockable): Promise<void> {
  if (!isLocked(await readPolicy(db), lock)) return;
  const what = MANAGED_WHAT[lock];
  throw refuseWith({
    code: 'managed',
    message: say(
      `${what.id} diatur oleh kebijakan instansi Anda dan tidak dapat diubah di sini.`,
      `${what.en} is managed by your agency's policy and cannot be changed here.`,
    ),
  });
}

export function createHost(options: HostOptions) {
  const { db, repo } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const demo = options.demo ?? false;

  const prefs = (): Promise<Prefs> => readPrefs(db);

  async function enabledAdapters(): Promise<PortalAdapter[]> {
    return (await listAdapters(db))
      .filter((e) => e.enabled && e.adapter)
      .map((e) => e.adapter as PortalAdapter);
  }

  async function entryOf(id: string): Promise<AdapterEntry> {
    const entry = (await listAdapters(db)).find((e) => e.id === id);
    if (!entry) throw unknownAdapter(id);
    return entry;
  }

  /** Re-registers imported adapters' content scripts; a failure is logged, never fatal to the change. */
  async function sync(): Promise<void> {
    if (!options.scripting) return;
    await syncContentScripts(await listAdapters(db), options.scripting, {
      demo,
      script: options.contentScript ?? 'content-scripts/portal.js',
    }).catch((err: unknown) => console.warn('[Pandu Izin] content scripts not registered:', err));
  }

  /** Records what the portal's status says when it changed since last seen; never fails the page. */
  async function observeStatus(row: CaseRow, status: PortalStatus | null): Promise<CaseRow> {
    if (!status) return row;
    if (row.snapshot.context.portal?.status === status.label) return row;
    const intent = {
      type: 'portal.statusSeen' as const,
      status: status.label,
      ...(status.stageId ? { stageId: status.stageId } : {}),
      ...(status.outcome ? { outcome: status.outcome } : {}),
    };
    // One event per (case, status text, day): two tabs seeing the same change record it once.
    const applied = await repo.apply(row.id, intent, {
      eventId: await statusEventId(row.id, status.label, now()),
    });
    return applied.ok ? applied.value.row : row;
  }

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

  /**
   * Tabs that asked for list badges: told when the language changes, like tabs showing a case.
   * Best effort, in memory only: after a worker restart a list follows the language on reload.
   */
  const listTabs = new Set<number>();

  /** Tells every tab showing a case or a badged list that the language or dock side changed. */
  async function broadcastPrefs(current: Prefs): Promise<void> {
    const views = await db.views.toArray();
    const tabs = new Set([...views.map((view) => view.tabId), ...listTabs]);
    await Promise.all(
      [...tabs].map(async (tabId) => {
        const delivered = await options
          .push(tabId, { type: 'prefs.changed', prefs: current })
          .catch(() => false);
        if (!delivered) listTabs.delete(tabId);
      }),
    );
  }

  async function loadRow(caseId: string): Promise<CaseRow> {
    const loaded = await repo.load(caseId);
    if (!loaded.ok) throw refuseWith(loaded.error);
    return loaded.value;
  }

  const tabOf = (sender: { tab?: { id?: number } }) => sender.tab?.id;

  // A memo of catalog and calendar answers for list badges (not state: losing it costs only
  // time); started afresh each day, since modes and deadlines depend on the date.
  let badgeCache: { today: string; cache: BadgeCache } | null = null;
  onCalendarChange(() => {
    badgeCache = null;
  });
  const cacheFor = (today: string) => {
    if (badgeCache?.today !== today) badgeCache = { today, cache: createBadgeCache() };
    return badgeCache.cache;
  };

  const handlers: Handlers = {
    async 'page.setup'({ url }) {
      const entries = await listAdapters(db);
      return { adapters: adaptersFor(entries, url, demo), prefs: await prefs() };
    },

    async 'page.recognised'(input, { kind, sender }) {
      const page = input as RecognisedPage;
      const officer = await getSetting(db, 'officer');
      const adapters = await enabledAdapters();
      const adapter = adapters.find((a) => a.id === page.adapterId);
      if (!adapter) throw unknownAdapter(page.adapterId);
      const meaning = interpretPage(page, {
        adapters,
        now: now(),
        fallbackRegion: officer?.region || undefined,
      });
      const { opening, ...rest } = meaning;
      const mapped =
        page.statusLabel && rest.permit.id ? mapStatus(adapter, rest.permit.id, page.statusLabel) : null;
      const status: PortalStatus | null = page.statusLabel
        ? { label: page.statusLabel, ...(mapped ?? {}) }
        : null;
      const shown = { ...rest, status, applicant: page.applicantLabel, documents: page.documents };
      const tabId = tabOf(sender);
      // No case for this tab: it is unbound, and the page's meaning is shown with `notice`, if any.
      const noCase = async (notice?: LocalizedText): Promise<PageView> => {
        if (kind === 'content-script' && tabId !== undefined) await db.views.delete(tabId);
        return { ...shown, ...(notice ? { notice } : {}), case: null };
      };
      if (!opening) return noCase();
      const opened = await repo.open(opening);
      if (!opened.ok) return noCase(opened.error.message);
      // A stored case that cannot be read (damaged) is shown as such, with what the page says;
      // nothing is written to it, and every other case works as before.
      const viewed = repo.view(opened.value.row, now());
      if (!viewed.ok) return noCase(viewed.error.message);
      const row = await observeStatus(opened.value.row, status);
      if (kind === 'content-script' && tabId !== undefined) {
        await db.views.put({ tabId, caseId: row.id, url: sender.url ?? '', at: now() });
      }
      // The view already made serves unless the portal's status was just recorded.
      const state =
        row === opened.value.row ? { id: row.id, seq: row.seq, view: viewed.value } : stateOf(row);
      if (row.seq !== opened.value.row.seq) await broadcast(state).catch(() => undefined);
      return { ...shown, case: state } satisfies PageView;
    },

    async 'list.badges'({ adapterId, rows }, { kind, sender }) {
      const adapter = (await enabledAdapters()).find((a) => a.id === adapterId);
      if (!adapter) throw unknownAdapter(adapterId);
      // A page asks only with an adapter that covers it.
      if (kind === 'content-script' && !adapterCovers(adapter, sender.url ?? '', demo)) {
        throw unknownAdapter(adapterId);
      }
      const tabId = tabOf(sender);
      if (kind === 'content-script' && tabId !== undefined) listTabs.add(tabId);
      const officer = await getSetting(db, 'officer');
      const fallbackRegion = REGIONS.find((r) => r.code === officer?.region) ?? null;
      const at = now();
      const today = localDate(at, fallbackRegion?.utcOffsetHours ?? 7);
      const stored = await db.cases.bulkGet(rows.map((r) => `${adapter.id}:${r.caseRef}`));
      const known = new Map<string, CaseView>();
      const damaged = new Set<string>();
      for (const row of stored) {
        if (!row) continue;
        const viewed = repo.view(row, at);
        if (viewed.ok) known.set(row.caseRef, viewed.value);
        else damaged.add(row.caseRef);
      }
      const input = {
        adapter,
        known,
        damaged,
        fallbackRegion,
        regionOf: (label: string) => matchRegion(label),
        today,
        calendar: policyCalendar,
        cache: cacheFor(today),
      };
      return { badges: rows.map((row) => presentBadge(computeBadge(row, input))) };
    },

    async 'prefs.set'(patch) {
      if (patch.language) await refuseIfLocked(db, 'language');
      if (patch.dock) await refuseIfLocked(db, 'dock');
      if (patch.language) await setSetting(db, 'language', patch.language);
      if (patch.dock) await setSetting(db, 'dock', patch.dock);
      const current = await prefs();
      await broadcastPrefs(current);
      return current;
    },

    async 'adapters.list'() {
      return { adapters: await listAdapters(db) };
    },

    async 'adapters.import'({ text }) {
      await refuseIfLocked(db, 'adapters');
      const imported = await importAdapter(db, text, now());
      if (!imported.ok) {
        throw refuseWith({
          code: 'invalid-adapter',
          message: say(
            `Adaptor tidak disimpan: ${imported.errors.length} masalah.`,
            `The adapter was not saved: ${imported.errors.length} problem(s).`,
          ),
          details: imported.errors.map((e) => ({
            id: `${e.path}: ${e.problem.id} ${e.fix.id}`,
            en: `${e.path}: ${e.problem.en} ${e.fix.en}`,
          })),
        });
      }
      await sync();
      return { entry: await entryOf(imported.adapter.id), replaced: imported.replaced };
    },

    async 'adapters.setEnabled'({ id, enabled }) {
      await refuseIfLocked(db, 'adapters');
      const current = await entryOf(id);
      if (enabled && (current.policy === 'disabled' || current.policy === 'not-allowed')) {
        throw refuseWith({
          code: 'managed',
          message: say(
            'Adaptor ini dimatikan oleh kebijakan instansi Anda.',
            "This adapter is switched off by your agency's policy.",
          ),
        });
      }
      if (!(await setAdapterEnabled(db, id, enabled))) throw unknownAdapter(id);
      await sync();
      return { entry: await entryOf(id) };
    },

    async 'adapters.delete'({ id }) {
      if (BUILTIN_IDS.has(id)) {
        throw refuseWith({
          code: 'builtin-adapter',
          message: say(
            'Adaptor bawaan tidak dapat dihapus; matikan saja.',
            'A built-in adapter cannot be deleted; switch it off instead.',
          ),
        });
      }
      await refuseIfLocked(db, 'adapters');
      if ((await entryOf(id)).origin === 'managed') {
        throw refuseWith({
          code: 'managed',
          message: say(
            'Adaptor ini dipasang oleh kebijakan instansi Anda dan tidak dapat dihapus di sini.',
            "This adapter is installed by your agency's policy and cannot be deleted here.",
          ),
        });
      }
      if (!(await deleteAdapter(db, id))) throw unknownAdapter(id);
      await sync();
      return { deleted: true };
    },

    async 'adapters.sync'() {
      await sync();
      return { adapters: await listAdapters(db) };
    },

    async 'case.view'({ caseId }, { kind, sender }) {
      await checkBinding(caseId, { kind, tabId: tabOf(sender) });
      return stateOf(await loadRow(caseId));
    },

    async 'case.intent'({ caseId, eventId, expectedSeq, intent }, { kind, sender }) {
      // Signatures are made in extension pages, with keys a portal page never sees.
      if (intent.type === 'signature.recorded' && kind === 'content-script') {
        throw refuseWith({
          code: 'forbidden-sender',
          message: say(
            'Tanda tangan hanya dicatat dari panel samping Pandu Izin.',
            'Signatures are recorded only from the Pandu Izin side panel.',
          ),
        });
      }
      await checkBinding(caseId, { kind, tabId: tabOf(sender) });
      const applied = await repo.apply(caseId, intent, { eventId, expectedSeq });
      if (!applied.ok) throw refuseWith(applied.error);
      if (intent.type === 'signature.recorded') {
        // The register of signed files; keyed by the event id, so a retried message writes it once.
        await db.signatures.put({
          id: eventId,
          caseId,
          fileSha256: intent.fileSha256,
          signedAt: now(),
          signer: intent.signer,
          kind: intent.kind,
        });
      }
      const state = stateOf(applied.value.row);
      // The write is committed; telling the other views must not fail the answer.
      if (!applied.value.duplicate) await broadcast(state).catch(() => undefined);
      return { case: state, duplicate: applied.value.duplicate, retries: applied.value.retries };
    },

    async 'workspace.open'({ caseId }, { kind, sender }) {
      await checkBinding(caseId, { kind, tabId: tabOf(sender) });
      await loadRow(caseId);
      if (!options.openWorkspace) {
        throw refuseWith({
          code: 'internal',
          message: say('Ruang kerja tidak dapat dibuka di sini.', 'The workspace cannot be opened here.'),
        });
      }
      const tabId = tabOf(sender);
      return { opened: await options.openWorkspace({ caseId, ...(tabId !== undefined ? { tabId } : {}) }) };
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
      // The keys messages may set (the protocol's picklist) are all lockable.
      await refuseIfLocked(db, key satisfies Lockable);
      await setSetting(db, key as 'officer', value as never);
      if (key === 'language' || key === 'dock') await broadcastPrefs(await prefs());
      return { saved: true };
    },

    async 'backup.export'() {
      return exportBackup(db, { now, readable: (row) => repo.view(row, now()).ok });
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

  /**
   * Mirrors the browser's policy (`raw`, from storage.managed) and, when that changed anything,
   * re-registers adapter scripts and tells the portal tabs the language and dock side.
   */
  async function applyPolicy(raw: unknown): Promise<SyncedPolicy> {
    const synced = await syncPolicy(db, raw, now());
    if (synced.changed) {
      await sync();
      await broadcastPrefs(await prefs()).catch(() => undefined);
    }
    return synced;
  }

  return { handlers, syncAdapters: sync, applyPolicy };
}
