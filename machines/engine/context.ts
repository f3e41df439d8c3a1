/** The machine's context: everything a case remembers. Plain JSON, so snapshots persist as-is. */
import type { CaseFacts } from '../definition/types';
import type { FieldEvidence, PortalObservation, SignedDocument } from './events';

export interface ItemState {
  status: 'ticked' | 'missing';
  at: string;
  by?: string;
  note?: string;
}

export interface StepState {
  completedAt?: string;
  completedBy?: string;
  evidence: FieldEvidence[];
}

export interface CaseNote {
  at: string;
  by?: string;
  text: string;
  stepId?: string;
  itemId?: string;
}

export interface StageDue {
  /** Working days the stage has (null: the clock does not run in this stage). */
  slaDays: number | null;
  /** Local due date (YYYY-MM-DD) or null when the clock does not run. */
  date: string | null;
  /** The due date was computed past the calendar's known years (weekends only). */
  beyondKnownYears: boolean;
}

export interface PermitContext {
  facts: CaseFacts;
  /** Absent = pending. */
  items: Record<string, ItemState>;
  steps: Record<string, StepState>;
  notes: CaseNote[];
  receivedAt: string;
  stageEnteredAt: string;
  stageDue: StageDue;
  /** Stage id the case was returned from while it awaits the applicant's correction. */
  returnedFrom?: string;
  returns: { at: string; by?: string; stageId: string; reason: string }[];
  decision?: { kind: 'rejected' | 'issued'; at: string; by?: string; reason?: string };
  /** When the case was closed after its after-issuance stages. */
  closedAt?: string;
  portal?: PortalObservation & { seenAt: string; inSync: boolean };
  /**
   * Set when the case was first seen at the portal already past its first stage (our
   * judgement): it opened at that stage, and the stages before it count as done at the portal,
   * before Pandu Izin recorded the case. Their work is neither required nor sealed.
   */
  adopted?: { stageId: string; status: string; at: string };
  /** Signed documents made from the case, oldest first (absent until the first). */
  signed?: (SignedDocument & { at: string; by?: string })[];
}

/** What a new case starts with. */
export interface CaseInput {
  receivedAt: string;
  facts?: CaseFacts;
}
