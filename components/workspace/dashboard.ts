/**
 * Case rows in words (index fields only: a case is never restored for them): the permit's
 * name and the stage's label. The dashboard's numbers are in components/dashboard/.
 */
import { findDefinition } from '../../machines';
import type { CaseRow } from '../../utils/db/schema';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';
import { tWorkspace } from '../../utils/i18n/workspace';

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
