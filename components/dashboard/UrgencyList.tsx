/**
 * The filtered cases in urgency order, a page at a time (100 rows, then "show more"): 20,000
 * cases must not become 20,000 table rows. Each case number leads to its workspace.
 */
import { useId, useState } from 'preact/hooks';
import type { Language } from '../../utils/i18n';
import { tDashboard } from '../../utils/i18n/dashboard';
import { ModeBadge } from '../case/ModeBadge';
import { permitName, stageLabel } from '../workspace/dashboard';
import { timeInWords } from './dates';
import { regionName, slaInWords } from './labels';
import type { PreparedRow } from './model';
import { ScrollRegion } from './ScrollRegion';

export const PAGE_SIZE = 100;

export interface UrgencyListProps {
  lang: Language;
  rows: readonly PreparedRow[];
  caseUrl: (caseId: string) => string;
  portalName: (id: string) => string;
  officerName: (officer: string) => string;
}

export function UrgencyList({ lang, rows, caseUrl, portalName, officerName }: UrgencyListProps) {
  const id = useId();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const shown = rows.slice(0, limit);
  const more = Math.min(PAGE_SIZE, rows.length - shown.length);
  const d = (key: Parameters<typeof tDashboard>[1], params?: Record<string, string | number>) =>
    tDashboard(lang, key, params);
  return (
    <section class="pd-section" aria-labelledby={`${id}-title`} data-testid="dash-urgent">
      <h2 id={`${id}-title`} class="pd-heading">
        {d('dash.urgent')}
      </h2>
      <p class="pi-muted">{d('dash.urgentHelp')}</p>
      <ScrollRegion labelledBy={`${id}-title`}>
        <table class="pw-table" data-testid="dashboard-table">
          <caption data-testid="dashboard-caption">
            {d('dash.urgentCaption', { shown: shown.length, total: rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{d('dash.col.caseRef')}</th>
              <th scope="col">{d('dash.col.permit')}</th>
              <th scope="col">{d('dash.col.stage2')}</th>
              <th scope="col">{d('dash.col.modes')}</th>
              <th scope="col">{d('dash.col.sla')}</th>
              <th scope="col">{d('dash.col.officer')}</th>
              <th scope="col">{d('dash.col.region')}</th>
              <th scope="col">{d('dash.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr
                key={p.row.id}
                data-testid="dashboard-row"
                data-case-id={p.row.id}
                data-sla={p.sla}
                data-left={p.left ?? ''}
              >
                <th scope="row">
                  <a href={caseUrl(p.row.id)} data-testid="dashboard-case-link">
                    {p.row.caseRef}
                  </a>
                  <span class="pd-portal">{portalName(p.row.portal)}</span>
                </th>
                <td>{permitName(lang, p.row.permitType)}</td>
                <td data-testid="dashboard-stage">{stageLabel(lang, p.row)}</td>
                <td class="pw-modes">
                  {p.row.modes.length > 0
                    ? p.row.modes.map((mode) => <ModeBadge key={mode} lang={lang} mode={mode} />)
                    : '—'}
                </td>
                <td data-testid="dashboard-sla" class={`pw-sla pw-sla-${p.sla}`}>
                  {p.sla === 'overdue' ? <span aria-hidden="true">⚠ </span> : null}
                  {slaInWords(lang, p)}
                </td>
                <td>{p.row.officer ? officerName(p.row.officer) : d('dash.noIdentity')}</td>
                <td>{regionName(lang, p.row.region)}</td>
                <td>
                  <time dateTime={p.row.updatedAt}>{timeInWords(lang, p.row.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {more > 0 ? (
        <p>
          <button
            type="button"
            class="pi-button"
            onClick={() => setLimit((n) => n + PAGE_SIZE)}
            data-testid="dash-show-more"
          >
            {d('dash.showMore', { count: more })}
          </button>
        </p>
      ) : null}
    </section>
  );
}
