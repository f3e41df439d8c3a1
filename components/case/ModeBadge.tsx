/**
 * A step's or stage's way of working: icon, text and colour together, so it never depends on
 * colour alone (remote "Dari mana saja", office "Di kantor", field "Ke lapangan").
 */
import type { WorkMode } from '../../machines';
import { type Language, t } from '../../utils/i18n';
import { MODE_KEYS } from './format';

// 16×16 outline icons: a globe (anywhere), a building (office), a map pin (on site).
export const ICONS: Record<WorkMode, string> = {
  remote:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM1.5 8h13M8 1.5c2.2 2.4 2.2 10.6 0 13M8 1.5c-2.2 2.4-2.2 10.6 0 13',
  office: 'M2.5 14.5v-12h7v12M9.5 6.5h4v8M1 14.5h14M4.5 5h2M4.5 8h2M4.5 11h2M11 9h1M11 12h1',
  field:
    'M8 14.5S3.5 9.9 3.5 6.5a4.5 4.5 0 0 1 9 0c0 3.4-4.5 8-4.5 8zM8 4.9a1.6 1.6 0 1 0 0 3.2 1.6 1.6 0 0 0 0-3.2z',
};

export function ModeIcon({ mode }: { mode: WorkMode }) {
  return (
    <svg class="pi-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={ICONS[mode]} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}

export function ModeBadge({ lang, mode }: { lang: Language; mode: WorkMode }) {
  return (
    <span class={`pi-mode pi-mode-${mode}`} data-testid="pandu-mode" data-mode={mode}>
      <ModeIcon mode={mode} />
      <span class="pi-sr">{t(lang, 'mode.prefix')} </span>
      {t(lang, MODE_KEYS[mode])}
    </span>
  );
}
