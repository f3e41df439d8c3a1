/**
 * Runtime check of the `case.changed` push declared in protocol.ts. Kept apart so the content
 * script does not bundle the engine's schemas.
 */
import * as v from 'valibot';
import type { CaseChanged, PrefsChanged } from './protocol';

export type { CaseChanged, PrefsChanged };

const caseId = v.pipe(v.string(), v.minLength(1), v.maxLength(600));

const caseChangedSchema = v.strictObject({
  type: v.literal('case.changed'),
  case: v.strictObject({
    id: caseId,
    seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
    view: v.looseObject({ caseId, steps: v.array(v.unknown()), stages: v.array(v.unknown()) }),
  }),
});

/** The pushed message, or null when `message` is not one (never throws). */
export function asCaseChanged(message: unknown): CaseChanged | null {
  return v.is(caseChangedSchema, message) ? (message as unknown as CaseChanged) : null;
}

const prefsChangedSchema = v.strictObject({
  type: v.literal('prefs.changed'),
  prefs: v.strictObject({
    language: v.picklist(['id', 'en']),
    dock: v.picklist(['left', 'right']),
    locked: v.optional(v.array(v.picklist(['language', 'dock']))),
  }),
});

/** The pushed preferences, or null when `message` is not that push (never throws). */
export function asPrefsChanged(message: unknown): PrefsChanged | null {
  return v.is(prefsChangedSchema, message) ? message : null;
}
