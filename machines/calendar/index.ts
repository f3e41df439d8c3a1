/**
 * Working-day calendar (DOMAIN.md §8): SLA days skip weekends, national holidays and cuti
 * bersama. Years are data (one JSON file per SKB 3 Menteri); past the known years only weekends
 * count as non-working, and every answer says so.
 */
import * as v from 'valibot';
import { type DataError, InvalidDataError, issueToError } from '../data/errors';
import type { LocalizedText } from '../types';
import {
  type CalendarYear,
  calendarYearSchema,
  crossCheckYear,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  toDayNumber,
  weekday,
} from './schema';
import year2026 from './years/2026.json' with { type: 'json' };

export type { CalendarEntry, CalendarYear, IsoDate } from './schema';
export { isIsoDate };

const SHIPPED_YEARS: readonly unknown[] = [year2026];

type OffKind = 'holiday' | 'cuti-bersama';
interface OffDay {
  readonly kind: OffKind;
  readonly name: LocalizedText;
}

/** An immutable set of known years with their non-working days precomputed for fast lookups. */
export interface WorkingCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
  /** Holidays and cuti bersama of the known years, by UTC day number (days since 1970-01-01). */
  readonly offDays: ReadonlyMap<number, OffDay>;
  /** First and last UTC day number of each known year. */
  readonly knownRanges: readonly (readonly [number, number])[];
}

// Same shape as definition/validate.ts; kept local so the public index has one ValidationResult.
type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

export interface DayInfo {
  working: boolean;
  /** False when the date's year has no data: then only weekends count as non-working. */
  known: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'cuti-bersama';
  name?: LocalizedText;
}

/**
 * Checks an unknown value (e.g. parsed JSON) as one calendar year file.
 *
 * @example
 * const r = validateCalendarYear({ year: 2027, source: 'SKB …', holidays: [], cutiBersama: [] });
 * r.ok; // true
 */
export function validateCalendarYear(input: unknown): ValidationResult<CalendarYear> {
  const parsed = v.safeParse(calendarYearSchema, input, { abortPipeEarly: false });
  const errors: DataError[] = parsed.success ? [] : parsed.issues.map(issueToError);
  errors.push(...crossCheckYear(input));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const { $schema: _ignored, ...year } = parsed.output;
  return { ok: true, value: year };
}

let shipped: WorkingCalendar | undefined;

/**
 * Builds a calendar from year files (default: the shipped years). Throws InvalidDataError
 * listing every problem in every file.
 *
 * @example
 * const cal = createCalendar();
 * knownYears(cal); // [2026]
 */
export function createCalendar(years?: readonly unknown[]): WorkingCalendar {
  if (years === undefined && shipped) return shipped;
  const inputs = years ?? SHIPPED_YEARS;
  const errors: DataError[] = [];
  const valid: CalendarYear[] = [];
  inputs.forEach((input, i) => {
    const result = validateCalendarYear(input);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, path: prefix(`years[${i}]`, e.path) })));
      return;
    }
    if (valid.some((y) => y.year === result.value.year)) {
      errors.push({
        path: `years[${i}].year`,
        problem: {
          id: `Tahun ${result.value.year} muncul dua kali.`,
          en: `Year ${result.value.year} appears twice.`,
        },
        fix: { id: 'Berikan satu berkas per tahun.', en: 'Give one file per year.' },
      });
    }
    valid.push(result.value);
  });
  if (errors.length > 0) throw new InvalidDataError('Working calendar', errors);
  const calendar = build(valid);
  if (years === undefined) shipped = calendar;
  return calendar;
}

/**
 * A new calendar with one more year imported as data (replacing that year if already known).
 * Throws InvalidDataError listing every problem in the file.
 *
 * @example
 * const cal2027 = withYear(createCalendar(), year2027Json);
 * knownYears(cal2027); // [2026, 2027]
 */
export function withYear(calendar: WorkingCalendar, yearInput: unknown): WorkingCalendar {
  const result = validateCalendarYear(yearInput);
  if (!result.ok) throw new InvalidDataError('Calendar year', result.errors);
  const others = [...calendar.years.values()].filter((y) => y.year !== result.value.year);
  return build([...others, result.value]);
}

/**
 * The years the calendar has holiday data for, ascending.
 *
 * @example
 * knownYears(createCalendar()); // [2026]
 */
export function knownYears(cal: WorkingCalendar): number[] {
  return [...cal.years.keys()];
}

/**
 * What kind of day a date is. A holiday on a weekend reports the holiday (with its name).
 *
 * @example
 * dayInfo(createCalendar(), '2026-03-19'); // { working: false, known: true, kind: 'holiday', name: {…} }
 */
export function dayInfo(cal: WorkingCalendar, date: IsoDate): DayInfo {
  const day = parse(date, 'date');
  const known = isKnown(cal, day);
  const off = cal.offDays.get(day);
  if (off) return { working: false, known, kind: off.kind, name: off.name };
  if (isWeekend(day)) return { working: false, known, kind: 'weekend' };
  return { working: true, known, kind: 'workday' };
}

/**
 * The date n working days after start (start itself not counted; n = 0 gives start).
 * beyondKnownYears is true when any day examined lies in a year without holiday data.
 *
 * @example
 * addWorkingDays(createCalendar(), '2026-03-17', 1); // { date: '2026-03-25', beyondKnownYears: false }
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  start: IsoDate,
  n: number,
): { date: IsoDate; beyondKnownYears: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let day = parse(start, 'start');
  let beyond = false;
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (!beyond && !isKnown(cal, day)) beyond = true;
    if (isWorking(cal, day)) counted += 1;
  }
  return { date: n === 0 ? start : fromDayNumber(day), beyondKnownYears: beyond };
}

/**
 * Working days d with from < d ≤ to; negative (the count in (to, from]) when to is earlier.
 *
 * @example
 * workingDaysBetween(createCalendar(), '2026-03-17', '2026-03-25'); // { days: 1, beyondKnownYears: false }
 */
export function workingDaysBetween(
  cal: WorkingCalendar,
  from: IsoDate,
  to: IsoDate,
): { days: number; beyondKnownYears: boolean } {
  const a = parse(from, 'from');
  const b = parse(to, 'to');
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let days = 0;
  let beyond = false;
  for (let day = lo + 1; day <= hi; day += 1) {
    if (!beyond && !isKnown(cal, day)) beyond = true;
    if (isWorking(cal, day)) days += 1;
  }
  // `days * sign` would give -0 for an empty span; keep a plain 0.
  return { days: days === 0 ? 0 : days * sign, beyondKnownYears: beyond };
}

const OFFSET_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** Years a case timestamp may carry: anything else is a typo or damage (and 10000+ breaks ISO). */
const FIRST_YEAR = 1970;
const LAST_YEAR = 9998;

/**
 * The timestamp is well-formed and names a real instant: `Date.parse` quietly rolls
 * 2026-02-30 over to March and accepts 24:00 and year 0, so each field is checked.
 */
function isRealZonedTimestamp(s: string): boolean {
  const m = OFFSET_TIMESTAMP.exec(s);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offH = 0, offM = 0] = m
    .slice(1)
    .map((x) => (x ? Number(x) : 0));
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (hour > 23 || minute > 59 || second > 59 || offM > 59 || offH * 60 + offM > 14 * 60) return false;
  return !Number.isNaN(Date.parse(s));
}

/**
 * Whether a value is an ISO 8601 timestamp that carries its zone (what `localDate` accepts).
 *
 * @example
 * isZonedTimestamp('2026-11-02T08:00:00+07:00'); // true
 * isZonedTimestamp('2026-11-02'); // false
 */
export function isZonedTimestamp(s: unknown): s is string {
  return typeof s === 'string' && isRealZonedTimestamp(s);
}

/**
 * The calendar date of an instant at a fixed UTC offset (Indonesia has no daylight saving).
 * The timestamp must carry its own zone (Z or ±hh:mm) so the machine's zone never matters.
 *
 * @example
 * localDate('2026-03-31T20:00:00Z', 7); // '2026-04-01'
 */
export function localDate(isoTimestamp: string, utcOffsetHours: number): IsoDate {
  const ms = isRealZonedTimestamp(isoTimestamp) ? Date.parse(isoTimestamp) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO timestamp with a zone: ${isoTimestamp}`);
  if (!Number.isFinite(utcOffsetHours) || Math.abs(utcOffsetHours) > 14) {
    throw new RangeError(`Not a UTC offset in hours: ${utcOffsetHours}`);
  }
  return new Date(ms + utcOffsetHours * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The date n calendar days after (or, for negative n, before) a date.
 *
 * @example
 * addDays('2026-12-31', 1); // '2027-01-01'
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return fromDayNumber(parse(date, 'date') + n);
}

function build(years: readonly CalendarYear[]): WorkingCalendar {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const offDays = new Map<number, OffDay>();
  const knownRanges: (readonly [number, number])[] = [];
  for (const y of sorted) {
    for (const e of y.holidays) offDays.set(dayOf(e.date), Object.freeze({ kind: 'holiday', name: e.name }));
    for (const e of y.cutiBersama) {
      offDays.set(dayOf(e.date), Object.freeze({ kind: 'cuti-bersama', name: e.name }));
    }
    knownRanges.push(Object.freeze([dayOf(`${y.year}-01-01`), dayOf(`${y.year}-12-31`)] as const));
  }
  return Object.freeze({
    years: new Map(sorted.map((y) => [y.year, freezeYear(y)])),
    offDays,
    knownRanges: Object.freeze(knownRanges),
  });
}

// Validated years are fresh objects owned by the calendar, so freezing them is safe.
function freezeYear(y: CalendarYear): CalendarYear {
  for (const e of [...y.holidays, ...y.cutiBersama]) Object.freeze(Object.freeze(e).name);
  Object.freeze(y.holidays);
  Object.freeze(y.cutiBersama);
  return Object.freeze(y);
}

// Validated data only: the date is known to be real.
const dayOf = (date: string): number => toDayNumber(date) as number;

function parse(date: IsoDate, what: string): number {
  const day = toDayNumber(date);
  if (day === undefined) throw new RangeError(`${what} is not a YYYY-MM-DD date: ${String(date)}`);
  return day;
}

function isWeekend(day: number): boolean {
  const wd = weekday(day);
  return wd === 0 || wd === 6;
}

function isWorking(cal: WorkingCalendar, day: number): boolean {
  return !isWeekend(day) && !cal.offDays.has(day);
}

function isKnown(cal: WorkingCalendar, day: number): boolean {
  for (const [first, last] of cal.knownRanges) if (day >= first && day <= last) return true;
  return false;
}

function prefix(head: string, path: string): string {
  if (path === '(root)') return head;
  return path.startsWith('[') ? `${head}${path}` : `${head}.${path}`;
}
