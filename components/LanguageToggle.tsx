/** The runtime language switch every Pandu Izin view shows: named for screen readers in the language it switches to. */
import { type Language, otherLanguage, t } from '../utils/i18n';

export function LanguageToggle({
  lang,
  onChange,
  testId,
  locked = false,
}: {
  lang: Language;
  onChange: (next: Language) => void;
  testId: string;
  /** The agency's policy sets the language: the switch stays in place, says so and does nothing. */
  locked?: boolean;
}) {
  const label = t(lang, locked ? 'panel.languageManaged' : 'panel.switchLanguage');
  return (
    <button
      type="button"
      class="pi-button"
      onClick={() => {
        if (!locked) onChange(otherLanguage(lang));
      }}
      aria-label={label}
      aria-disabled={locked ? 'true' : undefined}
      title={locked ? label : undefined}
      data-testid={testId}
    >
      {t(lang, 'panel.languageButton')}
    </button>
  );
}
