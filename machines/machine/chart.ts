/**
 * The statechart's shape for one definition: which events each state takes, under which named
 * guard, to which target. Pure configuration; the guards and actions it names are implemented
 * in factory.ts.
 */
import { and, type MachineConfig } from 'xstate';
import { modesOf } from '../assessment/assess';
import type { Stage } from '../definition/types';
import type { PermitContext } from '../engine/context';
import type { PermitEvent } from '../engine/events';
import type { StageMeta } from './factory';

type StateConfig = NonNullable<MachineConfig<PermitContext, PermitEvent>['states']>[string];

/**
 * The `states` of the permit machine: one child of `processing` per stage, then
 * `awaitingCorrection` and the final states. `issuing` is the index of the stage whose
 * approval issues the permit; `metaFor` gives each stage's meta (its steps' assessments).
 */
export function permitStates(
  stages: readonly Stage[],
  issuing: number,
  metaFor: (stage: Stage) => StageMeta,
) {
  const last = stages.length - 1;
  const stageState = (stage: Stage, i: number): StateConfig => {
    const meta = metaFor(stage);
    const on: Record<string, unknown> = {
      'checklist.tick': { guard: { type: 'canEditItem', params: { stage: i } }, actions: 'tickItem' },
      'checklist.untick': {
        guard: { type: 'canEditItem', params: { stage: i } },
        actions: { type: 'untickItem', params: { stage: i } },
      },
      'checklist.markMissing': {
        guard: { type: 'canEditItem', params: { stage: i } },
        actions: { type: 'markMissing', params: { stage: i } },
      },
      'note.add': { actions: 'addNote' },
      'signature.recorded': { actions: 'recordSigned' },
      'evidence.attach': {
        guard: { type: 'canAttachEvidence', params: { stage: i } },
        actions: 'attachEvidence',
      },
      'step.complete': {
        guard: and([
          { type: 'isStepOpen', params: { stage: i } },
          'isStepChecklistComplete',
          'hasFieldEvidence',
        ]),
        actions: { type: 'completeStep', params: { stage: i } },
      },
    };
    // Facts are sealed once the permit is issued: it was issued on them.
    if (i <= issuing) {
      on['case.setFacts'] = { guard: 'areFactsValid', actions: { type: 'setFacts', params: { stage: i } } };
    }
    const next = stages[i + 1];
    const issued = { type: 'recordDecision', params: { kind: 'issued' } };
    if (i === issuing) {
      on['case.approve'] = next
        ? {
            guard: { type: 'isWorkDone', params: { upto: i } },
            target: next.id,
            actions: [issued, { type: 'enterStage', params: { stage: i + 1 } }],
          }
        : { guard: { type: 'isWorkDone', params: { upto: i } }, target: '#permit.issued', actions: issued };
    } else if (next) {
      on['stage.advance'] = {
        guard: { type: 'isWorkDone', params: { upto: i } },
        target: next.id,
        actions: { type: 'enterStage', params: { stage: i + 1 } },
      };
    } else {
      on['case.close'] = {
        guard: { type: 'isWorkDone', params: { upto: i } },
        target: '#permit.closed',
        actions: 'recordClosed',
      };
    }
    if (stage.allowsReturn) {
      on['case.returnToApplicant'] = {
        target: '#permit.awaitingCorrection',
        actions: { type: 'recordReturn', params: { stage: i } },
      };
    }
    if (stage.allowsReject) {
      on['case.reject'] = {
        target: '#permit.rejected',
        actions: { type: 'recordDecision', params: { kind: 'rejected' } },
      };
    }
    on['portal.statusSeen'] = portalTransitions(i, stage);
    // A stage where no step applies to this case (e.g. levy stages for a low-income household)
    // is passed through as soon as the work before it is done; the last stage never is.
    const always =
      next && i !== issuing
        ? {
            guard: { type: 'isStageVoid', params: { stage: i } },
            target: next.id,
            actions: { type: 'enterStage', params: { stage: i + 1 } },
          }
        : undefined;
    return {
      ...(always ? { always } : {}),
      tags: modesOf(meta.steps.map((s) => s.assessment)),
      description: stage.name.en,
      meta,
      on: on as StateConfig['on'],
    };
  };

  const portalTransitions = (i: number, stage: Stage) => {
    const sync = (inSync: boolean) => ({ type: 'recordPortal', params: { inSync } });
    const list: unknown[] = [];
    if (stage.allowsReturn) {
      list.push({
        guard: { type: 'portalSays', params: { outcome: 'returned' } },
        target: '#permit.awaitingCorrection',
        actions: [sync(true), { type: 'recordReturn', params: { stage: i } }],
      });
    }
    // The portal is the record of a rejection: follow it from any stage before issuance (after
    // it, a rejection would be a revocation, which is not modelled: shown as out of sync).
    if (i <= issuing) {
      list.push({
        guard: { type: 'portalSays', params: { outcome: 'rejected' } },
        target: '#permit.rejected',
        actions: [sync(true), { type: 'recordDecision', params: { kind: 'rejected' } }],
      });
    }
    if (i === issuing) {
      const next = stages[i + 1];
      list.push({
        // Issuance is only followed when our checklist agrees; otherwise it is shown as out of sync.
        guard: and([
          { type: 'portalSays', params: { outcome: 'issued' } },
          { type: 'isWorkDone', params: { upto: i } },
        ]),
        target: next ? `#permit.processing.${next.id}` : '#permit.issued',
        actions: [
          sync(true),
          { type: 'recordDecision', params: { kind: 'issued' } },
          ...(next ? [{ type: 'enterStage', params: { stage: i + 1 } }] : []),
        ],
      });
    }
    if (i > issuing) {
      list.push({ guard: { type: 'portalSays', params: { outcome: 'issued' } }, actions: sync(true) });
    }
    // A case first seen already past its first stage opens where the portal has it (before
    // issuance only: issuance itself is always a decision this checklist must back).
    if (i === 0) {
      for (let j = 1; j <= issuing; j++) {
        list.push({
          guard: { type: 'canAdoptAt', params: { stage: j } },
          target: `#permit.processing.${stages[j]?.id}`,
          actions: [sync(true), 'recordAdoption', { type: 'enterStage', params: { stage: j } }],
        });
      }
    }
    // The portal is followed within a phase; crossing issuance takes an approval.
    const lastInPhase = i <= issuing ? issuing : last;
    for (let j = i + 1; j <= lastInPhase; j++) {
      list.push({
        guard: { type: 'canFollowPortalTo', params: { stage: j } },
        target: `#permit.processing.${stages[j]?.id}`,
        actions: [sync(true), { type: 'enterStage', params: { stage: j } }],
      });
    }
    list.push({ guard: { type: 'portalAtStage', params: { stage: i } }, actions: sync(true) });
    list.push({ actions: sync(false) });
    return list;
  };

  const resubmit = stages.map((s, i) => ({
    guard: { type: 'wasReturnedFrom', params: { stage: i } },
    target: `#permit.processing.${s.id}`,
    actions: { type: 'resume', params: { stage: i } },
  }));

  return {
    processing: {
      initial: stages[0]?.id ?? 'none',
      states: Object.fromEntries(stages.map((s, i) => [s.id, stageState(s, i)])),
    },
    awaitingCorrection: {
      description: 'Returned to the applicant for correction (Perlu Perbaikan); the SLA clock pauses.',
      on: {
        'applicant.resubmitted': resubmit,
        'case.setFacts': { guard: 'areFactsValid', actions: { type: 'setFacts', params: { stage: null } } },
        'note.add': { actions: 'addNote' },
        'signature.recorded': { actions: 'recordSigned' },
        // While the file is with the applicant, a rejection (e.g. no correction within the
        // deadline) is possible whichever stage returned it: allowsReject governs the stages.
        'case.reject': {
          target: 'rejected',
          actions: { type: 'recordDecision', params: { kind: 'rejected' } },
        },
        'portal.statusSeen': [
          {
            guard: { type: 'portalSays', params: { outcome: 'rejected' } },
            target: 'rejected',
            actions: [
              { type: 'recordPortal', params: { inSync: true } },
              { type: 'recordDecision', params: { kind: 'rejected' } },
            ],
          },
          {
            guard: { type: 'portalSays', params: { outcome: 'returned' } },
            actions: { type: 'recordPortal', params: { inSync: true } },
          },
          { actions: { type: 'recordPortal', params: { inSync: false } } },
        ],
      },
    },
    rejected: { type: 'final', description: 'Application rejected (Ditolak).' },
    issued: { type: 'final', description: 'Permit issued (Disetujui / Terbit).' },
    closed: {
      type: 'final',
      description: 'Permit issued and the after-issuance stages done; the case is closed.',
    },
  };
}
