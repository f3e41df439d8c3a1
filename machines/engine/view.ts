/**
 * The view model of a case: everything a panel, badge or dashboard shows, derived on demand
 * and never stored (ARCHITECTURE.md §3).
 */
import { assessStep, modesOf } from '../assessment/assess';
import { addWorkingDays, localDate, type WorkingCalendar, workingDaysBetween } from '../calendar';
import { applies, describeCondition, factsIn } from '../definition/conditions';
import type { PermitDefinition, Step } from '../definition/types';
import { stageSlaDays } from '../machine/factory';
import type { RegionProfile } from '../regions';
import type { LocalizedText } from '../types';
import type { PermitContext } from './context';
import type { PermitEvent } from './events';
import { adoptedStage, clockStart, hasFieldEvidence, type Rejection, waitingSteps } from './rules';
import type {
  CaseStatus,
  CaseView,
  ItemView,
  SlaStatus,
  SlaView,
  StageSummary,
  StepView,
} from './view-model';

export type {
  CaseStatus,
  CaseView,
  ItemView,
  SlaStatus,
  SlaView,
  StageSummary,
  StepView,
} from './view-model';

export interface ViewInput {
  definition: PermitDefinition;
  region: RegionProfile;
  calendar: WorkingCalendar;
  persisted: { id: string; value: unknown; context: PermitContext };
  now: string;
  explain: (event: PermitEvent) => Rejection | null;
}

/** Our judgement: a stage is at risk when at most 1 working day, or a fifth of its SLA, is left. */
export function slaStatusFor(left: number, slaDays: number): SlaStatus {
  if (left < 0) return 'overdue';
  return left <= Math.max(1, Math.floor(slaDays / 5)) ? 'at-risk' : 'on-track';
}

export function buildView(input: ViewInput): CaseView {
  const { definition: d, region, calendar, persisted, now } = input;
  const ctx = persisted.context;
  const today = localDate(now, region.utcOffsetHours);
  const value = persisted.value;
  const issuing = d.stages.findIndex((s) => s.afterIssuance === true);
  const issuingIndex = issuing === -1 ? d.stages.length - 1 : issuing - 1;
  const inStage = typeof value === 'object' && value ? String(Object.values(value)[0]) : undefined;
  const stageIndexOf = (id: string | undefined) => (id ? d.stages.findIndex((s) => s.id === id) : -1);
  const status: CaseStatus =
    value === 'rejected'
      ? 'rejected'
      : value === 'issued'
        ? 'issued'
        : value === 'closed'
          ? 'closed'
          : value === 'awaitingCorrection'
            ? 'awaiting-correction'
            : stageIndexOf(inStage) > issuingIndex
              ? 'follow-up'
              : 'in-progress';
  const moving = status === 'in-progress' || status === 'follow-up';
  const currentId = moving ? inStage : ctx.returnedFrom;
  const currentIndex = currentId ? d.stages.findIndex((s) => s.id === currentId) : -1;
  const stepView = (step: Step): StepView => {
    const a = assessStep(step, region, today);
    const st = ctx.steps[step.id];
    const applicable = applies(step.when, ctx.facts);
    const view: StepView = {
      id: step.id,
      name: step.name,
      role: step.role,
      applicable,
      mode: a.mode,
      decidedBy: a.decidedBy,
      reasons: a.reasons.map((r) => r.text),
      legalBasis: step.legalBasis,
      slaDays: step.slaDays,
      completed: Boolean(st?.completedAt),
      needsEvidence: step.facts.sitePresence,
      hasEvidence: hasFieldEvidence(ctx, step.id),
      evidenceCount: st?.evidence.length ?? 0,
      items: step.checklist.map((it) => {
        const s = ctx.items[it.id];
        const item: ItemView = {
          id: it.id,
          label: it.label,
          mandatory: it.mandatory,
          applicable: applicable && applies(it.when, ctx.facts),
          status: s?.status ?? 'pending',
          legalBasis: it.legalBasis,
        };
        if (it.when) item.condition = describeCondition(it.when);
        if (s?.note) item.note = s.note;
        if (s?.at) item.at = s.at;
        if (s?.by) item.by = s.by;
        return item;
      }),
    };
    if (step.when) view.condition = describeCondition(step.when);
    if (st?.completedAt) view.completedAt = st.completedAt;
    if (st?.completedBy) view.completedBy = st.completedBy;
    return view;
  };

  const adoptedIndex = adoptedStage(d.stages, ctx);
  const stages: StageSummary[] = d.stages.map((s, i) => {
    const applicableSteps = s.steps.filter((st) => applies(st.when, ctx.facts));
    const closedIssued = status === 'issued' || status === 'closed';
    // A rejected case went no further: a stage counts as done when the portal did it before
    // the case was recorded or every step of it was completed; the rest were stopped.
    const rejectedState = () =>
      i < adoptedIndex || applicableSteps.every((st) => ctx.steps[st.id]?.completedAt) ? 'done' : 'stopped';
    const state: StageSummary['state'] =
      applicableSteps.length === 0
        ? 'void'
        : status === 'rejected'
          ? rejectedState()
          : closedIssued || i < currentIndex
            ? 'done'
            : i === currentIndex
              ? 'current'
              : 'upcoming';
    return {
      id: s.id,
      name: s.name,
      shortName: s.shortName,
      state,
      modes: modesOf(applicableSteps.map((st) => assessStep(st, region, today))),
    };
  });

  const stage = d.stages[currentIndex];
  const steps = stage ? stage.steps.map(stepView) : [];
  const applicableItems = steps.flatMap((s) => s.items.filter((it) => it.applicable));
  const checklist = {
    total: applicableItems.length,
    ticked: applicableItems.filter((it) => it.status === 'ticked').length,
    missing: applicableItems.filter((it) => it.status === 'missing').length,
    mandatoryTotal: applicableItems.filter((it) => it.mandatory).length,
    mandatoryTicked: applicableItems.filter((it) => it.mandatory && it.status === 'ticked').length,
  };

  let sla: SlaView = {
    status: 'none',
    slaDays: null,
    startedOn: null,
    dueDate: null,
    workingDaysLeft: null,
    beyondKnownYears: false,
  };
  if (status === 'rejected' || status === 'issued' || status === 'closed') {
    sla = { ...sla, status: 'stopped' };
  } else if (status === 'awaiting-correction') {
    sla = { ...sla, status: 'paused' };
  } else if (stage) {
    const slaDays = stageSlaDays(stage, ctx.facts);
    const start = clockStart(stage, ctx);
    const startedOn = start === null ? null : localDate(start, region.utcOffsetHours);
    if (slaDays !== null && startedOn === null) {
      const waiting = waitingSteps(stage, ctx.facts).filter((s) => !ctx.steps[s.id]?.completedAt);
      sla = { ...sla, status: 'waiting', slaDays, waitingFor: waiting.map((s) => s.name) };
    } else if (slaDays !== null && startedOn !== null) {
      const due = addWorkingDays(calendar, startedOn, slaDays);
      const left = workingDaysBetween(calendar, today, due.date);
      sla = {
        status: slaStatusFor(left.days, slaDays),
        slaDays,
        startedOn,
        dueDate: due.date,
        workingDaysLeft: left.days,
        beyondKnownYears: due.beyondKnownYears || left.beyondKnownYears,
      };
    } else {
      sla = { ...sla, startedOn };
    }
  }

  // A fact matters when a condition on a step or item of the current or a later stage reads it.
  const mattering = new Set<string>();
  d.stages.slice(Math.max(0, currentIndex)).forEach((s) => {
    for (const st of s.steps) {
      for (const f of factsIn(st.when)) mattering.add(f);
      for (const it of st.checklist) for (const f of factsIn(it.when)) mattering.add(f);
    }
  });
  const facts = d.facts.map((f) => {
    const value = ctx.facts[f.id];
    return { ...f, ...(value !== undefined ? { value } : {}), matters: mattering.has(f.id) };
  });

  let blockers: LocalizedText[] = [];
  if (moving && stage) {
    const type =
      currentIndex === issuingIndex
        ? 'case.approve'
        : currentIndex === d.stages.length - 1
          ? 'case.close'
          : 'stage.advance';
    const why = input.explain({ type, at: now });
    blockers = why ? (why.details ?? [why.message]) : [];
  } else if (status === 'awaiting-correction') {
    blockers = [
      { id: 'Menunggu perbaikan dari pemohon.', en: 'Waiting for the applicant to correct the file.' },
    ];
  }

  const view: CaseView = {
    caseId: persisted.id,
    permit: { id: d.id, version: d.version, name: d.name },
    region: {
      code: region.code,
      name: region.name,
      connectivity: region.connectivity,
      is3T: region.is3T,
      wfaStart: region.wfaStart.date,
    },
    today,
    status,
    stage: stage
      ? {
          id: stage.id,
          name: stage.name,
          shortName: stage.shortName,
          index: currentIndex,
          count: d.stages.length,
          modes: stages[currentIndex]?.modes ?? [],
          allowsReturn: stage.allowsReturn,
          allowsReject: stage.allowsReject,
          isLast: currentIndex === d.stages.length - 1,
          issuesPermit: currentIndex === issuingIndex,
          afterIssuance: currentIndex > issuingIndex,
        }
      : null,
    stages,
    steps,
    checklist,
    sla,
    facts,
    blockers,
    canMoveOn: moving && blockers.length === 0,
    returns: ctx.returns,
    notes: ctx.notes.length,
    signed: ctx.signed ?? [],
  };
  if (ctx.portal) view.portal = ctx.portal;
  const adoptedAt = d.stages[adoptedIndex];
  if (ctx.adopted && adoptedAt) view.adopted = { ...ctx.adopted, stageName: adoptedAt.name };
  if (ctx.decision) view.decision = ctx.decision;
  if (ctx.closedAt) view.closedAt = ctx.closedAt;
  return view;
}
