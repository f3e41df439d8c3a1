/**
 * The frame of the side panel, popup and dashboard: the document's language and title follow
 * the officer's language (live, from prefs), a header with the page's one h1 and the language
 * switch, and the main landmark.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Language } from '../../utils/i18n';
import { LanguageToggle } from '../LanguageToggle';

export function PageShell({
  lang,
  title,
  heading = title,
  variant,
  onLanguage,
  languageLocked,
  children,
  footer,
}: {
  lang: Language;
  /** The document title. */
  title: string;
  /** The h1 (default: the title). */
  heading?: string;
  variant: 'sidepanel' | 'popup' | 'dashboard' | 'verify' | 'activity-map';
  onLanguage: (next: Language) => void;
  /** The agency's policy sets the language (the switch says so). */
  languageLocked?: boolean;
  children: ComponentChildren;
  footer?: ComponentChildren;
}) {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title;
  }, [lang, title]);
  return (
    <div class={`pw-page pw-${variant}`} lang={lang} data-testid={`${variant}-page`}>
      <header class="pw-header">
        <h1 class="pw-title" data-testid="workspace-heading">
          {heading}
        </h1>
        <LanguageToggle
          lang={lang}
          onChange={onLanguage}
          testId="workspace-language"
          locked={languageLocked}
        />
      </header>
      <main class="pw-main">{children}</main>
      {footer ? <footer class="pw-footer">{footer}</footer> : null}
    </div>
  );
}
