import { describe, expect, it } from 'vitest';
import {
  type ActivityRow,
  activityMap,
  applyRegionOverrides,
  assessStep,
  CATALOG,
  filterActivityMap,
  findRegion,
  REGIONS,
  type RegionProfile,
} from '../../../machines';

const region = (code: string): RegionProfile => {
  const found = findRegion(code);
  if (!found) throw new Error(`no region ${code}`);
  return found;
};
const dki = region('31');
const papuaPegunungan = region('97');
const BEFORE_PAPUA_WFA = '2026-11-28';
const AFTER_PAPUA_WFA = '2027-01-15';

const allRows = (rows: { permits: { rows: ActivityRow[] }[] }) => rows.permits.flatMap((p) => p.rows);

describe('the activity map', () => {
  it('has one row per catalog step, in catalog order, each weighed for every region', () => {
    const map = activityMap({ regions: [dki, papuaPegunungan], date: BEFORE_PAPUA_WFA });
    const expected = CATALOG.flatMap((d) =>
      d.stages.flatMap((s) => s.steps.map((t) => `${d.id}/${s.id}/${t.id}`)),
    );
    const rows = allRows(map);
    expect(rows.map((r) => `${r.permitId}/${r.stageId}/${r.stepId}`)).toEqual(expected);
    expect(map.steps).toBe(expected.length);
    expect(map.permits.map((p) => p.id)).toEqual(CATALOG.map((d) => d.id));
    for (const row of rows) expect(row.cells).toHaveLength(2);
  });

  it('gives DKI Jakarta and Papua Pegunungan different modes and says why (WFA roadmap not started)', () => {
    const map = activityMap({ regions: [dki, papuaPegunungan], date: BEFORE_PAPUA_WFA });
    const differing = allRows(map).filter((r) => r.differs);
    expect(differing.length).toBeGreaterThan(0);
    expect(map.differing).toBe(differing.length);
    for (const row of differing) {
      const [a, b] = row.cells;
      expect(a?.mode).toBe('remote');
      expect(b?.mode).toBe('office');
      expect(b?.decidedBy).toBe('wfa-roadmap');
      expect(b?.reasons[0]?.text.id).toContain('Papua Pegunungan');
      expect(b?.reasons[0]?.text.id).toContain('2027-01-04');
      expect(b?.reasons[0]?.text.en).toContain('WFA roadmap');
    }
    // Steps whose own facts decide (field, originals, counter) are the same in both.
    const same = allRows(map).filter((r) => !r.differs);
    expect(same.some((r) => r.cells[0]?.mode === 'field' && r.cells[1]?.mode === 'field')).toBe(true);
  });

  it('after the Papua roadmap starts, limited connectivity keeps its officers’ online steps at the office', () => {
    const map = activityMap({ regions: [dki, papuaPegunungan], date: AFTER_PAPUA_WFA });
    const rows = allRows(map);
    const connectivity = rows.filter((r) => r.cells[1]?.decidedBy === 'connectivity');
    expect(connectivity.length).toBeGreaterThan(0);
    for (const row of connectivity) {
      expect(row.differs).toBe(true);
      expect(row.cells[1]?.reasons[0]?.text.id).toContain('terbatas');
      // The derivation of the connectivity class travels with it.
      expect(row.cells[1]?.reasons[1]?.text.id).toContain('daerah tertinggal');
    }
    expect(rows.some((r) => r.cells[1]?.decidedBy === 'wfa-roadmap')).toBe(false);
  });

  it('notes the 3T fallback where a step can go remote in a province with daerah tertinggal', () => {
    const ntb = region('52');
    expect(ntb.is3T).toBe(true);
    const map = activityMap({ regions: [ntb], date: AFTER_PAPUA_WFA });
    const remote = allRows(map).filter((r) => r.cells[0]?.decidedBy === 'remote-capable');
    expect(remote.length).toBeGreaterThan(0);
    for (const row of remote) {
      expect(row.cells[0]?.reasons.map((x) => x.text.id).join(' ')).toContain('daerah tertinggal');
    }
  });

  it('changes a mode when the date crosses the region’s WFA start, and the counts follow', () => {
    const aceh = region('11');
    expect(aceh.wfaStart.date).toBe('2026-01-05');
    const before = activityMap({ regions: [aceh], date: '2026-01-02' });
    const after = activityMap({ regions: [aceh], date: '2026-01-05' });
    const changed = allRows(before).filter((r, i) => r.cells[0]?.mode !== allRows(after)[i]?.cells[0]?.mode);
    expect(changed.length).toBeGreaterThan(0);
    for (const row of changed) expect(row.cells[0]?.decidedBy).toBe('wfa-roadmap');
    expect(before.regions[0]?.wfaStarted).toBe(false);
    expect(after.regions[0]?.wfaStarted).toBe(true);
    expect(after.regions[0]?.counts.remote).toBeGreaterThan(before.regions[0]?.counts.remote ?? 0);
  });

  it('finds no differences when a region is compared with itself', () => {
    const map = activityMap({ regions: [papuaPegunungan, papuaPegunungan], date: BEFORE_PAPUA_WFA });
    expect(map.differing).toBe(0);
    expect(allRows(map).some((r) => r.differs)).toBe(false);
    expect(map.regions[0]?.counts).toEqual(map.regions[1]?.counts);
  });

  it('uses assessStep for every cell, so the map never disagrees with the engine', () => {
    const map = activityMap({ regions: [dki, papuaPegunungan], date: BEFORE_PAPUA_WFA });
    for (const definition of CATALOG) {
      const permit = map.permits.find((p) => p.id === definition.id);
      const steps = definition.stages.flatMap((s) => s.steps);
      steps.forEach((step, i) => {
        expect(permit?.rows[i]?.cells[1]).toEqual(assessStep(step, papuaPegunungan, BEFORE_PAPUA_WFA));
      });
    }
  });

  it('counts each step once per region by mode and carries the profiles with their sources', () => {
    const map = activityMap({ regions: [dki, papuaPegunungan], date: BEFORE_PAPUA_WFA });
    const [a, b] = map.regions;
    for (const r of [a, b]) {
      expect((r?.counts.remote ?? 0) + (r?.counts.office ?? 0) + (r?.counts.field ?? 0)).toBe(map.steps);
      expect(r?.sources.length).toBeGreaterThan(0);
    }
    expect(a).toMatchObject({ code: '31', connectivity: 'good', is3T: false, wfaStarted: true });
    expect(a?.wfaStart.date).toBe(dki.wfaStart.date);
    expect(b).toMatchObject({ code: '97', connectivity: 'limited', is3T: true, wfaStarted: false });
    expect(b?.daerahTertinggal).toBe(papuaPegunungan.daerahTertinggal.count);
    expect(b?.counts.office).toBeGreaterThan(a?.counts.office ?? 0);
  });

  it('follows an agency override of the roadmap date', () => {
    const early = applyRegionOverrides(REGIONS, { '97': { wfaStart: '2026-07-01', source: 'Pergub uji' } });
    const map = activityMap({ regions: [region('31'), region97(early)], date: BEFORE_PAPUA_WFA });
    expect(allRows(map).some((r) => r.cells[1]?.decidedBy === 'wfa-roadmap')).toBe(false);
    expect(map.regions[1]?.sources).toContain('Pergub uji');
  });

  it('marks conditional steps with their condition in words', () => {
    const map = activityMap({ regions: [dki], date: BEFORE_PAPUA_WFA });
    const conditional = CATALOG.flatMap((d) => d.stages.flatMap((s) => s.steps)).filter((s) => s.when);
    const withCondition = allRows(map).filter((r) => r.condition);
    expect(withCondition).toHaveLength(conditional.length);
  });

  it('refuses a malformed date and an empty region list', () => {
    expect(() => activityMap({ regions: [dki], date: '28-11-2026' })).toThrow(RangeError);
    expect(() => activityMap({ regions: [], date: BEFORE_PAPUA_WFA })).toThrow(RangeError);
  });
});

describe('filterActivityMap', () => {
  const map = activityMap({ regions: [dki, papuaPegunungan], date: BEFORE_PAPUA_WFA });

  it('keeps one permit, or only differing steps, and drops permits left empty', () => {
    const pbg = filterActivityMap(map, { permitId: 'pbg' });
    expect(pbg.permits.map((p) => p.id)).toEqual(['pbg']);
    expect(pbg.steps).toBe(map.permits.find((p) => p.id === 'pbg')?.rows.length);

    const diffs = filterActivityMap(map, { onlyDifferences: true });
    expect(diffs.steps).toBe(map.differing);
    expect(allRows(diffs).every((r) => r.differs)).toBe(true);
    expect(diffs.permits.every((p) => p.rows.length > 0)).toBe(true);
    // Region counts describe the whole map, not the filtered view.
    expect(diffs.regions).toEqual(map.regions);
  });

  it('leaves nothing when the same region is compared and only differences are asked for', () => {
    const same = activityMap({ regions: [dki, dki], date: BEFORE_PAPUA_WFA });
    expect(filterActivityMap(same, { onlyDifferences: true }).permits).toEqual([]);
  });
});

function region97(regions: readonly RegionProfile[]): RegionProfile {
  const found = findRegion('97', regions);
  if (!found) throw new Error('no region 97');
  return found;
}
