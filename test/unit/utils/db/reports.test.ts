import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../machines';
import { indexer } from '../../../../utils/db/cases';
import { deleteReport, importReports } from '../../../../utils/db/reports';
import { openDb, type PanduDb } from '../../../../utils/db/schema';
import { BUDI, caseRow, entry, payloadOf, reportText, SARI, signerFor } from '../team/fixtures';

const opened: PanduDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
const fresh = () => {
  const db = openDb({ name: `reports-${crypto.randomUUID()}`, indexCase: indexer(createEngine()) });
  opened.push(db);
  return db;
};
const WEEK = { from: '2026-11-23', to: '2026-11-27' };
const NOW = new Date('2026-11-30T01:00:00Z');

async function files() {
  const sari = await reportText(
    payloadOf(SARI, WEEK, [entry(SARI.nip, 'a:1', '2026-11-24', 'step.complete')], [caseRow('a:1')]),
    await signerFor(SARI),
  );
  const budi = await reportText(
    payloadOf(BUDI, WEEK, [entry(BUDI.nip, 'b:1', '2026-11-25', 'evidence.attach')], [caseRow('b:1')]),
    await signerFor(BUDI),
  );
  const file = JSON.parse(budi) as { payload: string };
  const tampered = JSON.stringify({ ...file, payload: file.payload.replace('"visits":1', '"visits":5') });
  return { sari, budi, tampered };
}

describe('importReports', () => {
  it('gives each file its own verdict; a refused one writes nothing', async () => {
    const db = fresh();
    const { sari, tampered } = await files();
    const verdicts = await importReports(
      db,
      [
        { name: 'sari.json', content: sari },
        { name: 'budi-diubah.json', content: tampered },
        { name: 'rusak.json', content: '{"format":' },
      ],
      NOW,
    );
    expect(verdicts.map((v) => [v.file, v.status, v.status === 'refused' ? v.reason : ''])).toEqual([
      ['sari.json', 'imported', ''],
      ['budi-diubah.json', 'refused', 'data-changed'],
      ['rusak.json', 'refused', 'malformed'],
    ]);
    const rows = await db.reports.toArray();
    expect(rows.map((r) => r.officer)).toEqual([SARI.nip]);
    expect(rows[0]).toMatchObject({
      name: SARI.name,
      from: WEEK.from,
      to: WEEK.to,
      certified: false,
      importedAt: NOW.toISOString(),
      fileName: 'sari.json',
    });
    expect(await db.reports.where('officer').equals(BUDI.nip).count()).toBe(0);
  });

  it('importing the same report again is harmless and says so', async () => {
    const db = fresh();
    const { sari, budi } = await files();
    await importReports(db, [{ name: 'sari.json', content: sari }], NOW);
    const before = await db.reports.toArray();
    const again = await importReports(
      db,
      [
        { name: 'salinan-sari.json', content: new TextEncoder().encode(sari) },
        { name: 'budi.json', content: budi },
      ],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(again.map((v) => v.status)).toEqual(['duplicate', 'imported']);
    expect(await db.reports.get(before[0]?.id ?? '')).toEqual(before[0]);
    expect(await db.reports.count()).toBe(2);
    await deleteReport(db, before[0]?.id ?? '');
    expect((await db.reports.toArray()).map((r) => r.officer)).toEqual([BUDI.nip]);
  });
});
