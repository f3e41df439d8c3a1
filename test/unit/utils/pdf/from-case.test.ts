import { describe, expect, it } from 'vitest';
import { type CaseView, createEngine } from '../../../../machines';
import { ChecklistSourceError, checklistDocumentFor } from '../../../../utils/pdf/from-case';

const engine = createEngine();
const officer = {
  name: 'Siti Rahma',
  nip: '198001012010012001',
  role: 'officer' as const,
  unit: 'Bidang Perizinan',
};
const signature = {
  kind: 'uncertified' as const,
  signerName: 'Siti Rahma',
  signedAt: '2026-11-29T10:00:00+07:00',
};

function ossCase() {
  let c = engine.createCase({
    id: 'oss-rba:I-1',
    permitId: 'oss-rba',
    region: '31',
    receivedAt: '2026-11-20T08:00:00+07:00',
  });
  const items = engine.view(c, { now: '2026-11-21T08:00:00+07:00' }).steps.flatMap((s) => s.items);
  const [first, second] = items;
  if (!first || !second) throw new Error('the OSS first stage has fewer than two items');
  for (const e of [
    { type: 'checklist.tick', itemId: first.id },
    { type: 'checklist.markMissing', itemId: second.id, note: 'Tidak terbaca' },
  ] as const) {
    const r = engine.applyEvent(c, { ...e, at: '2026-11-21T09:00:00+07:00' });
    if (!r.ok) throw new Error(r.rejection.message.en);
    c = r.case;
  }
  return { view: engine.view(c, { now: '2026-11-21T10:00:00+07:00' }), first, second, items };
}

/** The document for `view` with the fixed case details these tests share. */
const docFor = (view: CaseView, language: 'id' | 'en' = 'id', extra: { applicant?: string } = {}) =>
  checklistDocumentFor({
    view,
    caseRef: 'I-1',
    portal: 'OSS RBA',
    officer,
    language,
    date: '2026-11-21',
    signature,
    ...extra,
  });

describe('checklistDocumentFor', () => {
  it('prints the current stage’s items with present / missing / pending, notes and names in the language', () => {
    const { view, first, second, items } = ossCase();
    const doc = docFor(view, 'id', { applicant: 'PT Contoh' });
    expect(doc.items).toHaveLength(items.length);
    expect(doc.items.find((i) => i.id === first.id)?.status).toBe('present');
    expect(doc.items.find((i) => i.id === second.id)).toMatchObject({
      status: 'missing',
      note: 'Tidak terbaca',
    });
    expect(doc.items.filter((i) => i.status === 'pending')).toHaveLength(items.length - 2);
    expect(doc.items[0]?.label).toBe(first.label.id);
    expect(doc).toMatchObject({
      caseId: 'oss-rba:I-1',
      caseRef: 'I-1',
      applicant: 'PT Contoh',
      permit: { id: 'oss-rba', name: view.permit.name.id },
      region: { code: '31', name: view.region.name.id },
      stage: { id: view.stage?.id, index: 0 },
      unit: 'Bidang Perizinan',
    });
    const en = docFor(view, 'en');
    expect(en.items[0]?.label).toBe(first.label.en);
    expect(en.agency).toMatch(/One-Stop/);
    expect(en.applicant).toBeUndefined();
  });

  it('marks items of steps that do not apply as not applicable', () => {
    const { view } = ossCase();
    const [step] = view.steps;
    if (!step) throw new Error('no step');
    const changed = { ...view, steps: [{ ...step, applicable: false }, ...view.steps.slice(1)] };
    const doc = docFor(changed);
    expect(doc.items.slice(0, step.items.length).every((i) => i.status === 'not-applicable')).toBe(true);
  });

  it('refuses a finished case in words', () => {
    const { view } = ossCase();
    expect(() => docFor({ ...view, stage: null })).toThrow(ChecklistSourceError);
  });
});
