import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { formatDate, formatTimestamp } from '../../../../utils/pdf/labels';
import { qrPath } from '../../../../utils/pdf/qr';
import { ellipsize, wrapText, wrapTokens } from '../../../../utils/pdf/text';

/** Every character 1 unit wide, so widths are lengths. */
const measure = (s: string) => Array.from(s).length;

describe('wrapText', () => {
  it('breaks at spaces, keeps every word in order, and never exceeds the width', () => {
    const text = 'Bukti kepemilikan tanah atau perjanjian pemanfaatan tanah dengan pemilik';
    const lines = wrapText(text, 20, measure);
    expect(lines).toEqual([
      'Bukti kepemilikan',
      'tanah atau',
      'perjanjian',
      'pemanfaatan tanah',
      'dengan pemilik',
    ]);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps the writer’s line breaks and collapses runs of spaces', () => {
    expect(wrapText('satu  dua\r\ntiga\n\nempat', 40, measure)).toEqual(['satu dua', 'tiga', 'empat']);
  });

  it('cuts a word wider than the column into pieces, one character at least', () => {
    expect(wrapText('lihat https://simbg.pu.go.id/berkas', 10, measure)).toEqual([
      'lihat',
      'https://si',
      'mbg.pu.go.',
      'id/berkas',
    ]);
    expect(wrapText('abc', 0.5, measure)).toEqual(['a', 'b', 'c']);
  });

  it('prints nothing for empty text', () => {
    expect(wrapText('', 10, measure)).toEqual([]);
    expect(wrapText('   \n ', 10, measure)).toEqual([]);
  });
});

describe('wrapTokens', () => {
  it('joins tokens without a separator and breaks between them first', () => {
    const payload = 'PANDU-IZIN/1;case=A-1;sha256=0123456789abcdef';
    expect(wrapTokens(payload.split(/(?<=;)/), '', 24, measure)).toEqual([
      'PANDU-IZIN/1;case=A-1;',
      'sha256=0123456789abcdef',
    ]);
  });
});

describe('ellipsize', () => {
  it('keeps text that fits and shortens the rest to the width, ending in …', () => {
    expect(ellipsize('Siti Rahma', 10, measure)).toBe('Siti Rahma');
    const short = ellipsize('Balai Besar Sertifikasi Elektronik', 12, measure);
    expect(short).toBe('Balai Besar…');
    expect(measure(short)).toBeLessThanOrEqual(12);
  });
});

describe('formatTimestamp', () => {
  it('prints the wall-clock time in its Indonesian zone, with the language’s separator', () => {
    expect(formatTimestamp('id', '2026-11-21T09:15:00+08:00')).toBe('21 November 2026, 09.15 WITA');
    expect(formatTimestamp('en', '2026-02-03T23:05:59.123+07:00')).toBe('3 February 2026, 23:05 WIB');
    expect(formatTimestamp('id', '2026-08-17T10:00:00+09:00')).toBe('17 Agustus 2026, 10.00 WIT');
    expect(formatTimestamp('id', '2026-08-17T03:00:00Z')).toBe('17 Agustus 2026, 03.00 UTC');
    expect(formatTimestamp('en', '2026-08-17T03:00:00+05:30')).toBe('17 August 2026, 03:00 UTC+05:30');
    expect(formatTimestamp('id', 'kemarin')).toBe('kemarin');
  });

  it('prints dates with the month in words', () => {
    expect(formatDate('id', '2026-05-01')).toBe('1 Mei 2026');
    expect(formatDate('en', '2026-05-01')).toBe('1 May 2026');
    expect(formatDate('id', '2026-13-01')).toBe('2026-13-01');
  });
});

describe('qrPath', () => {
  it('covers exactly the dark modules of the QR code for the text', () => {
    const text = `PANDU-IZIN/1;case=PBG-1;sha256=${'ab'.repeat(32)}`;
    const { size, path } = qrPath(text);
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    expect(size).toBe(qr.getModuleCount());
    const covered = new Set<string>();
    for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
      const [col, row, run, back] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      expect(back).toBe(run);
      for (let c = col; c < col + run; c++) covered.add(`${row},${c}`);
    }
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) expect(covered.has(`${r},${c}`)).toBe(qr.isDark(r, c));
    }
  });
});
