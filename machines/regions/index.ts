/**
 * Regional readiness (DOMAIN.md §7): the 38 provinces with connectivity, 3T flag and WFA start
 * date. The figures and dates are data (provinces.json); the readiness class is derived here
 * by a documented rule of our own, and agencies change the roadmap through overrides.
 */
import * as v from 'valibot';
import { isoDate } from '../calendar/schema';
import { type DataError, InvalidDataError, issueToError } from '../data/errors';
import type { LocalizedText } from '../types';
import data from './provinces.json' with { type: 'json' };
import {
  CONNECTIVITY_LEVELS,
  type Connectivity,
  crossCheckRegions,
  type ProvinceRecord,
  regionsFileSchema,
  text,
} from './schema';

export type { Connectivity, Island, ProvinceRecord } from './schema';

/** A validated province plus the readiness derived from it. */
export interface RegionProfile extends ProvinceRecord {
  connectivity: Connectivity;
  /** How `connectivity` was reached, for the officer and the auditor. */
  connectivityReason: LocalizedText;
  /** Has at least one daerah tertinggal regency (our proxy for 3T). */
  is3T: boolean;
  penetrationUsed: { percent: number; year: number; source: string; level: 'province' | 'island' };
}

export interface RegionOverride {
  wfaStart?: string;
  connectivity?: Connectivity;
  source?: string;
}

// Same shape as definition/validate.ts; kept local so the public index has one ValidationResult.
type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

// Readiness rule (our judgement, not from a regulation): the island means of [S83] split
// Jawa/Bali/Kalimantan (≥ 78.7) from the 72–74 middle, and Papua (63.2) sits clearly below 70.
const GOOD_MIN = 78;
const MODERATE_MIN = 70;
// Many daerah tertinggal in one province means large areas with weak infrastructure even when
// the provincial mean looks fine, so demote one class from this many regencies on.
const DEMOTE_AT = 5;

const LABEL: Record<Connectivity, LocalizedText> = {
  good: { id: 'baik', en: 'good' },
  moderate: { id: 'sedang', en: 'moderate' },
  limited: { id: 'terbatas', en: 'limited' },
};

const idNumber = (n: number): string => String(n).replace('.', ',');

function derive(record: ProvinceRecord): RegionProfile {
  const own = record.internetPenetration;
  const used: RegionProfile['penetrationUsed'] =
    own.percent !== null
      ? { percent: own.percent, year: own.year as number, source: own.source, level: 'province' }
      : { ...pick(record.islandPenetration), level: 'island' };
  const byPenetration: Connectivity =
    used.percent >= GOOD_MIN ? 'good' : used.percent >= MODERATE_MIN ? 'moderate' : 'limited';
  const count = record.daerahTertinggal.count;
  const demoted = count >= DEMOTE_AT;
  const derived: Connectivity = demoted ? demote(byPenetration) : byPenetration;
  const override = record.connectivityOverride;
  const connectivity = override ? override.level : derived;

  const where =
    used.level === 'province' ? { id: 'provinsi', en: 'province' } : { id: 'pulau', en: 'island' };
  const idParts = [
    `Penetrasi internet ${idNumber(used.percent)}% (angka ${where.id}${used.level === 'island' ? ` ${record.island}` : ''}, ${used.year}; ${used.source})` +
      ` → ${LABEL[byPenetration].id} (baik ≥ ${GOOD_MIN}%, sedang ≥ ${MODERATE_MIN}%).`,
  ];
  const enParts = [
    `Internet penetration ${used.percent}% (${used.level === 'island' ? `${record.island} ` : ''}${where.en} figure, ${used.year}; ${used.source})` +
      ` → ${byPenetration} (good ≥ ${GOOD_MIN}%, moderate ≥ ${MODERATE_MIN}%).`,
  ];
  if (demoted) {
    idParts.push(`${count} daerah tertinggal (≥ ${DEMOTE_AT}) → turun satu kelas: ${LABEL[derived].id}.`);
    enParts.push(`${count} daerah tertinggal (≥ ${DEMOTE_AT}) → one class lower: ${derived}.`);
  }
  if (override) {
    idParts.push(`Ditetapkan oleh kebijakan (${override.source}): ${LABEL[override.level].id}.`);
    enParts.push(`Set by policy override (${override.source}): ${override.level}.`);
  }
  return {
    ...record,
    connectivity,
    connectivityReason: { id: idParts.join(' '), en: enParts.join(' ') },
    is3T: count > 0,
    penetrationUsed: used,
  };
}

const pick = ({ percent, year, source }: ProvinceRecord['islandPenetration']) => ({ percent, year, source });
const demote = (c: Connectivity): Connectivity => (c === 'good' ? 'moderate' : 'limited');

/**
 * Checks an unknown value (e.g. a parsed provinces.json) and derives every profile, sorted by
 * BPS code.
 *
 * @example
 * const r = loadRegions(JSON.parse(text));
 * if (r.ok) r.value.length; // 38
 */
export function loadRegions(input: unknown): ValidationResult<RegionProfile[]> {
  const parsed = v.safeParse(regionsFileSchema, input, { abortPipeEarly: false });
  const errors: DataError[] = parsed.success ? [] : parsed.issues.map(issueToError);
  errors.push(...crossCheckRegions(input));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const value = Object.values(parsed.output.provinces)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(derive);
  return { ok: true, value };
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const value of Object.values(x)) deepFreeze(value);
    Object.freeze(x);
  }
  return x;
}

function loadShipped(): readonly RegionProfile[] {
  const result = loadRegions(data);
  if (!result.ok) throw new InvalidDataError('machines/regions/provinces.json', result.errors);
  return deepFreeze(result.value);
}

/** The shipped provinces, validated at module load, sorted by BPS code and deeply frozen. */
export const REGIONS: readonly RegionProfile[] = loadShipped();

/**
 * A province by BPS code (e.g. '31') or by its exact Indonesian name, ignoring case and
 * surrounding spaces.
 *
 * @example
 * findRegion('97')?.name.en; // 'Highland Papua'
 * findRegion(' dki jakarta ')?.code; // '31'
 */
export function findRegion(
  code: string,
  regions: readonly RegionProfile[] = REGIONS,
): RegionProfile | undefined {
  const query = code.trim();
  if (/^\d{2}$/.test(query)) return regions.find((r) => r.code === query);
  const name = query.toLowerCase();
  return regions.find((r) => r.name.id.toLowerCase() === name);
}

const overridesSchema = v.record(
  v.string(),
  v.strictObject({
    wfaStart: v.optional(isoDate),
    connectivity: v.optional(v.picklist(CONNECTIVITY_LEVELS)),
    source: v.optional(text),
  }),
);

const OVERRIDE_SOURCE = 'agency override';

/**
 * New profiles with an agency's policy applied: a WFA start date and/or a connectivity class
 * per BPS code. All or nothing: unknown codes, bad dates or bad values throw InvalidDataError
 * listing each one. A connectivity override does not move the WFA date (dates are data).
 *
 * @example
 * const mine = applyRegionOverrides(REGIONS, { '53': { wfaStart: '2026-07-01', source: 'Pergub NTT 1/2026' } });
 * findRegion('53', mine)?.wfaStart.date; // '2026-07-01'
 */
export function applyRegionOverrides(
  regions: readonly RegionProfile[],
  overrides: Record<string, RegionOverride>,
): RegionProfile[] {
  const parsed = v.safeParse(overridesSchema, overrides, { abortPipeEarly: false });
  const errors: DataError[] = parsed.success ? [] : parsed.issues.map(issueToError);
  const known = new Set(regions.map((r) => r.code));
  const isObject = typeof overrides === 'object' && overrides !== null;
  for (const code of isObject ? Object.keys(overrides) : []) {
    if (known.has(code)) continue;
    errors.push({
      path: code,
      problem: { id: `Kode provinsi "${code}" tidak dikenal.`, en: `Unknown province code "${code}".` },
      fix: {
        id: 'Pakai kode BPS dua digit dari daftar provinsi, mis. "53".',
        en: 'Use a two-digit BPS code from the province list, e.g. "53".',
      },
    });
  }
  if (errors.length > 0 || !parsed.success) throw new InvalidDataError('Region overrides', errors);
  return regions.map((region) => {
    const o = parsed.output[region.code];
    if (!o) return region;
    const source = o.source ?? OVERRIDE_SOURCE;
    const record: ProvinceRecord = {
      ...region,
      wfaStart: o.wfaStart ? { date: o.wfaStart, source } : region.wfaStart,
      connectivityOverride: o.connectivity ? { level: o.connectivity, source } : region.connectivityOverride,
    };
    return deepFreeze(derive(record));
  });
}
