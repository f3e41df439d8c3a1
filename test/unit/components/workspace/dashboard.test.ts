/** Case rows in words: the permit's name and the stage. */
import { describe, expect, it } from 'vitest';
import { permitName, stageLabel } from '../../../../components/workspace/dashboard';

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

  it('names the permit from the catalog, or shows its id', () => {
    expect(permitName('en', 'oss-rba')).toBe('Risk-Based Business Licensing (OSS RBA)');
    expect(permitName('id', 'unknown-permit')).toBe('unknown-permit');
  });
});
