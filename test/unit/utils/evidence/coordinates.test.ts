import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkCoordinates,
  INDONESIA_BOUNDS,
  insideIndonesia,
  parseDecimal,
} from '../../../../utils/evidence/coordinates';

describe('typed coordinates', () => {
  it('reads decimals as officers write them, with a comma or a point', () => {
    expect(parseDecimal('-6,2088')).toBe(-6.2088);
    expect(parseDecimal(' 106.8456 ')).toBe(106.8456);
    expect(parseDecimal('+0,5')).toBe(0.5);
    expect(parseDecimal('.5')).toBe(0.5);
    for (const bad of ['', 'abc', '6°12′', '1.2.3', '1,2,3', '6 12', '--6', '1e3']) {
      expect(parseDecimal(bad), bad).toBeNull();
    }
  });

  it('accepts places across the archipelago and says which field is wrong otherwise', () => {
    const places: [string, string][] = [
      ['-6,2088', '106,8456'], // Jakarta
      ['5,8926', '95,3238'], // Sabang
      ['-8,4999', '140,4045'], // Merauke
      ['-10,9', '122,9'], // Rote
      ['4,0', '126,7'], // Talaud
    ];
    for (const [lat, lon] of places) expect(checkCoordinates(lat, lon).ok, `${lat} ${lon}`).toBe(true);
    expect(checkCoordinates('', '')).toEqual({ ok: false, lat: 'empty', lon: 'empty' });
    expect(checkCoordinates('abc', '106')).toEqual({ ok: false, lat: 'not-a-number' });
    // Swapped latitude and longitude: both out of the box.
    expect(checkCoordinates('106,8456', '-6,2088')).toEqual({ ok: false, lat: 'outside', lon: 'outside' });
    // Singapore's longitude is inside, its latitude too: the box is a box (documented).
    expect(checkCoordinates('1,29', '103,85').ok).toBe(true);
    expect(checkCoordinates('-6,2', '151,2')).toEqual({ ok: false, lon: 'outside' });
  });

  it('checks GPS fixes against the same box, which is data with a source', () => {
    expect(insideIndonesia(-2.5, 140.7)).toBe(true);
    expect(insideIndonesia(35.68, 139.69)).toBe(false);
    const data = JSON.parse(
      readFileSync(new URL('../../../../utils/evidence/indonesia-bounds.json', import.meta.url), 'utf8'),
    );
    expect(data.source).toMatch(/Rondo.*Ndana.*Benggala.*Merauke/s);
    expect(data.judgement).toMatch(/ours/);
    expect(INDONESIA_BOUNDS).toEqual({
      south: data.south,
      north: data.north,
      west: data.west,
      east: data.east,
    });
  });
});
