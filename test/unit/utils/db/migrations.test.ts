import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../machines';
import { type CaseRepository, createCaseRepository, indexer } from '../../../../utils/db/cases';
import {
  type CaseRow,
  CURRENT_VERSION,
  chunkOf,
  type EventRow,
  openDb,
  type PanduDb,
  readCaseIndex,
} from '../../../../utils/db/schema';
import { currentAuthor, setSetting } from '../../../../utils/db/settings';

const engine = createEngine();
const indexCase = indexer(engine);
const UPGRADED_AT = '2026-12-03T03:00:00.000Z';

function clock(start = '2026-11-20T02:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => {
    t += 60_000;
    return new Date(t).toISOString();
  };
}

const opened: PanduDb[] = [];
afterEach(async () => {
  // Newest first: deleting a name another open connection uses makes Dexie warn.
  for (const db of opened.splice(0).reverse()) await db.delete();
});

function track(db: PanduDb): PanduDb {
  opened.push(db);
  return db;
}

/** Fields a version-2 case row has and a version-1 row did not. */
const V2_CASE_FIELDS = ['mode', 'modes', 'slaStatus', 'dueAt', 'indexedOn', 'officer'] as const;
type V1Case = Omit<CaseRow, (typeof V2_CASE_FIELDS)[number]>;
type V1Event = Omit<EventRow, 'storedAt'>;

function toV1Case(row: CaseRow): V1Case {
  const copy: Record<string, unknown> = { ...row };
  for (const field of V2_CASE_FIELDS) delete copy[field];
  return copy as V1Case;
}

function toV1Event({ storedAt: _, ...row }: EventRow): V1Event {
  return row;
}

async function openCase(
  repo: CaseRepository,
  opening: { portal: string; caseRef: string; permitId: string; region: string },
) {
  const result = await repo.open({ ...opening, receivedAt: '2026-11-20T08:00:00+07:00' });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.row;
}

async function tickFirst(repo: CaseRepository, caseId: string, count: number) {
  const row = await repo.get(caseId);
  if (!row) throw new Error(caseId);
  const view = repo.view(row, '2026-11-20T09:00:00+07:00');
  if (!view.ok) throw new Error(view.error.message.en);
  const items = view.value.steps.flatMap((s) => s.items.map((i) => i.id));
  expect(items.length).toBeGreaterThanOrEqual(count);
  for (const itemId of items.slice(0, count)) {
    const result = await repo.apply(
      caseId,
      { type: 'checklist.tick', itemId },
      { eventId: crypto.randomUUID() },
    );
    if (!result.ok) throw new Error(result.error.message.en);
  }
}

/** Real cases and logs made by the engine on a scratch current-version database. */
async function realCases() {
  const scratch = track(openDb({ name: `scratch-${crypto.randomUUID()}`, indexCase }));
  await setSetting(scratch, 'officer', {
    name: 'Sari',
    nip: '198805052015032002',
    unit: 'DPMPTSP',
    role: 'officer',
    region: '31',
  });
  const repo = createCaseRepository({
    db: scratch,
    engine,
    author: () => currentAuthor(scratch),
    now: clock(),
  });
  const oss = await openCase(repo, { portal: 'oss-rba', caseRef: 'P-1', permitId: 'oss-rba', region: '31' });
  await tickFirst(repo, oss.id, 3);
  // Office-only and overdue by the upgrade date: the index queries have something to tell apart.
  const counter = await openCase(repo, {
    portal: 'sicantik',
    caseRef: 'SC-7',
    permitId: 'dpmptsp-generic',
    region: '97',
  });
  const note = await repo.apply(
    counter.id,
    { type: 'note.add', text: 'Berkas diterima lengkap.' },
    { eventId: crypto.randomUUID() },
  );
  if (!note.ok) throw new Error(note.error.message.en);
  const cases = await scratch.cases.toArray();
  const events = await scratch.events.toArray();
  expect(cases).toHaveLength(2);
  expect(events).toHaveLength(4 + 2);
  return { cases: cases.map(toV1Case), events: events.map(toV1Event) };
}

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);

/** A database as schema version 1 left it, filled with version-1-shaped rows of every table. */
async function versionOneDb() {
  const { cases, events } = await realCases();
  const damaged: V1Case = {
    ...(cases[0] as V1Case),
    id: 'oss-rba:RUSAK',
    caseRef: 'RUSAK',
    updatedAt: '2026-11-19T01:00:00.000Z',
    snapshot: { ...(cases[0] as V1Case).snapshot, id: 'oss-rba:RUSAK', permitId: 'no-such-permit' },
  };
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const rows = {
    cases: [...cases, damaged],
    events,
    evidence: [
      {
        sha256: 'a'.repeat(64),
        caseId: cases[0]?.id,
        stepId: 'oss-account-registration',
        name: 'foto.jpg',
        type: 'image/jpeg',
        size: PHOTO.length,
        blob: new Blob([PHOTO], { type: 'image/jpeg' }),
        storedAt: '2026-11-20T03:00:00.000Z',
      },
    ],
    signatures: [
      {
        id: 'sig-1',
        caseId: cases[0]?.id,
        fileSha256: 'b'.repeat(64),
        signedAt: '2026-11-20T04:00:00.000Z',
        signer: 'Sari',
        kind: 'report',
      },
    ],
    keys: [
      {
        id: 'key-1',
        label: 'Kunci dinas',
        createdAt: '2026-11-20T03:00:00.000Z',
        privateKey: pair.privateKey,
        certificateDer: new Uint8Array([48, 130, 1, 10]).buffer,
      },
    ],
    settings: [
      { key: 'language', value: 'id' },
      { key: 'deviceId', value: '6f1c1c3e-2f55-4c1b-9d51-1f2a3b4c5d6e' },
      { key: 'officer', value: { name: 'Sari', nip: '', unit: 'DPMPTSP', role: 'officer', region: '31' } },
    ],
    adapters: [
      {
        id: 'kab-portal',
        source: 'managed',
        definition: { match: ['https://izin.example.go.id/*'] },
        updatedAt: '2026-11-01',
      },
    ],
  };
  const name = `migrate-${crypto.randomUUID()}`;
  const v1 = openDb({ name, version: 1, indexCase });
  for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name)).not.toContain('views');
  v1.close();
  return { name, rows, damaged };
}

async function upgraded() {
  const old = await versionOneDb();
  const db = track(openDb({ name: old.name, indexCase, now: () => UPGRADED_AT }));
  await db.open();
  return { ...old, db };
}

describe('schema version 1 → 2', () => {
  it('keeps every row of every version-1 table', async () => {
    const { db, rows } = await upgraded();
    expect(db.verno).toBe(CURRENT_VERSION);
    const cases = await db.cases.toArray();
    expect(cases.map(toV1Case)).toEqual(expect.arrayContaining(rows.cases));
    expect(cases).toHaveLength(rows.cases.length);
    const events = await db.events.toArray();
    expect(events.map(toV1Event)).toEqual(expect.arrayContaining(rows.events));
    expect(events).toHaveLength(rows.events.length);
    expect(await db.signatures.toArray()).toEqual(rows.signatures);
    expect(await db.settings.orderBy('key').toArray()).toEqual(
      [...rows.settings].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(await db.adapters.toArray()).toEqual(rows.adapters);
    const [evidence] = await db.evidence.toArray();
    const { blob, ...meta } = evidence ?? ({} as never);
    const { blob: _, ...expectedMeta } = rows.evidence[0] ?? ({} as never);
    expect(meta).toEqual(expectedMeta);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PHOTO);
    expect(blob.type).toBe('image/jpeg');
    const [key] = await db.keys.toArray();
    expect(key?.id).toBe('key-1');
    expect(key?.privateKey.type).toBe('private');
    expect(key?.privateKey.extractable).toBe(false);
    expect(new Uint8Array(key?.certificateDer ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([48, 130, 1, 10]),
    );
  });

  it('fills the dashboard index fields from the snapshot, and storedAt from the entry time', async () => {
    const { db, rows, damaged } = await upgraded();
    for (const v1 of rows.cases) {
      if (v1.id === damaged.id) continue;
      const row = await db.cases.get(v1.id);
      expect(row).toEqual({ ...v1, ...indexCase(v1.snapshot, UPGRADED_AT), officer: '' });
      expect(row?.indexedOn).toBe('2026-12-03');
    }
    for (const v1 of rows.events) {
      expect((await db.events.get(v1.id))?.storedAt).toBe(new Date(v1.at).toISOString());
    }
    const opening = rows.events.find((e) => e.caseId === 'oss-rba:P-1' && e.seq === 1);
    expect(await db.events.get(opening?.id ?? '')).toMatchObject({ storedAt: '2026-11-20T01:00:00.000Z' });
  });

  it('adds the empty views table', async () => {
    const { db } = await upgraded();
    expect(db.tables.map((t) => t.name)).toContain('views');
    expect(await db.views.count()).toBe(0);
    await db.views.put({ tabId: 3, caseId: 'oss-rba:P-1', url: 'https://oss.go.id/', at: UPGRADED_AT });
    expect(await db.views.where('caseId').equals('oss-rba:P-1').count()).toBe(1);
  });

  it('keeps every log chain valid against its case row', async () => {
    const { db, rows, damaged } = await upgraded();
    const repo = createCaseRepository({ db, engine, author: async () => ({ officer: null, device: 'd' }) });
    const lengths: number[] = [];
    for (const v1 of rows.cases) {
      if (v1.id === damaged.id) continue;
      const check = await repo.verifyLog(v1.id);
      expect(check).toEqual({ ok: true, length: v1.logLength });
      lengths.push(v1.logLength);
    }
    expect(lengths.sort()).toEqual([2, 4]);
  });

  it('answers the new index queries', async () => {
    const { db, rows, damaged } = await upgraded();
    const healthy = rows.cases.filter((c) => c.id !== damaged.id);
    const expected = healthy.map((c) => ({ id: c.id, ...indexCase(c.snapshot, UPGRADED_AT) }));
    const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();

    const remote = expected.filter((c) => c.modes.includes('remote'));
    expect(remote.length).toBeGreaterThan(0);
    expect(ids(await db.cases.where('modes').equals('remote').toArray())).toEqual(ids(remote));

    for (const status of new Set([...expected.map((c) => c.slaStatus), 'none' as const])) {
      const want = [
        ...expected.filter((c) => c.slaStatus === status),
        ...(status === 'none' ? [damaged] : []),
      ];
      expect(ids(await db.cases.where('slaStatus').equals(status).toArray())).toEqual(ids(want));
    }
    expect(ids(await db.cases.where('slaStatus').equals('overdue').toArray())).toEqual(['sicantik:SC-7']);
    expect(ids(await db.cases.where('modes').equals('office').toArray())).toEqual(['sicantik:SC-7']);
    expect(ids(await db.cases.where('mode').equals('remote').toArray())).toEqual(['oss-rba:P-1']);
    expect(ids(await db.cases.where('dueAt').between('2026-11-01', '2026-12-31').toArray())).toEqual([
      'sicantik:SC-7',
    ]);
    expect(ids(await db.cases.where('portal').equals('sicantik').toArray())).toEqual(['sicantik:SC-7']);
    expect(await db.cases.where('officer').equals('').count()).toBe(rows.cases.length);
    expect(ids(await db.cases.where('region').equals('97').toArray())).toEqual(['sicantik:SC-7']);
    expect(await db.events.where('storedAt').aboveOrEqual('2026-11-20T01:00:00.000Z').count()).toBe(
      rows.events.length,
    );
  });

  it('keeps a case whose snapshot is damaged, with fallback index fields', async () => {
    const { db, damaged } = await upgraded();
    const row = await db.cases.get(damaged.id);
    expect(row && toV1Case(row)).toEqual(damaged);
    expect(row).toMatchObject({
      mode: 'none',
      modes: [],
      slaStatus: 'none',
      dueAt: '',
      indexedOn: '',
      officer: '',
    });
    expect(() => indexCase(damaged.snapshot, UPGRADED_AT)).toThrow();
  });

  it('upgrades only once: reopening changes nothing', async () => {
    const { db, name } = await upgraded();
    const before = { cases: await db.cases.toArray(), events: await db.events.toArray() };
    db.close();
    const again = track(openDb({ name, indexCase, now: () => '2027-01-01T00:00:00.000Z' }));
    await again.open();
    expect({ cases: await again.cases.toArray(), events: await again.events.toArray() }).toEqual(before);
  });
});

describe('schema version 2 → 3', () => {
  /** A version-2 database (itself upgraded from version 1) and every row of it as read there. */
  async function versionTwoDb() {
    const old = await versionOneDb();
    const v2 = openDb({ name: old.name, indexCase, now: () => UPGRADED_AT, version: 2 });
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(v2.tables.map((t) => t.name)).not.toContain('reports');
    const tables: Record<string, unknown[]> = {};
    for (const table of v2.tables) tables[table.name] = await table.toArray();
    v2.close();
    return { name: old.name, tables };
  }

  it('keeps every table as it was and adds the empty reports table, indexed by officer', async () => {
    const { name, tables } = await versionTwoDb();
    const db = track(openDb({ name, indexCase, now: () => '2027-01-01T00:00:00.000Z', version: 3 }));
    await db.open();
    expect(db.verno).toBe(3);
    for (const [table, rows] of Object.entries(tables)) {
      const now = await db.table(table).toArray();
      if (table === 'keys' || table === 'evidence') {
        // CryptoKeys and Blobs compare by identity: check what they hold.
        expect(now.map((r: { id?: string; sha256?: string }) => r.id ?? r.sha256)).toEqual(
          rows.map((r) => (r as { id?: string; sha256?: string }).id ?? (r as { sha256?: string }).sha256),
        );
      } else {
        expect(now).toEqual(rows);
      }
    }
    expect(tables.cases?.length).toBeGreaterThan(0);
    expect(await db.reports.count()).toBe(0);
    const row = {
      id: 'f'.repeat(64),
      officer: '198805052015032002',
      name: 'Sari',
      unit: 'DPMPTSP',
      from: '2026-11-23',
      to: '2026-11-27',
      generatedAt: '2026-11-27T16:00:00+07:00',
      importedAt: '2027-01-01T00:00:00.000Z',
      fileName: 'laporan.json',
      certified: false,
      signerName: 'Sari',
      certificateSha256: 'c'.repeat(64),
      file: { format: 'pandu-izin/activity-report@1' as const, payload: '{}', signature: '' },
      payload: {} as never,
    };
    await db.reports.add(row);
    expect(await db.reports.where('officer').equals('198805052015032002').toArray()).toEqual([row]);
  });
});

/** A version-one database brought to `from`, its cases read there, then opened at `to`. */
async function upgradeFrom(from: number, to: number) {
  const old = await versionOneDb();
  const before = openDb({ name: old.name, indexCase, now: () => UPGRADED_AT, version: from });
  await before.open();
  const cases = await before.cases.toArray();
  before.close();
  expect(cases.length).toBeGreaterThan(1);
  const db = track(openDb({ name: old.name, indexCase, version: to }));
  await db.open();
  expect(db.verno).toBe(to);
  return { db, cases };
}

describe('schema version 3 → 4', () => {
  it('fills the dashboard’s case index with every case but its snapshot, and keeps the cases', async () => {
    const { db, cases } = await upgradeFrom(3, 4);
    expect(await db.cases.toArray()).toEqual(cases);
    const index = await db.table('caseIndex').toArray();
    expect(index).toEqual(cases.map(({ snapshot: _snapshot, ...rest }) => rest));
    expect(index.every((row) => !('snapshot' in row))).toBe(true);
  });
});

describe('schema version 4 → 5', () => {
  it('moves the case index into chunks, each case once in the chunk its id hashes to, and drops the old table', async () => {
    const { db, cases } = await upgradeFrom(4, 5);
    expect(db.tables.map((t) => t.name)).not.toContain('caseIndex');
    expect(await db.cases.toArray()).toEqual(cases);
    const chunks = await db.caseIndexChunks.toArray();
    for (const chunk of chunks) {
      for (const row of chunk.rows) expect(chunkOf(row.id)).toBe(chunk.bucket);
    }
    const index = (await readCaseIndex(db)).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(index).toEqual(cases.map(({ snapshot: _snapshot, ...rest }) => rest));
  });
});
