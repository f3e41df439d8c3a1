/**
 * Per-officer outputs today and this week against the targets set in Options: each figure as
 * "done of target", and the result in words with an icon (never colour alone). Without targets
 * it says so and leads to Options.
 */
import { useId } from 'preact/hooks';
import type { Language } from '../../utils/i18n';
import { type DashboardKey, tDashboard } from '../../utils/i18n/dashboard';
import { OUTPUT_KINDS, type OutputCounts } from '../../utils/outputs/outputs';
import { dateInWords } from './dates';
import { allMet, type OutputsView, type Progress } from './outputs';
import { ScrollRegion } from './ScrollRegion';

export interface OutputsSectionProps {
  lang: Language;
  view: OutputsView;
  targetsSet: boolean;
  officerName: (officer: string) => string;
  optionsUrl: string;
}

const COLUMNS: Record<(typeof OUTPUT_KINDS)[number], DashboardKey> = {
  steps: 'dash.col.steps',
  advances: 'dash.col.advances',
  visits: 'dash.col.visits',
};

function Result({ lang, progress }: { lang: Language; progress: Progress | null }) {
  if (!progress) return <>{tDashboard(lang, 'dash.noTarget')}</>;
  const met = allMet(progress);
  return (
    <span class={met ? 'pd-met' : 'pd-not-met'} data-met={String(met)}>
      <span aria-hidden="true">{met ? '✓ ' : '✗ '}</span>
      {tDashboard(lang, met ? 'dash.met' : 'dash.notMet')}
    </span>
  );
}

export function OutputsSection({ lang, view, targetsSet, officerName, optionsUrl }: OutputsSectionProps) {
  const id = useId();
  const d = (key: DashboardKey, params?: Record<string, string | number>) => tDashboard(lang, key, params);
  const cell = (counts: OutputCounts, progress: Progress | null, kind: (typeof OUTPUT_KINDS)[number]) =>
    progress && progress[kind].target > 0
      ? d('dash.done', { done: counts[kind], target: progress[kind].target })
      : d('dash.doneNoTarget', { done: counts[kind] });
  return (
    <section class="pd-section" aria-labelledby={`${id}-title`} data-testid="dash-outputs">
      <h2 id={`${id}-title`} class="pd-heading">
        {d('dash.outputs')}
      </h2>
      <p class="pi-muted">
        {d('dash.outputsHelp', {
          today: dateInWords(lang, view.today),
          from: dateInWords(lang, view.week.from),
          to: dateInWords(lang, view.week.to),
        })}
      </p>
      {targetsSet ? null : (
        <p data-testid="dash-no-targets">
          {d('dash.noTargets')}{' '}
          <a href={optionsUrl} target="_blank" rel="noopener" data-testid="dash-options-link">
            {d('dash.optionsLink')}
          </a>
          .
        </p>
      )}
      {view.officers.length === 0 ? (
        <p data-testid="dash-no-outputs">{d('dash.noOutputs')}</p>
      ) : (
        <ScrollRegion labelledBy={`${id}-title`}>
          <table class="pw-table" data-testid="dash-outputs-table">
            <thead>
              <tr>
                <th scope="col">{d('dash.col.officerName')}</th>
                <th scope="col">{d('dash.col.period')}</th>
                {OUTPUT_KINDS.map((k) => (
                  <th scope="col" key={k} class="pd-num">
                    {d(COLUMNS[k])}
                  </th>
                ))}
                <th scope="col">{d('dash.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {view.officers.flatMap((o) => {
                const who = o.officer ? officerName(o.officer) : d('dash.noIdentity');
                return (
                  [
                    ['today', o.today, o.daily],
                    ['week', o.week, o.weekly],
                  ] as const
                ).map(([period, counts, progress], i) => (
                  <tr
                    key={`${o.officer}-${period}`}
                    data-testid="dash-outputs-row"
                    data-officer={o.officer}
                    data-period={period}
                  >
                    {i === 0 ? (
                      <th scope="rowgroup" rowSpan={2}>
                        {who}
                      </th>
                    ) : null}
                    <th scope="row">{d(period === 'today' ? 'dash.period.today' : 'dash.period.week')}</th>
                    {OUTPUT_KINDS.map((k) => (
                      <td key={k} class="pd-num" data-kind={k}>
                        {cell(counts, progress, k)}
                      </td>
                    ))}
                    <td data-testid="dash-outputs-result">
                      <Result lang={lang} progress={progress} />
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
