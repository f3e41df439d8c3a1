import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { evidenceSchema } from '../../../../machines/engine/events';
import { isSufficientEvidence } from '../../../../machines/engine/rules';
import {
  checkDraft,
  EMPTY_DRAFT,
  type EvidenceDraft,
  inspectorNames,
} from '../../../../utils/evidence/draft';

const NOW = new Date('2026-11-29T03:04:05Z');
const PHOTO = { sha256: 'a'.repeat(64), name: 'depan.jpg' };
const complete: EvidenceDraft = {
  ...EMPTY_DRAFT,
  lat: '-6,2088',
  lon: '106,8456',
  photos: [PHOTO],
  result: 'sesuai',
  inspectors: 'Ahmad Fauzi\nRina Wulandari, Dewi',
};

describe('the evidence form’s rules', () => {
  it('makes evidence the engine accepts from typed coordinates', () => {
    const checked = checkDraft(complete, { id: 'ev-1', now: NOW });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.evidence).toMatchObject({
      id: 'ev-1',
      position: { lat: -6.2088, lon: 106.8456, source: 'manual' },
      photos: [PHOTO],
      result: 'sesuai',
      inspectors: ['Ahmad Fauzi', 'Rina Wulandari', 'Dewi'],
    });
    expect(Date.parse(checked.evidence.capturedAt)).toBe(NOW.getTime());
    expect(v.safeParse(evidenceSchema, checked.evidence).success).toBe(true);
    expect(isSufficientEvidence(checked.evidence)).toBe(true);
  });

  it('takes position and time from a GPS fix, with its accuracy, and ignores typed coordinates then', () => {
    const at = Date.parse('2026-11-29T02:55:00Z');
    const checked = checkDraft(
      { ...complete, lat: 'nonsense', gps: { lat: -0.9471234567, lon: 100.4172, accuracyM: 12.6, at } },
      { id: 'ev-2', now: NOW },
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.evidence.position).toEqual({
      lat: -0.947123,
      lon: 100.4172,
      accuracyM: 13,
      source: 'gps',
    });
    expect(Date.parse(checked.evidence.capturedAt)).toBe(at);
  });

  it('lists every problem in form order and makes nothing', () => {
    const checked = checkDraft(
      { ...EMPTY_DRAFT, lat: '106', lon: '', note: 'x'.repeat(4001), bapRef: ' ' },
      { id: 'ev-3', now: NOW },
    );
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'lat', code: 'outside' },
        { field: 'lon', code: 'empty' },
        { field: 'photos', code: 'photo-or-bap' },
        { field: 'result', code: 'required' },
        { field: 'inspectors', code: 'required' },
        { field: 'note', code: 'too-long' },
      ],
    });
  });

  it('accepts a BAP reference instead of photos, and refuses a GPS fix abroad', () => {
    const withBap = checkDraft(
      { ...complete, photos: [], bapRef: ' BAP/12/XI/2026 ' },
      { id: 'ev-4', now: NOW },
    );
    expect(withBap.ok && withBap.evidence.bapRef).toBe('BAP/12/XI/2026');
    const abroad = checkDraft(
      { ...complete, gps: { lat: 35.68, lon: 139.69, accuracyM: 5, at: NOW.getTime() } },
      { id: 'ev-5', now: NOW },
    );
    expect(abroad).toEqual({ ok: false, problems: [{ field: 'gps', code: 'outside' }] });
  });

  it('splits officers on lines, commas and semicolons, and bounds them', () => {
    expect(inspectorNames(' Ahmad  Fauzi ;\n\nRina,Dewi ')).toEqual(['Ahmad Fauzi', 'Rina', 'Dewi']);
    const many = checkDraft(
      { ...complete, inspectors: Array.from({ length: 21 }, (_, i) => `P${i}`).join('\n') },
      { id: 'x', now: NOW },
    );
    expect(many).toEqual({ ok: false, problems: [{ field: 'inspectors', code: 'too-many' }] });
    const long = checkDraft({ ...complete, inspectors: 'x'.repeat(201) }, { id: 'x', now: NOW });
    expect(long).toEqual({ ok: false, problems: [{ field: 'inspectors', code: 'too-long' }] });
  });
});
