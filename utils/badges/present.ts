/**
 * A badge as the content script draws it: short parts (stage, modes, SLA chip or outcome,
 * progress) and explanation lines, every text in both languages, so the page only picks a
 * side and carries no catalog. Tones are CSS class suffixes; every tone has its text too.
 */
import type { LocalizedText, WorkMode } from '../../machines';
import { type BadgeKey, tBadge } from '../i18n/badges';
import type { Language, Params } from '../i18n/core';
import type { Badge } from './compute';

export type BadgeTone = 'ok' | 'risk' | 'over' | 'hold' | 'issued' | 'rejected' | 'returned';

export interface BadgePart {
  kind: 'stage' | 'mode' | 'sla' | 'outcome' | 'progress';
  text: LocalizedText;
  mode?: WorkMode;
  tone?: BadgeTone;
}

export interface BadgeView {
  caseRef: string;
  parts: BadgePart[];
  /** Accessible name: the parts in words. */
  label: LocalizedText;
  /** Explanation shown on focus and hover (and the accessible description). */
  explain: LocalizedText[];
}

const both = (key: BadgeKey, params: (lang: Language) => Params = () => ({})): LocalizedText => ({
  id: tBadge('id', key, params('id')),
  en: tBadge('en', key, params('en')),
});

/** 2026-11-12 → 12-11-2026: the order Indonesian portals print dates in. */
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('-') : '?');

const TONE = { 'on-track': 'ok', 'at-risk': 'risk', overdue: 'over' } as const;

/** The SLA chip's text and tone; null when there is no chip. */
export function slaChip(sla: Badge['sla']): { text: LocalizedText; tone: BadgeTone } | null {
  if (!sla) return null;
  if (sla.status === 'paused') return { text: both('badge.sla.paused'), tone: 'hold' };
  if (sla.status === 'waiting') return { text: both('badge.sla.waiting'), tone: 'hold' };
  if (sla.left === null || !(sla.status in TONE)) return null;
  const tone = TONE[sla.status as keyof typeof TONE];
  if (sla.left === 0) return { text: both('badge.sla.today'), tone };
  const n = Math.abs(sla.left);
  return { text: both(sla.left > 0 ? 'badge.sla.left' : 'badge.sla.over', () => ({ n })), tone };
}

export function presentBadge(b: Badge): BadgeView {
  const parts: BadgePart[] = [];
  const explain: LocalizedText[] = [];
  if (b.stage) {
    const stage = b.stage;
    parts.push({ kind: 'stage', text: stage.shortName });
    explain.push(both('badge.stage', (l) => ({ name: stage.name[l] })));
  }
  if (b.outcome) {
    const outcome = b.outcome;
    const text = both(`badge.outcome.${outcome}`);
    parts.push({ kind: 'outcome', text, tone: outcome });
    explain.push(both('badge.outcomeLine', (l) => ({ outcome: text[l] })));
  }
  for (const m of b.outcome ? [] : (b.modes ?? [])) {
    const label = both(`badge.mode.${m.mode}`);
    parts.push({ kind: 'mode', mode: m.mode, text: label });
    explain.push(
      both('badge.modeLine', (l) => ({ mode: label[l], reasons: m.reasons.map((r) => r[l]).join(' ') })),
    );
  }
  const chip = slaChip(b.sla);
  if (chip) parts.push({ kind: 'sla', ...chip });
  if (b.progress) {
    const { ticked: done, total } = b.progress;
    parts.push({ kind: 'progress', text: both('badge.progress', () => ({ done, total })) });
    explain.push(both('badge.progressLong', () => ({ done, total })));
  }
  const sla = b.sla;
  if (sla && !b.outcome) {
    if (sla.status === 'paused') explain.push(both('badge.slaPaused'));
    else if (sla.status === 'waiting') explain.push(both('badge.slaWaiting'));
    else if (sla.days === null) explain.push(both('badge.slaNone'));
    else {
      const params = () => ({
        days: sla.days ?? 0,
        received: dmy(sla.from),
        start: dmy(sla.from),
        due: dmy(sla.due),
      });
      explain.push(both(sla.basis === 'case' ? 'badge.slaCase' : 'badge.slaEstimate', params));
    }
    if (sla.beyondKnownYears) explain.push(both('badge.slaBeyond'));
  }
  if (b.region && b.modes) {
    const region = b.region;
    const key = region.from === 'officer' ? 'badge.regionOfficer' : 'badge.region';
    explain.push(both(key, (l) => ({ region: region.name[l] })));
  }
  for (const p of b.problems) {
    if (p === 'unknown-permit')
      explain.push(both('badge.unknownPermit', () => ({ label: b.permitLabel ?? '' })));
    if (p === 'unknown-status')
      explain.push(both('badge.unknownStatus', () => ({ label: b.statusLabel ?? '' })));
    if (p === 'no-status') explain.push(both('badge.noStatus'));
    if (p === 'no-region') explain.push(both('badge.noRegion'));
    if (p === 'no-date') explain.push(both('badge.slaNoDate'));
    if (p === 'damaged') explain.push(both('badge.damaged'));
  }
  if (b.known) explain.push(both('badge.known'));
  const summary = (l: Language) => (parts.length ? parts.map((p) => p.text[l]).join(', ') : '—');
  return {
    caseRef: b.caseRef,
    parts,
    label: both('badge.name', (l) => ({ ref: b.caseRef, summary: summary(l) })),
    explain,
  };
}
