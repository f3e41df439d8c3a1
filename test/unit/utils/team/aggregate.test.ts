import { describe, expect, it } from 'vitest';
import { aggregateTeam } from '../../../../utils/team/aggregate';
import { BUDI, caseRow, entry, payloadOf, SARI } from './fixtures';

const TARGETS = {
  daily: { steps: 1, advances: 0, visits: 0 },
  weekly: { steps: 3, advances: 1, visits: 1 },
};

describe('aggregateTeam', () => {
  it('takes each day from the report generated last, without counting overlaps twice', () => {
    // Week report (generated Friday) and a later re-export of Wed–Sun with a step more on Wednesday.
    const week = payloadOf(
      SARI,
      { from: '2026-11-23', to: '2026-11-27' },
      [
        entry(SARI.nip, 'a:1', '2026-11-23', 'step.complete'),
        entry(SARI.nip, 'a:1', '2026-11-25', 'step.complete'),
        entry(SARI.nip, 'a:1', '2026-11-26', 'evidence.attach'),
      ],
      [caseRow('a:1', { slaStatus: 'at-risk', stage: 'verification' })],
      '2026-11-27T16:00:00+07:00',
    );
    const later = payloadOf(
      SARI,
      { from: '2026-11-25', to: '2026-11-29' },
      [
        entry(SARI.nip, 'a:1', '2026-11-25', 'step.complete'),
        entry(SARI.nip, 'a:1', '2026-11-25', 'step.complete'),
        entry(SARI.nip, 'a:1', '2026-11-28', 'stage.advance'),
      ],
      [caseRow('a:1', { slaStatus: 'overdue', stage: 'site-visit' })],
      '2026-11-29T20:00:00+07:00',
    );
    for (const order of [
      [week, later],
      [later, week],
    ]) {
      const [sari] = aggregateTeam(
        order.map((payload) => ({ payload })),
        TARGETS,
      );
      // 23rd from the week report; 25th–29th from the later one (the visit on the 26th is gone:
      // the later report says there was none).
      expect(sari?.byDay).toEqual({
        '2026-11-23': { steps: 1, advances: 0, visits: 0 },
        '2026-11-25': { steps: 2, advances: 0, visits: 0 },
        '2026-11-28': { steps: 0, advances: 1, visits: 0 },
      });
      expect(sari?.total).toEqual({ steps: 3, advances: 1, visits: 0 });
      expect(sari?.byWeek).toEqual({ '2026-11-23': { steps: 3, advances: 1, visits: 0 } });
      expect(sari?.period).toEqual({ from: '2026-11-23', to: '2026-11-29' });
      expect(sari?.days).toBe(7);
      expect(sari?.reports).toBe(2);
      // The case as the last report saw it.
      expect(sari?.cases).toBe(1);
      expect(sari?.bySla).toEqual({ overdue: 1 });
      expect(sari?.byStage).toEqual({ 'site-visit': 1 });
      expect(sari?.latestWeek?.against).toEqual({
        steps: { done: 3, target: 3, met: true },
        advances: { done: 1, target: 1, met: true },
        visits: { done: 0, target: 1, met: false },
      });
      // Weekdays 23–27: a step on the 23rd and 25th only.
      expect(sari?.daily).toEqual({ met: 2, of: 5 });
    }
  });

  it('keeps officers apart, ordered by name, and marks the local log', () => {
    const sari = payloadOf(
      SARI,
      { from: '2026-11-23', to: '2026-11-27' },
      [entry(SARI.nip, 'a:1', '2026-11-24', 'step.complete')],
      [caseRow('a:1')],
    );
    const budi = payloadOf(
      BUDI,
      { from: '2026-11-23', to: '2026-11-27' },
      [
        entry(BUDI.nip, 'b:1', '2026-11-24', 'evidence.attach'),
        entry(BUDI.nip, 'b:2', '2026-11-26', 'case.approve'),
      ],
      [caseRow('b:1', { slaStatus: 'overdue' }), caseRow('b:2', { slaStatus: 'on-track' })],
    );
    const rows = aggregateTeam([{ payload: sari, local: true }, { payload: budi }]);
    expect(rows.map((r) => [r.name, r.officer, r.local, r.reports])).toEqual([
      ['Budi Santoso', BUDI.nip, false, 1],
      ['Sari Wulandari', SARI.nip, true, 0],
    ]);
    expect(rows[0]?.total).toEqual({ steps: 0, advances: 1, visits: 1 });
    expect(rows[0]?.bySla).toEqual({ overdue: 1, 'on-track': 1 });
    expect(rows[1]?.total).toEqual({ steps: 1, advances: 0, visits: 0 });
    // Without targets nothing is judged.
    expect(rows[0]?.daily).toBeUndefined();
    expect(rows[0]?.latestWeek?.against).toBeUndefined();
  });

  it('orders reports by instant, not by the zoned text', () => {
    const period = { from: '2026-11-24', to: '2026-11-24' };
    // 10:00 WIT (01:00Z) is earlier than 09:00 WIB (02:00Z), although its text sorts later.
    const wit = payloadOf(
      SARI,
      period,
      [entry(SARI.nip, 'a:1', '2026-11-24', 'step.complete')],
      [],
      '2026-11-24T10:00:00+09:00',
    );
    const wib = payloadOf(SARI, period, [], [], '2026-11-24T09:00:00+07:00');
    const [row] = aggregateTeam([{ payload: wit }, { payload: wib }]);
    expect(row?.total).toEqual({ steps: 0, advances: 0, visits: 0 });
  });
});
