/**
 * The overlay on a portal case page: a panel docked to the left or right edge (open when a
 * case page is recognised) that collapses to a small launcher at that edge. While open it
 * reserves its width on the page so the portal's own controls stay uncovered. Its header says
 * what was read from the page; its body is the shared case workspace.
 *
 * Presentational: the content script owns the state (PanelState, prefs) and passes callbacks.
 * Everything renders inside WXT's shadow root; portal text is rendered as text only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Intent } from '../../utils/db/cases';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';
import type { PageView, Prefs, ProtocolError } from '../../utils/messaging/protocol';
import type { PanelState } from '../../utils/overlay/case-controller';
import { reservePageSpace } from '../../utils/overlay/page-space';
import { CaseWorkspace } from '../case/CaseWorkspace';
import { LanguageToggle } from '../LanguageToggle';

export interface OverlayProps extends PanelState {
  prefs: Prefs;
  onIntent: (intent: Intent) => void;
  onPrefs: (patch: Partial<Prefs>) => void;
  /** Opens the workspace on this case (field evidence is recorded there, not in the portal page). */
  onOpenWorkspace?: () => void;
}

const FIELD_KEYS: Record<PageView['missing'][number], MessageKey> = {
  caseRef: 'field.caseRef',
  permit: 'field.permit',
  received: 'field.received',
  region: 'field.region',
  status: 'field.status',
};

export function Overlay({ view, error, busy, prefs, onIntent, onPrefs, onOpenWorkspace }: OverlayProps) {
  const lang = prefs.language;
  const dock = prefs.dock;
  const dockLocked = prefs.locked?.includes('dock') ?? false;
  const [open, setOpen] = useState(true);
  const launcher = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Where focus goes after the officer opened or closed the panel (never on first show:
  // the overlay does not take focus from the portal by itself).
  const focusAfter = useRef<'launcher' | 'panel' | null>(null);

  useEffect(() => {
    if (!open) return undefined;
    return reservePageSpace(document, dock);
  }, [open, dock]);

  useEffect(() => {
    if (focusAfter.current === 'launcher') launcher.current?.focus();
    if (focusAfter.current === 'panel') title.current?.focus();
    focusAfter.current = null;
  }, [open]);

  if (!open) {
    return (
      <button
        ref={launcher}
        type="button"
        class={`pi-launcher pi-dock-${dock}`}
        data-testid="pandu-launcher"
        aria-label={t(lang, 'panel.expand')}
        aria-expanded="false"
        lang={lang}
        onClick={() => {
          focusAfter.current = 'panel';
          setOpen(true);
        }}
      >
        <span aria-hidden="true">PI</span>
      </button>
    );
  }

  const close = () => {
    focusAfter.current = 'launcher';
    setOpen(false);
  };
  const otherSide = dock === 'right' ? 'left' : 'right';

  return (
    <aside
      class={`pi-panel pi-dock-${dock}`}
      aria-label={t(lang, 'panel.label')}
      aria-busy={busy}
      lang={lang}
      data-testid="pandu-panel"
      data-dock={dock}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        close();
      }}
    >
      <header class="pi-header">
        <span class="pi-logo" aria-hidden="true">
          PI
        </span>
        <h2 ref={title} class="pi-title" tabIndex={-1}>
          {t(lang, 'panel.title')}
        </h2>
        <button
          type="button"
          class="pi-button pi-icon-button"
          data-testid="pandu-dock"
          aria-label={t(
            lang,
            dockLocked ? 'panel.dockManaged' : otherSide === 'left' ? 'panel.dockLeft' : 'panel.dockRight',
          )}
          aria-disabled={dockLocked ? 'true' : undefined}
          onClick={() => {
            if (!dockLocked) onPrefs({ dock: otherSide });
          }}
        >
          <span aria-hidden="true">{otherSide === 'left' ? '⇤' : '⇥'}</span>
        </button>
        <LanguageToggle
          lang={lang}
          onChange={(language) => onPrefs({ language })}
          testId="pandu-language"
          locked={prefs.locked?.includes('language')}
        />
        <button
          type="button"
          class="pi-button pi-icon-button"
          data-testid="pandu-collapse"
          aria-label={t(lang, 'panel.collapse')}
          onClick={close}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="pi-body">
        {error ? <ErrorBox lang={lang} error={error} hasView={view !== null} /> : null}
        {view ? <PageSummary lang={lang} view={view} /> : null}
        <p class="pi-busy" role="status" data-testid="pandu-busy">
          {busy ? t(lang, 'panel.busy') : ''}
        </p>
        {view?.case ? (
          <CaseWorkspace
            lang={lang}
            state={view.case}
            variant="overlay"
            onIntent={onIntent}
            busy={busy}
            documents={view.documents}
            portalStatus={view.status}
            stepExtra={(step) =>
              onOpenWorkspace && step.needsEvidence && !step.completed ? (
                <p>
                  <button
                    type="button"
                    class="pi-button"
                    data-testid="pandu-record-evidence"
                    aria-label={t(lang, 'case.recordEvidenceLabel', { step: pick(lang, step.name) })}
                    onClick={onOpenWorkspace}
                  >
                    {t(lang, 'case.recordEvidence')}
                  </button>
                </p>
              ) : null
            }
          />
        ) : null}
      </div>
    </aside>
  );
}

function ErrorBox({ lang, error, hasView }: { lang: Language; error: ProtocolError; hasView: boolean }) {
  return (
    <div class="pi-error" role="alert" data-testid="pandu-error">
      <p>{t(lang, hasView ? 'panel.actionFailed' : 'panel.error', { reason: pick(lang, error.message) })}</p>
      {error.details?.map((d) => (
        <p key={d.id}>{pick(lang, d)}</p>
      ))}
    </div>
  );
}

/** What was read from the page: permit, case number, applicant, portal; what could not be read. */
function PageSummary({ lang, view }: { lang: Language; view: PageView }) {
  const missing = view.missing.map((m) => t(lang, FIELD_KEYS[m]));
  return (
    <>
      <dl class="pi-summary">
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
        {view.applicant ? (
          <>
            <dt>{t(lang, 'panel.applicant')}</dt>
            <dd data-testid="pandu-applicant">{view.applicant}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'panel.portal')}</dt>
        <dd data-testid="pandu-portal">{view.portal.name}</dd>
      </dl>
      {missing.length > 0 ? (
        <p class="pi-warning" data-testid="pandu-missing">
          {t(lang, 'panel.missing', { fields: missing.join(', ') })}
        </p>
      ) : null}
      {view.notice ? (
        <p class="pi-warning" data-testid="pandu-notice">
          {pick(lang, view.notice)}
        </p>
      ) : null}
    </>
  );
}
