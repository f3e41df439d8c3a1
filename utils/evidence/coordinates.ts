/**
 * Coordinates typed by an officer when GPS is not available: parsed as officers write them
 * (a decimal comma as well as a point, spaces around), and checked against Indonesia's
 * bounding box (data, with its source, in indonesia-bounds.json).
 */
import BOUNDS from './indonesia-bounds.json';

export interface Bounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

export const INDONESIA_BOUNDS: Bounds = {
  south: BOUNDS.south,
  north: BOUNDS.north,
  west: BOUNDS.west,
  east: BOUNDS.east,
};

export type CoordinateProblem = 'empty' | 'not-a-number' | 'outside';

export type CoordinateCheck =
  | { ok: true; lat: number; lon: number }
  | { ok: false; lat?: CoordinateProblem; lon?: CoordinateProblem };

/** A typed number: `-6,2088` and `-6.2088` both read; anything else (letters, two separators) does not. */
export function parseDecimal(typed: string): number | null {
  const text = typed.trim();
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Both fields, each with its own problem, so the form can say which one to fix. */
export function checkCoordinates(
  latText: string,
  lonText: string,
  bounds: Bounds = INDONESIA_BOUNDS,
): CoordinateCheck {
  const lat = parseDecimal(latText);
  const lon = parseDecimal(lonText);
  const latProblem: CoordinateProblem | undefined =
    latText.trim() === ''
      ? 'empty'
      : lat === null
        ? 'not-a-number'
        : lat < bounds.south || lat > bounds.north
          ? 'outside'
          : undefined;
  const lonProblem: CoordinateProblem | undefined =
    lonText.trim() === ''
      ? 'empty'
      : lon === null
        ? 'not-a-number'
        : lon < bounds.west || lon > bounds.east
          ? 'outside'
          : undefined;
  if (latProblem || lonProblem || lat === null || lon === null) {
    return {
      ok: false,
      ...(latProblem ? { lat: latProblem } : {}),
      ...(lonProblem ? { lon: lonProblem } : {}),
    };
  }
  return { ok: true, lat, lon };
}

/** A GPS fix inside the box (a phone abroad, or a spoofed fix, is refused like a typed one). */
export function insideIndonesia(lat: number, lon: number, bounds: Bounds = INDONESIA_BOUNDS): boolean {
  return lat >= bounds.south && lat <= bounds.north && lon >= bounds.west && lon <= bounds.east;
}
