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
  const languageLocked = prefs.locked?.includes('language') ?? false;
  const dockLocked = prefs.locked?.includes('dock') ?? false;
  return (
    <section aria-labelledby="pi-display-title">
      <h2 id="pi-display-title">{tOptions(lang, 'options.displayTitle')}</h2>
      <fieldset
        class="pi-choices"
        disabled={languageLocked}
        aria-describedby={languageLocked ? 'pi-language-help pi-language-managed' : 'pi-language-help'}
      >
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
        {languageLocked ? (
          <p id="pi-language-managed" class="pi-hint" data-testid="options-language-managed">
            {tOptions(lang, 'options.managedField')}
          </p>
        ) : null}
      </fieldset>
      <fieldset
        class="pi-choices"
        disabled={dockLocked}
        aria-describedby={dockLocked ? 'pi-dock-managed' : undefined}
      >
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
        {dockLocked ? (
          <p id="pi-dock-managed" class="pi-hint" data-testid="options-dock-managed">
            {tOptions(lang, 'options.managedField')}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}
