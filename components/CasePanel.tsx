/**
 * The officer's panel on a portal case page. This first version shows what was read and how
 * it maps to the catalog; the [Overlay] work adds stages, modes and the checklist.
 */
import { useState } from 'preact/hooks';
import { type Language, otherLanguage, pick, t } from '../utils/i18n';
import type { CaseView, ProtocolError } from '../utils/messaging/protocol';

export interface CasePanelProps {
  view: CaseView | null;
  error?: ProtocolError | null;
  initialLanguage?: Language;
}

export function CasePanel({ view, error = null, initialLanguage = 'id' }: CasePanelProps) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [open, setOpen] = useState(true);

  if (!open) {
    return (
      <button
        type="button"
        class="pi-launcher"
        onClick={() => setOpen(true)}
        aria-label={t(lang, 'panel.expand')}
      >
        <span aria-hidden="true">PI</span>
      </button>
    );
  }

  const fieldNames = view?.missing.map((m) => t(lang, m === 'caseRef' ? 'field.caseRef' : 'field.permit'));

  return (
    <aside class="pi-panel" aria-label={t(lang, 'panel.label')} lang={lang} data-testid="pandu-panel">
      <header class="pi-header">
        <h2 class="pi-title">{t(lang, 'panel.title')}</h2>
        <button
          type="button"
          class="pi-button"
          onClick={() => setLang(otherLanguage(lang))}
          aria-label={t(lang, 'panel.switchLanguage')}
          data-testid="pandu-language"
        >
          {t(lang, 'panel.languageButton')}
        </button>
        <button
          type="button"
          class="pi-button"
          onClick={() => setOpen(false)}
          aria-label={t(lang, 'panel.collapse')}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {error ? (
        <p class="pi-error" role="alert">
          {t(lang, 'panel.error', { reason: pick(lang, error.message) })}
        </p>
      ) : null}
      {view ? (
        <dl class="pi-facts">
          <dt>{t(lang, 'panel.permit')}</dt>
          <dd data-testid="pandu-permit">
            {view.permit.name
              ? pick(lang, view.permit.name)
              : view.permit.label
                ? t(lang, 'panel.permitUnknown', { label: view.permit.label })
                : '—'}
          </dd>
          <dt>{t(lang, 'panel.caseRef')}</dt>
          <dd data-testid="pandu-case-ref">{view.caseRef ?? '—'}</dd>
          <dt>{t(lang, 'panel.portal')}</dt>
          <dd>{view.portal.name}</dd>
        </dl>
      ) : null}
      {fieldNames && fieldNames.length > 0 ? (
        <p class="pi-warning" role="status">
          {t(lang, 'panel.missing', { fields: fieldNames.join(', ') })}
        </p>
      ) : null}
    </aside>
  );
}
