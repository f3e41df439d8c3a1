/** Moments as local dates and zoned ISO timestamps (signatures, evidence): the zone is always written. */

/**
 * A moment as local date and zoned timestamp at a UTC offset in minutes (east positive):
 * 420 for WIB, 480 WITA, 540 WIT. The signature's time says its zone, so it reads the same
 * on any machine.
 */
export function zonedTime(at: Date, offsetMinutes: number): { date: string; timestamp: string } {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { date: local.slice(0, 10), timestamp: `${local.slice(0, 19)}${zone}` };
}

/** The browser's own zone at that moment (an officer in Jayapura signs in WIT). */
export function browserTime(at: Date): { date: string; timestamp: string } {
  return zonedTime(at, -at.getTimezoneOffset());
}
