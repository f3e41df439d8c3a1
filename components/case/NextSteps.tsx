/**
 * What to do next: what still blocks the stage, or the button that moves the case on (advance,
 * or approve at the issuing stage, or close after the last one, as the engine expects).
 */
import type { CaseView, LocalizedText } from '../../machines';
import type { Intent } from '../../utils/db/cases';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';

export function moveOnIntent(stage: NonNullable<CaseView['stage']>): { intent: Intent; label: MessageKey } {
  if (stage.issuesPermit) return { intent: { type: 'case.approve' }, label: 'case.approve' };
  if (stage.isLast) return { intent: { type: 'case.close' }, label: 'case.close' };
  return { intent: { type: 'stage.advance' }, label: 'panel.advance' };
}

export function NextSteps({
  lang,
  view,
  onIntent,
  headingLevel,
  shown = Number.POSITIVE_INFINITY,
}: {
  lang: Language;
  view: CaseView;
  onIntent: (intent: Intent) => void;
  headingLevel: 3 | 4;
  /** Blockers listed before the rest fold away (the checklist below says the same in detail). */
  shown?: number;
}) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const move = view.stage && view.canMoveOn ? moveOnIntent(view.stage) : null;
  return (
    <section class="pi-next" data-testid="pandu-next" aria-label={t(lang, 'case.next')}>
      <Heading class="pi-section-title">{t(lang, 'case.next')}</Heading>
      {/* Nothing blocks and nothing moves: the case is finished (issued, rejected, closed). */}
      {!move && view.blockers.length === 0 ? <p>{t(lang, `status.${view.status}` as MessageKey)}</p> : null}
      {view.blockers.length > 0 ? (
        <>
          <p class="pi-subtitle">{t(lang, 'case.blockers')}</p>
          <BlockerList lang={lang} blockers={view.blockers.slice(0, shown)} />
          {view.blockers.length > shown ? (
            <details class="pi-more">
              <summary>{t(lang, 'case.moreBlockers', { count: view.blockers.length - shown })}</summary>
              <BlockerList lang={lang} blockers={view.blockers.slice(shown)} />
            </details>
          ) : null}
        </>
      ) : null}
      {move ? (
        <>
          <p class="pi-ready">✓ {t(lang, 'case.ready')}</p>
          <button
            type="button"
            class="pi-button pi-primary"
            data-testid="pandu-advance"
            data-intent={move.intent.type}
            onClick={() => onIntent(move.intent)}
          >
            {t(lang, move.label)}
          </button>
        </>
      ) : null}
    </section>
  );
}

function BlockerList({ lang, blockers }: { lang: Language; blockers: readonly LocalizedText[] }) {
  return (
    <ul class="pi-blockers">
      {blockers.map((b) => (
        <li key={b.id} data-testid="pandu-blocker">
          {pick(lang, b)}
        </li>
      ))}
    </ul>
  );
}
