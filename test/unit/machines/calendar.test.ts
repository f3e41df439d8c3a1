import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  createCalendar,
  dayInfo,
  isIsoDate,
  isZonedTimestamp,
  knownYears,
  localDate,
  validateCalendarYear,
  withYear,
  workingDaysBetween,
} from '../../../machines/calendar';
import year2026 from '../../../machines/calendar/years/2026.json' with { type: 'json' };

const cal = createCalendar();

const year2027 = {
  year: 2027,
  source: 'test fixture, not the real SKB',
  holidays: [{ date: '2027-01-01', name: { id: 'Tahun Baru 2027 Masehi', en: "New Year's Day" } }],
  cutiBersama: [],
};

describe('the shipped 2026 calendar', () => {
  it('knows 2026 only, with 17 holidays and 8 cuti bersama days', () => {
    expect(knownYears(cal)).toEqual([2026]);
    expect(year2026.holidays).toHaveLength(17);
    expect(year2026.cutiBersama).toHaveLength(8);
  });

  it('names the holidays and marks cuti bersama as its own kind', () => {
    expect(dayInfo(cal, '2026-03-19')).toMatchObject({ working: false, known: true, kind: 'holiday' });
    expect(dayInfo(cal, '2026-03-19').name?.id).toContain('Nyepi');
    expect(dayInfo(cal, '2026-12-24')).toMatchObject({ working: false, kind: 'cuti-bersama' });
    expect(dayInfo(cal, '2026-03-21').name?.id).toContain('Idul Fitri');
    expect(dayInfo(cal, '2026-03-28')).toEqual({ working: false, known: true, kind: 'weekend' });
    expect(dayInfo(cal, '2026-03-26')).toEqual({ working: true, known: true, kind: 'workday' });
  });

  it('reports unknown years and then counts only weekends as off', () => {
    expect(dayInfo(cal, '2027-01-01')).toEqual({ working: true, known: false, kind: 'workday' });
    expect(dayInfo(cal, '2027-01-02')).toEqual({ working: false, known: false, kind: 'weekend' });
  });
});

describe('addWorkingDays', () => {
  it('moves from a Friday to the next Monday', () => {
    expect(addWorkingDays(cal, '2026-02-06', 1)).toEqual({ date: '2026-02-09', beyondKnownYears: false });
  });

  it('skips the whole Idul Fitri block: 18–24 March are all off', () => {
    expect(addWorkingDays(cal, '2026-03-17', 1).date).toBe('2026-03-25');
  });

  it('skips cuti bersama, Christmas and the weekend at the end of December', () => {
    expect(addWorkingDays(cal, '2026-12-23', 1).date).toBe('2026-12-28');
  });

  it('flags crossing into 2027 and counts weekends only there', () => {
    // 28–31 Dec 2026 are four working days, then Fri 1 Jan 2027 (a holiday, but not known yet).
    expect(addWorkingDays(cal, '2026-12-23', 5)).toEqual({ date: '2027-01-01', beyondKnownYears: true });
    expect(addWorkingDays(cal, '2026-12-23', 6)).toEqual({ date: '2027-01-04', beyondKnownYears: true });
    expect(addWorkingDays(cal, '2026-12-23', 4).beyondKnownYears).toBe(false);
  });

  it('returns the start itself for n = 0, even on a holiday', () => {
    expect(addWorkingDays(cal, '2026-03-19', 0)).toEqual({ date: '2026-03-19', beyondKnownYears: false });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for n = %s', (n) => {
    expect(() => addWorkingDays(cal, '2026-03-17', n)).toThrow(RangeError);
  });

  it('throws a RangeError for a start that is not a real date', () => {
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '17/03/2026', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts days after from up to and including to, with a sign', () => {
    expect(workingDaysBetween(cal, '2026-03-17', '2026-03-25')).toEqual({ days: 1, beyondKnownYears: false });
    expect(workingDaysBetween(cal, '2026-03-25', '2026-03-17').days).toBe(-1);
    expect(workingDaysBetween(cal, '2026-03-17', '2026-03-17').days).toBe(0);
    expect(Object.is(workingDaysBetween(cal, '2026-03-18', '2026-03-24').days, 0)).toBe(true);
    expect(workingDaysBetween(cal, '2026-12-30', '2027-01-05')).toEqual({ days: 4, beyondKnownYears: true });
  });

  it('undoes addWorkingDays for every start in 2026 and n from 1 to 60', () => {
    for (let start = '2026-01-01'; start < '2027-01-01'; start = addDays(start, 3)) {
      for (const n of [1, 2, 5, 14, 30, 60]) {
        const end = addWorkingDays(cal, start, n).date;
        expect(workingDaysBetween(cal, start, end).days, `${start} + ${n}`).toBe(n);
        expect(workingDaysBetween(cal, end, start).days, `${end} back`).toBe(-n);
      }
    }
  });

  it('adds 60 working days ten thousand times in well under a second', () => {
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) addWorkingDays(cal, '2026-03-02', 60);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('importing years as data', () => {
  it('adds 2027 with withYear, which clears the flag and applies its holidays', () => {
    const cal2 = withYear(cal, year2027);
    expect(knownYears(cal2)).toEqual([2026, 2027]);
    expect(addWorkingDays(cal2, '2026-12-23', 5)).toEqual({ date: '2027-01-04', beyondKnownYears: false });
    expect(knownYears(cal)).toEqual([2026]);
  });

  it('replaces a year that is already known', () => {
    const bare = withYear(cal, { ...year2026, holidays: [], cutiBersama: [] });
    expect(knownYears(bare)).toEqual([2026]);
    expect(dayInfo(bare, '2026-03-19').working).toBe(true);
  });

  it('builds a calendar from given year files and rejects the same year twice', () => {
    expect(knownYears(createCalendar([year2027, year2026]))).toEqual([2026, 2027]);
    expect(() => createCalendar([year2026, year2026])).toThrow(/appears twice/);
  });

  it('reports every error of a bad year file with its path', () => {
    const bad = {
      year: 2027,
      source: '',
      holidays: [
        { date: '2027-02-30', name: { id: 'Hari', en: 'Day' } },
        { date: '2026-12-31', name: { id: 'Hari', en: 'Day' } },
        { date: '2027-05-01', name: { id: 'Hari Buruh' } },
      ],
      cutiBersama: [{ date: '2027-05-01', name: { id: 'Cuti', en: 'Leave' } }],
      extra: true,
    };
    const result = validateCalendarYear(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(
      [
        'source',
        'holidays[0].date',
        'holidays[1].date',
        'holidays[2].name.en',
        'cutiBersama[0].date',
        'extra',
      ].sort(),
    );
    for (const e of result.errors) expect(e.fix.en.length).toBeGreaterThan(0);
    expect(() => withYear(cal, bad)).toThrow(/Calendar year is invalid \(6 error/);
    expect(() => createCalendar([year2026, bad])).toThrow(/years\[1\]\.holidays\[0\]\.date/);
  });
});

describe('date helpers', () => {
  it.each([
    ['2026-03-31T20:00:00Z', 7, '2026-04-01'],
    ['2026-03-31T16:59:59Z', 7, '2026-03-31'],
    ['2026-03-31T17:00:00Z', 7, '2026-04-01'],
    ['2026-03-31T15:59:00Z', 8, '2026-03-31'],
    ['2026-03-31T16:00:00Z', 8, '2026-04-01'],
    ['2026-12-31T15:00:00Z', 9, '2027-01-01'],
    ['2026-04-01T06:30:00+07:00', 9, '2026-04-01'],
    ['2026-04-01T00:30:00+07:00', 7, '2026-04-01'],
  ])('localDate(%s, +%i) is %s', (ts, offset, expected) => {
    expect(localDate(ts, offset)).toBe(expected);
  });

  it('refuses timestamps without a zone, which would depend on the machine', () => {
    expect(() => localDate('2026-03-31T20:00:00', 7)).toThrow(RangeError);
    expect(() => localDate('yesterday', 7)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-02T08:00:00+07:00', true],
    ['2026-11-02T08:00Z', true],
    ['2028-02-29T23:59:59.999+09:00', true],
    ['2026-02-30T08:00:00+07:00', false], // Date.parse rolls this over to 2 March
    ['2026-02-29T08:00:00+07:00', false],
    ['2026-04-31T08:00:00Z', false],
    ['2026-01-01T24:00:00Z', false],
    ['2026-01-01T08:60:00Z', false],
    ['0000-01-01T00:00:00Z', false],
    ['1969-12-31T23:00:00Z', false],
    ['9999-12-31T20:00:00-07:00', false], // its local date would need a five-digit year
    ['2026-01-01T08:00:00+15:00', false],
    ['2026-01-01T08:00:00+14:30', false],
    ['2026-01-01T08:00:00-14:00', true],
  ])('isZonedTimestamp(%s) is %s', (ts, expected) => {
    expect(isZonedTimestamp(ts)).toBe(expected);
  });

  it('adds calendar days across month and year ends and checks dates strictly', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
  });
});
