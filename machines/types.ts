/** Shared vocabulary of the workflow-engine plugin. Pure types: no runtime, no platform APIs. */

/** Text in both product languages: Indonesian first, English second. */
export interface LocalizedText {
  id: string;
  en: string;
}

/** Where a step can be done (DOMAIN.md §2). */
export type WorkMode = 'remote' | 'office' | 'field';
