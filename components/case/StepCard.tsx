/**
 * One step of the current stage: its mode badge, who does it, why that mode and on what legal
 * basis (in a disclosure), its checklist, and marking it done.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { LegalBasis, StepView } from '../../machines';
import { pick, t } from '../../utils/i18n';
import { ChecklistItem, InapplicableItem, type ItemContext } from './ChecklistItem';
import { MODE_KEYS, ROLE_KEYS } from './format';
import { InlineForm } from './InlineForm';
import { ModeBadge } from './ModeBadge';

export function LegalBasisList({ ctx, basis }: { ctx: ItemContext; basis: readonly LegalBasis[] }) {
  const { lang } = ctx;
  return (
    <ul class="pi-basis">
      {basis.map((b) => (
        <li key={`${b.ref}|${b.source}`} data-judgement={b.judgement ? 'true' : undefined}>
          <span class="pi-basis-ref">{b.ref}</span>{' '}
          <span class="pi-basis-source">({t(lang, 'case.source', { source: b.source })})</span>
          {b.judgement ? <span class="pi-tag pi-tag-judgement">{t(lang, 'case.judgement')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function StepCard({
  step,
  ctx,
  headingLevel,
  suggestions,
  onDismiss,
  reasonsOpen,
  extra,
}: {
  step: StepView;
  ctx: ItemContext;
  headingLevel: 4 | 5;
  /** Item id → a portal document suggested for it. */
  suggestions: ReadonlyMap<string, string>;
  onDismiss: (itemId: string, document: string) => void;
  reasonsOpen: boolean;
  /** What the view adds under the step (the side panel's evidence form, the overlay's link to it). */
  extra?: ComponentChildren;
}) {
  const { lang, onIntent } = ctx;
  const Heading = `h${headingLevel}` as 'h4' | 'h5';
  const [noting, setNoting] = useState(false);
  const name = pick(lang, step.name);

  if (!step.applicable) {
    return (
      <li class="pi-step pi-step-na" data-testid="pandu-step" data-step={step.id} data-applicable="false">
        <Heading class="pi-step-name">{name}</Heading>
        <p class="pi-muted">
          {t(lang, 'case.stepNotApplicable')}
          {step.condition
            ? ` — ${t(lang, 'case.conditional', { condition: ctx.describe(step.condition) })}`
            : null}
        </p>
      </li>
    );
  }

  const applicable = step.items.filter((i) => i.applicable);
  const inapplicable = step.items.filter((i) => !i.applicable);
  return (
    <li
      class={`pi-step${step.completed ? ' pi-step-done' : ''}`}
      data-testid="pandu-step"
      data-step={step.id}
      data-mode={step.mode}
      data-completed={String(step.completed)}
    >
      <Heading class="pi-step-name">{name}</Heading>
      <p class="pi-step-meta">
        <ModeBadge lang={lang} mode={step.mode} />
        <span>{t(lang, ROLE_KEYS[step.role])}</span>
        {step.slaDays !== null ? <span>{t(lang, 'case.stepSla', { days: step.slaDays })}</span> : null}
        {step.completed ? <span class="pi-done">✓ {t(lang, 'panel.stepDone')}</span> : null}
      </p>
      <details class="pi-reasons" data-testid="pandu-reasons" open={reasonsOpen}>
        <summary>{t(lang, 'mode.why', { mode: t(lang, MODE_KEYS[step.mode]) })}</summary>
        <ul class="pi-reason-list">
          {step.reasons.map((reason) => (
            <li key={reason.id}>{pick(lang, reason)}</li>
          ))}
        </ul>
        {step.legalBasis.length > 0 ? (
          <>
            <p class="pi-subtitle">{t(lang, 'case.legalBasis')}</p>
            <LegalBasisList ctx={ctx} basis={step.legalBasis} />
          </>
        ) : null}
      </details>
      {step.needsEvidence && !step.completed ? (
        <p class={step.hasEvidence ? 'pi-muted' : 'pi-hint'} data-testid="pandu-evidence">
          {step.hasEvidence
            ? t(lang, 'case.evidence', { count: step.evidenceCount })
            : t(lang, 'case.needsEvidence')}
        </p>
      ) : null}
      {applicable.length + inapplicable.length > 0 ? (
        <ul class="pi-items">
          {applicable.map((item) => (
            <ChecklistItem
              key={item.id}
              item={item}
              stepId={step.id}
              ctx={ctx}
              suggestion={suggestions.get(item.id)}
              onDismiss={(document) => onDismiss(item.id, document)}
            />
          ))}
          {inapplicable.map((item) => (
            <InapplicableItem key={item.id} item={item} ctx={ctx} />
          ))}
        </ul>
      ) : null}
      {extra}
      <div class="pi-step-actions">
        {!step.completed ? (
          <button
            type="button"
            class="pi-button"
            data-testid="pandu-complete-step"
            aria-label={t(lang, 'case.completeStepLabel', { step: name })}
            onClick={() => onIntent({ type: 'step.complete', stepId: step.id })}
          >
            {t(lang, 'panel.completeStep')}
          </button>
        ) : null}
        <button
          type="button"
          class="pi-link"
          data-testid="pandu-step-note"
          aria-expanded={noting}
          aria-label={t(lang, 'case.stepNoteLabel', { step: name })}
          onClick={() => setNoting(!noting)}
        >
          {t(lang, 'case.addStepNote')}
        </button>
      </div>
      {noting ? (
        <InlineForm
          lang={lang}
          label={t(lang, 'case.noteText', { item: name })}
          required
          multiline
          testId="pandu-step-note-form"
          onSubmit={(text) => {
            onIntent({ type: 'note.add', text, stepId: step.id });
            setNoting(false);
          }}
          onCancel={() => setNoting(false)}
        />
      ) : null}
    </li>
  );
}
