/**
 * The JSON form of a case and its runtime check. Stored records come back from IndexedDB,
 * backups and other tools, so `restore` checks every field the engine later reads: a damaged
 * record is refused whole instead of crashing a view or an event later.
 */
import * as v from 'valibot';
import type { StateValue } from 'xstate';
import type { DefinitionLookup } from '../definition/lookup';
import type { PermitContext } from './context';
import { evidenceSchema, timestamp } from './events';
import { checkFacts } from './rules';

/** The JSON form of a case: store it, send it, restore it. */
export interface PersistedCase {
  format: 1;
  id: string;
  permitId: string;
  /** The definition version the state was made with; `restore` migrates older ones. */
  machineVersion: number;
  /** BPS province code. */
  region: string;
  createdAt: string;
  updatedAt: string;
  /** Number of accepted events. */
  seq: number;
  value: StateValue;
  context: PermitContext;
}

const by = v.optional(v.string());
const date = v.nullable(v.pipe(v.string(), v.isoDate('iso-date')));

const contextSchema = v.object({
  facts: v.record(v.string(), v.union([v.boolean(), v.number(), v.string()])),
  items: v.record(
    v.string(),
    v.object({ status: v.picklist(['ticked', 'missing']), at: timestamp, by, note: v.optional(v.string()) }),
  ),
  steps: v.record(
    v.string(),
    v.object({ completedAt: v.optional(timestamp), completedBy: by, evidence: v.array(evidenceSchema) }),
  ),
  notes: v.array(
    v.object({
      at: timestamp,
      by,
      text: v.string(),
      stepId: v.optional(v.string()),
      itemId: v.optional(v.string()),
    }),
  ),
  receivedAt: timestamp,
  stageEnteredAt: timestamp,
  stageDue: v.object({ slaDays: v.nullable(v.number()), date, beyondKnownYears: v.boolean() }),
  returnedFrom: v.optional(v.string()),
  returns: v.array(v.object({ at: timestamp, by, stageId: v.string(), reason: v.string() })),
  decision: v.optional(
    v.object({ kind: v.picklist(['rejected', 'issued']), at: timestamp, by, reason: v.optional(v.string()) }),
  ),
  closedAt: v.optional(timestamp),
  portal: v.optional(
    v.object({
      status: v.string(),
      stageId: v.optional(v.string()),
      outcome: v.optional(v.picklist(['returned', 'rejected', 'issued'])),
      seenAt: timestamp,
      inSync: v.boolean(),
    }),
  ),
  adopted: v.optional(v.object({ stageId: v.string(), status: v.string(), at: timestamp })),
  signed: v.optional(
    v.array(
      v.object({
        at: timestamp,
        by,
        kind: v.picklist(['checklist', 'report']),
        fileSha256: v.string(),
        signer: v.string(),
        certificateSha256: v.string(),
        certified: v.boolean(),
        stageId: v.optional(v.string()),
      }),
    ),
  ),
});

export const persistedCaseSchema = v.object({
  format: v.literal(1),
  id: v.pipe(v.string(), v.minLength(1)),
  permitId: v.string(),
  machineVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  region: v.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  value: v.union([v.string(), v.record(v.string(), v.string())]),
  context: contextSchema,
});

/**
 * Where a structurally valid record contradicts itself or its definition (its state names a
 * stage the workflow lacks, a decision is missing, …), or null when it holds together.
 */
export function inconsistency(lk: DefinitionLookup, p: PersistedCase): string | null {
  const { value, context: ctx } = p;
  // Facts a case could not have been given (a typo'd risk level would silently skip stages).
  const badFacts = checkFacts(lk, ctx.facts);
  if (badFacts) return `facts: ${badFacts.message.en.replace(/\.$/, '')}`;
  if (ctx.adopted) {
    const at = lk.stageIndex.get(ctx.adopted.stageId);
    if (at === undefined || at < 1 || at > lk.issuing)
      return `adopted at "${ctx.adopted.stageId}", which is not a stage after the first and before issuance`;
  }
  const decided = ctx.decision?.kind;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const stageId = value.processing;
    if (keys.length !== 1 || typeof stageId !== 'string') return 'value must be { processing: <stage id> }';
    const i = lk.stageIndex.get(stageId);
    if (i === undefined) return `value names stage "${stageId}", which ${lk.definition.id} does not have`;
    if (i > lk.issuing && decided !== 'issued')
      return `stage "${stageId}" comes after issuance but no issue is recorded`;
    if (i <= lk.issuing && decided !== undefined)
      return `a decision (${decided}) is recorded but the case is still in "${stageId}"`;
    return null;
  }
  switch (value) {
    case 'awaitingCorrection': {
      const from = ctx.returnedFrom === undefined ? undefined : lk.stageIndex.get(ctx.returnedFrom);
      if (from === undefined || !lk.stages[from]?.allowsReturn) {
        return `awaiting correction, but returnedFrom "${ctx.returnedFrom ?? ''}" is not a stage that returns files`;
      }
      return decided ? `awaiting correction, but a decision (${decided}) is recorded` : null;
    }
    case 'rejected':
      return decided === 'rejected' ? null : 'rejected, but no rejection is recorded';
    case 'issued':
      return decided === 'issued' ? null : 'issued, but no issue is recorded';
    case 'closed':
      return decided === 'issued' && ctx.closedAt
        ? null
        : 'closed, but the issue or the closing time is missing';
    default:
      return `unknown state "${String(value)}"`;
  }
}
