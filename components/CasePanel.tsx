/**
 * The officer's panel on a portal case page: what was read, the case's current stage with its
 * steps and checklist, and the actions that move it. Presentational: the content script owns
 * the state and passes `onIntent`; this component never talks to the background itself.
 * The [Overlay] work grows it (timeline, reasons, legal basis, docking).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ItemView, StepView, WorkMode } from '../machines';
import type { Intent } from '../utils/db/cases';
import { type Language, type MessageKey, pick, t } from '../utils/i18n';
import type { PageView, ProtocolError } from '../utils/messaging/protocol';
import { LanguageToggle } from './LanguageToggle';

export interface CasePanelProps {
  view: PageView | null;
  error?: ProtocolError | null;
  /** Sends an officer's action on the case; the new state arrives through `view`. */
  onIntent?: (intent: Intent) => void;
  /** An action is on its way to the background. */
  busy?: boolean;
  initialLanguage?: Language;
}

const FIELD_KEYS: Record<PageView['missing'][number], MessageKey> = {
  caseRef: 'field.caseRef',
  permit: 'field.permit',
  received: 'field.received',
  region: 'field.region',
  status: 'field.status',
};

const MODE_KEYS: Record<WorkMode, MessageKey> = {
  remote: 'mode.remote',
  office: 'mode.office',
  field: 'mode.field',
};

export function CasePanel({
  view,
  error = null,
  onIntent,
  busy = false,
  initialLanguage = 'id',
}: CasePanelProps) {
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

  const fieldNames = view?.missing.map((m) => t(lang, FIELD_KEYS[m]));

  return (
    <aside
      class="pi-panel"
      aria-label={t(lang, 'panel.label')}
      aria-busy={busy}
      lang={lang}
      data-testid="pandu-panel"
    >
      <header class="pi-header">
        <h2 class="pi-title">{t(lang, 'panel.title')}</h2>
        <LanguageToggle lang={lang} onChange={setLang} testId="pandu-language" />
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
        <div class="pi-error" role="alert" data-testid="pandu-error">
          <p>{t(lang, view ? 'panel.actionFailed' : 'panel.error', { reason: pick(lang, error.message) })}</p>
          {error.details?.map((d) => (
            <p key={d.id}>{pick(lang, d)}</p>
          ))}
        </div>
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
      {view?.notice ? (
        <p class="pi-warning" data-testid="pandu-notice">
          {pick(lang, view.notice)}
        </p>
      ) : null}
      {view?.case ? <CaseSection lang={lang} state={view.case} onIntent={onIntent} error={error} /> : null}
    </aside>
  );
}

function CaseSection({
  lang,
  state,
  onIntent,
  error,
}: {
  lang: Language;
  state: NonNullable<PageView['case']>;
  onIntent?: (intent: Intent) => void;
  error: ProtocolError | null;
}) {
  const { view } = state;
  const stage = view.stage;
  const act = (intent: Intent) => onIntent?.(intent);
  return (
    <section class="pi-case" aria-labelledby="pi-stage-title" data-testid="pandu-case" data-seq={state.seq}>
      <h3 id="pi-stage-title" class="pi-stage" data-testid="pandu-stage">
        {stage
          ? t(lang, 'panel.stage', { n: stage.index + 1, count: stage.count, name: pick(lang, stage.name) })
          : t(lang, `status.${view.status}` as MessageKey)}
      </h3>
      <p class="pi-progress" data-testid="pandu-progress">
        {t(lang, 'panel.progress', { ticked: view.checklist.ticked, total: view.checklist.total })}
      </p>
      {view.steps
        .filter((step) => step.applicable)
        .map((step) => (
          <StepBlock key={step.id} lang={lang} step={step} act={act} settled={error ?? state.seq} />
        ))}
      {view.canMoveOn && stage ? (
        <button
          type="button"
          class="pi-button pi-primary"
          data-testid="pandu-advance"
          onClick={() => act({ type: 'stage.advance' })}
        >
          {t(lang, 'panel.advance')}
        </button>
      ) : null}
    </section>
  );
}

/** `settled` changes whenever an answer arrives (a new state or a refusal). */
type Settled = ProtocolError | number;

function StepBlock({
  lang,
  step,
  act,
  settled,
}: {
  lang: Language;
  step: StepView;
  act: (i: Intent) => void;
  settled: Settled;
}) {
  const items = step.items.filter((i) => i.applicable);
  return (
    <div class="pi-step" data-testid="pandu-step" data-step={step.id}>
      <p class="pi-step-name">
        <span class={`pi-mode pi-mode-${step.mode}`}>{t(lang, MODE_KEYS[step.mode])}</span>{' '}
        {pick(lang, step.name)}
        {step.completed ? <span class="pi-done"> — {t(lang, 'panel.stepDone')}</span> : null}
      </p>
      {items.length > 0 ? (
        <ul class="pi-items">
          {items.map((item) => (
            <ItemRow key={item.id} lang={lang} item={item} act={act} settled={settled} />
          ))}
        </ul>
      ) : null}
      {!step.completed ? (
        <button
          type="button"
          class="pi-button"
          data-testid="pandu-complete-step"
          onClick={() => act({ type: 'step.complete', stepId: step.id })}
        >
          {t(lang, 'panel.completeStep')}
        </button>
      ) : null}
    </div>
  );
}

function ItemRow({
  lang,
  item,
  act,
  settled,
}: {
  lang: Language;
  item: ItemView;
  act: (i: Intent) => void;
  settled: Settled;
}) {
  const inputId = `pi-item-${item.id}`;
  const ticked = item.status === 'ticked';
  // The box shows the officer's click at once; the stored state takes over when an answer
  // arrives (and puts the box back if the action was refused).
  const [wanted, setWanted] = useState<boolean | null>(null);
  useEffect(() => setWanted(null), [settled, ticked]);
  const shown = wanted ?? ticked;
  return (
    <li class="pi-item" data-testid="pandu-item" data-item={item.id} data-status={item.status}>
      <input
        id={inputId}
        type="checkbox"
        checked={shown}
        onChange={() => {
          setWanted(!shown);
          act({ type: shown ? 'checklist.untick' : 'checklist.tick', itemId: item.id });
        }}
      />
      <label for={inputId}>
        {pick(lang, item.label)}
        {item.mandatory ? <span class="pi-mandatory"> ({t(lang, 'panel.mandatory')})</span> : null}
        {item.status === 'missing' ? <span class="pi-missing"> — {t(lang, 'panel.itemMissing')}</span> : null}
      </label>
    </li>
  );
}
