/** Cases by stage × strictest mode, with totals per row and per column (a real data table). */
import { useId } from 'preact/hooks';
import type { Language } from '../../utils/i18n';
import { tDashboard } from '../../utils/i18n/dashboard';
import { ModeBadge } from '../case/ModeBadge';
import { MODE_FILTERS } from './filters';
import { modeName, stageOptionLabel } from './labels';
import type { Summary } from './model';
import { ScrollRegion } from './ScrollRegion';

export function CountsTable({ lang, summary }: { lang: Language; summary: Summary }) {
  const id = useId();
  const total = summary.rows.length;
  return (
    <section class="pd-section" aria-labelledby={`${id}-title`} data-testid="dash-counts">
      <h2 id={`${id}-title`} class="pd-heading">
        {tDashboard(lang, 'dash.counts')}
      </h2>
      <ScrollRegion labelledBy={`${id}-title`}>
        <table class="pw-table pd-counts" data-testid="dash-counts-table">
          <caption>{tDashboard(lang, 'dash.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tDashboard(lang, 'dash.col.stage')}</th>
              {MODE_FILTERS.map((mode) => (
                <th scope="col" key={mode} class="pd-num">
                  {mode === 'none' ? modeName(lang, mode) : <ModeBadge lang={lang} mode={mode} />}
                </th>
              ))}
              <th scope="col" class="pd-num">
                {tDashboard(lang, 'dash.col.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.stages.map((s) => (
              <tr key={s.key} data-testid="dash-counts-row" data-stage={s.key}>
                <th scope="row">{stageOptionLabel(lang, s)}</th>
                {MODE_FILTERS.map((mode) => (
                  <td key={mode} class="pd-num" data-mode={mode}>
                    {s.byMode[mode]}
                  </td>
                ))}
                <td class="pd-num" data-testid="dash-counts-row-total">
                  {s.total}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="dash-counts-totals">
              <th scope="row">{tDashboard(lang, 'dash.total')}</th>
              {MODE_FILTERS.map((mode) => (
                <td key={mode} class="pd-num" data-mode={mode}>
                  {summary.totals[mode]}
                </td>
              ))}
              <td class="pd-num" data-testid="dash-counts-total">
                {total}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}
