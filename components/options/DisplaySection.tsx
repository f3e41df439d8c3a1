/**
 * Language and dock side: the officer's shared view preferences. A change goes through the
 * background (`prefs.set`), which stores it and tells the portal tabs; this page, the side
 * panel and the overlays re-render from the stored value at once.
 */
import type { Language } from '../../utils/i18n';
import { tOptions } from '../../utils/i18n/options';
import type { Prefs } from '../../utils/messaging/protocol';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function DisplaySection({
  prefs,
  change,
}: {
  prefs: Prefs;
  change: (patch: Partial<Prefs>) => Promise<void>;
}) {
  const lang = prefs.language;
  return (
    <section aria-labelledby="pi-display-title">
      <h2 id="pi-display-title">{tOptions(lang, 'options.displayTitle')}</h2>
      <fieldset class="pi-choices" aria-describedby="pi-language-help">
        <legend>{tOptions(lang, 'options.languageLegend')}</legend>
        {(['id', 'en'] as const).map((option) => (
          <label key={option} class="pi-choice" lang={option}>
            <input
              type="radio"
              name="pi-language"
              value={option}
              checked={lang === option}
              onChange={() => void change({ language: option })}
              data-testid={`options-language-${option}`}
            />{' '}
            {LANGUAGE_NAMES[option]}
          </label>
        ))}
        <p id="pi-language-help" class="pi-hint">
          {tOptions(lang, 'options.languageHelp')}
        </p>
      </fieldset>
      <fieldset class="pi-choices">
        <legend>{tOptions(lang, 'options.dockLegend')}</legend>
        {(['left', 'right'] as const).map((side) => (
          <label key={side} class="pi-choice">
            <input
              type="radio"
              name="pi-dock"
              value={side}
              checked={prefs.dock === side}
              onChange={() => void change({ dock: side })}
              data-testid={`options-dock-${side}`}
            />{' '}
            {tOptions(lang, side === 'left' ? 'options.dockLeft' : 'options.dockRight')}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
