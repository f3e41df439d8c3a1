/**
 * One compared region's readiness as the assessment reads it: WFA roadmap start (and whether it
 * has started on the chosen date), connectivity with how it was derived, 3T status, the steps
 * counted by mode, and where the figures come from.
 */
import type { ActivityRegion } from '../../machines';
import { type Language, pick, t } from '../../utils/i18n';
import { type ActivityMapKey, tMap } from '../../utils/i18n/activity-map';
import { MODE_KEYS } from '../case/format';
import { ModeIcon } from '../case/ModeBadge';

export function RegionCard({
  lang,
  region,
  label,
  date,
  testId,
}: {
  lang: Language;
  region: ActivityRegion;
  label: string;
  date: string;
  testId: string;
}) {
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);
  const headingId = `${testId}-heading`;
  return (
    <section class="am-region" aria-labelledby={headingId} data-testid={testId} data-code={region.code}>
      <h3 id={headingId} class="am-region-heading">
        {m('map.regionTitle', { label, name: pick(lang, region.name), code: region.code })}
      </h3>
      <dl class="am-facts">
        <div>
          <dt>{m('map.wfaStart')}</dt>
          <dd data-testid={`${testId}-wfa`} data-started={String(region.wfaStarted)}>
            <span aria-hidden="true">{region.wfaStarted ? '✓ ' : '○ '}</span>
            {m(region.wfaStarted ? 'map.wfaStarted' : 'map.wfaNotStarted', {
              start: region.wfaStart.date,
              date,
            })}
            {region.wfaStart.judgement ? ` ${m('map.judgement')}` : ''}
          </dd>
        </div>
        <div>
          <dt>{m('map.connectivity')}</dt>
          <dd data-testid={`${testId}-connectivity`}>
            {m(`map.connectivity.${region.connectivity}`)}
            <span class="am-note">{pick(lang, region.connectivityReason)}</span>
          </dd>
        </div>
        <div>
          <dt>{m('map.is3T')}</dt>
          <dd>{region.is3T ? m('map.is3TYes', { count: region.daerahTertinggal }) : m('map.is3TNo')}</dd>
        </div>
        <div>
          <dt>{m('map.counts')}</dt>
          <dd>
            <ul class="am-counts" data-testid={`${testId}-counts`}>
              {(['remote', 'office', 'field'] as const).map((mode) => (
                <li key={mode} data-mode={mode} data-count={region.counts[mode]}>
                  <span class={`pi-mode pi-mode-${mode}`}>
                    <ModeIcon mode={mode} />
                    {t(lang, MODE_KEYS[mode])}
                  </span>{' '}
                  {region.counts[mode]}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{m('map.sources')}</dt>
          <dd class="am-note">{region.sources.join('; ')}</dd>
        </div>
      </dl>
    </section>
  );
}
