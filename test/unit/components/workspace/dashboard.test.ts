/** The dashboard's reading of case rows: order, stage and deadline in words. */
import { describe, expect, it } from 'vitest';
import { permitName, slaLabel, sortCases, stageLabel } from '../../../../components/workspace/dashboard';

describe('sortCases', () => {
  it('puts the nearest deadline first, cases without one last, the latest change first among equals', () => {
    const rows = [
      { id: 'a', dueAt: '', updatedAt: '2026-11-23T01:00:00.000Z' },
      { id: 'b', dueAt: '2026-12-01', updatedAt: '2026-11-20T01:00:00.000Z' },
      { id: 'c', dueAt: '2026-11-25', updatedAt: '2026-11-20T01:00:00.000Z' },
      { id: 'd', dueAt: '2026-12-01', updatedAt: '2026-11-22T01:00:00.000Z' },
      { id: 'e', dueAt: '', updatedAt: '2026-11-24T01:00:00.000Z' },
    ];
    expect(sortCases(rows).map((r) => r.id)).toEqual(['c', 'd', 'b', 'e', 'a']);
    expect(rows[0]?.id).toBe('a');
  });
});

describe('row labels', () => {
  it('names the stage with its position, or the status when no stage runs', () => {
    expect(
      stageLabel('id', { permitType: 'oss-rba', stage: 'accountRegistration', status: 'in-progress' }),
    ).toBe('1 dari 7: Registrasi Akun OSS');
    expect(stageLabel('en', { permitType: 'oss-rba', stage: 'businessData', status: 'in-progress' })).toBe(
      '2 of 7: Business Data Entry',
    );
    expect(stageLabel('id', { permitType: 'oss-rba', stage: 'closed', status: 'closed' })).toBe('Selesai');
    expect(stageLabel('en', { permitType: 'gone', stage: 'x', status: 'in-progress' })).toBe('x');
  });

  it('says the deadline status in words, with the due date when there is one', () => {
    expect(slaLabel('id', { slaStatus: 'overdue', dueAt: '2026-11-25' })).toBe(
      'Melewati batas waktu — jatuh tempo 25 November 2026',
    );
    expect(slaLabel('en', { slaStatus: 'none', dueAt: '' })).toBe('No deadline in this stage');
  });

  it('names the permit from the catalog, or shows its id', () => {
    expect(permitName('en', 'oss-rba')).toBe('Risk-Based Business Licensing (OSS RBA)');
    expect(permitName('id', 'unknown-permit')).toBe('unknown-permit');
  });
});
