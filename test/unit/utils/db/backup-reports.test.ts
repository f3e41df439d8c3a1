/**
 * Imported activity reports travel in backups as their signed files and are verified again on
 * restore: a report changed inside a (re-digested) backup refuses the whole backup.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, createEngine, sha256Hex } from '../../../../machines';
import { type BackupFile, exportBackup, importBackup } from '../../../../utils/db/backup';
import { indexer } from '../../../../utils/db/cases';
import { importReports } from '../../../../utils/db/reports';
import { openDb, type PanduDb } from '../../../../utils/db/schema';
import { BUDI, caseRow, entry, payloadOf, reportText, SARI, signerFor } from '../team/fixtures';

const engine = createEngine();
const opened: PanduDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
const fresh = () => {
  const db = openDb({ name: `backup-reports-${crypto.randomUUID()}`, indexCase: indexer(engine) });
  opened.push(db);
  return db;
};
const WEEK = { from: '2026-11-23', to: '2026-11-27' };

async function withReports() {
  const db = fresh();
  const sari = await reportText(
    payloadOf(SARI, WEEK, [entry(SARI.nip, 'a:1', '2026-11-24', 'step.complete')], [caseRow('a:1')]),
    await signerFor(SARI),
  );
  const budi = await reportText(
    payloadOf(BUDI, WEEK, [entry(BUDI.nip, 'b:1', '2026-11-25', 'evidence.attach')], [caseRow('b:1')]),
    await signerFor(BUDI),
  );
  const verdicts = await importReports(
    db,
    [
      { name: 'sari.json', content: sari },
      { name: 'budi.json', content: budi },
    ],
    new Date('2026-11-30T01:00:00Z'),
  );
  expect(verdicts.map((v) => v.status)).toEqual(['imported', 'imported']);
  return db;
}

const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('reports in backups', () => {
  it('exports the signed files and restores the same rows; twice is harmless', async () => {
    const src = await withReports();
    const { text } = await exportBackup(src);
    const file = JSON.parse(text) as BackupFile;
    expect(file.content.reports?.map((r) => r.fileName).sort()).toEqual(['budi.json', 'sari.json']);
    const dst = fresh();
    const result = await importBackup(dst, text, { engine });
    expect(result).toMatchObject({ ok: true, counts: { reports: 2 } });
    expect(sortById(await dst.reports.toArray())).toEqual(sortById(await src.reports.toArray()));
    expect(await importBackup(dst, text, { engine })).toMatchObject({ ok: true, counts: { reports: 0 } });
    expect(await dst.reports.count()).toBe(2);
  });

  it('leaves the reports key out when there are none (older builds read the file)', async () => {
    const { text } = await exportBackup(fresh());
    expect(Object.keys((JSON.parse(text) as BackupFile).content)).not.toContain('reports');
  });

  it('refuses the whole backup when a report in it no longer verifies', async () => {
    const src = await withReports();
    const file = JSON.parse((await exportBackup(src)).text) as BackupFile;
    const entry0 = file.content.reports?.[0];
    if (!entry0) throw new Error('no report in the backup');
    entry0.file.payload = entry0.file.payload
      .replace(/"steps":1/, '"steps":6')
      .replace(/"visits":1/, '"visits":6');
    file.digest = await sha256Hex(canonicalJson(file.content));
    const dst = fresh();
    const result = await importBackup(dst, JSON.stringify(file), { engine });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.details?.[0]?.en ?? result.error.message.en).toContain('content.reports[0]');
    expect(await dst.reports.count()).toBe(0);
    expect(await dst.cases.count()).toBe(0);
  });
});
