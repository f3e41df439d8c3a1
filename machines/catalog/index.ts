/**
 * The shipped permit catalog: one JSON file per workflow, validated together when this module
 * loads. One bad file stops the whole catalog with every error listed — nothing half-loads.
 */
import { type DataError, InvalidDataError } from '../data/errors';
import type { PermitDefinition } from '../definition/types';
import { validateDefinition } from '../definition/validate';
import dpmptspGeneric from './dpmptsp-generic.json' with { type: 'json' };
import izinReklame from './izin-reklame.json' with { type: 'json' };
import ossRba from './oss-rba.json' with { type: 'json' };
import pbg from './pbg.json' with { type: 'json' };
import persetujuanLingkungan from './persetujuan-lingkungan.json' with { type: 'json' };
import pkkpr from './pkkpr.json' with { type: 'json' };
import sipNakes from './sip-nakes.json' with { type: 'json' };
import slf from './slf.json' with { type: 'json' };

/** The raw files by name, for tools that validate or diff them. */
export const CATALOG_FILES: Readonly<Record<string, unknown>> = {
  'pbg.json': pbg,
  'slf.json': slf,
  'oss-rba.json': ossRba,
  'pkkpr.json': pkkpr,
  'izin-reklame.json': izinReklame,
  'sip-nakes.json': sipNakes,
  'persetujuan-lingkungan.json': persetujuanLingkungan,
  'dpmptsp-generic.json': dpmptspGeneric,
};

export type CatalogResult = { ok: true; value: PermitDefinition[] } | { ok: false; errors: DataError[] };

/**
 * Validates a set of definitions as one catalog: each must be valid and ids must be unique.
 * Error paths are prefixed with the entry's name.
 */
export function loadCatalog(entries: Readonly<Record<string, unknown>>): CatalogResult {
  const errors: DataError[] = [];
  const value: PermitDefinition[] = [];
  const seen = new Set<string>();
  for (const [name, input] of Object.entries(entries)) {
    const result = validateDefinition(input);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, path: `${name}: ${e.path}` })));
      continue;
    }
    if (seen.has(result.value.id)) {
      errors.push({
        path: `${name}: id`,
        problem: {
          id: `Id alur "${result.value.id}" ganda.`,
          en: `Workflow id "${result.value.id}" is duplicated.`,
        },
        fix: { id: 'Setiap alur perlu id yang unik.', en: 'Every workflow needs a unique id.' },
      });
    }
    seen.add(result.value.id);
    value.push(result.value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

function loadShipped(): readonly PermitDefinition[] {
  const result = loadCatalog(CATALOG_FILES);
  if (!result.ok) throw new InvalidDataError('The shipped permit catalog', result.errors);
  return Object.freeze(result.value);
}

/** Every shipped workflow definition, validated. */
export const CATALOG: readonly PermitDefinition[] = loadShipped();

/** The shipped definition with this id, or undefined. */
export function findDefinition(id: string): PermitDefinition | undefined {
  return CATALOG.find((d) => d.id === id);
}
