import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../machines';
import type { ScriptingApi } from '../../../../utils/background/adapters';
import { createHost } from '../../../../utils/background/host';
import type { BadgeView } from '../../../../utils/badges/present';
import { createCaseRepository, indexer } from '../../../../utils/db/cases';
import { openDb, type PanduDb } from '../../../../utils/db/schema';
import { currentAuthor } from '../../../../utils/db/settings';
import {
  type CaseChanged,
  type CaseState,
  MAX_BADGE_ROWS,
  type PageSetup,
  type PageView,
  type PrefsChanged,
  type Result,
} from '../../../../utils/messaging/protocol';

import { createRouter, type Sender } from '../../../../utils/messaging/router';

const engine = createEngine();
const me = { runtimeId: 'pandu-id', extensionOrigin: 'chrome-extension://pandu-id/' };
const tab = (id: number, path = '/oss/perizinan/I-1'): Sender => ({
  id: 'pandu-id',
  url: `http://127.0.0.1:4000${path}`,
  tab: { id },
  frameId: 0,
});
const extensionPage: Sender = { id: 'pandu-id', url: 'chrome-extension://pandu-id/options.html' };
const page = (caseRef: string) => ({
  adapterId: 'oss-rba',
  kind: 'case-detail',
  caseRef,
  permitLabel: 'Izin',
  receivedLabel: '20 Nov 2026',
  regionLabel: 'DKI Jakarta',
  statusLabel: null as string | null,
  applicantLabel: 'PT Contoh',
  documents: ['Surat Permohonan'],
  missing: [],
});

/** A fake of the scripting API: what is registered, and which origins were granted. */
function fakeScripting(granted: string[]) {
  let registered: { id: string; matches: string[] }[] = [];
  const api: ScriptingApi = {
    getRegisteredContentScripts: async () => registered,
    unregisterContentScripts: async ({ ids }) => {
      registered = registered.filter((s) => !ids.includes(s.id));
    },
    registerContentScripts: async (scripts) => {
      registered = [...registered, ...scripts];
    },
    hasAccess: async (origins) => origins.every((o) => granted.includes(o)),
  };
  return { api, registered: () => registered };
}

const EXAMPLE = readFileSync(
  new URL('../../../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
  'utf8',
);

function setup(
  opts: {
    deliver?: (tabId: number) => boolean;
    scripting?: ScriptingApi;
    demo?: boolean;
    openWorkspace?: (target: { caseId: string; tabId?: number }) => Promise<'side-panel' | 'tab'>;
  } = {},
) {
  let t = Date.parse('2026-11-23T01:00:00Z');
  const now = () => {
    t += 1000;
    return new Date(t).toISOString();
  };
  const db = openDb({ name: `host-${crypto.randomUUID()}`, indexCase: indexer(engine), now });
  const repo = createCaseRepository({ db, engine, now, author: () => currentAuthor(db) });
  const pushed: Array<{ tabId: number; message: CaseChanged | PrefsChanged }> = [];
  const host = createHost({
    db,
    engine,
    repo,
    now,
    demo: opts.demo ?? true,
    scripting: opts.scripting,
    openWorkspace: opts.openWorkspace,
    push: async (tabId, message) => {
      pushed.push({ tabId, message });
      return opts.deliver ? opts.deliver(tabId) : true;
    },
  });
  const route = createRouter(host.handlers, me);
  const send = async <T>(type: string, payload: unknown, sender: Sender) =>
    (await route({ type, payload }, sender)) as Result<T>;
  return { db, send, pushed, applyPolicy: host.applyPolicy };
}

async function snapshot(db: PanduDb) {
  return Promise.all([db.cases.toArray(), db.events.toArray(), db.settings.toArray(), db.views.toArray()]);
}

const uuid = () => crypto.randomUUID();

async function recognise(send: ReturnType<typeof setup>['send'], tabId: number, caseRef = 'I-1') {
  const answer = await send<PageView>(
    'page.recognised',
    page(caseRef),
    tab(tabId, `/oss/perizinan/${caseRef}`),
  );
  if (!answer.ok || !answer.data.case) throw new Error(JSON.stringify(answer));
  return answer.data.case;
}

describe('the background host', () => {
  it('opens the case a page shows, binds the tab to it and answers with its view', async () => {
    const { db, send } = setup();
    const state = await recognise(send, 3);
    expect(state).toMatchObject({
      id: 'oss-rba:I-1',
      seq: 0,
      view: { permit: { id: 'oss-rba' }, stage: { index: 0 } },
    });
    expect(await db.views.get(3)).toMatchObject({ caseId: 'oss-rba:I-1' });
    // The same page in another tab finds the same case.
    expect((await recognise(send, 4)).id).toBe('oss-rba:I-1');
    expect(await db.cases.count()).toBe(1);
  });

  it('answers a page it cannot keep a case for with the reason, and unbinds the tab', async () => {
    const { db, send } = setup();
    await recognise(send, 3);
    const answer = await send<PageView>(
      'page.recognised',
      { ...page('I-2'), permitLabel: 'PB UMKU' },
      tab(3),
    );
    expect(answer).toMatchObject({
      ok: true,
      data: { case: null, notice: { en: expect.stringMatching(/not in the Pandu Izin catalog/) } },
    });
    expect(await db.views.get(3)).toBeUndefined();
  });

  it('applies a tab’s intent on its own case and pushes the new state to every tab showing it', async () => {
    const { send, pushed } = setup();
    const state = await recognise(send, 3);
    await recognise(send, 4);
    await recognise(send, 5, 'I-9');
    const itemId = state.view.steps[0]?.items[0]?.id;
    const answer = await send<{ case: CaseState }>(
      'case.intent',
      { caseId: state.id, eventId: uuid(), expectedSeq: 0, intent: { type: 'checklist.tick', itemId } },
      tab(3),
    );
    expect(answer).toMatchObject({ ok: true, data: { case: { seq: 1 }, duplicate: false } });
    expect(pushed.map((p) => p.tabId).sort()).toEqual([3, 4]);
    expect(pushed[0]?.message).toMatchObject({ type: 'case.changed', case: { id: state.id, seq: 1 } });
  });

  it('isolates a damaged case: its page says so and writes nothing to it; the other cases and the list keep working', async () => {
    const { db, send } = setup();
    await recognise(send, 3, 'I-1');
    const other = await recognise(send, 4, 'I-2');
    await db.cases.update('oss-rba:I-1', { snapshot: { garbage: true } as never });

    const damaged = await send<PageView>('page.recognised', page('I-1'), tab(3, '/oss/perizinan/I-1'));
    expect(damaged).toMatchObject({
      ok: true,
      data: { caseRef: 'I-1', case: null, notice: { en: expect.stringContaining('oss-rba:I-1 is damaged') } },
    });
    // The tab is no longer bound to it, and the stored row is kept as it was for repair.
    expect(await db.views.get(3)).toBeUndefined();
    expect((await db.cases.get('oss-rba:I-1'))?.snapshot).toEqual({ garbage: true });
    expect(await send('case.view', { caseId: 'oss-rba:I-1' }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });

    // Every other case works as before.
    expect((await recognise(send, 4, 'I-2')).id).toBe(other.id);
    const itemId = other.view.steps[0]?.items[0]?.id;
    const acted = await send(
      'case.intent',
      { caseId: other.id, eventId: uuid(), expectedSeq: 0, intent: { type: 'checklist.tick', itemId } },
      tab(4, '/oss/perizinan/I-2'),
    );
    expect(acted).toMatchObject({ ok: true, data: { case: { seq: 1 } } });
    const row = (caseRef: string) => ({
      caseRef,
      permitLabel: 'Izin',
      receivedLabel: '20 Nov 2026',
      statusLabel: null,
      regionLabel: null,
    });
    const listed = await send<{ badges: BadgeView[] }>(
      'list.badges',
      { adapterId: 'oss-rba', rows: [row('I-1'), row('I-2')] },
      tab(7, '/oss/perizinan'),
    );
    expect(listed.ok && listed.data.badges.map((b) => b.caseRef)).toEqual(['I-1', 'I-2']);
    // The damaged one is the row's estimate, and its explanation says why.
    expect(listed.ok && listed.data.badges[0]?.explain.map((e) => e.en)).toContain(
      "This case's Pandu Izin record is damaged and cannot be read: this badge is an estimate from the portal row. Open the case for details.",
    );
    expect(listed.ok && listed.data.badges[1]?.explain.at(-1)?.en).toBe(
      'This case is recorded in Pandu Izin.',
    );
  });

  it('forgets a tab that no longer listens', async () => {
    const { db, send } = setup({ deliver: (tabId) => tabId !== 4 });
    const state = await recognise(send, 3);
    await recognise(send, 4);
    const itemId = state.view.steps[0]?.items[0]?.id;
    await send(
      'case.intent',
      { caseId: state.id, eventId: uuid(), intent: { type: 'checklist.tick', itemId } },
      tab(3),
    );
    expect((await db.views.toArray()).map((v) => v.tabId)).toEqual([3]);
  });

  it('refuses a content script reading or changing a case its tab does not show, changing nothing', async () => {
    const { db, send } = setup();
    const mine = await recognise(send, 3);
    const other = await recognise(send, 4, 'I-2');
    const before = await snapshot(db);
    const read = await send('case.view', { caseId: other.id }, tab(3));
    const itemId = mine.view.steps[0]?.items[0]?.id;
    const write = await send(
      'case.intent',
      { caseId: other.id, eventId: uuid(), intent: { type: 'checklist.tick', itemId } },
      tab(3),
    );
    for (const answer of [read, write]) {
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'not-your-case',
          message: { id: expect.stringMatching(/hanya dapat/), en: expect.stringMatching(/may only/) },
        },
      });
    }
    expect(await snapshot(db)).toEqual(before);
    // An extension page may read any case.
    expect(await send('case.view', { caseId: other.id }, extensionPage)).toMatchObject({ ok: true });
  });

  it('refuses a content script asking for an export, and a foreign sender, changing nothing', async () => {
    const { db, send } = setup();
    await recognise(send, 3);
    const before = await snapshot(db);
    expect(await send('backup.export', {}, tab(3))).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await send('settings.set', { key: 'language', value: 'en' }, tab(3))).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await send('page.recognised', page('I-7'), { ...tab(8), id: 'another-extension' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('records a signature from an extension page in the log and the register, once, and never from a portal page', async () => {
    const { db, send } = setup();
    const state = await recognise(send, 3);
    const intent = {
      type: 'signature.recorded',
      kind: 'checklist',
      fileSha256: 'a'.repeat(64),
      signer: 'Sri Rahayu',
      certificateSha256: 'b'.repeat(64),
      certified: false,
      stageId: state.view.stage?.id,
    };
    const before = await snapshot(db);
    expect(
      await send('case.intent', { caseId: state.id, eventId: uuid(), expectedSeq: 0, intent }, tab(3)),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-sender', message: { en: /side panel/ } } });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.signatures.count()).toBe(0);

    const eventId = uuid();
    const message = { caseId: state.id, eventId, expectedSeq: 0, intent };
    expect(await send('case.intent', message, extensionPage)).toMatchObject({
      ok: true,
      data: { case: { seq: 1, view: { signed: [{ fileSha256: 'a'.repeat(64) }] } } },
    });
    expect(await send('case.intent', message, extensionPage)).toMatchObject({
      ok: true,
      data: { duplicate: true },
    });
    expect(await db.signatures.toArray()).toEqual([
      {
        id: eventId,
        caseId: state.id,
        fileSha256: 'a'.repeat(64),
        signer: 'Sri Rahayu',
        kind: 'checklist',
        signedAt: expect.stringMatching(/^2026-11-23T/),
      },
    ]);
  });

  it('opens the workspace on the case a tab shows, and on no other', async () => {
    const opened: { caseId: string; tabId?: number }[] = [];
    const { send } = setup({
      openWorkspace: async (target) => {
        opened.push(target);
        return 'tab';
      },
    });
    const mine = await recognise(send, 3);
    const other = await recognise(send, 4, 'I-2');
    expect(await send('workspace.open', { caseId: mine.id }, tab(3))).toEqual({
      ok: true,
      data: { opened: 'tab' },
    });
    expect(await send('workspace.open', { caseId: other.id }, tab(3))).toMatchObject({
      ok: false,
      error: { code: 'not-your-case' },
    });
    expect(opened).toEqual([{ caseId: mine.id, tabId: 3 }]);
    const none = setup();
    const state = await recognise(none.send, 3);
    expect(await none.send('workspace.open', { caseId: state.id }, tab(3))).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('returns a typed conflict for a stale action and a plain refusal for an impossible one', async () => {
    const { send } = setup();
    const state = await recognise(send, 3);
    const [first] = state.view.steps[0]?.items ?? [];
    const act = (intent: unknown, expectedSeq: number) =>
      send('case.intent', { caseId: state.id, eventId: uuid(), expectedSeq, intent }, tab(3));
    expect(await act({ type: 'checklist.tick', itemId: first?.id }, 0)).toMatchObject({ ok: true });
    const stepId = state.view.steps[0]?.id;
    expect(await act({ type: 'step.complete', stepId }, 0)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await act({ type: 'step.complete', stepId }, 1)).toMatchObject({
      ok: false,
      error: { code: 'rejected' },
    });
  });

  it('keeps settings behind their checks', async () => {
    const { db, send } = setup();
    const bad = await send(
      'settings.set',
      { key: 'officer', value: { name: 'A', nip: 'abc' } },
      extensionPage,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await db.settings.count()).toBe(0);
    expect(await send('settings.set', { key: 'language', value: 'en' }, extensionPage)).toEqual({
      ok: true,
      data: { saved: true },
    });
    expect(await send('settings.get', { key: 'language' }, extensionPage)).toEqual({
      ok: true,
      data: { value: 'en' },
    });
  });

  it("tells a page which enabled adapters cover it, with the officer's preferences", async () => {
    const { send } = setup();
    const answer = await send<PageSetup>(
      'page.setup',
      { url: 'http://127.0.0.1:4000/oss/perizinan/I-1' },
      tab(3),
    );
    expect(answer.ok && answer.data.adapters.map((a) => a.id)).toEqual(['oss-rba']);
    expect(answer.ok && answer.data.prefs).toEqual({ language: 'id', dock: 'right' });
    const elsewhere = await send<PageSetup>(
      'page.setup',
      { url: 'https://example.com/oss/perizinan/I-1' },
      tab(3),
    );
    expect(elsewhere.ok && elsewhere.data.adapters).toEqual([]);
  });

  it('does not use the demo portal patterns in a production build', async () => {
    const { send } = setup({ demo: false });
    const answer = await send<PageSetup>(
      'page.setup',
      { url: 'http://127.0.0.1:4000/oss/perizinan/I-1' },
      tab(3),
    );
    expect(answer.ok && answer.data.adapters).toEqual([]);
  });

  it("records the portal status once, mapped to a stage, and answers with the page's documents", async () => {
    const { db, send } = setup();
    const seen = { ...page('I-7'), statusLabel: 'Menunggu Verifikasi' };
    const first = await send<PageView>('page.recognised', seen, tab(3, '/oss/perizinan/I-7'));
    expect(first.ok && first.data.status).toEqual({
      label: 'Menunggu Verifikasi',
      stageId: 'permitVerification',
    });
    expect(first.ok && first.data.documents).toEqual(['Surat Permohonan']);
    expect(first.ok && first.data.applicant).toBe('PT Contoh');
    // A new case the portal already has at verification opens there (the earlier stages were
    // done at the portal), and the record agrees with the portal.
    expect(first.ok && first.data.case?.view.portal).toMatchObject({
      status: 'Menunggu Verifikasi',
      inSync: true,
    });
    expect(first.ok && first.data.case?.view.stage?.id).toBe('permitVerification');
    expect(first.ok && first.data.case?.view.adopted?.stageId).toBe('permitVerification');
    await send<PageView>('page.recognised', seen, tab(4, '/oss/perizinan/I-7'));
    const events = await db.events.where('caseId').equals('oss-rba:I-7').toArray();
    expect(events.map((e) => e.event?.type ?? 'opened')).toEqual(['opened', 'portal.statusSeen']);
  });

  it('lets a page change the language and tells every bound tab', async () => {
    const { db, send, pushed } = setup();
    await recognise(send, 3);
    const answer = await send('prefs.set', { language: 'en' }, tab(3));
    expect(answer).toEqual({ ok: true, data: { language: 'en', dock: 'right' } });
    expect(await db.settings.get('language')).toMatchObject({ value: 'en' });
    expect(pushed.at(-1)).toEqual({
      tabId: 3,
      message: { type: 'prefs.changed', prefs: { language: 'en', dock: 'right' } },
    });
  });

  it('refuses an invalid adapter with every problem and its path, storing nothing', async () => {
    const { db, send } = setup();
    const broken = JSON.parse(EXAMPLE);
    broken.permits[0].permitType = 'izin-tambang';
    broken.pages.caseDetail.path = '^/simpel/(';
    const answer = await send('adapters.import', { text: JSON.stringify(broken) }, extensionPage);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-adapter' } });
    const details = answer.ok ? [] : (answer.error.details ?? []).map((d) => d.en);
    expect(details.some((d) => d.startsWith('permits[0].permitType:'))).toBe(true);
    expect(await db.adapters.count()).toBe(0);
    const syntax = await send('adapters.import', { text: '{"format": ' }, extensionPage);
    expect(syntax).toMatchObject({ ok: false, error: { code: 'invalid-adapter' } });
    expect(await db.adapters.count()).toBe(0);
  });

  it('refuses adapter changes from a content script', async () => {
    const { db, send } = setup();
    const answer = await send('adapters.import', { text: EXAMPLE }, tab(3));
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await db.adapters.count()).toBe(0);
  });

  it('imports an adapter, registers its script where access was granted, and lets it open cases', async () => {
    const scripting = fakeScripting(['http://127.0.0.1/simpel/*']);
    const { send } = setup({ scripting: scripting.api });
    const imported = await send<{ replaced: boolean }>('adapters.import', { text: EXAMPLE }, extensionPage);
    expect(imported).toMatchObject({
      ok: true,
      data: { replaced: false, entry: { id: 'simpel-kota-contoh', enabled: true } },
    });
    expect(scripting.registered()).toEqual([
      expect.objectContaining({
        id: 'pandu-adapter-simpel-kota-contoh',
        matches: ['http://127.0.0.1/simpel/*'],
      }),
    ]);
    const url = 'http://127.0.0.1:4000/simpel/berkas/SPL-1';
    const set = await send<PageSetup>('page.setup', { url }, tab(5, '/simpel/berkas/SPL-1'));
    expect(set.ok && set.data.adapters.map((a) => a.id)).toEqual(['simpel-kota-contoh']);
    const opened = await send<PageView>(
      'page.recognised',
      {
        ...page('SPL-1'),
        adapterId: 'simpel-kota-contoh',
        permitLabel: 'Izin Reklame',
        regionLabel: 'Bali',
        receivedLabel: '20 Nov 2026',
        statusLabel: 'Verifikasi Berkas',
      },
      tab(5, '/simpel/berkas/SPL-1'),
    );
    expect(opened.ok && opened.data.case?.id).toBe('simpel-kota-contoh:SPL-1');
    expect(opened.ok && opened.data.status?.stageId).toBe('fileVerification');

    // Switched off: pages get nothing, and its script is unregistered.
    await send('adapters.setEnabled', { id: 'simpel-kota-contoh', enabled: false }, extensionPage);
    const off = await send<PageSetup>('page.setup', { url }, tab(5));
    expect(off.ok && off.data.adapters).toEqual([]);
    expect(scripting.registered()).toEqual([]);
    const refused = await send(
      'page.recognised',
      { ...page('SPL-2'), adapterId: 'simpel-kota-contoh' },
      tab(5),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-adapter' } });

    await send('adapters.setEnabled', { id: 'simpel-kota-contoh', enabled: true }, extensionPage);
    expect(await send('adapters.delete', { id: 'simpel-kota-contoh' }, extensionPage)).toEqual({
      ok: true,
      data: { deleted: true },
    });
    expect(scripting.registered()).toEqual([]);
  });

  it('registers nothing for an adapter whose origins were not granted, and says it waits for access', async () => {
    const scripting = fakeScripting([]);
    const { send } = setup({ scripting: scripting.api, demo: false });
    await send('adapters.import', { text: EXAMPLE }, extensionPage);
    expect(scripting.registered()).toEqual([]);
  });

  it('keeps built-in adapters: they can be switched off, not deleted or replaced', async () => {
    const { send } = setup();
    expect(await send('adapters.delete', { id: 'sicantik' }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'builtin-adapter' },
    });
    const clash = JSON.parse(EXAMPLE);
    clash.id = 'sicantik';
    expect(await send('adapters.import', { text: JSON.stringify(clash) }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'invalid-adapter' },
    });
    await send('adapters.setEnabled', { id: 'sicantik', enabled: false }, extensionPage);
    const list = await send<{ adapters: { id: string; enabled: boolean }[] }>(
      'adapters.list',
      {},
      extensionPage,
    );
    expect(list.ok && list.data.adapters.find((a) => a.id === 'sicantik')?.enabled).toBe(false);
  });
});

describe('list badges', () => {
  const listRow = (caseRef: string, statusLabel: string | null = 'Menunggu Verifikasi') => ({
    caseRef,
    permitLabel: 'Izin',
    receivedLabel: '20 Nov 2026',
    statusLabel,
    regionLabel: null,
  });
  type Answer = { badges: BadgeView[] };
  const listTab = (id: number) => tab(id, '/oss/perizinan');

  it('answers a content script with one badge per row, in order: the recorded case with its progress, the others estimated', async () => {
    const { send } = setup();
    const state = await recognise(send, 3, 'I-1');
    const answer = await send<Answer>(
      'list.badges',
      { adapterId: 'oss-rba', rows: [listRow('I-9'), listRow('I-1'), listRow('I-8', 'Terverifikasi')] },
      listTab(7),
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const [other, known, issued] = answer.data.badges;
    expect(answer.data.badges.map((b) => b.caseRef)).toEqual(['I-9', 'I-1', 'I-8']);
    // Recorded: its own stage (the first, not the row's) and checklist progress.
    expect(known?.parts[0]?.text).toEqual(state.view.stage?.shortName);
    const total = state.view.checklist.total;
    expect(known?.parts.find((p) => p.kind === 'progress')?.text.id).toBe(`0/${total}`);
    expect(known?.explain.at(-1)?.en).toBe('This case is recorded in Pandu Izin.');
    // Not recorded, and no province set: the stage and an estimated SLA, no modes, and why.
    expect(other?.parts.map((p) => p.kind)).toEqual(['stage', 'sla']);
    expect(other?.explain.map((l) => l.en).join(' ')).toMatch(
      /estimated.*Set your province on the Pandu Izin Options page/,
    );
    expect(issued?.parts).toEqual([
      { kind: 'outcome', tone: 'issued', text: { id: 'Terbit', en: 'Issued' } },
    ]);
  });

  it('tells a badged list tab when the language changes, and forgets it once it stops listening', async () => {
    let listening = true;
    const { send, pushed } = setup({ deliver: (tabId) => tabId !== 7 || listening });
    await send('list.badges', { adapterId: 'oss-rba', rows: [listRow('I-9')] }, listTab(7));
    await send('prefs.set', { language: 'en' }, extensionPage);
    expect(pushed).toEqual([
      { tabId: 7, message: { type: 'prefs.changed', prefs: { language: 'en', dock: 'right' } } },
    ]);
    listening = false;
    await send('prefs.set', { language: 'id' }, extensionPage);
    await send('prefs.set', { language: 'en' }, extensionPage);
    expect(pushed.filter((p) => p.tabId === 7)).toHaveLength(2);
  });

  it("assesses the modes of unrecorded rows in the officer's province", async () => {
    const { send } = setup();
    await send(
      'settings.set',
      { key: 'officer', value: { name: 'A', nip: '', unit: '', role: 'officer', region: '31' } },
      extensionPage,
    );
    const answer = await send<Answer>(
      'list.badges',
      { adapterId: 'oss-rba', rows: [listRow('I-9')] },
      listTab(7),
    );
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const badge = answer.data.badges[0];
    expect(badge?.parts.filter((p) => p.kind === 'mode').length).toBeGreaterThan(0);
    expect(badge?.explain.map((l) => l.id).join(' ')).toMatch(/DKI Jakarta \(provinsi Anda di Opsi/);
  });

  it('refuses an unknown or switched-off adapter and malformed or oversized payloads', async () => {
    const { send } = setup();
    expect(
      await send('list.badges', { adapterId: 'nope', rows: [listRow('I-1')] }, listTab(7)),
    ).toMatchObject({
      ok: false,
      error: { code: 'unknown-adapter' },
    });
    // An adapter for another portal than the asking page's.
    expect(
      await send('list.badges', { adapterId: 'sicantik', rows: [listRow('I-1')] }, listTab(7)),
    ).toMatchObject({ ok: false, error: { code: 'unknown-adapter' } });
    const bad = [
      { adapterId: 'oss-rba', rows: [] },
      { adapterId: 'oss-rba', rows: [{ ...listRow('I-1'), applicant: 'x' }] },
      { adapterId: 'oss-rba', rows: [{ ...listRow(''), caseRef: '' }] },
      { adapterId: 'oss-rba', rows: [{ ...listRow('I-1'), statusLabel: 'x'.repeat(501) }] },
      { adapterId: 'oss-rba', rows: Array.from({ length: MAX_BADGE_ROWS + 1 }, (_, i) => listRow(`I-${i}`)) },
      { adapterId: 'oss-rba' },
    ];
    for (const payload of bad) {
      expect(await send('list.badges', payload, listTab(7))).toMatchObject({
        ok: false,
        error: { code: 'invalid-message' },
      });
    }
    const full = Array.from({ length: MAX_BADGE_ROWS }, (_, i) => listRow(`I-${i}`));
    const answer = await send<Answer>('list.badges', { adapterId: 'oss-rba', rows: full }, listTab(7));
    expect(answer.ok && answer.data.badges.length).toBe(MAX_BADGE_ROWS);
  });
});

describe('the background host under an agency policy', () => {
  const managed = { code: 'managed' };

  it('refuses changes the policy sets or locks, in both languages, and writes nothing', async () => {
    const { db, send, applyPolicy } = setup();
    await applyPolicy({ language: 'en', locked: ['officer', 'adapters', 'targets'] });
    const before = await db.settings.toArray();
    const refusals = [
      await send('prefs.set', { language: 'id' }, tab(3)),
      await send('settings.set', { key: 'language', value: 'id' }, extensionPage),
      await send(
        'settings.set',
        { key: 'officer', value: { name: 'A', nip: '', unit: '', role: 'officer', region: '' } },
        extensionPage,
      ),
      await send('settings.set', { key: 'targets', value: { daily: zero, weekly: zero } }, extensionPage),
      await send('adapters.import', { text: EXAMPLE }, extensionPage),
      await send('adapters.setEnabled', { id: 'oss-rba', enabled: false }, extensionPage),
    ];
    for (const answer of refusals) {
      expect(answer).toMatchObject({ ok: false, error: managed });
      if (!answer.ok) expect(answer.error.message.en).toContain("managed by your agency's policy");
    }
    expect(await db.settings.toArray()).toEqual(before);
    expect(await db.adapters.count()).toBe(0);
    // What the policy leaves open still works.
    expect(await send('prefs.set', { dock: 'left' }, tab(3))).toMatchObject({
      ok: true,
      data: { language: 'en', dock: 'left', locked: ['language'] },
    });
  });

  it('keeps the agency’s adapters and switched-off adapters as the policy gives them', async () => {
    const scripting = fakeScripting(['https://simpel.kotacontoh.go.id/*', 'http://127.0.0.1/simpel/*']);
    const { send, applyPolicy } = setup({ scripting: scripting.api, demo: false });
    const synced = await applyPolicy({ adapters: [EXAMPLE], disabledAdapters: ['simbg'] });
    expect(synced.changed).toBe(true);
    // The managed adapter's content script is registered on the granted origin at once.
    expect(scripting.registered().map((r) => r.id)).toEqual(['pandu-adapter-simpel-kota-contoh']);
    expect(await send('adapters.delete', { id: 'simpel-kota-contoh' }, extensionPage)).toMatchObject({
      ok: false,
      error: managed,
    });
    expect(await send('adapters.import', { text: EXAMPLE }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'invalid-adapter' },
    });
    expect(await send('adapters.setEnabled', { id: 'simbg', enabled: true }, extensionPage)).toMatchObject({
      ok: false,
      error: managed,
    });
    // The officer may still switch off the agency's adapter unless adapters are locked.
    expect(
      await send('adapters.setEnabled', { id: 'simpel-kota-contoh', enabled: false }, extensionPage),
    ).toMatchObject({ ok: true });
    expect(scripting.registered()).toEqual([]);
  });

  it('refuses an imported adapter outside the allowed origins', async () => {
    const { db, send, applyPolicy } = setup();
    await applyPolicy({ allowedOrigins: ['https://izin.lain.go.id'] });
    const answer = await send('adapters.import', { text: EXAMPLE }, extensionPage);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-adapter' } });
    if (!answer.ok) expect(answer.error.details?.[0]?.en).toContain('allowedOrigins');
    expect(await db.adapters.count()).toBe(0);
    await applyPolicy({ allowedOrigins: ['https://*.kotacontoh.go.id'] });
    expect(await send('adapters.import', { text: EXAMPLE }, extensionPage)).toMatchObject({ ok: true });
  });

  it('tells the portal tabs when the policy changes their language, and not when nothing changed', async () => {
    const { send, pushed, applyPolicy } = setup();
    await recognise(send, 3);
    await send('list.badges', { adapterId: 'oss-rba', rows: [] }, tab(8, '/oss/perizinan'));
    pushed.length = 0;
    await applyPolicy({ language: 'en' });
    const prefsPushes = pushed.filter((p) => p.message.type === 'prefs.changed');
    expect(prefsPushes.length).toBeGreaterThan(0);
    expect(prefsPushes[0]?.message).toEqual({
      type: 'prefs.changed',
      prefs: { language: 'en', dock: 'right', locked: ['language'] },
    });
    pushed.length = 0;
    expect((await applyPolicy({ language: 'en' })).changed).toBe(false);
    expect(pushed).toEqual([]);
  });
});

const zero = { steps: 0, advances: 0, visits: 0 };
