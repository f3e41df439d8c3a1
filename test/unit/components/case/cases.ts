/** Real cases from the engine, for the case views' tests (the views themselves import types only). */
import { type CaseFacts, createEngine } from '../../../../machines';
import type { Intent } from '../../../../utils/db/cases';
import type { CaseState } from '../../../../utils/messaging/protocol';

const engine = createEngine();
const AT = '2026-11-23T08:00:00+07:00';

/** A case of `permitId` opened in Jakarta, after `intents` (each must be accepted). */
export function caseAfter(permitId: string, intents: Intent[] = [], facts?: CaseFacts): CaseState {
  const id = `${permitId}:T-1`;
  let current = engine.createCase({
    id,
    permitId,
    region: '31',
    receivedAt: '2026-11-20T08:00:00+07:00',
    ...(facts ? { facts } : {}),
  });
  for (const intent of intents) {
    const applied = engine.applyEvent(current, { ...intent, at: AT } as Parameters<
      typeof engine.applyEvent
    >[1]);
    if (!applied.ok) throw new Error(`fixture case refused ${intent.type}: ${JSON.stringify(applied)}`);
    current = applied.case;
  }
  return { id, seq: current.persisted.seq, view: engine.view(current, { now: '2026-11-23T09:00:00+07:00' }) };
}

/** SIP nakes in file verification: fourteen items, several conditional on the facts. */
export const sipInVerification = (facts?: CaseFacts) =>
  caseAfter(
    'sip-nakes',
    [{ type: 'step.complete', stepId: 'sip-register-application' }, { type: 'stage.advance' }],
    facts,
  );

/** PBG in the completeness check for a one-storey house: the >2-storey items do not apply. */
export const pbgInCompleteness = () =>
  caseAfter('pbg', [{ type: 'step.complete', stepId: 'pbg-application-upload' }, { type: 'stage.advance' }], {
    storeys: 1,
  });

/** OSS RBA in its first stage, the first item ticked. */
export const ossFirstStage = () => caseAfter('oss-rba', [{ type: 'checklist.tick', itemId: 'oss-nik' }]);
