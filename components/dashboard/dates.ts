/**
 * Dates in words for the dashboard's long lists, each distinct value formatted once (the same
 * words as components/case/format.ts, whose formatters are already made once per language).
 */
import type { Language } from '../../utils/i18n';
import { formatDate, formatTime } from '../case/format';

const cache = new Map<string, string>();

function remembered(key: string, make: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > 50_000) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A local date (YYYY-MM-DD) as "25 November 2026". */
export function dateInWords(lang: Language, date: string): string {
  return remembered(`d:${lang}:${date}`, () => formatDate(lang, date));
}

/** A UTC ISO time in the browser's zone, e.g. "1 Des 2026 08.00". */
export function timeInWords(lang: Language, at: string): string {
  return remembered(`t:${lang}:${at}`, () => formatTime(lang, at));
}
