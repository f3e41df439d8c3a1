/**
 * The dashboard's reading of case rows (index fields only: the table never restores a case):
 * order, stage label and deadline text. Apart from the page so it can be tested.
 */
import { findDefinition } from '../../machines';
import type { CaseRow } from '../../utils/db/schema';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';
import { tWorkspace } from '../../utils/i18n/workspace';
import { formatDate, SLA_KEYS } from '../case/format';

/** Nearest deadline first; cases without one after them; within each, the most recently changed first. */
export function sortCases<T extends Pick<CaseRow, 'id' | 'dueAt' | 'updatedAt'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.dueAt !== b.dueAt) {
      if (!a.dueAt) return 1;
      if (!b.dueAt) return -1;
      return a.dueAt < b.dueAt ? -1 : 1;
    }
    if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
    return a.id.localeCompare(b.id);
  });
}

/** The permit's name from the catalog, or its id when this build does not know it. */
export function permitName(lang: Language, permitType: string): string {
  const definition = findDefinition(permitType);
  return definition ? pick(lang, definition.name) : permitType;
}

/** "1 dari 5: Pemeriksaan kelengkapan", or the case's status when no stage is running. */
export function stageLabel(lang: Language, row: Pick<CaseRow, 'permitType' | 'stage' | 'status'>): string {
  const stages = findDefinition(row.permitType)?.stages ?? [];
  const index = stages.findIndex((s) => s.id === row.stage);
  const stage = stages[index];
  if (stage) {
    return tWorkspace(lang, 'summary.stageValue', {
      n: index + 1,
      count: stages.length,
      name: pick(lang, stage.name),
    });
  }
  const status = `status.${row.status}` as MessageKey;
  return row.stage === row.status ? t(lang, status) : row.stage;
}

/** "Sesuai jadwal — jatuh tempo 25 November 2026" (the status in words, never by colour alone). */
export function slaLabel(lang: Language, row: Pick<CaseRow, 'slaStatus' | 'dueAt'>): string {
  const status = t(lang, SLA_KEYS[row.slaStatus] ?? 'sla.none');
  return row.dueAt
    ? `${status} — ${tWorkspace(lang, 'dashboard.due', { date: formatDate(lang, row.dueAt) })}`
    : status;
}
