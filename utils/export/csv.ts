/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Indonesian text
 * right, CRLF line ends, fields quoted when they hold a comma, quote or line break (quotes
 * doubled). Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return that hides one) get a leading apostrophe: exported portal text is data, never
 * code (OWASP "CSV injection"). Numbers are written as numbers (a negative count stays -3).
 * The one builder for every export (dashboard, activity map).
 */

export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

/** A cell: text, a number, or empty. */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as it goes into the file: numbers as written, text guarded against formulas, then quoted if it must be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The file's text: the BOM, then one line per row (the header is the first), each ended by CRLF.
 * @example
 * toCsv([['Izin', 'Mode'], ['PBG', 'Di kantor']]); // '\uFEFFIzin,Mode\r\nPBG,Di kantor\r\n'
 */
export function toCsv(rows: Iterable<readonly Cell[]>): string {
  let text = CSV_BOM;
  for (const row of rows) text += `${row.map(csvCell).join(',')}\r\n`;
  return text;
}
