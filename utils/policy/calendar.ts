/**
 * The working calendar as the agency's policy extends it: the shipped years plus the policy's
 * `holidayYears` (a policy year replaces a shipped one of the same number). Engines and views
 * are made once per page, before the policy is read, so they get `policyCalendar`: a calendar
 * whose contents follow the latest policy without anyone holding a stale copy.
 */

import { liveQuery } from 'dexie';
import {
  type CalendarYear,
  canonicalJson,
  createCalendar,
  type WorkingCalendar,
  withYear,
} from '../../machines';
import type { PanduDb } from '../db/schema';
import { readPolicy } from './store';

let current: WorkingCalendar = createCalendar();
let currentKey = '';
const listeners = new Set<() => void>();

/** A calendar that always answers with the years last given to `setHolidayYears`. */
export const policyCalendar: WorkingCalendar = {
  get years() {
    return current.years;
  },
  get offDays() {
    return current.offDays;
  },
  get knownRanges() {
    return current.knownRanges;
  },
};

/** The shipped calendar with `years` added (a year given replaces a shipped one of the same number). */
export function calendarWith(years: readonly CalendarYear[] | undefined): WorkingCalendar {
  return (years ?? []).reduce<WorkingCalendar>((cal, year) => withYear(cal, year), createCalendar());
}

/** Makes `policyCalendar` answer with the shipped years plus `years`. */
export function setHolidayYears(years: readonly CalendarYear[] | undefined): void {
  const key = canonicalJson(years ?? []);
  if (key === currentKey) return;
  current = calendarWith(years);
  currentKey = key;
  for (const listener of listeners) listener();
}

/** Called whenever the policy's years change `policyCalendar` (views re-count then). */
export function onCalendarChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Keeps `policyCalendar` in step with the mirrored policy for as long as the context lives (the
 * background and each extension page call it once, through utils/db/open.ts).
 */
export function followPolicyCalendar(db: PanduDb): void {
  liveQuery(() => readPolicy(db)).subscribe({
    next: (policy) => setHolidayYears(policy.holidayYears),
    error: (err: unknown) => console.debug('[Pandu Izin] holiday years from the policy not read:', err),
  });
}
