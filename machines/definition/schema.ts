/**
 * Valibot schema of a permit definition. Structure only; cross-references (unique ids,
 * conditions naming declared facts) are checked in validate.ts so that every problem is found
 * in one pass.
 */
import * as v from 'valibot';
import type { Condition } from './types';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'));

export const localizedTextSchema = v.strictObject({ id: text, en: text });

const provenanceEntries = {
  source: text,
  judgement: v.optional(v.boolean()),
  note: v.optional(v.string()),
};

export const legalBasisSchema = v.strictObject({ ref: text, ...provenanceEntries });

const legalBases = v.pipe(v.array(legalBasisSchema), v.minLength(1, 'needs-legal-basis'));

const factValue = v.union([v.boolean(), v.number(), v.string()]);

export const conditionSchema: v.GenericSchema<Condition> = v.lazy(() =>
  v.union([
    v.strictObject({
      fact: text,
      op: v.picklist(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']),
      value: factValue,
    }),
    v.strictObject({ fact: text, op: v.literal('in'), value: v.array(factValue) }),
    v.strictObject({ all: v.array(conditionSchema) }),
    v.strictObject({ any: v.array(conditionSchema) }),
    v.strictObject({ not: conditionSchema }),
  ]),
) as v.GenericSchema<Condition>;

/** A year of working days is the most any step or stage may be given; more is a typo. */
export const MAX_SLA_DAYS = 250;
const days = v.pipe(
  v.number(),
  v.integer('not-integer'),
  v.minValue(0, 'negative'),
  v.maxValue(MAX_SLA_DAYS, 'sla-too-long'),
);

export const stepFactsSchema = v.strictObject({
  sitePresence: v.boolean(),
  originalDocuments: v.boolean(),
  faceToFace: v.boolean(),
  onlineSystem: v.boolean(),
  largeUploads: v.boolean(),
  ...provenanceEntries,
});

export const checklistItemSchema = v.strictObject({
  id: text,
  label: localizedTextSchema,
  mandatory: v.boolean(),
  when: v.optional(conditionSchema),
  legalBasis: legalBases,
});

export const stepSchema = v.strictObject({
  id: text,
  name: localizedTextSchema,
  role: v.picklist(['front-office', 'back-office', 'technical-team', 'head', 'applicant', 'system']),
  facts: stepFactsSchema,
  slaDays: v.nullable(days),
  legalBasis: legalBases,
  checklist: v.array(checklistItemSchema),
  when: v.optional(conditionSchema),
});

export const stageSchema = v.strictObject({
  id: text,
  name: localizedTextSchema,
  shortName: localizedTextSchema,
  steps: v.pipe(v.array(stepSchema), v.minLength(1, 'needs-steps')),
  allowsReturn: v.boolean(),
  allowsReject: v.boolean(),
  afterIssuance: v.optional(v.boolean()),
  slaDays: v.optional(days),
  legalBasis: v.optional(v.array(legalBasisSchema)),
});

export const caseFactDefinitionSchema = v.strictObject({
  id: text,
  type: v.picklist(['boolean', 'number', 'text']),
  label: localizedTextSchema,
  help: v.optional(localizedTextSchema),
  values: v.optional(v.pipe(v.array(text), v.minLength(1, 'needs-values'))),
  min: v.optional(v.pipe(v.number(), v.finite())),
  max: v.optional(v.pipe(v.number(), v.finite())),
  source: text,
});

export const permitDefinitionSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: text,
  version: v.pipe(v.number(), v.integer('not-integer'), v.minValue(1, 'version-min')),
  name: localizedTextSchema,
  summary: localizedTextSchema,
  legalBasis: legalBases,
  source: text,
  facts: v.array(caseFactDefinitionSchema),
  stages: v.pipe(v.array(stageSchema), v.minLength(1, 'needs-stages')),
});
