import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_RULES,
  applyRegionOverrides,
  assessStep,
  CATALOG,
  findRegion,
  modesOf,
  REGIONS,
  type RegionReadiness,
  type Step,
} from '../../../machines';

const facts = (over: Partial<Step['facts']> = {}): Step['facts'] => ({
  sitePresence: false,
  originalDocuments: false,
  faceToFace: false,
  onlineSystem: true,
  largeUploads: false,
  source: 'test',
  ...over,
});
const step = (over: Partial<Step['facts']> = {}, role: Step['role'] = 'back-office') => ({
  role,
  facts: facts(over),
});
const region = (over: Partial<RegionReadiness> = {}): RegionReadiness => ({
  code: '99',
  name: { id: 'Uji', en: 'Test' },
  connectivity: 'good',
  is3T: false,
  wfaStart: { date: '2025-04-21' },
  ...over,
});

const dki = findRegion('31');
const papuaPegunungan = findRegion('97');

describe('assessment rules', () => {
  it('sends site presence to the field whatever the region', () => {
    for (const r of [dki, papuaPegunungan, undefined]) {
      expect(assessStep(step({ sitePresence: true }), r, '2027-06-01').mode).toBe('field');
    }
  });

  it('keeps original documents and face-to-face work at the office, even in the best region', () => {
    expect(assessStep(step({ originalDocuments: true }), dki, '2027-06-01').decidedBy).toBe('original-docs');
    expect(assessStep(step({ faceToFace: true }), dki, '2027-06-01').mode).toBe('office');
  });

  it('treats applicant and system steps as remote', () => {
    expect(assessStep(step({}, 'applicant'), papuaPegunungan, '2026-01-01').mode).toBe('remote');
    expect(assessStep(step({}, 'system'), papuaPegunungan, '2026-01-01').decidedBy).toBe('not-officer');
  });

  it('keeps office work before the region’s WFA roadmap starts, and releases it on the start date', () => {
    const r = region({ wfaStart: { date: '2026-07-01' } });
    const before = assessStep(step(), r, '2026-06-30');
    expect(before.mode).toBe('office');
    expect(before.decidedBy).toBe('wfa-roadmap');
    expect(before.reasons[0]?.text.id).toContain('2026-07-01');
    expect(assessStep(step(), r, '2026-07-01').mode).toBe('remote');
  });

  it('demotes online work under limited connectivity and large uploads under moderate connectivity', () => {
    expect(
      assessStep(step({ onlineSystem: true }), region({ connectivity: 'limited' }), '2027-01-01').decidedBy,
    ).toBe('connectivity');
    expect(
      assessStep(step({ onlineSystem: false }), region({ connectivity: 'limited' }), '2027-01-01').mode,
    ).toBe('remote');
    expect(
      assessStep(step({ largeUploads: true }), region({ connectivity: 'moderate' }), '2027-01-01').mode,
    ).toBe('office');
    expect(
      assessStep(step({ onlineSystem: true }), region({ connectivity: 'moderate' }), '2027-01-01').mode,
    ).toBe('remote');
  });

  it('is asymmetric: the same step is remote in DKI Jakarta and office in Papua Pegunungan', () => {
    for (const date of ['2026-11-28', '2027-06-01']) {
      const jakarta = assessStep(step(), dki, date);
      const highlands = assessStep(step(), papuaPegunungan, date);
      expect(jakarta.mode, date).toBe('remote');
      expect(highlands.mode, date).toBe('office');
    }
    // Before the roadmap it is the date; after it, the connectivity.
    expect(assessStep(step(), papuaPegunungan, '2026-11-28').decidedBy).toBe('wfa-roadmap');
    expect(assessStep(step(), papuaPegunungan, '2027-06-01').decidedBy).toBe('connectivity');
  });

  it('shows the asymmetry on real catalog steps', () => {
    const differing = CATALOG.flatMap((d) => d.stages.flatMap((s) => s.steps)).filter(
      (s) => assessStep(s, dki, '2027-06-01').mode !== assessStep(s, papuaPegunungan, '2027-06-01').mode,
    );
    expect(differing.length).toBeGreaterThan(5);
  });

  it('follows a policy override of the roadmap', () => {
    const [early] = applyRegionOverrides(REGIONS, { '97': { wfaStart: '2026-01-05' } }).filter(
      (r) => r.code === '97',
    );
    expect(assessStep(step({ onlineSystem: false }), early, '2026-11-28').mode).toBe('remote');
  });

  it('explains every result in both languages and says when no region was weighed', () => {
    const a = assessStep(step(), undefined, '2026-11-28');
    expect(a.mode).toBe('remote');
    expect(a.reasons.some((r) => r.text.en.includes('No region profile'))).toBe(true);
    for (const r of REGIONS) {
      for (const s of [step(), step({ largeUploads: true }), step({ faceToFace: true })]) {
        const result = assessStep(s, r, '2026-11-28');
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) {
          expect(reason.text.id).not.toBe('');
          expect(reason.text.en).not.toBe('');
        }
      }
    }
  });

  it('is deterministic and documents one table row per rule', () => {
    expect(assessStep(step(), papuaPegunungan, '2027-06-01')).toEqual(
      assessStep(step(), papuaPegunungan, '2027-06-01'),
    );
    expect(new Set(ASSESSMENT_RULES.map((r) => r.rule)).size).toBe(7);
  });

  it('orders a stage’s modes field, office, remote', () => {
    const a = [
      assessStep(step(), dki, '2027-01-01'),
      assessStep(step({ sitePresence: true }), dki, '2027-01-01'),
    ];
    expect(modesOf(a)).toEqual(['field', 'remote']);
  });
});
