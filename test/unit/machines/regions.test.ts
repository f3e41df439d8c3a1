import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../../../machines/data/errors';
import {
  applyRegionOverrides,
  type Connectivity,
  findRegion,
  loadRegions,
  REGIONS,
  type RegionProfile,
} from '../../../machines/regions';
import provinces from '../../../machines/regions/provinces.json' with { type: 'json' };

const region = (code: string): RegionProfile => {
  const r = findRegion(code);
  if (!r) throw new Error(`no region ${code}`);
  return r;
};

const TANAH_PAPUA = ['91', '92', '94', '95', '96', '97'];

describe('the shipped provinces', () => {
  it('lists 38 unique two-digit BPS codes, including 31 DKI Jakarta and 97 Papua Pegunungan', () => {
    const codes = REGIONS.map((r) => r.code);
    expect(codes).toHaveLength(38);
    expect(new Set(codes).size).toBe(38);
    for (const c of codes) expect(c).toMatch(/^\d{2}$/);
    expect(region('31').name.id).toBe('DKI Jakarta');
    expect(region('97').name.id).toBe('Papua Pegunungan');
    expect(new Set(REGIONS.map((r) => r.kemendagriCode)).size).toBe(38);
  });

  it('keeps Kemendagri codes apart from BPS codes for the 2022 Papua provinces', () => {
    expect(region('94').kemendagriCode).toBe('91');
    expect(region('97').kemendagriCode).toBe('95');
    expect(region('92').kemendagriCode).toBe('96');
  });

  it('puts each province in the time zone of its region', () => {
    expect(region('31')).toMatchObject({ timeZone: 'WIB', utcOffsetHours: 7 });
    expect(region('51')).toMatchObject({ timeZone: 'WITA', utcOffsetHours: 8 });
    expect(region('64')).toMatchObject({ timeZone: 'WITA', utcOffsetHours: 8 });
    expect(region('61')).toMatchObject({ timeZone: 'WIB', utcOffsetHours: 7 });
    expect(region('82')).toMatchObject({ timeZone: 'WIT', utcOffsetHours: 9 });
    for (const c of TANAH_PAPUA) expect(region(c).timeZone).toBe('WIT');
  });

  it('counts 62 daerah tertinggal, 30 of them in Tanah Papua, 13 in NTT and 6 in Maluku', () => {
    const total = REGIONS.reduce((sum, r) => sum + r.daerahTertinggal.count, 0);
    const papua = TANAH_PAPUA.reduce((sum, c) => sum + region(c).daerahTertinggal.count, 0);
    expect(total).toBe(62);
    expect(papua).toBe(30);
    expect(region('53').daerahTertinggal.count).toBe(13);
    expect(region('81').daerahTertinggal.count).toBe(6);
    expect(region('53').is3T).toBe(true);
    expect(region('31').is3T).toBe(false);
  });

  it('uses the province figure where known and the island figure otherwise', () => {
    expect(region('34').penetrationUsed).toMatchObject({ percent: 88.73, year: 2024, level: 'province' });
    expect(region('31').penetrationUsed).toMatchObject({ percent: 81.8, year: 2023, level: 'island' });
  });

  it.each<[string, string, Connectivity]>([
    ['31', 'DKI Jakarta', 'good'],
    ['34', 'DI Yogyakarta', 'good'],
    ['97', 'Papua Pegunungan', 'limited'],
    ['53', 'NTT: moderate island figure, demoted by 13 daerah tertinggal', 'limited'],
    ['81', 'Maluku: demoted by 6 daerah tertinggal', 'limited'],
    ['82', 'Maluku Utara: 2 daerah tertinggal, not demoted', 'moderate'],
    ['76', 'Sulawesi Barat: own 59.11%', 'limited'],
    ['64', 'Kalimantan Timur', 'good'],
  ])('derives connectivity of %s (%s) as %s', (code, _why, expected) => {
    expect(region(code).connectivity).toBe(expected);
  });

  it('explains the derivation in both languages', () => {
    const ntt = region('53').connectivityReason;
    expect(ntt.en).toContain('72.3%');
    expect(ntt.en).toContain('13 daerah tertinggal');
    expect(ntt.id).toContain('72,3%');
    expect(ntt.id).toContain('terbatas');
  });

  it('ships WFA start dates that follow the roadmap rule', () => {
    const byClass: Record<Connectivity, string> = {
      good: '2025-04-21',
      moderate: '2026-01-05',
      limited: '2027-01-04',
    };
    for (const r of REGIONS) {
      expect(r.connectivityOverride, r.code).toBeUndefined();
      expect(r.wfaStart.date, r.code).toBe(byClass[r.connectivity]);
      expect(r.wfaStart.judgement, r.code).toBe(true);
    }
  });

  it('is frozen, so no caller can change the shipped data', () => {
    expect(Object.isFrozen(REGIONS)).toBe(true);
    expect(Object.isFrozen(region('31').wfaStart)).toBe(true);
  });
});

describe('findRegion', () => {
  it('finds by BPS code or exact Indonesian name, ignoring case and spaces', () => {
    expect(findRegion(' 31 ')?.name.id).toBe('DKI Jakarta');
    expect(findRegion('dki jakarta')?.code).toBe('31');
    expect(findRegion('  Papua Pegunungan ')?.code).toBe('97');
    expect(findRegion('Papua')?.code).toBe('94');
  });

  it('returns undefined for unknown codes and partial names', () => {
    expect(findRegion('93')).toBeUndefined();
    expect(findRegion('Jakarta')).toBeUndefined();
    expect(findRegion('')).toBeUndefined();
  });
});

describe('applyRegionOverrides', () => {
  it('applies a policy date and connectivity, re-deriving the profile', () => {
    const out = applyRegionOverrides(REGIONS, {
      '53': { wfaStart: '2026-07-01', source: 'Pergub NTT (example)' },
      '97': { connectivity: 'moderate' },
    });
    const ntt = findRegion('53', out);
    const pp = findRegion('97', out);
    expect(ntt?.wfaStart).toEqual({ date: '2026-07-01', source: 'Pergub NTT (example)' });
    expect(ntt?.connectivity).toBe('limited');
    expect(pp?.connectivity).toBe('moderate');
    expect(pp?.connectivityReason.en).toContain('override');
    expect(pp?.wfaStart.date).toBe('2027-01-04');
    expect(findRegion('31', out)).toBe(region('31'));
    expect(region('53').wfaStart.date).toBe('2027-01-04');
  });

  it('rejects unknown codes, bad dates and bad values all at once and applies nothing', () => {
    const before = JSON.stringify(REGIONS);
    let caught: unknown;
    try {
      applyRegionOverrides(REGIONS, {
        '99': { wfaStart: '2026-01-05' },
        '53': { wfaStart: '2026-13-01' },
        '31': { connectivity: 'great' as Connectivity },
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidDataError);
    const paths = (caught as InvalidDataError).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['31.connectivity', '53.wfaStart', '99']);
    expect(JSON.stringify(REGIONS)).toBe(before);
  });
});

describe('loadRegions', () => {
  const copy = () => structuredClone(provinces) as { provinces: Record<string, Record<string, unknown>> };

  it('accepts the shipped file', () => {
    const result = loadRegions(provinces);
    expect(result.ok && result.value.length).toBe(38);
  });

  it('reports every error of a broken file with its path', () => {
    const bad = copy();
    const p = bad.provinces;
    delete p['11'];
    (p['31'] as { code: string }).code = '32';
    (p['34'] as { internetPenetration: { percent: number } }).internetPenetration.percent = 120;
    (p['53'] as { wfaStart: { date: string } }).wfaStart.date = '2027-02-30';
    (p['51'] as { timeZone: string }).timeZone = 'WIB';
    (p['97'] as { kemendagriCode: string }).kemendagriCode = '31';
    (p['13'] as { islandPenetration: { percent: number } }).islandPenetration.percent = 70;
    (p['12'] as Record<string, unknown>).remark = 'typo field';
    const result = loadRegions(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        'provinces',
        'provinces.31.code',
        'provinces.34.internetPenetration.percent',
        'provinces.53.wfaStart.date',
        'provinces.51.utcOffsetHours',
        'provinces.97.kemendagriCode',
        'provinces.13.islandPenetration.percent',
        'provinces.12.remark',
      ].sort(),
    );
    for (const e of result.errors) {
      expect(e.problem.id.length, e.path).toBeGreaterThan(0);
      expect(e.fix.en.length, e.path).toBeGreaterThan(0);
    }
  });

  it('rejects a province key that is not two digits', () => {
    const bad = copy();
    bad.provinces['1'] = bad.provinces['11'] as Record<string, unknown>;
    delete bad.provinces['11'];
    const result = loadRegions(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.problem.en)).toContain('Not a two-digit province code.');
  });
});
