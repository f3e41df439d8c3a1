/**
 * The dashboard, first version: every case recorded in this browser as one table, read live
 * from the index fields of the `cases` table, nearest deadline first. Each case number leads
 * to the case's workspace (the side panel page, opened for that case).
 */
import { useLiveQuery } from '../../utils/db/live';
import { usePrefs } from '../../utils/db/prefs';
import type { PanduDb } from '../../utils/db/schema';
import { tWorkspace } from '../../utils/i18n/workspace';
import type { sendRequest } from '../../utils/messaging/client';
import { ModeBadge } from '../case/ModeBadge';
import { TeamSection } from '../team/TeamSection';
import { permitName, slaLabel, sortCases, stageLabel } from './dashboard';
import { formatTime } from './history';
import { usePortalNames } from './hooks';
import { PageShell } from './PageShell';

export interface DashboardPageProps {
  db: PanduDb;
  send: typeof sendRequest;
  /** The workspace page for a case (relative to the dashboard). */
  caseUrl?: (caseId: string) => string;
}

const defaultCaseUrl = (caseId: string) => `sidepanel.html?case=${encodeURIComponent(caseId)}`;

export function DashboardPage({ db, send, caseUrl = defaultCaseUrl }: DashboardPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang = prefs.language;
  const portalName = usePortalNames(db);
  const rows = useLiveQuery(async () => sortCases(await db.cases.toArray()), [db]);
  const w = (key: Parameters<typeof tWorkspace>[1], params?: Record<string, string | number>) =>
    tWorkspace(lang, key, params);

  return (
    <PageShell
      lang={lang}
      title={w('dashboard.title')}
      variant="dashboard"
      onLanguage={(language) => void changePrefs({ language })}
    >
      {rows === undefined ? (
        <p class="pi-muted" data-testid="workspace-loading">
          {w('workspace.loading')}
        </p>
      ) : rows.length === 0 ? (
        <p data-testid="dashboard-empty">{w('dashboard.empty')}</p>
      ) : (
        <div class="pw-table-wrap">
          <table class="pw-table" data-testid="dashboard-table">
            <caption data-testid="dashboard-caption">
              {w('dashboard.caption', { count: rows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{w('dashboard.col.caseRef')}</th>
                <th scope="col">{w('dashboard.col.portal')}</th>
                <th scope="col">{w('dashboard.col.permit')}</th>
                <th scope="col">{w('dashboard.col.stage')}</th>
                <th scope="col">{w('dashboard.col.modes')}</th>
                <th scope="col">{w('dashboard.col.sla')}</th>
                <th scope="col">{w('dashboard.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="dashboard-row" data-case-id={row.id} data-sla={row.slaStatus}>
                  <th scope="row">
                    <a href={caseUrl(row.id)} data-testid="dashboard-case-link">
                      {row.caseRef}
                    </a>
                  </th>
                  <td>{portalName(row.portal)}</td>
                  <td>{permitName(lang, row.permitType)}</td>
                  <td data-testid="dashboard-stage">{stageLabel(lang, row)}</td>
                  <td class="pw-modes">
                    {row.modes.length > 0
                      ? row.modes.map((mode) => <ModeBadge key={mode} lang={lang} mode={mode} />)
                      : w('dashboard.noModes')}
                  </td>
                  <td data-testid="dashboard-sla" class={`pw-sla pw-sla-${row.slaStatus}`}>
                    {slaLabel(lang, row)}
                  </td>
                  <td>
                    <time dateTime={row.updatedAt}>{formatTime(lang, row.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TeamSection db={db} send={send} lang={lang} />
    </PageShell>
  );
}
