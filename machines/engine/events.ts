/**
 * Events a case accepts. Every event carries `at` (ISO timestamp, supplied by the caller so the
 * engine stays deterministic) and optionally `by` (the officer). Names are namespaced by what
 * they act on; `portal.*` events come from what the portal page shows.
 */
import * as v from 'valibot';
import { isZonedTimestamp } from '../calendar';
import type { CaseFacts } from '../definition/types';

/** On-site evidence for a field step; photos are referenced by hash (the Blobs live elsewhere). */
export interface FieldEvidence {
  id: string;
  capturedAt: string;
  position?: { lat: number; lon: number; accuracyM?: number; source: 'gps' | 'manual' };
  photos: { sha256: string; name?: string }[];
  bapRef?: string;
  result: 'sesuai' | 'tidak-sesuai' | 'perlu-tindak-lanjut';
  inspectors: string[];
  note?: string;
}

/** What the portal page shows, as mapped by an adapter. */
export interface PortalObservation {
  /** The portal's own status text, kept verbatim for display. */
  status: string;
  /** The catalog stage the status maps to, when it maps to one. */
  stageId?: string;
  /** A final or correction outcome the status maps to. */
  outcome?: 'returned' | 'rejected' | 'issued';
}

/** A signed document made from the case (a checklist PDF): what was signed, by whom, how. */
export interface SignedDocument {
  kind: 'checklist' | 'report';
  /** SHA-256 (hex) of the signed file as it was saved. */
  fileSha256: string;
  /** The signer as the certificate names them. */
  signer: string;
  /** SHA-256 (hex) of the signing certificate (DER). */
  certificateSha256: string;
  /** Signed with a CA-issued certificate (not a locally generated, self-signed one). */
  certified: boolean;
  /** The stage whose checklist it is. */
  stageId?: string;
}

type Base = { at: string; by?: string };

export type PermitEvent = Base &
  (
    | { type: 'case.setFacts'; facts: CaseFacts }
    | { type: 'checklist.tick'; itemId: string }
    | { type: 'checklist.untick'; itemId: string }
    | { type: 'checklist.markMissing'; itemId: string; note?: string }
    | { type: 'note.add'; text: string; stepId?: string; itemId?: string }
    | { type: 'evidence.attach'; stepId: string; evidence: FieldEvidence }
    | { type: 'step.complete'; stepId: string }
    | { type: 'stage.advance' }
    | { type: 'case.returnToApplicant'; reason: string }
    | { type: 'applicant.resubmitted' }
    | { type: 'case.reject'; reason: string }
    | { type: 'case.approve' }
    | { type: 'case.close' }
    | ({ type: 'portal.statusSeen' } & PortalObservation)
    | ({ type: 'signature.recorded' } & SignedDocument)
  );

export type PermitEventType = PermitEvent['type'];

export const EVENT_TYPES: readonly PermitEventType[] = [
  'case.setFacts',
  'checklist.tick',
  'checklist.untick',
  'checklist.markMissing',
  'note.add',
  'evidence.attach',
  'step.complete',
  'stage.advance',
  'case.returnToApplicant',
  'applicant.resubmitted',
  'case.reject',
  'case.approve',
  'case.close',
  'portal.statusSeen',
  'signature.recorded',
];

// A zone is required so the local date never depends on the machine that applies the event.
export const timestamp = v.pipe(
  v.string(),
  v.check((s: string) => isZonedTimestamp(s), 'iso-timestamp'),
);
const id = v.pipe(v.string(), v.minLength(1, 'empty'), v.maxLength(200));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'), v.maxLength(4000));
const base = { at: timestamp, by: v.optional(v.pipe(v.string(), v.maxLength(200))) };
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

export const evidenceSchema = v.strictObject({
  id,
  capturedAt: timestamp,
  position: v.optional(
    v.strictObject({
      lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
      lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
      accuracyM: v.optional(v.pipe(v.number(), v.minValue(0))),
      source: v.picklist(['gps', 'manual']),
    }),
  ),
  photos: v.array(
    v.strictObject({ sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)), name: v.optional(v.string()) }),
  ),
  bapRef: v.optional(text),
  result: v.picklist(['sesuai', 'tidak-sesuai', 'perlu-tindak-lanjut']),
  inspectors: v.array(text),
  note: v.optional(text),
});

/** Runtime check for events arriving from outside (messages, files, the CLI). */
export const permitEventSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('case.setFacts'),
    ...base,
    facts: v.record(id, v.union([v.boolean(), v.number(), v.string()])),
  }),
  v.strictObject({ type: v.literal('checklist.tick'), ...base, itemId: id }),
  v.strictObject({ type: v.literal('checklist.untick'), ...base, itemId: id }),
  v.strictObject({ type: v.literal('checklist.markMissing'), ...base, itemId: id, note: v.optional(text) }),
  v.strictObject({
    type: v.literal('note.add'),
    ...base,
    text,
    stepId: v.optional(id),
    itemId: v.optional(id),
  }),
  v.strictObject({ type: v.literal('evidence.attach'), ...base, stepId: id, evidence: evidenceSchema }),
  v.strictObject({ type: v.literal('step.complete'), ...base, stepId: id }),
  v.strictObject({ type: v.literal('stage.advance'), ...base }),
  v.strictObject({ type: v.literal('case.returnToApplicant'), ...base, reason: text }),
  v.strictObject({ type: v.literal('applicant.resubmitted'), ...base }),
  v.strictObject({ type: v.literal('case.reject'), ...base, reason: text }),
  v.strictObject({ type: v.literal('case.approve'), ...base }),
  v.strictObject({ type: v.literal('case.close'), ...base }),
  v.strictObject({
    type: v.literal('portal.statusSeen'),
    ...base,
    status: text,
    stageId: v.optional(id),
    outcome: v.optional(v.picklist(['returned', 'rejected', 'issued'])),
  }),
  v.strictObject({
    type: v.literal('signature.recorded'),
    ...base,
    kind: v.picklist(['checklist', 'report']),
    fileSha256: sha256,
    signer: text,
    certificateSha256: sha256,
    certified: v.boolean(),
    stageId: v.optional(id),
  }),
]);

const _agree: (x: v.InferOutput<typeof permitEventSchema>) => PermitEvent = (x) => x;
void _agree;
