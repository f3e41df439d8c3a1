/**
 * The evidence form's rules, apart from the form: what an officer typed and chose becomes a
 * `FieldEvidence` for the case log, or one problem per field. The minimum is the engine's
 * (machines/engine/rules.ts `isSufficientEvidence`): a position, a time, and at least one photo
 * or a BAP reference; the form also asks for the result and who was there.
 */
import type { FieldEvidence } from '../../machines';
import { browserTime } from '../time/zoned';
import { type CoordinateProblem, checkCoordinates, insideIndonesia } from './coordinates';

export const MAX_INSPECTORS = 20;
export const MAX_NAME = 200;
export const MAX_NOTE = 4000;
export const MAX_BAP = 200;
export const MAX_PHOTOS = 12;

export type EvidenceResult = FieldEvidence['result'];
export const RESULTS: readonly EvidenceResult[] = ['sesuai', 'tidak-sesuai', 'perlu-tindak-lanjut'];

/** A GPS fix as the Geolocation API gave it. */
export interface GpsFix {
  lat: number;
  lon: number;
  accuracyM: number;
  /** When the fix was taken (ms since epoch). */
  at: number;
}

export interface EvidenceDraft {
  /** The GPS fix, when one was taken; otherwise the typed coordinates count. */
  gps: GpsFix | null;
  lat: string;
  lon: string;
  photos: { sha256: string; name: string }[];
  result: EvidenceResult | '';
  /** Names, one per line (commas and semicolons also separate). */
  inspectors: string;
  note: string;
  bapRef: string;
}

export const EMPTY_DRAFT: EvidenceDraft = {
  gps: null,
  lat: '',
  lon: '',
  photos: [],
  result: '',
  inspectors: '',
  note: '',
  bapRef: '',
};

export type DraftProblem =
  | { field: 'lat' | 'lon'; code: CoordinateProblem }
  | { field: 'gps'; code: 'outside' }
  | { field: 'photos'; code: 'photo-or-bap' | 'too-many' }
  | { field: 'result'; code: 'required' }
  | { field: 'inspectors'; code: 'required' | 'too-many' | 'too-long' }
  | { field: 'note' | 'bapRef'; code: 'too-long' };

export type DraftField = DraftProblem['field'];

export function inspectorNames(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter((n) => n !== '');
}

/** The evidence to record, or every problem in form order. `now` stamps a typed position. */
export function checkDraft(
  draft: EvidenceDraft,
  opts: { id: string; now: Date },
): { ok: true; evidence: FieldEvidence } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  let position: FieldEvidence['position'];
  let capturedAt: string;
  if (draft.gps) {
    if (!insideIndonesia(draft.gps.lat, draft.gps.lon)) problems.push({ field: 'gps', code: 'outside' });
    position = {
      lat: round(draft.gps.lat),
      lon: round(draft.gps.lon),
      accuracyM: Math.round(draft.gps.accuracyM),
      source: 'gps',
    };
    capturedAt = browserTime(new Date(draft.gps.at)).timestamp;
  } else {
    const typed = checkCoordinates(draft.lat, draft.lon);
    if (typed.ok) position = { lat: round(typed.lat), lon: round(typed.lon), source: 'manual' };
    else {
      if (typed.lat) problems.push({ field: 'lat', code: typed.lat });
      if (typed.lon) problems.push({ field: 'lon', code: typed.lon });
    }
    capturedAt = browserTime(opts.now).timestamp;
  }

  const bapRef = draft.bapRef.trim();
  if (draft.photos.length > MAX_PHOTOS) problems.push({ field: 'photos', code: 'too-many' });
  else if (draft.photos.length === 0 && bapRef === '')
    problems.push({ field: 'photos', code: 'photo-or-bap' });
  if (draft.result === '') problems.push({ field: 'result', code: 'required' });
  const inspectors = inspectorNames(draft.inspectors);
  if (inspectors.length === 0) problems.push({ field: 'inspectors', code: 'required' });
  else if (inspectors.length > MAX_INSPECTORS) problems.push({ field: 'inspectors', code: 'too-many' });
  else if (inspectors.some((n) => n.length > MAX_NAME))
    problems.push({ field: 'inspectors', code: 'too-long' });
  const note = draft.note.trim();
  if (note.length > MAX_NOTE) problems.push({ field: 'note', code: 'too-long' });
  if (bapRef.length > MAX_BAP) problems.push({ field: 'bapRef', code: 'too-long' });

  if (problems.length > 0 || !position || draft.result === '') return { ok: false, problems };
  return {
    ok: true,
    evidence: {
      id: opts.id,
      capturedAt,
      position,
      photos: draft.photos.map((p) => ({ sha256: p.sha256, name: p.name.slice(0, 200) })),
      result: draft.result,
      inspectors,
      ...(note ? { note } : {}),
      ...(bapRef ? { bapRef } : {}),
    },
  };
}

/** Six decimals: about 11 cm, more than any phone's GPS can tell. */
export const round = (x: number) => Math.round(x * 1e6) / 1e6;
