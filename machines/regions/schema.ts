/**
 * Valibot schema of the provinces file (DOMAIN.md §7) plus the checks a schema cannot see:
 * 38 provinces keyed by their own BPS code, unique Kemendagri codes and names, time zones that
 * match their offsets, one penetration figure per island.
 */
import * as v from 'valibot';
import { isoDate } from '../calendar/schema';
import type { DataError } from '../data/errors';

export const PROVINCE_COUNT = 38;
export const ISLANDS = [
  'Sumatera',
  'Jawa',
  'Bali',
  'Nusa Tenggara',
  'Kalimantan',
  'Sulawesi',
  'Maluku',
  'Papua',
] as const;
export const CONNECTIVITY_LEVELS = ['good', 'moderate', 'limited'] as const;
export const UTC_OFFSETS = { WIB: 7, WITA: 8, WIT: 9 } as const;

export type Island = (typeof ISLANDS)[number];
export type Connectivity = (typeof CONNECTIVITY_LEVELS)[number];

export const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'));
const localizedText = v.strictObject({ id: text, en: text });
const provenance = { source: text, judgement: v.optional(v.boolean()), note: v.optional(v.string()) };
export const provinceCode = v.pipe(v.string(), v.regex(/^\d{2}$/, 'province-code'));
const percent = v.pipe(v.number(), v.minValue(0, 'percent-range'), v.maxValue(100, 'percent-range'));
const year = v.pipe(
  v.number(),
  v.integer('not-integer'),
  v.minValue(1970, 'calendar-year'),
  v.maxValue(9999, 'calendar-year'),
);

export const provinceSchema = v.strictObject({
  code: provinceCode,
  kemendagriCode: provinceCode,
  name: localizedText,
  island: v.picklist(ISLANDS),
  timeZone: v.picklist(['WIB', 'WITA', 'WIT']),
  utcOffsetHours: v.picklist([7, 8, 9]),
  // percent null = not known; the island figure is used instead.
  internetPenetration: v.strictObject({
    percent: v.nullable(percent),
    year: v.optional(year),
    ...provenance,
  }),
  islandPenetration: v.strictObject({ percent, year, ...provenance }),
  daerahTertinggal: v.strictObject({
    count: v.pipe(v.number(), v.integer('not-integer'), v.minValue(0, 'negative')),
    ...provenance,
  }),
  connectivityOverride: v.optional(v.strictObject({ level: v.picklist(CONNECTIVITY_LEVELS), ...provenance })),
  wfaStart: v.strictObject({ date: isoDate, ...provenance }),
});

export const regionsFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  source: text,
  note: v.optional(v.string()),
  provinces: v.record(provinceCode, provinceSchema),
});

export type ProvinceRecord = v.InferOutput<typeof provinceSchema>;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function error(path: string, problem: [string, string], fix: [string, string]): DataError {
  return { path, problem: { id: problem[0], en: problem[1] }, fix: { id: fix[0], en: fix[1] } };
}

/** Checks across provinces; written defensively because the input may be malformed. */
export function crossCheckRegions(input: unknown): DataError[] {
  if (!isRecord(input) || !isRecord(input.provinces)) return [];
  const errors: DataError[] = [];
  const entries = Object.entries(input.provinces);
  if (entries.length !== PROVINCE_COUNT) {
    errors.push(
      error(
        'provinces',
        [
          `Ada ${entries.length} provinsi, seharusnya ${PROVINCE_COUNT}.`,
          `Found ${entries.length} provinces, expected ${PROVINCE_COUNT}.`,
        ],
        ['Cantumkan setiap provinsi tepat sekali.', 'List every province exactly once.'],
      ),
    );
  }
  const kemendagri = new Map<string, string>();
  const names = new Map<string, string>();
  const islands = new Map<string, { percent: unknown; path: string }>();
  for (const [key, p] of entries) {
    if (!isRecord(p)) continue;
    const at = `provinces.${key}`;
    if (typeof p.code === 'string' && p.code !== key) {
      errors.push(
        error(
          `${at}.code`,
          [
            `Kode "${p.code}" tidak sama dengan kuncinya "${key}".`,
            `Code "${p.code}" differs from its key "${key}".`,
          ],
          ['Samakan kunci dan "code" (kode BPS).', 'Make the key and "code" the same BPS code.'],
        ),
      );
    }
    const kc = p.kemendagriCode;
    if (typeof kc === 'string') {
      const first = kemendagri.get(kc);
      if (first) errors.push(duplicate(`${at}.kemendagriCode`, `kemendagriCode "${kc}"`, first));
      else kemendagri.set(kc, `${at}.kemendagriCode`);
    }
    const name =
      isRecord(p.name) && typeof p.name.id === 'string' ? p.name.id.trim().toLowerCase() : undefined;
    if (name) {
      const first = names.get(name);
      if (first) errors.push(duplicate(`${at}.name.id`, `name "${name}"`, first));
      else names.set(name, `${at}.name.id`);
    }
    const zone = p.timeZone as keyof typeof UTC_OFFSETS;
    if (
      zone in UTC_OFFSETS &&
      typeof p.utcOffsetHours === 'number' &&
      UTC_OFFSETS[zone] !== p.utcOffsetHours
    ) {
      errors.push(
        error(
          `${at}.utcOffsetHours`,
          [`${zone} bukan UTC+${p.utcOffsetHours}.`, `${zone} is not UTC+${p.utcOffsetHours}.`],
          ['WIB = 7, WITA = 8, WIT = 9.', 'WIB = 7, WITA = 8, WIT = 9.'],
        ),
      );
    }
    const own = p.internetPenetration;
    if (isRecord(own) && typeof own.percent === 'number' && own.year === undefined) {
      errors.push(
        error(
          `${at}.internetPenetration.year`,
          ['Persentase tanpa tahun.', 'The percentage has no year.'],
          ['Tambahkan "year" (tahun data).', 'Add "year" (the year of the figure).'],
        ),
      );
    }
    const isl = p.islandPenetration;
    if (typeof p.island === 'string' && isRecord(isl)) {
      const first = islands.get(p.island);
      if (!first) islands.set(p.island, { percent: isl.percent, path: `${at}.islandPenetration` });
      else if (first.percent !== isl.percent) {
        errors.push(
          error(
            `${at}.islandPenetration.percent`,
            [
              `Angka pulau ${p.island} berbeda dengan ${first.path}.`,
              `The ${p.island} figure differs from ${first.path}.`,
            ],
            [
              'Pakai angka pulau yang sama di setiap provinsinya.',
              'Use the same island figure in each of its provinces.',
            ],
          ),
        );
      }
    }
  }
  return errors;
}

function duplicate(path: string, what: string, first: string): DataError {
  return error(
    path,
    [`${what} sudah dipakai di ${first}.`, `${what} is already used at ${first}.`],
    ['Setiap provinsi perlu nilai yang unik.', 'Each province needs a unique value.'],
  );
}
