import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, createEngine, type LocalizedText, sha256Hex } from '../../../../machines';
import {
  type BackupFile,
  exportBackup,
  fromBase64,
  type ImportResult,
  importBackup,
  toBase64,
} from '../../../../utils/db/backup';
import { type CaseRepository, createCaseRepository, indexer } from '../../../../utils/db/cases';
import { type CaseRow, openDb, type PanduDb, readCaseIndex } from '../../../../utils/db/schema';
import { currentAuthor, setSetting } from '../../../../utils/db/settings';
import { syncPolicy } from '../../../../utils/policy/store';

const engine = createEngine();
const indexCase = indexer(engine);

/** A deterministic UTC clock that moves one minute per reading. */
function clock(start = '2026-11-20T02:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => {
    t += 60_000;
    return new Date(t).toISOString();
  };
}

const OFFICER = {
  name: 'Budi Santoso',
  nip: '199001012020121001',
  unit: 'DPMPTSP DKI Jakarta',
  role: 'officer' as const,
  region: '31',
};

const opened: PanduDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function freshDb(): PanduDb {
  const db = openDb({ name: `backup-${crypto.randomUUID()}`, indexCase, now: clock() });
  opened.push(db);
  return db;
}

function repoOf(db: PanduDb, now = clock()): CaseRepository {
  return createCaseRepository({ db, engine, author: () => currentAuthor(db), now });
}

async function openCase(repo: CaseRepository, caseRef: string): Promise<CaseRow> {
  const result = await repo.open({
    portal: 'oss-rba',
    caseRef,
    permitId: 'oss-rba',
    region: '31',
    receivedAt: '2026-11-20T08:00:00+07:00',
  });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.row;
}

/** The checklist item ids of the case's first step (oss-rba's first stage has several). */
async function itemsOf(repo: CaseRepository, caseId: string): Promise<string[]> {
  const row = await repo.get(caseId);
  if (!row) throw new Error(`no case ${caseId}`);
  const view = repo.view(row, '2026-11-20T09:00:00+07:00');
  if (!view.ok) throw new Error(view.error.message.en);
  return view.value.steps.flatMap((s) => s.items.map((i) => i.id));
}

async function tick(
  repo: CaseRepository,
  caseId: string,
  itemId: string,
  eventId: string = crypto.randomUUID(),
): Promise<void> {
  const result = await repo.apply(caseId, { type: 'checklist.tick', itemId }, { eventId });
  if (!result.ok) throw new Error(result.error.message.en);
}

async function bytesSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const PHOTO = new Uint8Array(Array.from({ length: 700 }, (_, i) => (i * 37) % 256));

/** Two cases (one with three ticks), evidence, settings, a signing key, a signature, an adapter, an open view. */
async function seed(db: PanduDb) {
  await setSetting(db, 'officer', OFFICER);
  await setSetting(db, 'language', 'en');
  const repo = repoOf(db);
  const first = await openCase(repo, 'P-1');
  const items = await itemsOf(repo, first.id);
  expect(items.length).toBeGreaterThanOrEqual(3);
  for (const item of items.slice(0, 3)) await tick(repo, first.id, item);
  const second = await openCase(repo, 'P-2');
  await tick(repo, second.id, items[0] as string);
  const sha256 = await bytesSha256(PHOTO);
  await db.evidence.add({
    sha256,
    caseId: first.id,
    stepId: 'oss-account-registration',
    name: 'foto-lokasi.jpg',
    type: 'image/jpeg',
    size: PHOTO.length,
    blob: new Blob([PHOTO], { type: 'image/jpeg' }),
    storedAt: '2026-11-20T03:00:00.000Z',
  });
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  await db.keys.add({
    id: 'key-1',
    label: 'Kunci dinas',
    createdAt: '2026-11-20T03:00:00.000Z',
    privateKey: pair.privateKey,
    certificateDer: new Uint8Array([48, 130, 1, 10]).buffer,
  });
  await db.signatures.add({
    id: 'sig-1',
    caseId: first.id,
    fileSha256: sha256,
    signedAt: '2026-11-20T04:00:00.000Z',
    signer: OFFICER.nip,
    kind: 'checklist',
  });
  await db.adapters.add({
    id: 'custom-portal',
    source: 'custom',
    definition: { name: 'Portal Kabupaten', match: ['https://izin.example.go.id/*'] },
    updatedAt: '2026-11-20T04:00:00.000Z',
  });
  await db.views.add({
    tabId: 7,
    caseId: first.id,
    url: 'https://oss.go.id/x',
    at: '2026-11-20T04:00:00.000Z',
  });
  return { repo, first, second, items, sha256 };
}

/** Every table, with Blobs as base64 so that a changed byte shows. */
async function dump(db: PanduDb) {
  const evidence = await db.evidence.toArray();
  return {
    cases: await db.cases.toArray(),
    events: await db.events.toArray(),
    evidence: await Promise.all(
      evidence.map(async ({ blob, ...rest }) => ({
        ...rest,
        bytes: toBase64(new Uint8Array(await blob.arrayBuffer())),
        blobType: blob.type,
      })),
    ),
    signatures: await db.signatures.toArray(),
    keys: (await db.keys.toArray()).map(({ privateKey, ...rest }) => ({ ...rest, keyType: privateKey.type })),
    settings: await db.settings.toArray(),
    adapters: await db.adapters.toArray(),
    views: await db.views.toArray(),
  };
}

const parse = (text: string) => JSON.parse(text) as BackupFile;

/** Re-signs edited content the way an attacker who knows the format would. */
async function resign(file: BackupFile): Promise<string> {
  file.digest = await sha256Hex(canonicalJson(file.content));
  return JSON.stringify(file);
}

function expectBilingual(text: LocalizedText | undefined) {
  expect(text?.id).toEqual(expect.any(String));
  expect(text?.en).toEqual(expect.any(String));
  expect(text?.id.length).toBeGreaterThan(10);
  expect(text?.en.length).toBeGreaterThan(10);
  expect(text?.id).not.toBe(text?.en);
}

/** Imports into `db` and asserts a refusal with `code` that changed nothing; returns the error. */
async function expectRefused(db: PanduDb, text: string, code: string) {
  const before = await dump(db);
  const result: ImportResult = await importBackup(db, text, {
    engine,
    now: clock('2026-11-28T01:00:00.000Z'),
  });
  if (result.ok) throw new Error(`expected ${code}, got ok ${JSON.stringify(result.counts)}`);
  expect(result.error.code).toBe(code);
  expectBilingual(result.error.message);
  for (const detail of result.error.details ?? []) expectBilingual(detail);
  expect(await dump(db)).toEqual(before);
  return result.error;
}

/** A database with data of its own, so that "nothing changed" means something. */
async function bystander(): Promise<PanduDb> {
  const db = freshDb();
  const repo = repoOf(db);
  const row = await openCase(repo, 'LOCAL-9');
  await tick(repo, row.id, (await itemsOf(repo, row.id))[0] as string);
  await setSetting(db, 'language', 'id');
  return db;
}

describe('exportBackup', () => {
  it('writes every table but keys and views, with a digest over the canonical content', async () => {
    const db = freshDb();
    const { sha256 } = await seed(db);
    const device = (await db.settings.get('deviceId'))?.value as string;
    expect(device).toMatch(/^[0-9a-f-]{36}$/);

    const { fileName, text } = await exportBackup(db, { now: () => '2026-11-28T05:00:00.000Z' });
    const d = new Date('2026-11-28T05:00:00.000Z');
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(fileName).toBe(`pandu-izin-cadangan-${local}.json`);

    const file = parse(text);
    expect(file.format).toBe('pandu-izin-backup');
    expect(file.version).toBe(1);
    expect(file.createdAt).toBe('2026-11-28T05:00:00.000Z');
    expect(Object.keys(file.content).sort()).toEqual([
      'adapters',
      'cases',
      'events',
      'evidence',
      'settings',
      'signatures',
    ]);
    expect(file.digest).toBe(await sha256Hex(canonicalJson(file.content)));
    expect(text).not.toContain('privateKey');
    expect(text).not.toContain('key-1');
    expect(text).not.toContain('deviceId');
    // The device id travels only inside the hashed log entries (who made them), never as a setting.
    expect(file.content.events.every((e) => e.device === device)).toBe(true);
    expect(text).not.toContain('https://oss.go.id/x'); // the views table
    expect(file.content.cases.map((c) => c.id).sort()).toEqual(['oss-rba:P-1', 'oss-rba:P-2']);
    expect(file.content.events).toHaveLength(4 + 2);
    expect(file.content.settings.map((s) => s.key).sort()).toEqual(['language', 'officer']);
    const [evidence] = file.content.evidence;
    expect(evidence).toMatchObject({ sha256, name: 'foto-lokasi.jpg', size: PHOTO.length });
    expect(evidence).not.toHaveProperty('blob');
    expect(fromBase64(evidence?.data ?? '')).toEqual(PHOTO);
  });

  it('leaves out a stored setting that no longer passes its check (import would refuse it)', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'language', value: 'fr' });
    await db.settings.put({ key: 'retired', value: 1 });
    const file = parse((await exportBackup(db, {})).text);
    expect(file.content.settings).toEqual([]);
    const into = freshDb();
    expect((await importBackup(into, JSON.stringify(file), { engine })).ok).toBe(true);
  });
});

describe('backups and the agency policy', () => {
  const text = readFileSync(
    new URL('../../../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
    'utf8',
  );
  const managedAdapter = JSON.parse(text) as { id: string };

  it('carry neither the policy nor the adapters it installed, and never replace those on import', async () => {
    const db = freshDb();
    await syncPolicy(db, { adapters: [text], language: 'en' }, '2026-11-29T02:00:00.000Z');
    await db.adapters.put({
      id: 'officer-own',
      source: 'custom',
      definition: { ...managedAdapter, id: 'officer-own' },
      updatedAt: '2026-11-29T02:00:00.000Z',
    });
    const file = parse((await exportBackup(db, {})).text);
    expect(file.content.adapters.map((r) => r.id)).toEqual(['officer-own']);
    expect(file.content.settings.map((r) => r.key)).not.toContain('policy');

    // A file that tries to bring its own copy of the agency's adapter (as imported, and as
    // managed) into a browser where the policy installed it: the policy's row stays.
    const into = freshDb();
    await syncPolicy(into, { adapters: [text] }, '2026-11-29T02:00:00.000Z');
    const installed = await into.adapters.get(managedAdapter.id);
    const changed = { ...managedAdapter, id: managedAdapter.id, name: 'Changed' };
    file.content.adapters.push(
      { id: managedAdapter.id, source: 'custom', definition: changed, updatedAt: '2026-11-29T03:00:00.000Z' },
      {
        id: 'from-elsewhere',
        source: 'managed',
        definition: { ...changed, id: 'from-elsewhere' },
        updatedAt: '2026-11-29T03:00:00.000Z',
      },
    );
    const result = await importBackup(into, await resign(file), { engine });
    expect(result.ok).toBe(true);
    expect(await into.adapters.get(managedAdapter.id)).toEqual(installed);
    expect(await into.adapters.get('from-elsewhere')).toBeUndefined();
    expect(await into.adapters.get('officer-own')).toMatchObject({ source: 'custom' });
  });
});

describe('base64', () => {
  it('matches the standard encoding across chunk boundaries and refuses non-canonical input', () => {
    for (const size of [0, 1, 2, 3, 24_575, 24_576, 24_577, 60_001]) {
      const bytes = new Uint8Array(Array.from({ length: size }, (_, i) => (i * 131 + 7) % 256));
      const encoded = toBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(encoded)).toEqual(bytes);
    }
    expect(fromBase64('AAE')).toBeNull();
    expect(fromBase64('AA E')).toBeNull();
    expect(fromBase64('AA$=')).toBeNull();
  });
});

describe('a damaged case and backups', () => {
  /** Whether the engine can restore a stored case (what the background checks before export). */
  const readable = (row: CaseRow) => {
    try {
      engine.restore(row.snapshot);
      return true;
    } catch {
      return false;
    }
  };

  it('leaves a damaged case out of the file, with its log, evidence and signatures, names it, and the rest restores', async () => {
    const src = freshDb();
    const { first, second } = await seed(src);
    await src.cases.update(first.id, { snapshot: { garbage: true } as never });
    const { text, skipped } = await exportBackup(src, { readable });
    expect(skipped).toEqual([first.id]);
    const { content } = parse(text);
    expect(content.cases.map((c) => c.id)).toEqual([second.id]);
    for (const rows of [content.events, content.evidence, content.signatures]) {
      expect(rows.every((row) => row.caseId !== first.id)).toBe(true);
    }
    expect(content.events.length).toBeGreaterThan(0);

    const dst = freshDb();
    const result = await importBackup(dst, text, { engine });
    expect(result).toMatchObject({ ok: true, counts: { cases: 1, evidence: 0, signatures: 0 } });
    expect((await dst.cases.toArray()).map((c) => c.id)).toEqual([second.id]);
  });

  it('keeps every case when none is damaged (nothing skipped)', async () => {
    const src = freshDb();
    await seed(src);
    const { text, skipped } = await exportBackup(src, { readable });
    expect(skipped).toEqual([]);
    expect(parse(text).content.cases).toHaveLength(2);
  });
});

describe('importBackup', () => {
  it('restores everything into an empty database: same cases, logs, evidence bytes and settings', async () => {
    const src = freshDb();
    const { sha256 } = await seed(src);
    const { text } = await exportBackup(src, { now: () => '2026-11-28T05:00:00.000Z' });

    const dst = freshDb();
    const result = await importBackup(dst, text, { engine, now: () => '2026-11-28T06:00:00.000Z' });
    expect(result).toEqual({
      ok: true,
      counts: { cases: 2, events: 6, evidence: 1, settings: 2, signatures: 1, adapters: 1, unchanged: 0 },
    });

    const [a, b] = [await dump(src), await dump(dst)];
    expect(b.cases).toEqual(a.cases);
    // The dashboard's index is not in the file: it is written with the restored cases.
    const index = (await readCaseIndex(dst)).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(index).toEqual(b.cases.map(({ snapshot: _, ...row }) => row));
    // Restored entries are new to this browser: storedAt is the import's time (sync sends them on).
    expect(b.events.map(({ storedAt: _, ...e }) => e)).toEqual(a.events.map(({ storedAt: _, ...e }) => e));
    expect(new Set(b.events.map((e) => e.storedAt))).toEqual(new Set(['2026-11-28T06:00:00.000Z']));
    expect(b.evidence.map(({ storedAt: _, ...e }) => e)).toEqual(
      a.evidence.map(({ storedAt: _, ...e }) => e),
    );
    expect(b.evidence[0]?.sha256).toBe(sha256);
    expect(b.evidence[0]?.blobType).toBe('image/jpeg');
    expect(b.settings).toEqual(a.settings.filter((s) => s.key !== 'deviceId'));
    expect(b.signatures).toEqual(a.signatures);
    expect(b.adapters).toEqual(a.adapters);
    expect(b.keys).toEqual([]);
    expect(b.views).toEqual([]);

    const repo = repoOf(dst, clock('2026-11-21T02:00:00.000Z'));
    for (const row of b.cases)
      expect(await repo.verifyLog(row.id)).toEqual({ ok: true, length: row.logLength });
    // The restored case carries on: a new event chains onto the imported head.
    const items = await itemsOf(repo, 'oss-rba:P-2');
    await tick(repo, 'oss-rba:P-2', items[1] as string);
    expect(await repo.verifyLog('oss-rba:P-2')).toEqual({ ok: true, length: 3 });
  });

  it('accepts the log entries in any order in the file', async () => {
    const src = freshDb();
    await seed(src);
    const file = parse((await exportBackup(src, {})).text);
    file.content.events.reverse();
    const dst = freshDb();
    const result = await importBackup(dst, await resign(file), { engine });
    expect(result.ok && result.counts.events).toBe(6);
  });

  it('is a no-op the second time the same file is imported', async () => {
    const src = freshDb();
    await seed(src);
    const { text } = await exportBackup(src, {});
    const dst = freshDb();
    expect((await importBackup(dst, text, { engine })).ok).toBe(true);
    const before = await dump(dst);
    const again = await importBackup(dst, text, { engine, now: () => '2026-12-01T00:00:00.000Z' });
    expect(again).toEqual({
      ok: true,
      counts: { cases: 0, events: 0, evidence: 0, settings: 0, signatures: 0, adapters: 0, unchanged: 2 },
    });
    expect(await dump(dst)).toEqual(before);
  });

  it('keeps local settings that are only for this browser, and overwrites the others', async () => {
    const src = freshDb();
    await seed(src);
    const { text } = await exportBackup(src, {});
    const dst = freshDb();
    await setSetting(dst, 'language', 'id');
    await setSetting(dst, 'deviceId', '6f1c1c3e-2f55-4c1b-9d51-1f2a3b4c5d6e');
    expect((await importBackup(dst, text, { engine })).ok).toBe(true);
    expect((await dst.settings.get('language'))?.value).toBe('en');
    expect((await dst.settings.get('deviceId'))?.value).toBe('6f1c1c3e-2f55-4c1b-9d51-1f2a3b4c5d6e');
  });

  describe('refuses, changing nothing', () => {
    async function exported() {
      const src = freshDb();
      const seeded = await seed(src);
      const { text } = await exportBackup(src, {});
      return { ...seeded, text, dst: await bystander() };
    }

    it('a file whose content was changed without its digest (tampered)', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      const event = file.content.events[1];
      if (!event) throw new Error('no event');
      event.at = event.at.replace(/.$/, event.at.endsWith('Z') ? 'Y' : 'Z');
      const error = await expectRefused(dst, JSON.stringify(file), 'tampered');
      expect(error.message.en).toContain('SHA-256');
      expect(error.message.id).toContain('diubah');
    });

    it('a file without a digest (tampered)', async () => {
      const { text, dst } = await exported();
      const file = parse(text) as Partial<BackupFile>;
      delete file.digest;
      await expectRefused(dst, JSON.stringify(file), 'tampered');
    });

    it('a changed event with a recomputed digest (chain-broken), naming the case and entry', async () => {
      const { text, dst, first } = await exported();
      const file = parse(text);
      const event = file.content.events.find((e) => e.caseId === first.id && e.seq === 2);
      if (event?.event?.type !== 'checklist.tick') throw new Error('no tick');
      event.event.itemId = `${event.event.itemId}x`;
      const error = await expectRefused(dst, await resign(file), 'chain-broken');
      expect(error.message.en).toContain(first.id);
      expect(error.message.id).toContain(first.id);
      expect(error.message.en).toContain('entry 2');
      expect(error.message.id).toContain('entri 2');
    });

    it('a log whose last entry was dropped, digest recomputed (chain-broken)', async () => {
      const { text, dst, first } = await exported();
      const file = parse(text);
      file.content.events = file.content.events.filter((e) => !(e.caseId === first.id && e.seq === 4));
      const error = await expectRefused(dst, await resign(file), 'chain-broken');
      expect(error.message.en).toContain(first.id);
    });

    it('a cut-off file (truncated)', async () => {
      const { text, dst } = await exported();
      const error = await expectRefused(dst, text.slice(0, Math.floor(text.length / 2)), 'truncated');
      expect(error.message.en).toMatch(/cut off/);
      await expectRefused(dst, '', 'truncated');
    });

    it('another kind of file (wrong-format)', async () => {
      const { dst } = await exported();
      const error = await expectRefused(dst, JSON.stringify({ format: 'kml', version: 1 }), 'wrong-format');
      expect(error.message.en).toContain('"kml"');
      await expectRefused(dst, '[1,2,3]', 'wrong-format');
    });

    it('a newer backup version (wrong-version), naming both versions', async () => {
      const { text, dst } = await exported();
      const file = parse(text) as unknown as Record<string, unknown>;
      file.version = 2;
      const error = await expectRefused(dst, JSON.stringify(file), 'wrong-version');
      expect(error.message.en).toContain('version 2');
      expect(error.message.en).toContain('version 1');
      expect(error.message.id).toContain('versi 2');
      expect(error.message.id).toContain('versi 1');
    });

    it('evidence whose bytes do not match their hash (invalid)', async () => {
      const { text, dst, sha256 } = await exported();
      const file = parse(text);
      const item = file.content.evidence[0];
      if (!item) throw new Error('no evidence');
      const bytes = PHOTO.slice();
      bytes[10] = (bytes[10] ?? 0) ^ 1;
      item.data = toBase64(bytes);
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain(sha256);
      expect(error.message.en).toContain('content.evidence[0]');
    });

    it('evidence that is not base64 (invalid)', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      const item = file.content.evidence[0];
      if (!item) throw new Error('no evidence');
      item.data = `${item.data.slice(0, -4)}!!!!`;
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('base64');
    });

    it('a row of the wrong shape (invalid), with its path', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      (file.content.cases[1] as unknown as Record<string, unknown>).seq = '3';
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('content.cases[1].seq');
      expect(error.message.id).toContain('content.cases[1].seq');
    });

    it('an index field of the wrong type (invalid)', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      (file.content.cases[0] as unknown as Record<string, unknown>).modes = 'remote';
      (file.content.events[0] as unknown as Record<string, unknown>).seq = 1.5;
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('content.cases[0].modes');
      expect(error.details?.map((d) => d.en).join('\n')).toContain('content.events[0].seq');
    });

    it('a backup that carries signing keys (invalid)', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      (file.content as unknown as Record<string, unknown>).keys = [{ id: 'key-1', label: 'x' }];
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('content.keys');
    });

    it("this browser's device id, or an unknown setting (invalid)", async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      file.content.settings.push({ key: 'deviceId', value: '6f1c1c3e-2f55-4c1b-9d51-1f2a3b4c5d6e' });
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('deviceId');
      const other = parse(text);
      other.content.settings.push({ key: 'theme', value: 'dark' });
      expect((await expectRefused(dst, await resign(other), 'invalid')).message.en).toContain('"theme"');
      const bad = parse(text);
      const officer = bad.content.settings.find((s) => s.key === 'officer');
      if (!officer) throw new Error('no officer');
      officer.value = { ...OFFICER, nip: '123' };
      expect((await expectRefused(dst, await resign(bad), 'invalid')).message.en).toContain('nip');
    });

    it('a case snapshot the engine cannot restore (invalid), naming the case', async () => {
      const { text, dst, second } = await exported();
      const file = parse(text);
      const row = file.content.cases.find((c) => c.id === second.id);
      if (!row) throw new Error('no case');
      (row.snapshot as unknown as Record<string, unknown>).permitId = 'no-such-permit';
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain(second.id);
      expect(error.message.id).toContain(second.id);
    });

    it('a case row whose seq does not follow its log (invalid)', async () => {
      const { text, dst, second } = await exported();
      const file = parse(text);
      const row = file.content.cases.find((c) => c.id === second.id);
      if (!row) throw new Error('no case');
      row.seq = 0;
      row.snapshot = { ...row.snapshot, seq: 0 };
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain(`Case ${second.id}: seq 0 should be 1`);
    });

    it('a log entry of a case that is not in the file (invalid)', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      const stray = { ...(file.content.events[0] as BackupFile['content']['events'][number]) };
      stray.id = crypto.randomUUID();
      stray.caseId = 'oss-rba:GONE';
      file.content.events.push(stray);
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('oss-rba:GONE');
    });

    it('the same id twice in a table (invalid)', async () => {
      const { text, dst } = await exported();
      const file = parse(text);
      file.content.signatures.push({
        ...(file.content.signatures[0] as BackupFile['content']['signatures'][number]),
      });
      const error = await expectRefused(dst, await resign(file), 'invalid');
      expect(error.message.en).toContain('content.signatures[1]');
    });

    it('a case whose log went another way here (diverged), listing the case', async () => {
      const a = freshDb();
      const repoA = repoOf(a);
      const row = await openCase(repoA, 'P-1');
      const items = await itemsOf(repoA, row.id);
      const b = freshDb();
      // A common prefix: b starts from a's backup of the freshly opened case.
      expect((await importBackup(b, (await exportBackup(a, {})).text, { engine })).ok).toBe(true);
      await tick(repoA, row.id, items[0] as string);
      await tick(repoOf(b, clock('2026-11-20T05:00:00.000Z')), row.id, items[1] as string);
      const error = await expectRefused(b, (await exportBackup(a, {})).text, 'diverged');
      expect(error.message.en).toContain(row.id);
      expect(error.message.id).toContain(row.id);
      expect(error.details?.map((d) => d.en)).toEqual([
        `Case ${row.id}: the log here and the backup's differ from entry 2 on.`,
      ]);
    });

    it('a whole import when one case diverged, even if others would merge', async () => {
      const a = freshDb();
      const repoA = repoOf(a);
      const one = await openCase(repoA, 'P-1');
      const two = await openCase(repoA, 'P-2');
      const items = await itemsOf(repoA, one.id);
      const b = freshDb();
      expect((await importBackup(b, (await exportBackup(a, {})).text, { engine })).ok).toBe(true);
      await tick(repoA, one.id, items[0] as string);
      await tick(repoA, two.id, items[0] as string); // would merge on its own
      await tick(repoOf(b, clock('2026-11-20T05:00:00.000Z')), one.id, items[2] as string);
      const error = await expectRefused(b, (await exportBackup(a, {})).text, 'diverged');
      expect(error.message.en).toContain(one.id);
      expect(error.message.en).not.toContain(two.id);
    });

    it('a log entry whose globally unique id is already used here by another case (diverged)', async () => {
      const eventId = crypto.randomUUID();
      const a = freshDb();
      const repoA = repoOf(a);
      const row = await openCase(repoA, 'P-1');
      const items = await itemsOf(repoA, row.id);
      await tick(repoA, row.id, items[0] as string, eventId);
      const b = freshDb();
      const repoB = repoOf(b);
      const other = await openCase(repoB, 'P-5');
      await tick(repoB, other.id, items[0] as string, eventId);
      const error = await expectRefused(b, (await exportBackup(a, {})).text, 'diverged');
      expect(error.details?.[0]?.en).toContain(eventId);
      expect(error.details?.[0]?.en).toContain(other.id);
    });

    it('a full disk (quota): the partly written transaction is rolled back', async () => {
      const { text, dst } = await exported();
      const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      const spy = vi.spyOn(dst.evidence, 'bulkAdd').mockRejectedValue(full);
      const error = await expectRefused(dst, text, 'quota');
      expect(spy).toHaveBeenCalled();
      expect(error.message.en).toContain('nothing was changed');
    });

    it('a full disk reported inside a Dexie error (quota), and any other failure (internal)', async () => {
      const { text, dst } = await exported();
      const wrapped = Object.assign(new Error('Transaction aborted'), {
        name: 'AbortError',
        inner: { name: 'QuotaExceededError' },
      });
      vi.spyOn(dst.adapters, 'bulkPut').mockRejectedValueOnce(wrapped);
      await expectRefused(dst, text, 'quota');
      vi.spyOn(dst.signatures, 'bulkPut').mockRejectedValueOnce(new Error('disk on fire'));
      const error = await expectRefused(dst, text, 'internal');
      expect(error.message.en).toContain('disk on fire');
    });
  });

  it('merges a longer log for a case that is here with a prefix of it', async () => {
    const a = freshDb();
    const repoA = repoOf(a);
    const row = await openCase(repoA, 'P-1');
    const items = await itemsOf(repoA, row.id);
    await tick(repoA, row.id, items[0] as string);
    const b = freshDb();
    expect((await importBackup(b, (await exportBackup(a, {})).text, { engine })).ok).toBe(true);
    await tick(repoA, row.id, items[1] as string);
    await tick(repoA, row.id, items[2] as string);

    const result = await importBackup(b, (await exportBackup(a, {})).text, { engine });
    expect(result).toMatchObject({ ok: true, counts: { cases: 1, events: 2, unchanged: 0 } });
    const [rowA, rowB] = [await a.cases.get(row.id), await b.cases.get(row.id)];
    expect(rowB).toEqual(rowA);
    const repoB = repoOf(b);
    expect((await repoB.log(row.id)).map((e) => e.hash)).toEqual(
      (await repoA.log(row.id)).map((e) => e.hash),
    );
    expect(await repoB.verifyLog(row.id)).toEqual({ ok: true, length: 4 });
  });

  it('keeps the local case when it is already longer than the backup', async () => {
    const a = freshDb();
    const repoA = repoOf(a);
    const row = await openCase(repoA, 'P-1');
    const items = await itemsOf(repoA, row.id);
    const old = (await exportBackup(a, {})).text;
    await tick(repoA, row.id, items[0] as string);
    const before = await dump(a);
    const result = await importBackup(a, old, { engine });
    expect(result).toMatchObject({ ok: true, counts: { cases: 0, events: 0, unchanged: 1 } });
    expect(await dump(a)).toEqual(before);
  });

  it('replaces signatures and adapters with the backup copy, keeps an evidence item stored under the same hash', async () => {
    const src = freshDb();
    const { sha256 } = await seed(src);
    const { text } = await exportBackup(src, {});
    const dst = freshDb();
    await dst.adapters.add({
      id: 'custom-portal',
      source: 'custom',
      definition: { old: true },
      updatedAt: '2020-01-01',
    });
    await dst.evidence.add({
      sha256,
      caseId: 'oss-rba:P-1',
      stepId: 's',
      name: 'kept.jpg',
      type: 'image/jpeg',
      size: PHOTO.length,
      blob: new Blob([PHOTO]),
      storedAt: '2020-01-01T00:00:00.000Z',
    });
    const result = await importBackup(dst, text, { engine });
    expect(result).toMatchObject({ ok: true, counts: { adapters: 1, evidence: 0 } });
    expect((await dst.adapters.get('custom-portal'))?.definition).toEqual({
      name: 'Portal Kabupaten',
      match: ['https://izin.example.go.id/*'],
    });
    expect((await dst.evidence.get(sha256))?.name).toBe('kept.jpg');
  });
});
