/**
 * From a case as the engine shows it to the document a signed checklist prints: the current
 * stage's items with their status in the document's language. Shared by the side panel and the
 * CLI so both print the same thing for the same case.
 */
import type { CaseView } from '../../machines';
import { pick } from '../i18n/core';
import type { ChecklistDocument, ChecklistItem, EvidenceEntry, Officer, SignatureStatement } from './types';

/** Our wording of the issuing office; the unit comes from the officer's identity. */
const AGENCY = {
  id: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)',
  en: 'One-Stop Integrated Service and Investment Office (DPMPTSP)',
};

export interface ChecklistSource {
  view: CaseView;
  caseRef: string;
  /** The portal's name as officers know it, e.g. "OSS RBA". */
  portal: string;
  applicant?: string;
  officer: Officer;
  language: 'id' | 'en';
  /** Local date of the document (YYYY-MM-DD). */
  date: string;
  signature: SignatureStatement;
  evidence?: EvidenceEntry[];
}

export class ChecklistSourceError extends Error {
  constructor(readonly text: { id: string; en: string }) {
    super(text.en);
    this.name = 'ChecklistSourceError';
  }
}

export function checklistDocumentFor(src: ChecklistSource): ChecklistDocument {
  const { view, language: lang } = src;
  const stage = view.stage;
  if (!stage) {
    throw new ChecklistSourceError({
      id: 'Perkara ini sudah selesai; tidak ada tahap berjalan yang daftar periksanya bisa dicetak.',
      en: 'This case is finished; there is no running stage whose checklist could be printed.',
    });
  }
  const items: ChecklistItem[] = view.steps.flatMap((step) =>
    step.items.map((item) => {
      const row: ChecklistItem = {
        id: item.id,
        label: pick(lang, item.label),
        step: pick(lang, step.name),
        mandatory: item.mandatory,
        status:
          !step.applicable || !item.applicable
            ? 'not-applicable'
            : item.status === 'ticked'
              ? 'present'
              : item.status,
      };
      if (item.note) row.note = item.note;
      return row;
    }),
  );
  const doc: ChecklistDocument = {
    language: lang,
    agency: AGENCY[lang],
    unit: src.officer.unit,
    caseId: view.caseId,
    caseRef: src.caseRef,
    portal: src.portal,
    permit: { id: view.permit.id, name: pick(lang, view.permit.name) },
    region: { code: view.region.code, name: pick(lang, view.region.name) },
    stage: { id: stage.id, name: pick(lang, stage.name), index: stage.index, count: stage.count },
    date: src.date,
    items,
    evidence: src.evidence ?? [],
    officer: src.officer,
    signature: src.signature,
  };
  if (src.applicant) doc.applicant = src.applicant;
  return doc;
}
