/**
 * Every stage of the case in order: done, current (aria-current="step"), upcoming, void, or
 * stopped (a rejected case went no further), each with its ways of working. State is told by
 * icon and text, not colour alone.
 */
import { useId } from 'preact/hooks';
import type { StageSummary } from '../../machines';
import { type Language, pick, t } from '../../utils/i18n';
import { STAGE_STATE_KEYS } from './format';
import { ModeBadge } from './ModeBadge';

const STATE_ICONS: Record<StageSummary['state'], string> = {
  done: 'M3.5 8.5l3 3 6-7',
  current: 'M8 3.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z',
  upcoming: 'M8 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  stopped: 'M5 5l6 6M11 5l-6 6',
  void: 'M4 12l8-8M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
};

export function StageTimeline({
  lang,
  stages,
  headingLevel,
}: {
  lang: Language;
  stages: readonly StageSummary[];
  headingLevel: 3 | 4;
}) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const headingId = useId();
  return (
    <section class="pi-timeline" aria-labelledby={headingId} data-testid="pandu-timeline">
      <Heading id={headingId} class="pi-section-title">
        {t(lang, 'case.timeline')}
      </Heading>
      <ol class="pi-timeline-list">
        {stages.map((stage) => (
          <li
            key={stage.id}
            class={`pi-stage-item pi-stage-${stage.state}`}
            data-testid="pandu-stage-item"
            data-stage={stage.id}
            data-state={stage.state}
            aria-current={stage.state === 'current' ? 'step' : undefined}
          >
            <svg
              class="pi-stage-icon"
              viewBox="0 0 16 16"
              width="16"
              height="16"
              aria-hidden="true"
              focusable="false"
            >
              <path
                d={STATE_ICONS[stage.state]}
                fill={stage.state === 'current' ? 'currentColor' : 'none'}
                stroke="currentColor"
                stroke-width="1.75"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span class="pi-stage-text">
              <span class="pi-stage-name">{pick(lang, stage.name)}</span>
              <span class="pi-stage-state"> — {t(lang, STAGE_STATE_KEYS[stage.state])}</span>
              {stage.modes.length > 0 && stage.state !== 'void' ? (
                <span class="pi-stage-modes">
                  {stage.modes.map((mode) => (
                    <ModeBadge key={mode} lang={lang} mode={mode} />
                  ))}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
