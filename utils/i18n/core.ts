/**
 * The translation primitive every catalog uses. Catalogs are split by where they are shown
 * (messages.ts: the content script and shared case views; options.ts, workspace.ts: extension
 * pages) so the content script bundles only its own strings.
 */
import type { LocalizedText } from '../../machines';

export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];

export interface Catalog<K extends string> {
  id: Readonly<Record<K, string>>;
  en: Readonly<Record<K, string>>;
}

export type Params = Record<string, string | number>;

/** `t(lang, key, params)` over one catalog: `{name}` placeholders are filled from `params`. */
export function translator<K extends string>(catalog: Catalog<K>) {
  return (lang: Language, key: K, params: Params = {}): string =>
    catalog[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
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
