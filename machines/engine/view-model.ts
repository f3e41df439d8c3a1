/** The shapes of the view model (what `engine.view` returns); built in view.ts. */
import type { Assessment } from '../assessment/assess';
import type { CaseFactDefinition, CaseFactValue, LegalBasis, Role } from '../definition/types';
import type { RegionProfile } from '../regions';
import type { LocalizedText, WorkMode } from '../types';
import type { PermitContext } from './context';

/**
 * `issued` and `closed` are final; `follow-up` means the permit is issued and an after-issuance
 * stage (construction inspection, OSS pengawasan) is running.
 */
export type CaseStatus =
  | 'in-progress'
  | 'awaiting-correction'
  | 'rejected'
  | 'issued'
  | 'follow-up'
  | 'closed';
/**
 * `paused`: the file is back with the applicant for correction; `waiting`: the stage's clock
 * has not started because the applicant's own step that opens it (e.g. paying the levy) is open.
 */
export type SlaStatus = 'on-track' | 'at-risk' | 'overdue' | 'paused' | 'waiting' | 'stopped' | 'none';

export interface ItemView {
  id: string;
  label: LocalizedText;
  mandatory: boolean;
  applicable: boolean;
  status: 'pending' | 'ticked' | 'missing';
  note?: string;
  at?: string;
  by?: string;
  condition?: string;
  legalBasis: LegalBasis[];
}

export interface StepView {
  id: string;
  name: LocalizedText;
  role: Role;
  applicable: boolean;
  condition?: string;
  mode: WorkMode;
  decidedBy: Assessment['decidedBy'];
  reasons: LocalizedText[];
  legalBasis: LegalBasis[];
  slaDays: number | null;
  completed: boolean;
  completedAt?: string;
  completedBy?: string;
  needsEvidence: boolean;
  hasEvidence: boolean;
  evidenceCount: number;
  items: ItemView[];
}

export interface StageSummary {
  id: string;
  name: LocalizedText;
  shortName: LocalizedText;
  /** `stopped`: the case was rejected before this stage's work was done. */
  state: 'done' | 'current' | 'upcoming' | 'void' | 'stopped';
  modes: WorkMode[];
}

export interface SlaView {
  status: SlaStatus;
  slaDays: number | null;
  /** Local date the stage's clock started. */
  startedOn: string | null;
  dueDate: string | null;
  /** Working days from today to the due date; negative when overdue. */
  workingDaysLeft: number | null;
  beyondKnownYears: boolean;
  /** With status `waiting`: the applicant's or portal's steps the clock waits for. */
  waitingFor?: LocalizedText[];
}

export interface CaseView {
  caseId: string;
  permit: { id: string; version: number; name: LocalizedText };
  region: {
    code: string;
    name: LocalizedText;
    connectivity: RegionProfile['connectivity'];
    is3T: boolean;
    wfaStart: string;
  };
  /** The local date the modes were assessed for. */
  today: string;
  status: CaseStatus;
  stage: {
    id: string;
    name: LocalizedText;
    shortName: LocalizedText;
    index: number;
    count: number;
    modes: WorkMode[];
    allowsReturn: boolean;
    allowsReject: boolean;
    isLast: boolean;
    /** Approving this stage issues the permit. */
    issuesPermit: boolean;
    /** The stage follows issuance. */
    afterIssuance: boolean;
  } | null;
  stages: StageSummary[];
  steps: StepView[];
  checklist: {
    total: number;
    ticked: number;
    missing: number;
    mandatoryTotal: number;
    mandatoryTicked: number;
  };
  sla: SlaView;
  facts: (CaseFactDefinition & { value?: CaseFactValue; matters: boolean })[];
  /** What stops the case from moving on (empty when it can). */
  blockers: LocalizedText[];
  canMoveOn: boolean;
  portal?: PermitContext['portal'];
  /** The case was first seen at this stage; the stages before it were done at the portal. */
  adopted?: { stageId: string; stageName: LocalizedText; status: string; at: string };
  /** Signed documents made from the case, oldest first. */
  signed: NonNullable<PermitContext['signed']>;
  decision?: PermitContext['decision'];
  /** When the case closed after its after-issuance stages. */
  closedAt?: string;
  returns: PermitContext['returns'];
  notes: number;
}
