/**
 * Validation of permit definitions: structure (schema.ts) plus the cross-references a schema
 * cannot see. Every problem is reported with its path and a fix; nothing half-loads.
 */
import * as v from 'valibot';
import { type DataError, InvalidDataError, issueToError } from '../data/errors';
import { permitDefinitionSchema } from './schema';
import type { CaseFactDefinition, Condition, PermitDefinition } from './types';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

const STAGE_ID = /^[a-z][a-zA-Z0-9]*$/;
const SLUG_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Checks an unknown value (e.g. parsed JSON) as a permit definition. */
export function validateDefinition(input: unknown): ValidationResult<PermitDefinition> {
  const parsed = v.safeParse(permitDefinitionSchema, input, { abortPipeEarly: false });
  const errors: DataError[] = parsed.success ? [] : parsed.issues.map(issueToError);
  errors.push(...crossCheck(input));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  const { $schema: _ignored, ...definition } = parsed.output;
  return { ok: true, value: definition as PermitDefinition };
}

/** Like validateDefinition, but throws InvalidDataError listing every problem. */
export function parseDefinition(input: unknown, label = 'Permit definition'): PermitDefinition {
  const result = validateDefinition(input);
  if (!result.ok) throw new InvalidDataError(label, result.errors);
  return result.value;
}

function dedupe(errors: DataError[]): DataError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.problem.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Checks that hold across the tree; written defensively because the input may be malformed. */
function crossCheck(input: unknown): DataError[] {
  if (!isRecord(input)) return [];
  const errors: DataError[] = [];
  const facts: FactTable = new Map();
  list(input.facts).forEach((f, i) => {
    if (!isRecord(f) || typeof f.id !== 'string') return;
    if (facts.has(f.id)) errors.push(duplicate(`facts[${i}].id`, f.id));
    facts.set(f.id, f as unknown as CaseFactDefinition);
    errors.push(...checkFactDefinition(f, `facts[${i}]`));
  });
  const stageIds = new Set<string>();
  const stepIds = new Set<string>();
  const itemIds = new Set<string>();
  errors.push(...checkIssuanceOrder(list(input.stages)));
  list(input.stages).forEach((stage, si) => {
    if (!isRecord(stage)) return;
    const sp = `stages[${si}]`;
    if (typeof stage.id === 'string') {
      if (stageIds.has(stage.id)) errors.push(duplicate(`${sp}.id`, stage.id));
      stageIds.add(stage.id);
      if (!STAGE_ID.test(stage.id)) errors.push(badId(`${sp}.id`, stage.id, 'camelCase'));
    }
    list(stage.steps).forEach((step, ti) => {
      if (!isRecord(step)) return;
      const tp = `${sp}.steps[${ti}]`;
      if (typeof step.id === 'string') {
        if (stepIds.has(step.id)) errors.push(duplicate(`${tp}.id`, step.id));
        stepIds.add(step.id);
        if (!SLUG_ID.test(step.id)) errors.push(badId(`${tp}.id`, step.id, 'kebab-case'));
      }
      if (step.when !== undefined) errors.push(...checkCondition(step.when, `${tp}.when`, facts));
      list(step.checklist).forEach((item, ii) => {
        if (!isRecord(item)) return;
        const ip = `${tp}.checklist[${ii}]`;
        if (typeof item.id === 'string') {
          if (itemIds.has(item.id)) errors.push(duplicate(`${ip}.id`, item.id));
          itemIds.add(item.id);
          if (!SLUG_ID.test(item.id)) errors.push(badId(`${ip}.id`, item.id, 'kebab-case'));
        }
        if (item.when !== undefined) errors.push(...checkCondition(item.when, `${ip}.when`, facts));
      });
    });
  });
  return errors;
}

/** After-issuance stages come last, leave a stage to issue in, and neither return nor reject. */
function checkIssuanceOrder(stages: unknown[]): DataError[] {
  const errors: DataError[] = [];
  const after = stages.map((s) => isRecord(s) && s.afterIssuance === true);
  const firstAfter = after.indexOf(true);
  if (firstAfter === -1) return errors;
  if (firstAfter === 0) {
    errors.push({
      path: 'stages[0].afterIssuance',
      problem: { id: 'Tidak ada tahap sebelum izin terbit.', en: 'No stage comes before issuance.' },
      fix: {
        id: 'Minimal satu tahap (tahap penerbitan) harus tanpa "afterIssuance".',
        en: 'At least one stage (the issuing one) must not have "afterIssuance".',
      },
    });
  }
  after.forEach((isAfter, i) => {
    const stage = stages[i] as Record<string, unknown>;
    if (i > firstAfter && !isAfter) {
      errors.push({
        path: `stages[${i}].afterIssuance`,
        problem: {
          id: 'Tahap biasa muncul setelah tahap pasca-terbit.',
          en: 'A regular stage comes after an after-issuance stage.',
        },
        fix: {
          id: 'Letakkan semua tahap "afterIssuance" di akhir.',
          en: 'Put every "afterIssuance" stage at the end.',
        },
      });
    }
    if (isAfter && (stage.allowsReturn === true || stage.allowsReject === true)) {
      errors.push({
        path: `stages[${i}]`,
        problem: {
          id: 'Tahap pasca-terbit tidak dapat mengembalikan atau menolak.',
          en: 'An after-issuance stage cannot return or reject.',
        },
        fix: {
          id: 'Set "allowsReturn" dan "allowsReject" ke false.',
          en: 'Set "allowsReturn" and "allowsReject" to false.',
        },
      });
    }
  });
  return errors;
}

type FactTable = Map<string, CaseFactDefinition>;

/** A text fact lists its values (so a typo cannot silently skip a step); ranges fit numbers. */
function checkFactDefinition(f: Record<string, unknown>, path: string): DataError[] {
  const errors: DataError[] = [];
  if (f.type === 'text' && f.values === undefined) {
    errors.push({
      path: `${path}.values`,
      problem: {
        id: 'Fakta teks tanpa daftar nilai yang boleh.',
        en: 'A text fact without its list of allowed values.',
      },
      fix: {
        id: 'Tambahkan "values", mis. ["UKL-UPL", "SPPL"]; salah ketik lalu ditolak, bukan diam-diam melewati langkah.',
        en: 'Add "values", e.g. ["UKL-UPL", "SPPL"]; a typo is then refused instead of silently skipping steps.',
      },
    });
  }
  if (f.type !== 'text' && f.values !== undefined) {
    errors.push({
      path: `${path}.values`,
      problem: { id: '"values" hanya untuk fakta teks.', en: '"values" is for text facts only.' },
      fix: { id: 'Hapus "values" atau ubah tipe ke "text".', en: 'Remove "values" or make the type "text".' },
    });
  }
  for (const key of ['min', 'max'] as const) {
    if (f[key] !== undefined && f.type !== 'number') {
      errors.push({
        path: `${path}.${key}`,
        problem: { id: `"${key}" hanya untuk fakta angka.`, en: `"${key}" is for number facts only.` },
        fix: {
          id: `Hapus "${key}" atau ubah tipe ke "number".`,
          en: `Remove "${key}" or make the type "number".`,
        },
      });
    }
  }
  if (typeof f.min === 'number' && typeof f.max === 'number' && f.min > f.max) {
    errors.push({
      path: `${path}.max`,
      problem: { id: '"max" lebih kecil dari "min".', en: '"max" is below "min".' },
      fix: { id: 'Tukar atau perbaiki kedua batas.', en: 'Swap or correct the two bounds.' },
    });
  }
  return errors;
}

function checkCondition(condition: unknown, path: string, facts: FactTable): DataError[] {
  if (!isRecord(condition)) return [];
  const c = condition as Partial<Record<string, unknown>>;
  if (Array.isArray(c.all)) return c.all.flatMap((x, i) => checkCondition(x, `${path}.all[${i}]`, facts));
  if (Array.isArray(c.any)) return c.any.flatMap((x, i) => checkCondition(x, `${path}.any[${i}]`, facts));
  if (c.not !== undefined) return checkCondition(c.not, `${path}.not`, facts);
  if (typeof c.fact !== 'string') return [];
  const fact = facts.get(c.fact);
  const type = fact?.type;
  if (!fact || !type) {
    const known = [...facts.keys()].join(', ') || '—';
    return [
      {
        path: `${path}.fact`,
        problem: { id: `Fakta "${c.fact}" tidak dideklarasikan.`, en: `Fact "${c.fact}" is not declared.` },
        fix: {
          id: `Deklarasikan di "facts" atau pakai salah satu: ${known}.`,
          en: `Declare it under "facts" or use one of: ${known}.`,
        },
      },
    ];
  }
  const values = c.op === 'in' ? list(c.value) : [c.value];
  const expected = type === 'text' ? 'string' : type;
  const wrong = values.some((x) => typeof x !== expected);
  const ordered = ['gt', 'gte', 'lt', 'lte'].includes(String(c.op));
  if (wrong || (ordered && type !== 'number')) {
    return [
      {
        path: `${path}.value`,
        problem: {
          id: `Nilai atau operator tidak cocok dengan fakta "${c.fact}" (${type}).`,
          en: `The value or operator does not fit fact "${c.fact}" (${type}).`,
        },
        fix: {
          id: `Bandingkan dengan nilai ${type}; gt/gte/lt/lte hanya untuk angka.`,
          en: `Compare with a ${type} value; gt/gte/lt/lte are for numbers only.`,
        },
      },
    ];
  }
  const allowed = type === 'text' && Array.isArray(fact.values) ? fact.values : null;
  const stray = allowed ? values.filter((x) => !allowed.includes(x as string)) : [];
  if (stray.length > 0) {
    return [
      {
        path: `${path}.value`,
        problem: {
          id: `Nilai ${stray.map((x) => `"${x}"`).join(', ')} tidak ada di daftar nilai fakta "${c.fact}".`,
          en: `Value ${stray.map((x) => `"${x}"`).join(', ')} is not among fact "${c.fact}"'s values.`,
        },
        fix: {
          id: `Pakai salah satu: ${allowed?.join(', ')}.`,
          en: `Use one of: ${allowed?.join(', ')}.`,
        },
      },
    ];
  }
  return [];
}

function duplicate(path: string, id: string): DataError {
  return {
    path,
    problem: { id: `Id "${id}" dipakai lebih dari sekali.`, en: `Id "${id}" is used more than once.` },
    fix: {
      id: 'Beri id yang unik dalam satu definisi (langkah dan butir checklist juga unik lintas tahap).',
      en: 'Give it an id unique in the definition (steps and checklist items are unique across stages).',
    },
  };
}

function badId(path: string, id: string, style: 'camelCase' | 'kebab-case'): DataError {
  const example = style === 'camelCase' ? 'technicalReview' : 'site-survey';
  return {
    path,
    problem: { id: `Id "${id}" tidak berformat ${style}.`, en: `Id "${id}" is not ${style}.` },
    fix: { id: `Tulis seperti "${example}".`, en: `Write it like "${example}".` },
  };
}

/** Type-level check that the schema and the hand-written types agree. */
type SchemaOutput = Omit<v.InferOutput<typeof permitDefinitionSchema>, '$schema'>;
const _agree: (x: SchemaOutput) => PermitDefinition = (x) => x;
const _agreeBack: (x: PermitDefinition) => SchemaOutput = (x) => x;
void _agree;
void _agreeBack;

export type { Condition };
