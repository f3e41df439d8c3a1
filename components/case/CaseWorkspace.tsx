/**
 * A case as an officer works on it, shared by the portal overlay and the side panel: the
 * stage timeline, the current stage's steps with their mode, reasons and legal basis, the
 * checklist (tick, missing, notes, portal documents suggested for confirmation), the case
 * facts, what to do next, the SLA and the portal's status.
 *
 * Presentational: every action goes out through `onIntent` and the new state comes back
 * through `state`. Types only from machines/ (the content script must not bundle the engine).
 * Portal text (documents, statuses) is rendered as text, never as markup.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { StepView } from '../../machines';
import type { Intent } from '../../utils/db/cases';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';
import type { CaseState, PortalStatus } from '../../utils/messaging/protocol';
import { suggestDocuments } from '../../utils/portals/documents';
import { CaseFacts } from './CaseFacts';
import { PortalStatusLine, SlaLine } from './CaseStatusLine';
import type { ItemContext } from './ChecklistItem';
import { formatCondition } from './format';
import { NextSteps } from './NextSteps';
import { StageTimeline } from './StageTimeline';
import { StepCard } from './StepCard';

export interface CaseWorkspaceProps {
  lang: Language;
  state: CaseState;
  /** `overlay`: compact, inside the portal panel (which shows the permit itself); `workspace`: the side panel. */
  variant: 'overlay' | 'workspace';
  onIntent: (intent: Intent) => void;
  /** Actions are on their way to the background. */
  busy?: boolean;
  /** Document names the portal page lists (untrusted), offered as matches for pending items. */
  documents?: string[];
  portalStatus?: PortalStatus | null;
  /** Added under each applicable step (e.g. field evidence); nothing by default. */
  stepExtra?: (step: StepView) => ComponentChildren;
}

const NO_DOCUMENTS: string[] = [];

export function CaseWorkspace({
  lang,
  state,
  variant,
  onIntent,
  busy = false,
  documents = NO_DOCUMENTS,
  portalStatus = null,
  stepExtra,
}: CaseWorkspaceProps) {
  const { view } = state;
  const stage = view.stage;
  const overlay = variant === 'overlay';
  // The overlay sits under the panel's h2; the side panel's page title is its h1.
  const level = overlay ? 3 : 2;
  const sub = (level + 1) as 3 | 4;
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const suggestions = useMemo(() => {
    const pending = view.steps
      .filter((s) => s.applicable)
      .flatMap((s) => s.items)
      .filter((i) => i.applicable && i.status === 'pending');
    const found = suggestDocuments(documents, pending);
    return new Map(
      found.filter((s) => !dismissed.has(`${s.itemId}\n${s.document}`)).map((s) => [s.itemId, s.document]),
    );
  }, [view.steps, documents, dismissed]);

  const ctx: ItemContext = {
    lang,
    onIntent,
    settled: state,
    busy,
    describe: (condition) => formatCondition(lang, condition, view.facts),
  };
  const Title = `h${level}` as 'h2' | 'h3';
  const StepsHeading = `h${sub}` as 'h3' | 'h4';
  const unsetFacts = view.facts.some((f) => f.matters && f.value === undefined);
  const timeline = <StageTimeline lang={lang} stages={view.stages} headingLevel={sub} />;

  return (
    <section
      class={`pi-ws pi-ws-${variant}`}
      data-testid="pandu-case"
      data-seq={state.seq}
      data-status={view.status}
      aria-label={overlay ? undefined : pick(lang, view.permit.name)}
    >
      {overlay ? null : (
        <h2 class="pi-ws-permit" data-testid="pandu-permit">
          {pick(lang, view.permit.name)}
        </h2>
      )}
      <Title class="pi-stage" data-testid="pandu-stage">
        {stage
          ? t(lang, 'panel.stage', { n: stage.index + 1, count: stage.count, name: pick(lang, stage.name) })
          : t(lang, `status.${view.status}` as MessageKey)}
      </Title>
      {stage && view.checklist.total > 0 ? (
        <p class="pi-progress" data-testid="pandu-progress">
          {t(lang, 'panel.progress', { ticked: view.checklist.ticked, total: view.checklist.total })}
        </p>
      ) : null}
      <SlaLine lang={lang} sla={view.sla} />
      <PortalStatusLine
        lang={lang}
        status={portalStatus}
        inSync={view.portal?.inSync}
        adopted={view.adopted?.stageName}
      />
      {overlay ? null : timeline}
      <NextSteps lang={lang} view={view} onIntent={onIntent} headingLevel={sub} shown={overlay ? 3 : 8} />
      {view.steps.length > 0 ? (
        <section class="pi-steps" aria-label={t(lang, 'case.steps')}>
          <StepsHeading class="pi-section-title">{t(lang, 'case.steps')}</StepsHeading>
          {suggestions.size > 0 ? (
            <p class="pi-hint" data-testid="pandu-suggestions">
              {t(lang, 'case.suggestions', { count: suggestions.size })}
            </p>
          ) : null}
          <ol class="pi-step-list">
            {view.steps.map((step) => (
              <StepCard
                key={step.id}
                step={step}
                ctx={ctx}
                headingLevel={(sub + 1) as 4 | 5}
                suggestions={suggestions}
                onDismiss={(itemId, document) =>
                  setDismissed((prev) => new Set(prev).add(`${itemId}\n${document}`))
                }
                reasonsOpen={!overlay}
                extra={step.applicable ? stepExtra?.(step) : undefined}
              />
            ))}
          </ol>
        </section>
      ) : null}
      {/* In the narrow overlay the checklist comes first; the stage heading already says where the case is. */}
      {overlay ? timeline : null}
      <CaseFacts lang={lang} facts={view.facts} onIntent={onIntent} open={!overlay || unsetFacts} />
      {view.notes > 0 ? (
        <p class="pi-muted" data-testid="pandu-notes">
          {t(lang, 'case.notes', { count: view.notes })}
        </p>
      ) : null}
    </section>
  );
}
