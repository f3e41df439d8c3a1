/**
 * The shape of a permit workflow definition (ARCHITECTURE.md §3). Definitions are data: the
 * catalog ships them as JSON, agencies may import corrected ones, and `validateDefinition`
 * checks every one before anything uses it.
 */
import type { LocalizedText } from '../types';

/**
 * Where a fact comes from. `source` cites DOMAIN.md and its `[S#]` tags, a regulation or a
 * portal; `judgement: true` marks our own reading (DOMAIN.md's *(judgement)* lines).
 */
export interface Provenance {
  source: string;
  judgement?: boolean;
  /** Optional remark for whoever corrects the data. */
  note?: string;
}

/** A legal reference, e.g. "PP 16/2021 pasal 254 ayat (8)", with where we read it. */
export interface LegalBasis extends Provenance {
  ref: string;
}

/** Who does a step (DOMAIN.md §1: FO → BO → technical team → head; plus applicant and system). */
export type Role = 'front-office' | 'back-office' | 'technical-team' | 'head' | 'applicant' | 'system';

export const ROLES: readonly Role[] = [
  'front-office',
  'back-office',
  'technical-team',
  'head',
  'applicant',
  'system',
];

/**
 * What a step needs, stated as facts — the mode is derived from these by the assessment,
 * never typed by hand (DOMAIN.md §2).
 */
export interface StepFacts extends Provenance {
  /** Someone must be at the site (survey, inspection). */
  sitePresence: boolean;
  /** Original physical documents must be seen or received. */
  originalDocuments: boolean;
  /** An in-person meeting or counter contact is needed. */
  faceToFace: boolean;
  /** The step is done in a live online system (portal, TTE service). */
  onlineSystem: boolean;
  /** The step moves large files (drawings, scans) over the network. */
  largeUploads: boolean;
}

/** A fact about one case that conditions can test, e.g. storeys or a low-income applicant. */
export interface CaseFactDefinition {
  id: string;
  type: 'boolean' | 'number' | 'text';
  label: LocalizedText;
  help?: LocalizedText;
  /** For `text` facts (required there): the only values a case may hold, e.g. risk levels. */
  values?: string[];
  /** For `number` facts: the smallest and largest sensible value (inclusive). */
  min?: number;
  max?: number;
  source: string;
}

export type CaseFactValue = boolean | number | string;
export type CaseFacts = Record<string, CaseFactValue>;

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

/** A condition on case facts; unknown facts never shrink the requirements (see conditions.ts). */
export type Condition =
  | { fact: string; op: ComparisonOp; value: CaseFactValue }
  | { fact: string; op: 'in'; value: CaseFactValue[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** One line of a step's document checklist (DOMAIN.md §4). */
export interface ChecklistItem {
  /** Unique within the whole definition. */
  id: string;
  label: LocalizedText;
  mandatory: boolean;
  /** Applies only when this holds for the case's facts. */
  when?: Condition;
  legalBasis: LegalBasis[];
}

/** One thing someone does inside a stage. */
export interface Step {
  /** Unique within the whole definition. */
  id: string;
  name: LocalizedText;
  role: Role;
  facts: StepFacts;
  /** Service level in working days; null when the clock does not run (applicant's time, payment). */
  slaDays: number | null;
  legalBasis: LegalBasis[];
  checklist: ChecklistItem[];
  /** The step exists only when this holds (e.g. a site check for independent practice). */
  when?: Condition;
}

/** A stage of the workflow; stages run in order. */
export interface Stage {
  /** Unique within the definition; camelCase, it becomes the state name. */
  id: string;
  name: LocalizedText;
  /** Short label for list badges. */
  shortName: LocalizedText;
  steps: Step[];
  /** The stage can send the case back to the applicant for correction (Perlu Perbaikan). */
  allowsReturn: boolean;
  /** The stage can reject the application. */
  allowsReject: boolean;
  /**
   * The stage follows issuance (construction inspection, OSS pengawasan): the permit is issued
   * when the last stage before these is approved, and the case closes after them. Such stages
   * come last and neither return nor reject.
   */
  afterIssuance?: boolean;
  /** A legal cap on the stage (e.g. 28 HK for PBG technical consultation); else the steps' sum. */
  slaDays?: number;
  legalBasis?: LegalBasis[];
}

/** A whole permit workflow. */
export interface PermitDefinition {
  /** Catalog id, e.g. `pbg`. */
  id: string;
  /** Bumped when stages or steps change shape; persisted snapshots carry it. */
  version: number;
  name: LocalizedText;
  summary: LocalizedText;
  legalBasis: LegalBasis[];
  /** Where the workflow as a whole comes from (DOMAIN.md section + sources). */
  source: string;
  facts: CaseFactDefinition[];
  stages: Stage[];
}
