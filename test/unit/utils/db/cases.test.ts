import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../../machines';
import { type Author, createCaseRepository, type Intent, indexer } from '../../../../utils/db/cases';
import {
  type CaseIndexRow,
  type CaseOpening,
  chunkOf,
  INDEX_CHUNKS,
  openDb,
  type PanduDb,
  putIndexRows,
  readCaseIndex,
} from '../../../../utils/db/schema';

/** Index fields of some case (their values do not matter to the chunking). */
const FAKE_INDEX_ROW: Omit<CaseIndexRow, 'id' | 'caseRef' | 'seq'> = {
  portal: 'sicantik',
  permitType: 'pbg',
  region: '31',
  stage: 'verifikasi',
  status: 'in-progress',
  mode: 'remote',
  modes: ['remote'],
  slaStatus: 'on-track',
  dueAt: '2026-12-10',
  indexedOn: '2026-11-29',
  officer: '',
  updatedAt: '2026-11-29T01:00:00.000Z',
  logLength: 1,
  headHash: '',
};

import { currentAuthor, deviceId, setSetting } from '../../../../utils/db/settings';

const engine = createEngine();
const OPENING: CaseOpening = {
  portal: 'oss-rba',
  caseRef: 'I-202611200001',
  permitId: 'oss-rba',
  region: '31',
  receivedAt: '2026-11-20T08:00:00+07:00',
};
const CASE_ID = 'oss-rba:I-202611200001';
const WHO: Author = { officer: '199001012020121001', device: '00000000-0000-4000-8000-000000000001' };

/** A clock that moves one minute per reading, from Monday 23 November 2026 08:00 WIB. */
function ticking(start = '2026-11-23T01:00:00.000Z') {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t).toISOString();
    t += 60_000;
    return now;
  };
}

let counter = 0;
const eventId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function setup(options: { author?: () => Promise<Author>; maxAttempts?: number; name?: string } = {}) {
  const name = options.name ?? `cases-${crypto.randomUUID()}`;
  const now = ticking();
  const db = openDb({ name, indexCase: indexer(engine), now });
  const repo = createCaseRepository({
    db,
    engine,
    now,
    author: options.author ?? (async () => WHO),
    maxAttempts: options.maxAttempts,
  });
  return { db, repo, name, now };
}

async function openCase(repo: ReturnType<typeof setup>['repo']) {
  const opened = await repo.open(OPENING);
  if (!opened.ok) throw new Error(opened.error.message.en);
  const view = repo.view(opened.value.row);
  if (!view.ok) throw new Error('no view');
  const step = view.value.steps[0];
  if (!step) throw new Error('no first step');
  return { row: opened.value.row, step, items: step.items.map((i) => i.id) };
}

async function applyOk(repo: ReturnType<typeof setup>['repo'], intent: Intent, expectedSeq?: number) {
  const result = await repo.apply(CASE_ID, intent, { eventId: eventId(), expectedSeq });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
}

async function dump(db: PanduDb) {
  return {
    cases: await db.cases.toArray(),
    caseIndex: await indexById(db),
    events: await db.events.toArray(),
  };
}

/** The dashboard's index holds exactly the cases, without their snapshots. */
async function expectIndexInStep(db: PanduDb) {
  const cases = await db.cases.toArray();
  expect(cases.length).toBeGreaterThan(0);
  expect(await indexById(db)).toEqual(cases.map(({ snapshot: _snapshot, ...rest }) => rest));
}

/** The index rows in id order (the order the cases table reads in). */
async function indexById(db: PanduDb) {
  return (await readCaseIndex(db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const indexRow = async (db: PanduDb, id: string) => (await readCaseIndex(db)).find((row) => row.id === id);

describe('opening a case', () => {
  it('stores the case with its index fields and the first log entry', async () => {
    const { db, repo } = setup();
    const { row } = await openCase(repo);
    expect(row).toMatchObject({
      id: CASE_ID,
      portal: 'oss-rba',
      caseRef: 'I-202611200001',
      permitType: 'oss-rba',
      region: '31',
      stage: 'accountRegistration',
      status: 'in-progress',
      mode: 'remote',
      modes: ['remote'],
      officer: WHO.officer,
      seq: 0,
      logLength: 1,
      updatedAt: '2026-11-20T01:00:00.000Z',
    });
    const [entry] = await repo.log(CASE_ID);
    expect(entry).toMatchObject({
      seq: 1,
      caseId: CASE_ID,
      officer: WHO.officer,
      device: WHO.device,
      opened: { ...OPENING, id: CASE_ID },
    });
    expect(entry?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.cases.where('modes').equals('remote').primaryKeys()).toEqual([CASE_ID]);
    await expect(repo.verifyLog(CASE_ID)).resolves.toEqual({ ok: true, length: 1 });
  });

  it('finds the same portal case again instead of opening a second one', async () => {
    const { db, repo } = setup();
    await openCase(repo);
    const again = await repo.open({ ...OPENING, receivedAt: '2026-11-21T08:00:00+07:00' });
    expect(again).toMatchObject({ ok: true, value: { opened: false } });
    // The first reading stands: a page showing another date does not rewrite the case.
    if (again.ok) expect(again.value.row.snapshot.context.receivedAt).toBe(OPENING.receivedAt);
    expect(await db.events.count()).toBe(1);
  });

  it('refuses a case the engine cannot open, writing nothing', async () => {
    const { db, repo } = setup();
    const refused = await repo.open({ ...OPENING, region: '99' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'cannot-open' } });
    if (!refused.ok) expect(refused.error.message.id).toMatch(/Perkara tidak dapat dibuka/);
    expect(await dump(db)).toEqual({ cases: [], caseIndex: [], events: [] });
  });
});

describe('applying events', () => {
  it('appends the event, stores the snapshot and re-indexes, in one go', async () => {
    const { repo } = setup();
    const { items } = await openCase(repo);
    const applied = await applyOk(repo, { type: 'checklist.tick', itemId: items[0] as string }, 0);
    expect(applied).toMatchObject({ duplicate: false, retries: 0, row: { seq: 1, logLength: 2 } });
    expect(applied.row.snapshot.context.items[items[0] as string]).toMatchObject({
      status: 'ticked',
      by: WHO.officer,
    });
    const log = await repo.log(CASE_ID);
    expect(log.map((e) => e.event?.type ?? 'opened')).toEqual(['opened', 'checklist.tick']);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
    expect(applied.row.headHash).toBe(log[1]?.hash);
    await expect(repo.verifyLog(CASE_ID)).resolves.toEqual({ ok: true, length: 2 });
  });

  it('treats the same event id twice as a no-op', async () => {
    const { db, repo } = setup();
    const { items } = await openCase(repo);
    const id = eventId();
    const first = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: items[0] as string },
      { eventId: id },
    );
    const before = await dump(db);
    const second = await repo.apply(
      CASE_ID,
      { type: 'checklist.untick', itemId: items[0] as string },
      { eventId: id },
    );
    expect(first).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(second).toMatchObject({ ok: true, value: { duplicate: true, row: { seq: 1 } } });
    expect(await dump(db)).toEqual(before);
  });

  it('refuses what the engine refuses, with its reason, and writes nothing', async () => {
    const { db, repo } = setup();
    await openCase(repo);
    const before = await dump(db);
    const refused = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: 'no-such-item' },
      { eventId: eventId() },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'rejected' } });
    if (!refused.ok) {
      expect(refused.error.message.id).not.toBe('');
      expect(refused.error.message.en).not.toBe('');
    }
    expect(await dump(db)).toEqual(before);
  });

  it('says a case it does not know is not recorded', async () => {
    const { repo } = setup();
    await expect(
      repo.apply('oss-rba:nope', { type: 'stage.advance' }, { eventId: eventId() }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found', message: { en: 'Case oss-rba:nope is not recorded.' } },
    });
  });

  it('keeps acknowledged writes when the database is closed and opened again', async () => {
    const { db, repo, name } = setup();
    const { items } = await openCase(repo);
    await applyOk(repo, { type: 'checklist.tick', itemId: items[0] as string });
    await applyOk(repo, { type: 'checklist.tick', itemId: items[1] as string });
    db.close();
    const again = setup({ name });
    const row = await again.repo.get(CASE_ID);
    expect(row?.seq).toBe(2);
    expect(Object.keys(row?.snapshot.context.items ?? {}).sort()).toEqual([items[0], items[1]].sort());
    await expect(again.repo.verifyLog(CASE_ID)).resolves.toEqual({ ok: true, length: 3 });
  });
});

describe('all or nothing', () => {
  it('leaves no trace when storing the snapshot fails after the event was appended', async () => {
    const { db, repo } = setup();
    const { items } = await openCase(repo);
    const before = await dump(db);
    db.cases.hook('updating', () => {
      throw new Error('disk went away');
    });
    const failed = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: items[0] as string },
      { eventId: eventId() },
    );
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!failed.ok) expect(failed.error.message.en).toMatch(/disk went away/);
    expect(await dump(db)).toEqual(before);
  });

  it('reports a full disk in words an officer can act on, and loses nothing already saved', async () => {
    const { db, repo } = setup();
    const { items } = await openCase(repo);
    await applyOk(repo, { type: 'checklist.tick', itemId: items[0] as string });
    const before = await dump(db);
    db.events.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const failed = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: items[1] as string },
      { eventId: eventId() },
    );
    expect(failed).toMatchObject({ ok: false, error: { code: 'quota' } });
    if (!failed.ok) {
      expect(failed.error.message.id).toMatch(/Penyimpanan peramban penuh/);
      expect(failed.error.message.en).toMatch(/Data already saved is safe/);
    }
    expect(await dump(db)).toEqual(before);
  });
});

describe('optimistic concurrency', () => {
  /** Runs `other` once, between the first writer's read and its transaction: a real race, made deterministic. */
  function interleaving() {
    let other: (() => Promise<unknown>) | null = null;
    const author = async () => {
      const run = other;
      other = null;
      if (run) await run();
      return WHO;
    };
    return { author, between: (f: () => Promise<unknown>) => (other = f) };
  }

  it('lets the loser of a race retry transparently when its event still applies', async () => {
    const race = interleaving();
    const { repo } = setup({ author: race.author });
    const { items } = await openCase(repo);
    let other: Awaited<ReturnType<typeof repo.apply>> | undefined;
    race.between(async () => {
      other = await repo.apply(
        CASE_ID,
        { type: 'checklist.tick', itemId: items[1] as string },
        { eventId: eventId(), expectedSeq: 0 },
      );
    });
    const loser = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: items[0] as string },
      { eventId: eventId(), expectedSeq: 0 },
    );
    expect(other).toMatchObject({ ok: true, value: { retries: 0, row: { seq: 1 } } });
    expect(loser).toMatchObject({ ok: true, value: { retries: 1, row: { seq: 2 } } });
    const row = await repo.get(CASE_ID);
    expect(Object.keys(row?.snapshot.context.items ?? {}).sort()).toEqual([items[0], items[1]].sort());
    await expect(repo.verifyLog(CASE_ID)).resolves.toEqual({ ok: true, length: 3 });
  });

  it('gives a clear conflict when the other writer made the event inapplicable', async () => {
    const { repo, db } = setup();
    const { items, step } = await openCase(repo);
    for (const item of items) await applyOk(repo, { type: 'checklist.tick', itemId: item });
    // Another tab unticks a mandatory item; this tab still shows everything ticked (seq 5).
    await applyOk(repo, { type: 'checklist.untick', itemId: items[0] as string });
    const before = await dump(db);
    const stale = await repo.apply(
      CASE_ID,
      { type: 'step.complete', stepId: step.id },
      { eventId: eventId(), expectedSeq: 5 },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!stale.ok) {
      expect(stale.error.message.id).toMatch(/sudah diubah di tempat lain/);
      expect(stale.error.message.en).toMatch(/changed elsewhere/);
      expect(stale.error.details?.[0]?.en).toBeTruthy();
    }
    // The same refusal on an up-to-date view is a plain refusal, not a conflict.
    const current = await repo.apply(
      CASE_ID,
      { type: 'step.complete', stepId: step.id },
      { eventId: eventId(), expectedSeq: 6 },
    );
    expect(current).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await dump(db)).toEqual(before);
  });

  it('reports a conflict, writing nothing of its own, when the case keeps moving', async () => {
    const race = interleaving();
    const { repo } = setup({ author: race.author, maxAttempts: 1 });
    const { items } = await openCase(repo);
    race.between(() =>
      repo.apply(CASE_ID, { type: 'checklist.tick', itemId: items[1] as string }, { eventId: eventId() }),
    );
    const loserId = eventId();
    const loser = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: items[0] as string },
      { eventId: loserId },
    );
    expect(loser).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: { en: /keeps being changed/ } },
    });
    const log = await repo.log(CASE_ID);
    expect(log.map((e) => e.id)).not.toContain(loserId);
    expect((await repo.get(CASE_ID))?.seq).toBe(1);
  });

  it('applies many simultaneous writers exactly once each, in one unbroken chain', async () => {
    const { repo } = setup();
    const { items } = await openCase(repo);
    const results = await Promise.all(
      items.map((itemId) =>
        repo.apply(CASE_ID, { type: 'checklist.tick', itemId }, { eventId: eventId(), expectedSeq: 0 }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const row = await repo.get(CASE_ID);
    expect(row?.seq).toBe(items.length);
    expect(Object.keys(row?.snapshot.context.items ?? {}).sort()).toEqual([...items].sort());
    await expect(repo.verifyLog(CASE_ID)).resolves.toEqual({ ok: true, length: items.length + 1 });
  });
});

describe('SLA re-index', () => {
  it('refreshes index fields computed on an earlier day, once', async () => {
    const { repo } = setup();
    const { row } = await openCase(repo);
    expect(row.indexedOn).toBe('2026-11-23');
    await expect(repo.reindexStale('2026-11-30T02:00:00Z')).resolves.toBe(1);
    expect((await repo.get(CASE_ID))?.indexedOn).toBe('2026-11-30');
    await expect(repo.reindexStale('2026-11-30T05:00:00Z')).resolves.toBe(0);
  });
});

describe('a full disk', () => {
  it('refuses the change with a quota error in both languages, keeps the case as it was, and works again once there is room', async () => {
    const { db, repo } = setup();
    const { items } = await openCase(repo);
    const before = await dump(db);
    const full = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    const spy = vi.spyOn(db.events, 'add').mockRejectedValueOnce(full);
    const refused = await repo.apply(
      CASE_ID,
      { type: 'checklist.tick', itemId: items[0] as string },
      {
        eventId: eventId(),
        expectedSeq: 0,
      },
    );
    expect(spy).toHaveBeenCalled();
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'quota',
        message: {
          id: expect.stringContaining('Penyimpanan peramban penuh'),
          en: expect.stringContaining('Browser storage is full'),
        },
      },
    });
    expect(await dump(db)).toEqual(before);
    spy.mockRestore();
    await applyOk(repo, { type: 'checklist.tick', itemId: items[0] as string }, 0);
    expect((await db.cases.get(CASE_ID))?.seq).toBe(1);
  });
});

describe('the dashboard’s case index', () => {
  it('keeps each case once, in the chunk its id hashes to, however often it is written', async () => {
    const { db } = setup();
    const row = (id: string, seq: number) =>
      ({ ...(FAKE_INDEX_ROW as CaseIndexRow), id, caseRef: id, seq }) satisfies CaseIndexRow;
    const ids = Array.from({ length: 300 }, (_, i) => `sicantik:${i}`);
    await db.transaction('rw', db.caseIndexChunks, () =>
      putIndexRows(
        db,
        ids.map((id) => row(id, 1)),
      ),
    );
    await db.transaction('rw', db.caseIndexChunks, () =>
      putIndexRows(db, [row('sicantik:7', 2), row('sicantik:7', 3), row('sicantik:300', 1)]),
    );
    const chunks = await db.caseIndexChunks.toArray();
    // 301 cases spread over many chunks, each row where its id hashes to.
    expect(chunks.length).toBeGreaterThan(INDEX_CHUNKS / 2);
    expect(chunks.length).toBeLessThanOrEqual(INDEX_CHUNKS);
    for (const chunk of chunks) for (const r of chunk.rows) expect(chunkOf(r.id)).toBe(chunk.bucket);
    const index = await readCaseIndex(db);
    expect(index).toHaveLength(301);
    expect(new Set(index.map((r) => r.id)).size).toBe(301);
    expect(index.find((r) => r.id === 'sicantik:7')?.seq).toBe(3);
    expect(index.find((r) => r.id === 'sicantik:8')?.seq).toBe(1);
  });

  it('follows every write of a case: opening, applying an event, and the SLA re-index', async () => {
    const { db, repo } = setup();
    const { items } = await openCase(repo);
    await expectIndexInStep(db);
    await applyOk(repo, { type: 'checklist.tick', itemId: items[0] as string }, 0);
    await expectIndexInStep(db);
    expect((await indexRow(db, CASE_ID))?.seq).toBe(1);
    await repo.reindexStale('2026-11-30T02:00:00Z');
    await expectIndexInStep(db);
    expect((await indexRow(db, CASE_ID))?.indexedOn).toBe('2026-11-30');
  });
});

describe('settings behind the author', () => {
  it('makes one device id and attributes events to the officer’s NIP, else name', async () => {
    const { db } = setup();
    const device = await deviceId(db);
    expect(await deviceId(db)).toBe(device);
    expect(await currentAuthor(db)).toEqual({ officer: null, device });
    await setSetting(db, 'officer', {
      name: 'Siti Rahma',
      nip: '',
      unit: 'DPMPTSP',
      role: 'officer',
      region: '31',
    });
    expect(await currentAuthor(db)).toEqual({ officer: 'Siti Rahma', device });
    await setSetting(db, 'officer', {
      name: 'Siti Rahma',
      nip: '199001012020121001',
      unit: 'DPMPTSP',
      role: 'officer',
      region: '31',
    });
    expect((await currentAuthor(db)).officer).toBe('199001012020121001');
  });

  it('refuses a setting that does not pass its check', async () => {
    const { db } = setup();
    await expect(
      setSetting(db, 'officer', { name: 'X', nip: '12', unit: '', role: 'officer', region: '' }),
    ).rejects.toThrow(/nip/);
    expect(await db.settings.count()).toBe(0);
  });
});
