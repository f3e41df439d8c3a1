/**
 * The one protocol between the extension's contexts: every message type, its payload schema
 * (checked at runtime with valibot), its answer type, and who may send it. Adding a message
 * means adding it here; the background accepts nothing else.
 *
 * Content scripts get only what a page view needs: report the page, read the case on that
 * page, act on that case. Everything else (settings, backups, other cases) is for extension
 * pages. Page scripts cannot reach the background at all (no `externally_connectable`).
 */
import * as v from 'valibot';
import {
  type CaseView as EngineCaseView,
  formatPath,
  type LocalizedText,
  permitEventSchema,
} from '../../machines';
import type { AdapterEntry } from '../background/adapters';
import type { PageMeaning } from '../background/interpret';
import type { BadgeView } from '../badges/present';
import type { BackupErrorCode, ImportCounts } from '../db/backup';
import type { StoreErrorCode } from '../db/cases';
import type { SettingKey } from '../db/settings';
import type { PortalAdapter } from '../portals/schema';
import { MAX_PAGE_DOCUMENTS, PAGE_FIELDS } from '../portals/types';

/** A case as views receive it: its id, its concurrency token and the engine's view model. */
export interface CaseState {
  id: string;
  /** Pass back as `expectedSeq` when acting on what this state shows. */
  seq: number;
  view: EngineCaseView;
}

/** What a portal page's panel renders. */
export interface PageView extends Omit<PageMeaning, 'opening'> {
  case: CaseState | null;
  /** The portal's status text and what the adapter maps it to. */
  status: PortalStatus | null;
  /** The applicant as the page names them: shown, never stored. */
  applicant: string | null;
  /** Document names the portal lists, to be matched to checklist items as suggestions. */
  documents: string[];
}

export interface PortalStatus {
  label: string;
  stageId?: string;
  outcome?: 'returned' | 'rejected' | 'issued';
}

/** The officer's view preferences, shared by every view (the overlay learns them by message). */
export interface Prefs {
  language: 'id' | 'en';
  dock: 'left' | 'right';
  /** Which of the two the agency's policy sets or locks (the switches then say so and do nothing). */
  locked?: ('language' | 'dock')[];
}

/** What a page's content script needs before it reads the page. */
export interface PageSetup {
  /** Enabled adapters covering the page's URL (none: the script does nothing). */
  adapters: PortalAdapter[];
  prefs: Prefs;
}

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = v.nullable(shortText(500));
const caseId = v.pipe(v.string(), v.minLength(1), v.maxLength(600));

/** An engine event without `at` and `by`: the background stamps time and author. */
export const intentSchema = v.variant(
  'type',
  permitEventSchema.options.map((option) => v.omit(option, ['at', 'by'])) as unknown as [
    ReturnType<typeof v.omit<(typeof permitEventSchema.options)[number], ['at', 'by']>>,
  ],
);

export const recognisedPageSchema = v.strictObject({
  adapterId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  kind: v.literal('case-detail'),
  caseRef: nullableText,
  permitLabel: nullableText,
  receivedLabel: nullableText,
  regionLabel: nullableText,
  statusLabel: nullableText,
  applicantLabel: nullableText,
  documents: v.pipe(v.array(shortText(200)), v.maxLength(MAX_PAGE_DOCUMENTS)),
  missing: v.pipe(v.array(v.picklist(PAGE_FIELDS)), v.maxLength(PAGE_FIELDS.length)),
});

/** Most list rows one `list.badges` message carries (a content script sends longer lists in batches). */
export const MAX_BADGE_ROWS = 500;

/** One case-list row as read (utils/portals/types.ts ListRow). */
export const listRowSchema = v.strictObject({
  caseRef: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  permitLabel: nullableText,
  receivedLabel: nullableText,
  statusLabel: nullableText,
  regionLabel: nullableText,
});

const prefsPatchSchema = v.strictObject({
  language: v.optional(v.picklist(['id', 'en'])),
  dock: v.optional(v.picklist(['left', 'right'])),
});

const adapterId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

const settingKeySchema = v.picklist([
  'officer',
  'language',
  'dock',
  'targets',
] as const satisfies readonly SettingKey[]);

/** Every message: its payload schema and whether a content script may send it. */
export const MESSAGES = {
  /** A content script starts: which adapters cover its page, and the officer's view preferences. */
  'page.setup': {
    contentScript: true,
    payload: v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  },
  /** A content script recognised a case page: open or find its case, answer with the page view. */
  'page.recognised': { contentScript: true, payload: recognisedPageSchema },
  /** A content script read rows of a case list: the badge of each (stage, modes, SLA, progress), in row order. */
  'list.badges': {
    contentScript: true,
    payload: v.strictObject({
      adapterId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
      rows: v.pipe(v.array(listRowSchema), v.minLength(1), v.maxLength(MAX_BADGE_ROWS)),
    }),
  },
  /** Read the case (a content script: only the case on its own page). */
  'case.view': { contentScript: true, payload: v.strictObject({ caseId }) },
  /** Act on a case (a content script: only the case on its own page). */
  'case.intent': {
    contentScript: true,
    payload: v.strictObject({
      caseId,
      /** A UUID made by the sender once per user action: a retried message is not applied twice. */
      eventId: v.pipe(v.string(), v.uuid()),
      expectedSeq: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      intent: intentSchema,
    }),
  },
  /** Open the workspace (side panel, else a tab) on a case, e.g. to record field evidence there (a content script: only its own case). */
  'workspace.open': { contentScript: true, payload: v.strictObject({ caseId }) },
  /** Change the language or the dock side: every view follows (the only settings a page may change). */
  'prefs.set': { contentScript: true, payload: prefsPatchSchema },
  'settings.get': { contentScript: false, payload: v.strictObject({ key: settingKeySchema }) },
  'settings.set': {
    contentScript: false,
    payload: v.strictObject({ key: settingKeySchema, value: v.unknown() }),
  },
  /** The whole database but the keys, as one file. */
  'backup.export': { contentScript: false, payload: v.strictObject({}) },
  /** Restore a backup file's text (validated whole before anything is written). */
  'backup.import': { contentScript: false, payload: v.strictObject({ text: shortText(64 * 1024 * 1024) }) },
  /** Every adapter (built-in and imported) with its state. */
  'adapters.list': { contentScript: false, payload: v.strictObject({}) },
  /** Import (or replace) a custom adapter from JSON text; refused whole with every problem listed. */
  'adapters.import': {
    contentScript: false,
    payload: v.strictObject({ text: shortText(256 * 1024) }),
  },
  'adapters.setEnabled': {
    contentScript: false,
    payload: v.strictObject({ id: adapterId, enabled: v.boolean() }),
  },
  /** Delete an imported adapter (built-ins can only be disabled). */
  'adapters.delete': { contentScript: false, payload: v.strictObject({ id: adapterId }) },
  /** Re-register imported adapters' content scripts, e.g. after a host permission was granted. */
  'adapters.sync': { contentScript: false, payload: v.strictObject({}) },
} as const;

export type MessageType = keyof typeof MESSAGES;

type Payload<T extends MessageType> = v.InferOutput<(typeof MESSAGES)[T]['payload']>;

/** Answers, per message type. */
export interface Responses {
  'page.setup': PageSetup;
  'prefs.set': Prefs;
  'adapters.list': { adapters: AdapterEntry[] };
  'adapters.import': { entry: AdapterEntry; replaced: boolean };
  'adapters.setEnabled': { entry: AdapterEntry };
  'adapters.delete': { deleted: true };
  'adapters.sync': { adapters: AdapterEntry[] };
  'page.recognised': PageView;
  'list.badges': { badges: BadgeView[] };
  'case.view': CaseState;
  'case.intent': { case: CaseState; duplicate: boolean; retries: number };
  'workspace.open': { opened: 'side-panel' | 'tab' };
  'settings.get': { value: unknown };
  'settings.set': { saved: true };
  /** `skipped`: ids of damaged cases left out of the file (backup.ts says why). */
  'backup.export': { fileName: string; text: string; skipped: string[] };
  'backup.import': ImportCounts;
}

export type RequestOf<T extends MessageType> = Payload<T>;
export type ResponseOf<T extends MessageType> = Responses[T];

export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/**
 * The one message the background sends to content scripts: a case their tab shows changed.
 * Its runtime check is in push.ts, apart from this file, so the content script does not
 * bundle the engine's event schemas (they would triple its size).
 */
export interface CaseChanged {
  type: 'case.changed';
  case: CaseState;
}

/** Sent to content scripts when the language or dock side changed anywhere. */
export interface PrefsChanged {
  type: 'prefs.changed';
  prefs: Prefs;
}

export type ErrorCode =
  | 'invalid-message'
  | 'forbidden-sender'
  | 'unknown-type'
  | 'not-your-case'
  | 'invalid-adapter'
  | 'unknown-adapter'
  | 'builtin-adapter'
  /** The agency's browser policy sets or locks what was to be changed. */
  | 'managed'
  | StoreErrorCode
  | BackupErrorCode;

export interface ProtocolError {
  code: ErrorCode;
  message: LocalizedText;
  details?: LocalizedText[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

/** Thrown by a handler to refuse with a typed error (anything else thrown becomes `internal`). */
export class Refusal extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message.en);
    this.name = 'Refusal';
  }
}

/** Message types a content script may send. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set(
  (Object.keys(MESSAGES) as MessageType[]).filter((t) => MESSAGES[t].contentScript),
);

/** Type guard for a message's type field. */
export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(MESSAGES, type);
}

/** The payload as checked (valibot may normalise it, e.g. trim text), or its first problem as `path: problem`. */
export function checkPayload(
  type: MessageType,
  payload: unknown,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  const result = v.safeParse(MESSAGES[type].payload, payload);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path ? formatPath(issue.path) : 'payload';
  return { ok: false, problem: `${path}: ${issue.message}`.slice(0, 300) };
}
