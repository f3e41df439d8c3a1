/**
 * Small formatting helpers the case views share: message keys for engine enums, dates, and
 * conditions in the officer's words. Types only from machines/ (the content script must not
 * bundle the engine).
 */
import type { CaseFactDefinition, Role, SlaStatus, StageSummary, WorkMode } from '../../machines';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';

export const MODE_KEYS: Record<WorkMode, MessageKey> = {
  remote: 'mode.remote',
  office: 'mode.office',
  field: 'mode.field',
};

export const ROLE_KEYS: Record<Role, MessageKey> = {
  'front-office': 'role.front-office',
  'back-office': 'role.back-office',
  'technical-team': 'role.technical-team',
  head: 'role.head',
  applicant: 'role.applicant',
  system: 'role.system',
};

export const STAGE_STATE_KEYS: Record<StageSummary['state'], MessageKey> = {
  done: 'stage.done',
  current: 'stage.current',
  upcoming: 'stage.upcoming',
  stopped: 'stage.stopped',
  void: 'stage.void',
};

export const SLA_KEYS: Record<SlaStatus, MessageKey> = {
  'on-track': 'sla.on-track',
  'at-risk': 'sla.at-risk',
  overdue: 'sla.overdue',
  paused: 'sla.paused',
  waiting: 'sla.waiting',
  stopped: 'sla.stopped',
  none: 'sla.none',
};

/** A local date (YYYY-MM-DD) as the officer reads it, e.g. "25 November 2026". */
export function formatDate(lang: Language, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return formatter('date', lang).format(Date.UTC(y, m - 1, d));
}

/** A UTC ISO time in the browser's zone, e.g. "1 Des 2026 08.00"; not a time: as given. */
export function formatTime(lang: Language, at: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  return formatter('time', lang).format(time);
}

// Building an Intl.DateTimeFormat costs about 0.4–0.8 ms: one per kind and language, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'time', lang: Language): Intl.DateTimeFormat {
  const key = `${kind}:${lang}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      lang === 'id' ? 'id-ID' : 'en-GB',
      kind === 'date'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formatters.set(key, f);
  }
  return f;
}

/**
 * The engine's condition text (`storeys > 2`, `independentPractice = true`) with the facts'
 * labels and yes/no in the officer's language, e.g. "Jumlah lantai bangunan > 2".
 */
export function formatCondition(
  lang: Language,
  condition: string,
  facts: readonly Pick<CaseFactDefinition, 'id' | 'label'>[],
): string {
  const labels = new Map(facts.map((f) => [f.id, pick(lang, f.label)]));
  return condition.replace(/"[^"]*"|[A-Za-z_]\w*/g, (token) => {
    if (token.startsWith('"')) return token.slice(1, -1);
    if (token === 'true') return t(lang, 'case.yes');
    if (token === 'false') return t(lang, 'case.no');
    return labels.get(token) ?? token;
  });
}
