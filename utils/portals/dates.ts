/**
 * Dates as portals print them: `12/11/2026`, `12-11-2026`, `2026-11-12`, `12 Nov 2026`,
 * `12 November 2026`, `Kamis, 12 Nopember 2026`. Indonesian and English month names; day first
 * (the Indonesian order) for numeric dates. A date that does not exist reads as null.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agus: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nop: 11,
  november: 11,
  nopember: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

function iso(year: number, month: number, day: number): string | null {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null; // 31/02 and friends
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date (YYYY-MM-DD) a portal's date text means, or null when it is not a date. */
export function parsePortalDate(text: string): string | null {
  const s = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?:^|\s)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?:^|[\s,])(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS[m[2] as string];
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}
