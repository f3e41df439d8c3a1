import { describe, expect, it } from 'vitest';
import { statementFor } from '../../../../utils/pdf/produce';
import { browserTime, zonedTime } from '../../../../utils/time/zoned';

describe('signing time and statement', () => {
  it('writes local date and a zoned timestamp for each Indonesian zone', () => {
    const at = new Date('2026-11-29T17:30:05.900Z');
    expect(zonedTime(at, 420)).toEqual({ date: '2026-11-30', timestamp: '2026-11-30T00:30:05+07:00' });
    expect(zonedTime(at, 480)).toEqual({ date: '2026-11-30', timestamp: '2026-11-30T01:30:05+08:00' });
    expect(zonedTime(at, 540)).toEqual({ date: '2026-11-30', timestamp: '2026-11-30T02:30:05+09:00' });
    expect(zonedTime(at, -330)).toEqual({ date: '2026-11-29', timestamp: '2026-11-29T12:00:05-05:30' });
  });

  it('uses the browser’s own offset, so the time names the same instant', () => {
    const at = new Date('2026-11-29T03:00:00Z');
    const { timestamp } = browserTime(at);
    expect(Date.parse(timestamp)).toBe(Date.parse('2026-11-29T03:00:00Z'));
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });

  it('calls a CA-issued certificate certified, naming its issuer, and a self-signed one uncertified', () => {
    const subject = { CN: 'Sri Rahayu' };
    expect(statementFor({ subject, issuer: { CN: 'BSrE Uji' }, selfSigned: false }, 'x')).toEqual({
      kind: 'certified',
      signerName: 'Sri Rahayu',
      issuer: 'BSrE Uji',
    });
    expect(statementFor({ subject: {}, issuer: {}, selfSigned: true }, 'Nama Petugas')).toEqual({
      kind: 'uncertified',
      signerName: 'Nama Petugas',
    });
  });
});
