/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Indonesian text
 * right, CRLF line ends, fields quoted when they hold a comma, quote or line break (quotes
 * doubled). Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return that hides one) get a leading apostrophe: exported portal text is data, never
 * code (OWASP "CSV injection").
 */

export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as it goes into the file: guarded against formulas, then quoted if it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The file's text: the BOM, then one line per row, each ended by CRLF.
 * @example
 * toCsv([['Izin', 'Mode'], ['PBG', 'Di kantor']]); // '\uFEFFIzin,Mode\r\nPBG,Di kantor\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
