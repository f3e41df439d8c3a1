/**
 * The officer identity form's rules, apart from the form so they can be tested alone. The
 * stored shape and its final check are SETTING_SCHEMAS.officer; this adds what the form needs:
 * one message per field, in the catalog's words, and a NIP that may be typed with spaces.
 */
import { REGIONS } from '../../machines';
import { type SettingValue, settingProblem } from '../../utils/db/settings';
import type { OptionsKey } from '../../utils/i18n/options';
import { NO_OFFICER } from '../../utils/policy/apply';

export type Officer = SettingValue<'officer'>;
export type OfficerRole = Officer['role'];

/** What the form holds: exactly what was typed, kept as typed when a check fails. */
export interface OfficerDraft {
  name: string;
  nip: string;
  unit: string;
  role: OfficerRole;
  region: string;
}

export type OfficerField = keyof OfficerDraft;

/** A message for one field: a catalog key and its placeholders, so it follows the language. */
export interface FieldProblem {
  key: OptionsKey;
  params?: Record<string, string | number>;
}

export type OfficerProblems = Partial<Record<OfficerField, FieldProblem>>;

export const MAX_TEXT = 200;
export const NIP_DIGITS = 18;

export const EMPTY_OFFICER: OfficerDraft = { ...NO_OFFICER };

const REGION_CODES: ReadonlySet<string> = new Set(REGIONS.map((r) => r.code));

/** The stored value as a draft (nothing stored, or a value that no longer reads: empty). */
export function draftOf(stored: unknown): OfficerDraft {
  if (settingProblem('officer', stored) !== null) return { ...EMPTY_OFFICER };
  return { ...(stored as Officer) };
}

function textProblem(value: string): FieldProblem | undefined {
  return value.trim().length > MAX_TEXT ? { key: 'options.tooLong', params: { max: MAX_TEXT } } : undefined;
}

function nipProblem(typed: string): FieldProblem | undefined {
  const compact = typed.replace(/\s+/g, '');
  if (compact === '') return undefined;
  if (!/^\d+$/.test(compact)) return { key: 'options.nipDigits' };
  if (compact.length !== NIP_DIGITS) return { key: 'options.nipLength', params: { count: compact.length } };
  return undefined;
}

/**
 * The draft as the value to store (trimmed, NIP without spaces), or a problem per field that
 * does not pass. Fields are checked in form order, so the first problem is the first field.
 */
export function checkOfficer(
  draft: OfficerDraft,
): { ok: true; value: Officer } | { ok: false; problems: OfficerProblems } {
  const problems: OfficerProblems = {};
  const name = textProblem(draft.name);
  if (name) problems.name = name;
  const nip = nipProblem(draft.nip);
  if (nip) problems.nip = nip;
  const unit = textProblem(draft.unit);
  if (unit) problems.unit = unit;
  if (draft.region !== '' && !REGION_CODES.has(draft.region))
    problems.region = { key: 'options.regionUnknown' };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const value: Officer = {
    name: draft.name.trim(),
    nip: draft.nip.replace(/\s+/g, ''),
    unit: draft.unit.trim(),
    role: draft.role === 'supervisor' ? 'supervisor' : 'officer',
    region: draft.region,
  };
  // The stored shape has the last word: a rule here that drifted from it must not store junk.
  const drift = settingProblem('officer', value);
  if (drift !== null) {
    const field = (Object.keys(EMPTY_OFFICER) as OfficerField[]).find((f) => drift.startsWith(`${f}:`));
    return { ok: false, problems: { [field ?? 'name']: { key: 'options.fieldInvalid' } } };
  }
  return { ok: true, value };
}
