/** The runtime language switch every Pandu Izin view shows: named for screen readers in the language it switches to. */
import { type Language, otherLanguage, t } from '../utils/i18n';

export function LanguageToggle({
  lang,
  onChange,
  testId,
}: {
  lang: Language;
  onChange: (next: Language) => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      class="pi-button"
      onClick={() => onChange(otherLanguage(lang))}
      aria-label={t(lang, 'panel.switchLanguage')}
      data-testid={testId}
    >
      {t(lang, 'panel.languageButton')}
    </button>
  );
}
