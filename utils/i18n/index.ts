/**
 * Runtime-switchable translation. Components hold the current language and call `t`; no
 * global state, so two views can show different languages and tests need no setup.
 */
import type { LocalizedText } from '../../machines';
import { en, id, type MessageKey } from './messages';

export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { id, en };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the language's side of a bilingual text. */
export function pick(lang: Language, text: LocalizedText): string {
  return text[lang];
}

/** The other language: the runtime switch toggles between the two. */
export function otherLanguage(lang: Language): Language {
  return lang === 'id' ? 'en' : 'id';
}

/** Both sides of a message, for errors that travel between contexts. */
export function bilingual(key: MessageKey, params?: Record<string, string | number>): LocalizedText {
  return { id: t('id', key, params), en: t('en', key, params) };
}
