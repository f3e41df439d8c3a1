/**
 * Runtime-switchable translation. Components hold the current language and call `t`; no
 * global state, so two views can show different languages and tests need no setup. `t` covers
 * the shared catalog (messages.ts); extension pages add their own (options.ts, workspace.ts).
 */
import type { LocalizedText } from '../../machines';
import { LANGUAGES, type Language, otherLanguage, type Params, pick, translator } from './core';
import { en, id, type MessageKey } from './messages';

export type { MessageKey };
export { LANGUAGES, type Language, otherLanguage, pick, translator };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export const t = translator({ id, en });

/** Both sides of a message, for errors that travel between contexts. */
export function bilingual(key: MessageKey, params?: Params): LocalizedText {
  return { id: t('id', key, params), en: t('en', key, params) };
}
