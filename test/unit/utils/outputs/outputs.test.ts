import { describe, expect, it } from 'vitest';
import { againstTarget, countOutputs, outputKind, weekOf } from '../../../../utils/outputs/outputs';

const ev = (officer: string | null, at: string, type: string, caseId = 'oss:1') => ({
  caseId,
  officer,
  at,
  event: { type },
});

describe('outputs from the event log', () => {
  it('counts steps, advances and visits per officer, day and week', () => {
    const out = countOutputs([
      ev('198001012006041001', '2026-11-23T09:00:00+07:00', 'step.complete'),
      ev('198001012006041001', '2026-11-23T10:00:00+07:00', 'stage.advance'),
      ev('198001012006041001', '2026-11-24T10:00:00+07:00', 'evidence.attach', 'oss:2'),
      ev('198001012006041001', '2026-11-24T11:00:00+07:00', 'checklist.tick'),
      ev('198001012006041001', '2026-11-29T11:00:00+07:00', 'case.approve'),
      ev('199002022015032002', '2026-11-30T08:00:00+07:00', 'step.complete'),
      ev(null, '2026-11-30T08:00:00+07:00', 'case.close'),
    ]);
    expect(out.map((o) => o.officer)).toEqual(['', '198001012006041001', '199002022015032002']);
    const a = out[1];
    if (!a) throw new Error('no outputs for the first officer');
    expect(a.total).toEqual({ steps: 1, advances: 2, visits: 1 });
    expect(a.byDay['2026-11-23']).toEqual({ steps: 1, advances: 1, visits: 0 });
    expect(a.byDay['2026-11-24']).toEqual({ steps: 0, advances: 0, visits: 1 });
    // Sunday 29 November belongs to the week that began on Monday 23 November.
    expect(a.byWeek['2026-11-23']).toEqual({ steps: 1, advances: 2, visits: 1 });
    expect(a.cases).toBe(2);
    expect(out[2]?.byWeek['2026-11-30']).toEqual({ steps: 1, advances: 0, visits: 0 });
  });

  it('keeps only events inside the period, by the local date of the event', () => {
    const events = [
      ev('a', '2026-11-22T23:30:00+07:00', 'step.complete'),
      ev('a', '2026-11-23T00:10:00+07:00', 'step.complete'),
      ev('a', '2026-11-27T16:00:00+07:00', 'step.complete'),
      ev('a', '2026-11-28T08:00:00+07:00', 'step.complete'),
    ];
    const [a] = countOutputs(events, { from: '2026-11-23', to: '2026-11-27' });
    expect(a?.total.steps).toBe(2);
    expect(countOutputs(events, { from: '2026-12-01' })).toEqual([]);
  });

  it('classifies events and weeks', () => {
    expect(outputKind('case.approve')).toBe('advances');
    expect(outputKind('portal.statusSeen')).toBeNull();
    expect(outputKind(undefined)).toBeNull();
    expect(weekOf('2026-11-23')).toBe('2026-11-23');
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
    expect(weekOf('2027-01-01')).toBe('2026-12-28');
  });

  it('compares outputs with targets', () => {
    const r = againstTarget({ steps: 3, advances: 0, visits: 2 }, { steps: 4, advances: 0, visits: 1 });
    expect(r.steps).toEqual({ done: 3, target: 4, met: false });
    expect(r.advances.met).toBe(true);
    expect(r.visits.met).toBe(true);
  });
});
