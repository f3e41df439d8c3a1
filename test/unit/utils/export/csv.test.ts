import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../../utils/export/csv';

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and ends every row with CRLF', () => {
    const text = toCsv([
      ['Izin', 'Mode'],
      ['PBG', 'Di kantor'],
    ]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe('\uFEFFIzin,Mode\r\nPBG,Di kantor\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and line breaks the RFC 4180 way', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('kata "kunci"')).toBe('"kata ""kunci"""');
    expect(csvCell('baris\nkedua')).toBe('"baris\nkedua"');
    expect(csvCell('baris\r\nkedua')).toBe('"baris\r\nkedua"');
    expect(csvCell('biasa')).toBe('biasa');
    expect(csvCell('')).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe('"\'=HYPERLINK(""http://x"",""klik"")"');
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('keeps Indonesian and other Unicode text as it is', () => {
    expect(toCsv([['Papua Pegunungan — “kantor”', 'é']])).toBe('\uFEFFPapua Pegunungan — “kantor”,é\r\n');
  });

  it('gives only the BOM for no rows, and an empty line for an empty row', () => {
    expect(toCsv([])).toBe(CSV_BOM);
    expect(toCsv([[]])).toBe(`${CSV_BOM}\r\n`);
  });
});
