/**
 * The activity map's exports: the CSV rows (header in the page's language, one row per step with
 * both regions) and the PDF read back by poppler's pdftotext (both regions, their WFA dates,
 * Indonesian labels, every permit, sources, page numbers, "dibuat dengan Pandu Izin").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityMapCsv,
  activityMapFileName,
  activityMapRows,
} from '../../../../components/activity-map/map-csv';
import { activityMapPdf } from '../../../../components/activity-map/map-pdf';
import {
  activityMap,
  CATALOG,
  filterActivityMap,
  findRegion,
  type RegionProfile,
} from '../../../../machines';
import { fixtureFonts } from '../../helpers/extension-page';

const region = (code: string): RegionProfile => {
  const found = findRegion(code);
  if (!found) throw new Error(`no region ${code}`);
  return found;
};
const DATE = '2026-11-28';
const map = activityMap({ regions: [region('31'), region('97')], date: DATE });

describe('the activity map CSV', () => {
  it('has a header in the chosen language and one row per step with both regions', () => {
    const rows = activityMapRows(map, 'id');
    expect(rows[0]).toEqual([
      'Tanggal penilaian',
      'Kode izin',
      'Izin',
      'Tahap',
      'Kode langkah',
      'Langkah',
      'Peran',
      'Mode — DKI Jakarta',
      'Aturan — DKI Jakarta',
      'Alasan — DKI Jakarta',
      'Mode — Papua Pegunungan',
      'Aturan — Papua Pegunungan',
      'Alasan — Papua Pegunungan',
      'Berbeda',
    ]);
    expect(rows).toHaveLength(map.steps + 1);
    expect(activityMapRows(map, 'en')[0]?.[7]).toBe('Mode — Jakarta (Special Capital Region)');
    expect(activityMapRows(map, 'en')[0]?.[13]).toBe('Differs');
    expect(activityMapRows(map, 'en')[0]?.[11]).toBe('Rule — Highland Papua');
  });

  it('writes a differing step with both modes, rules and reasons', () => {
    const row = map.permits.flatMap((p) => p.rows).find((r) => r.differs);
    const line = activityMapRows(map, 'id').find((r) => r[4] === row?.stepId && r[1] === row?.permitId);
    expect(line?.[0]).toBe(DATE);
    expect(line?.[7]).toBe('Dari mana saja');
    expect(line?.[10]).toBe('Di kantor');
    expect(line?.[11]).toBe('wfa-roadmap');
    expect(line?.[12]).toContain('Peta jalan WFA Papua Pegunungan baru mulai 2027-01-04');
    expect(line?.[13]).toBe('ya');
  });

  it('is one file with the BOM, and the file name carries both regions and the date', () => {
    const text = activityMapCsv(map, 'id');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(map.steps + 1);
    expect(activityMapFileName(map, 'csv')).toBe('peta-kegiatan-31-97-2026-11-28.csv');
  });
});

describe('the activity map PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'map-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = (bytes: Uint8Array, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(
      execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    );
    return { text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), pages, size };
  };

  it('reads back in Indonesian: title, both regions with WFA dates, every permit, sources, footer', async () => {
    const started = performance.now();
    const bytes = await activityMapPdf(map, {
      lang: 'id',
      fonts: fixtureFonts(),
      generatedAt: '2026-11-28 10:00 +07:00',
    });
    const ms = performance.now() - started;
    const { text, pages, size } = read(bytes, 'full.pdf');
    console.info(`activity map PDF: ${pages} pages, ${bytes.length} bytes, ${ms.toFixed(0)} ms`);
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2])); // landscape
    expect(text).toContain('Peta kegiatan perizinan: mode kerja per langkah');
    expect(text).toContain('DKI Jakarta dibandingkan dengan Papua Pegunungan');
    expect(text).toContain('Wilayah A: DKI Jakarta (kode BPS 31)');
    expect(text).toContain('Wilayah B (pembanding): Papua Pegunungan (kode BPS 97)');
    expect(text).toContain('2025-04-21 — sudah berjalan pada 2026-11-28');
    expect(text).toContain('2027-01-04 — belum dimulai pada 2026-11-28');
    expect(text).toContain('dibuat dengan Pandu Izin');
    expect(text).toContain('Dibuat 2026-11-28 10:00 +07:00');
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain(`${map.differing} dari ${map.steps} langkah berbeda.`);
    expect(text).toContain('Sumber data');
    for (const d of CATALOG) expect(text).toContain(d.name.id);
    expect(text).toContain('Berbeda');
    expect(text).toContain('Di kantor [wfa-roadmap]');
    expect(pages).toBeGreaterThan(1);
  });

  it('prints only the filtered steps, says so, and switches language', async () => {
    const only = filterActivityMap(map, { permitId: 'pbg', onlyDifferences: true });
    const bytes = await activityMapPdf(only, {
      lang: 'en',
      fonts: fixtureFonts(),
      generatedAt: '2026-11-28 10:00 +07:00',
      filterNote: 'PBG, only differing steps',
    });
    const { text } = read(bytes, 'filtered.pdf');
    expect(text).toContain('Permit activity map: work mode per step');
    expect(text).toContain('Only the steps shown on the page at export: PBG, only differing steps.');
    expect(text).toContain('Region B (comparison): Highland Papua (BPS code 97)');
    const others = CATALOG.filter((d) => d.id !== 'pbg');
    for (const d of others) expect(text).not.toContain(d.name.en);
    expect(text).not.toContain('Same');
  });
});
