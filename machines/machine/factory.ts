/**
 * Builds the XState v5 statechart for one permit definition in one region.
 *
 *   processing ─ one child state per stage, in order (tags: the stage's work modes)
 *   awaitingCorrection ─ returned to the applicant ("Perlu Perbaikan"); the clock pauses
 *   rejected, issued ─ final
 *   closed ─ final, after the after-issuance stages (inspection, pengawasan) when there are any
 *
 * Tags and meta describe the workflow in the region, not one case: they cover every step of
 * the stage, conditional ones included, assessed on the machine's date. For a case, the
 * authority is the engine's `view()`: `stage.modes` and each step's mode there weigh only the
 * steps that apply to the case's facts, on the day asked for.
 *
 * `case.approve` in the issuing stage issues the permit: into `issued`, or on into the first
 * after-issuance stage with the decision recorded; `case.close` ends the last of those.
 *
 * Guards are named and call the pure rules in engine/rules.ts, so a refused event can always
 * be explained. Context is plain JSON; `{ value, context }` is the whole persisted state.
 */
import { assign, setup } from 'xstate';
import { type Assessment, assessStep, type RegionReadiness } from '../assessment/assess';
import { addWorkingDays, localDate, type WorkingCalendar } from '../calendar';
import { lookup } from '../definition/lookup';
import type { LegalBasis, PermitDefinition, Stage } from '../definition/types';
import type { CaseInput, CaseNote, PermitContext, StageDue } from '../engine/context';
import type { PermitEvent } from '../engine/events';
import {
  checkEvidenceTarget,
  checkEvidenceTime,
  checkFacts,
  checkItem,
  checkStepReachable,
  checkWorkDone,
  clockStart,
  hasFieldEvidence,
  openMandatoryItems,
  stepApplies,
} from '../engine/rules';
import type { LocalizedText, WorkMode } from '../types';
import { permitStates } from './chart';

/** A region profile as the machine needs it: readiness plus the clock offset for local dates. */
export interface MachineRegion extends RegionReadiness {
  utcOffsetHours: number;
}

export interface PermitMachineOptions {
  region: MachineRegion;
  calendar: WorkingCalendar;
  /**
   * The date (`YYYY-MM-DD`) the stage tags and meta are assessed for. When omitted, the
   * region's today is read from the system clock — the one place the machines read a clock;
   * pass a date to keep a machine deterministic.
   */
  date?: string;
}

/** What each stage state carries in `meta`. */
export interface StageMeta {
  stageId: string;
  name: LocalizedText;
  legalBasis: LegalBasis[];
  steps: { stepId: string; name: LocalizedText; assessment: Assessment; legalBasis: LegalBasis[] }[];
}

type Ev<T extends PermitEvent['type']> = Extract<PermitEvent, { type: T }>;

/** Working days a stage has for these facts: a legal cap, or the applicable steps' sum. */
export function stageSlaDays(stage: Stage, facts: PermitContext['facts']): number | null {
  if (stage.slaDays !== undefined) return stage.slaDays;
  const counted = stage.steps.filter((s) => s.slaDays !== null && stepApplies(s, facts));
  return counted.length === 0 ? null : counted.reduce((n, s) => n + (s.slaDays ?? 0), 0);
}

/**
 * Creates the statechart. Machines are cheap to keep: build one per definition and region
 * (the engine caches them).
 */
export function createPermitMachine(definition: PermitDefinition, options: PermitMachineOptions) {
  const lk = lookup(definition);
  const { region, calendar } = options;
  const stages = definition.stages;
  const issuing = lk.issuing;
  const assessedOn = options.date ?? localDate(new Date().toISOString(), region.utcOffsetHours);

  /** The stage's due date from its clock start (see clockStart); none while the clock waits. */
  const dueFor = (
    stage: number,
    ctx: Pick<PermitContext, 'facts' | 'steps' | 'stageEnteredAt'>,
  ): StageDue => {
    const s = stages[stage] as Stage;
    const sla = stageSlaDays(s, ctx.facts);
    const start = clockStart(s, ctx);
    if (sla === null || start === null) return { slaDays: sla, date: null, beyondKnownYears: false };
    const due = addWorkingDays(calendar, localDate(start, region.utcOffsetHours), sla);
    return { slaDays: sla, date: due.date, beyondKnownYears: due.beyondKnownYears };
  };

  const itemIdOf = (e: PermitEvent) => ('itemId' in e && typeof e.itemId === 'string' ? e.itemId : '');
  const stepIdOf = (e: PermitEvent) => ('stepId' in e && typeof e.stepId === 'string' ? e.stepId : '');

  const machineSetup = setup({
    types: {} as {
      context: PermitContext;
      events: PermitEvent;
      input: CaseInput;
      tags: WorkMode;
    },
    guards: {
      areFactsValid: ({ event }) => event.type === 'case.setFacts' && checkFacts(lk, event.facts) === null,
      canEditItem: ({ context, event }, p: { stage: number }) =>
        checkItem(lk, context, p.stage, itemIdOf(event)) === null,
      canAttachEvidence: ({ context, event }, p: { stage: number }) =>
        event.type === 'evidence.attach' &&
        checkEvidenceTarget(lk, context, p.stage, event.stepId) === null &&
        checkEvidenceTime(context, event.evidence, event.at) === null,
      isStepOpen: ({ context, event }, p: { stage: number }) =>
        checkStepReachable(lk, context, p.stage, stepIdOf(event)) === null &&
        !context.steps[stepIdOf(event)]?.completedAt,
      isStepChecklistComplete: ({ context, event }) => {
        const step = lk.step.get(stepIdOf(event))?.step;
        return step !== undefined && openMandatoryItems(step, context).length === 0;
      },
      // A field step needs position + time + a photo or BAP reference; other steps pass.
      hasFieldEvidence: ({ context, event }) =>
        !lk.fieldSteps.has(stepIdOf(event)) || hasFieldEvidence(context, stepIdOf(event)),
      isWorkDone: ({ context }, p: { upto: number }) => checkWorkDone(lk, context, p.upto) === null,
      isStageVoid: ({ context }, p: { stage: number }) =>
        !(stages[p.stage]?.steps ?? []).some((s) => stepApplies(s, context.facts)) &&
        checkWorkDone(lk, context, p.stage - 1) === null,
      portalSays: ({ event }, p: { outcome: 'returned' | 'rejected' | 'issued' }) =>
        event.type === 'portal.statusSeen' && event.outcome === p.outcome,
      portalAtStage: ({ event }, p: { stage: number }) =>
        event.type === 'portal.statusSeen' && !event.outcome && event.stageId === stages[p.stage]?.id,
      canFollowPortalTo: ({ context, event }, p: { stage: number }) =>
        event.type === 'portal.statusSeen' &&
        !event.outcome &&
        event.stageId === stages[p.stage]?.id &&
        checkWorkDone(lk, context, p.stage - 1) === null,
      wasReturnedFrom: ({ context }, p: { stage: number }) => context.returnedFrom === stages[p.stage]?.id,
      // The first status ever seen, on a case nobody has worked on yet, may place it at a
      // later stage: the portal did the stages before it (see PermitContext.adopted).
      canAdoptAt: ({ context, event }, p: { stage: number }) =>
        event.type === 'portal.statusSeen' &&
        !event.outcome &&
        event.stageId === stages[p.stage]?.id &&
        context.portal === undefined &&
        isUntouched(context),
    },
    actions: {
      setFacts: assign(({ context, event }, p: { stage: number | null }) => {
        const facts = { ...context.facts, ...(event as Ev<'case.setFacts'>).facts };
        // Facts can switch conditional steps on or off, which changes the stage's SLA.
        const stageDue = p.stage === null ? context.stageDue : dueFor(p.stage, { ...context, facts });
        return { facts, stageDue };
      }),
      tickItem: assign(({ context, event }) => setItem(context, event as Ev<'checklist.tick'>, 'ticked')),
      untickItem: assign(({ context, event }, p: { stage: number }) => {
        const e = event as Ev<'checklist.untick'>;
        const { [e.itemId]: _gone, ...items } = context.items;
        const steps = reopenStepOf(context, e.itemId);
        return { items, steps, stageDue: dueFor(p.stage, { ...context, steps }) };
      }),
      markMissing: assign(({ context, event }, p: { stage: number }) => {
        const next = setItem(context, event as Ev<'checklist.markMissing'>, 'missing');
        const steps = next.steps ?? context.steps;
        return { ...next, stageDue: dueFor(p.stage, { ...context, steps }) };
      }),
      addNote: assign(({ context, event }) => {
        const e = event as Ev<'note.add'>;
        const note: CaseNote = { at: e.at, text: e.text };
        if (e.by) note.by = e.by;
        if (e.stepId) note.stepId = e.stepId;
        if (e.itemId) note.itemId = e.itemId;
        return { notes: [...context.notes, note] };
      }),
      recordSigned: assign(({ context, event }) => {
        const { type: _type, ...signed } = event as Ev<'signature.recorded'>;
        return { signed: [...(context.signed ?? []), signed] };
      }),
      attachEvidence: assign(({ context, event }) => {
        const e = event as Ev<'evidence.attach'>;
        const prev = context.steps[e.stepId] ?? { evidence: [] };
        return {
          steps: { ...context.steps, [e.stepId]: { ...prev, evidence: [...prev.evidence, e.evidence] } },
        };
      }),
      completeStep: assign(({ context, event }, p: { stage: number }) => {
        const e = event as Ev<'step.complete'>;
        const prev = context.steps[e.stepId] ?? { evidence: [] };
        const next = { ...prev, completedAt: e.at, ...(e.by ? { completedBy: e.by } : {}) };
        const steps = { ...context.steps, [e.stepId]: next };
        // Completing the applicant's leading step starts the office's clock.
        return { steps, stageDue: dueFor(p.stage, { ...context, steps }) };
      }),
      enterStage: assign(({ context, event }, p: { stage: number }) => {
        // Eventless skips carry the event that started the step; the init event has no time.
        const at = typeof event.at === 'string' ? event.at : context.stageEnteredAt;
        return { stageEnteredAt: at, stageDue: dueFor(p.stage, { ...context, stageEnteredAt: at }) };
      }),
      recordReturn: assign(({ context, event }, p: { stage: number }) => {
        const reason =
          event.type === 'case.returnToApplicant'
            ? event.reason
            : event.type === 'portal.statusSeen'
              ? event.status
              : '';
        const entry = {
          at: event.at,
          stageId: stages[p.stage]?.id ?? '',
          reason,
          ...(event.by ? { by: event.by } : {}),
        };
        return {
          returnedFrom: stages[p.stage]?.id,
          returns: [...context.returns, entry],
          stageDue: { slaDays: context.stageDue.slaDays, date: null, beyondKnownYears: false },
        };
      }),
      resume: assign(({ context, event }, p: { stage: number }) => ({
        returnedFrom: undefined,
        // Our judgement: a corrected file restarts the stage's clock (the applicant's time is not ours).
        stageEnteredAt: event.at,
        stageDue: dueFor(p.stage, { ...context, stageEnteredAt: event.at }),
      })),
      recordDecision: assign(({ event }, p: { kind: 'rejected' | 'issued' }) => {
        const reason =
          event.type === 'case.reject'
            ? event.reason
            : event.type === 'portal.statusSeen'
              ? event.status
              : undefined;
        return {
          decision: {
            kind: p.kind,
            at: event.at,
            ...(event.by ? { by: event.by } : {}),
            ...(reason ? { reason } : {}),
          },
          stageDue: { slaDays: null, date: null, beyondKnownYears: false },
        };
      }),
      recordClosed: assign(({ event }) => ({
        closedAt: event.at,
        stageDue: { slaDays: null, date: null, beyondKnownYears: false },
      })),
      recordAdoption: assign(({ event }) => {
        const e = event as Ev<'portal.statusSeen'>;
        return { adopted: { stageId: e.stageId ?? '', status: e.status, at: e.at } };
      }),
      recordPortal: assign(({ event }, p: { inSync: boolean }) => {
        const e = event as Ev<'portal.statusSeen'>;
        const portal: PermitContext['portal'] = { status: e.status, seenAt: e.at, inSync: p.inSync };
        if (e.stageId) portal.stageId = e.stageId;
        if (e.outcome) portal.outcome = e.outcome;
        return { portal };
      }),
    },
  });

  const isUntouched = (context: PermitContext) =>
    Object.keys(context.items).length === 0 &&
    Object.values(context.steps).every((s) => !s.completedAt && s.evidence.length === 0) &&
    context.returns.length === 0 &&
    context.decision === undefined;

  const setItem = (
    context: PermitContext,
    e: Ev<'checklist.tick'> | Ev<'checklist.markMissing'>,
    status: 'ticked' | 'missing',
  ) => {
    const state: PermitContext['items'][string] = { status, at: e.at };
    if (e.by) state.by = e.by;
    if (e.type === 'checklist.markMissing' && e.note) state.note = e.note;
    const items = { ...context.items, [e.itemId]: state };
    return status === 'ticked' ? { items } : { items, steps: reopenStepOf(context, e.itemId) };
  };

  // Unticking an item of a completed step reopens the step: its completion no longer holds.
  const reopenStepOf = (context: PermitContext, itemId: string) => {
    const stepId = lk.item.get(itemId)?.step.id;
    const prev = stepId ? context.steps[stepId] : undefined;
    if (!stepId || !prev?.completedAt) return context.steps;
    return { ...context.steps, [stepId]: { evidence: prev.evidence } };
  };

  const stageMeta = (stage: Stage): StageMeta => ({
    stageId: stage.id,
    name: stage.name,
    legalBasis: stage.legalBasis ?? [],
    steps: stage.steps.map((s) => ({
      stepId: s.id,
      name: s.name,
      assessment: assessStep(s, region, assessedOn),
      legalBasis: s.legalBasis,
    })),
  });

  return machineSetup.createMachine({
    id: 'permit',
    context: ({ input }: { input: CaseInput }) => ({
      facts: input.facts ?? {},
      items: {},
      steps: {},
      notes: [],
      receivedAt: input.receivedAt,
      stageEnteredAt: input.receivedAt,
      stageDue: dueFor(0, { facts: input.facts ?? {}, steps: {}, stageEnteredAt: input.receivedAt }),
      returns: [],
    }),
    initial: 'processing',
    states: permitStates(stages, issuing, stageMeta),
  } as never);
}

export type PermitMachine = ReturnType<typeof createPermitMachine>;
