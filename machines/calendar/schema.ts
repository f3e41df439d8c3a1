/**
 * Shape of one calendar year file (holidays and cuti bersama set by the SKB 3 Menteri) and the
 * date helpers both the calendar and the regions share. Dates are plain 'YYYY-MM-DD' strings;
 * all arithmetic is on UTC day numbers, so no result depends on the machine's time zone.
 */
import * as v from 'valibot';
import type { DataError } from '../data/errors';

/** A calendar date written 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a real 'YYYY-MM-DD' date, else undefined.
 *
 * @example
 * toDayNumber('1970-01-02'); // 1
 * toDayNumber('2026-02-30'); // undefined
 */
export function toDayNumber(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over to March (and maps years 0–99 to 19xx): a round trip catches both.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / MS_PER_DAY;
}

/**
 * The 'YYYY-MM-DD' date of a day number (days since 1970-01-01, UTC).
 *
 * @example
 * fromDayNumber(0); // '1970-01-01'
 */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Day of the week of a day number: 0 = Sunday … 6 = Saturday.
 *
 * @example
 * weekday(0); // 4 (1970-01-01 was a Thursday)
 */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday; the double modulo keeps days before 1970 non-negative.
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * True for a real calendar date written 'YYYY-MM-DD'.
 *
 * @example
 * isIsoDate('2026-03-20'); // true
 * isIsoDate('2026-3-20'); // false
 */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && toDayNumber(s) !== undefined;
}

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'));
const localizedText = v.strictObject({ id: text, en: text });
export const isoDate = v.pipe(
  v.string(),
  v.check((s: string) => isIsoDate(s), 'iso-date'),
);

const entrySchema = v.strictObject({ date: isoDate, name: localizedText });

export const calendarYearSchema = v.strictObject({
  $schema: v.optional(v.string()),
  year: v.pipe(
    v.number(),
    v.integer('not-integer'),
    v.minValue(1970, 'calendar-year'),
    v.maxValue(9999, 'calendar-year'),
  ),
  source: text,
  note: v.optional(v.string()),
  holidays: v.array(entrySchema),
  cutiBersama: v.array(entrySchema),
});

export type CalendarEntry = v.InferOutput<typeof entrySchema>;
export type CalendarYear = Omit<v.InferOutput<typeof calendarYearSchema>, '$schema'>;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Checks a schema cannot see: every date inside the file's year, and no date listed twice. */
export function crossCheckYear(input: unknown): DataError[] {
  if (!isRecord(input)) return [];
  const errors: DataError[] = [];
  const year = typeof input.year === 'number' ? input.year : undefined;
  const seen = new Map<string, string>();
  for (const key of ['holidays', 'cutiBersama'] as const) {
    list(input[key]).forEach((entry, i) => {
      if (!isRecord(entry) || !isIsoDate(entry.date)) return;
      const path = `${key}[${i}].date`;
      if (year !== undefined && Number(entry.date.slice(0, 4)) !== year) {
        errors.push({
          path,
          problem: {
            id: `Tanggal ${entry.date} di luar tahun ${year}.`,
            en: `Date ${entry.date} is outside the year ${year}.`,
          },
          fix: {
            id: `Pindahkan ke berkas tahun ${entry.date.slice(0, 4)} atau perbaiki tanggalnya.`,
            en: `Move it to the ${entry.date.slice(0, 4)} file or correct the date.`,
          },
        });
      }
      const first = seen.get(entry.date);
      if (first) {
        errors.push({
          path,
          problem: {
            id: `Tanggal ${entry.date} sudah tercantum di ${first}.`,
            en: `Date ${entry.date} is already listed at ${first}.`,
          },
          fix: {
            id: 'Cantumkan setiap tanggal sekali saja (libur atau cuti bersama, bukan keduanya).',
            en: 'List each date once (holiday or cuti bersama, not both).',
          },
        });
      } else seen.set(entry.date, path);
    });
  }
  return errors;
}
