/** Fast lookups into a definition, built once per definition object and cached. */
import type { ChecklistItem, PermitDefinition, Stage, Step } from './types';

export interface DefinitionLookup {
  definition: PermitDefinition;
  stageIndex: ReadonlyMap<string, number>;
  step: ReadonlyMap<string, { step: Step; stage: number }>;
  item: ReadonlyMap<string, { item: ChecklistItem; step: Step; stage: number }>;
  stages: readonly Stage[];
  /** Steps that need site presence, i.e. need field evidence before they complete. */
  fieldSteps: ReadonlySet<string>;
  /** Index of the stage whose approval issues the permit (the last one not after issuance). */
  issuing: number;
}

const cache = new WeakMap<PermitDefinition, DefinitionLookup>();

export function lookup(definition: PermitDefinition): DefinitionLookup {
  const cached = cache.get(definition);
  if (cached) return cached;
  const stageIndex = new Map<string, number>();
  const step = new Map<string, { step: Step; stage: number }>();
  const item = new Map<string, { item: ChecklistItem; step: Step; stage: number }>();
  const fieldSteps = new Set<string>();
  definition.stages.forEach((s, i) => {
    stageIndex.set(s.id, i);
    for (const st of s.steps) {
      step.set(st.id, { step: st, stage: i });
      if (st.facts.sitePresence) fieldSteps.add(st.id);
      for (const it of st.checklist) item.set(it.id, { item: it, step: st, stage: i });
    }
  });
  const firstAfter = definition.stages.findIndex((s) => s.afterIssuance === true);
  const issuing = firstAfter === -1 ? definition.stages.length - 1 : firstAfter - 1;
  const built = { definition, stageIndex, step, item, stages: definition.stages, fieldSteps, issuing };
  cache.set(definition, built);
  return built;
}
