/**
 * Why an event cannot apply to a case in its current state — the engine's side of the guards.
 * Each answer comes from the same rule functions the machine's guards call (rules.ts), so a
 * refusal is always explained, in Indonesian and English.
 */
import { lookup } from '../definition/lookup';
import type { PermitDefinition } from '../definition/types';
import type { PermitContext } from './context';
import type { PermitEvent } from './events';
import {
  checkEvidenceTarget,
  checkEvidenceTime,
  checkFacts,
  checkItem,
  checkStepComplete,
  checkWorkDone,
  type Rejection,
} from './rules';

/** The state of a case as `explainRefusal` reads it. */
export interface CaseState {
  value: unknown;
  context: PermitContext;
}

/** The reason `event` is refused in `state`, or null when the machine will take it. */
export function explainRefusal(d: PermitDefinition, state: CaseState, event: PermitEvent): Rejection | null {
  const ctx = state.context;
  const value = state.value;
  const lk = lookup(d);
  const closed = (id: string, en: string): Rejection => ({ code: 'case-closed', message: { id, en } });
  if (value === 'rejected')
    return closed(
      'Kasus sudah ditolak; tidak ada perubahan lagi.',
      'The case is rejected; nothing changes any more.',
    );
  if (value === 'issued')
    return closed('Izin sudah terbit; kasus selesai.', 'The permit is issued; the case is closed.');
  if (value === 'closed') {
    return closed(
      'Izin terbit dan tindak lanjut selesai; kasus ditutup.',
      'Permit issued and follow-up done; the case is closed.',
    );
  }
  if (value === 'awaitingCorrection') {
    switch (event.type) {
      case 'applicant.resubmitted':
      case 'note.add':
      case 'signature.recorded':
      case 'case.reject':
      case 'portal.statusSeen':
        return null;
      case 'case.setFacts':
        return checkFacts(lk, event.facts);
      default:
        return {
          code: 'awaiting-correction',
          message: {
            id: 'Kasus sedang dikembalikan ke pemohon untuk perbaikan; tunggu pengajuan ulang.',
            en: 'The case is back with the applicant for correction; wait for the resubmission.',
          },
        };
    }
  }
  const stageId = typeof value === 'object' && value !== null ? String(Object.values(value)[0]) : '';
  const i = lk.stageIndex.get(stageId) ?? -1;
  const stage = lk.stages[i];
  if (!stage)
    return { code: 'bad-state', message: { id: 'Status kasus tidak dikenal.', en: 'Unknown case state.' } };
  const last = i === lk.stages.length - 1;
  const issuing = lk.stages[lk.issuing] as (typeof lk.stages)[number];
  const afterIssuance = i > lk.issuing;
  switch (event.type) {
    case 'case.setFacts':
      if (afterIssuance) {
        return {
          code: 'facts-sealed',
          message: {
            id: 'Fakta kasus dikunci sejak izin terbit: izin diterbitkan atas fakta tersebut.',
            en: 'Case facts are sealed since issuance: the permit was issued on them.',
          },
        };
      }
      return checkFacts(lk, event.facts);
    case 'checklist.tick':
    case 'checklist.untick':
    case 'checklist.markMissing':
      return checkItem(lk, ctx, i, event.itemId);
    case 'evidence.attach':
      return (
        checkEvidenceTarget(lk, ctx, i, event.stepId) ?? checkEvidenceTime(ctx, event.evidence, event.at)
      );
    case 'step.complete':
      return checkStepComplete(lk, ctx, i, event.stepId);
    case 'stage.advance':
      if (i === lk.issuing) {
        return {
          code: 'issuing-stage',
          message: {
            id: 'Tahap ini menerbitkan izin: gunakan "Setujui / terbitkan".',
            en: 'This stage issues the permit: use "approve / issue".',
          },
        };
      }
      if (last) {
        return {
          code: 'last-stage',
          message: {
            id: 'Ini tahap terakhir: gunakan "Tutup kasus".',
            en: 'This is the last stage: use "close the case".',
          },
        };
      }
      return checkWorkDone(lk, ctx, i);
    case 'case.approve':
      if (afterIssuance) {
        return {
          code: 'already-issued',
          message: { id: 'Izin sudah terbit.', en: 'The permit is already issued.' },
        };
      }
      if (i !== lk.issuing) {
        return {
          code: 'not-issuing-stage',
          message: {
            id: `Izin hanya terbit di tahap "${issuing.name.id}".`,
            en: `A permit is issued only in stage "${issuing.name.en}".`,
          },
        };
      }
      return checkWorkDone(lk, ctx, i);
    case 'case.close':
      if (!afterIssuance || !last) {
        return {
          code: 'not-closable',
          message: {
            id: 'Kasus ditutup hanya di tahap terakhir setelah izin terbit.',
            en: 'A case is closed only in the last stage after issuance.',
          },
        };
      }
      return checkWorkDone(lk, ctx, i);
    case 'case.returnToApplicant':
      return stage.allowsReturn
        ? null
        : {
            code: 'return-not-allowed',
            message: {
              id: `Tahap "${stage.name.id}" tidak dapat mengembalikan berkas ke pemohon.`,
              en: `Stage "${stage.name.en}" cannot return the file to the applicant.`,
            },
          };
    case 'case.reject':
      return stage.allowsReject
        ? null
        : {
            code: 'reject-not-allowed',
            message: {
              id: `Penolakan tidak diputuskan di tahap "${stage.name.id}".`,
              en: `Rejection is not decided in stage "${stage.name.en}".`,
            },
          };
    case 'applicant.resubmitted':
      return {
        code: 'not-awaiting-correction',
        message: {
          id: 'Kasus tidak sedang menunggu perbaikan pemohon.',
          en: 'The case is not waiting for a correction.',
        },
      };
    case 'note.add':
    case 'signature.recorded':
    case 'portal.statusSeen':
      return null;
  }
}
