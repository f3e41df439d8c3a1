/**
 * The supervisor dashboard (DOMAIN.md §6: outputs and deadlines, not presence): every case
 * recorded in this browser, read live from the `cases` index fields (a case is never restored
 * here), filtered by what the URL says; counts by stage × mode, SLA aging in working days, the
 * cases by urgency, each officer's outputs from the event log against the targets, and exports
 * of the filtered view (CSV, signed PDF summary).
 *
 * The numbers come from components/dashboard/model.ts in one pass; the calendar work and the
 * urgency sort happen once per database change, a filter change is one filtering pass.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../../utils/db/live';
import { usePrefs } from '../../utils/db/prefs';
import { type PanduDb, readCaseIndex } from '../../utils/db/schema';
import { getSetting } from '../../utils/db/settings';
import { tMap } from '../../utils/i18n/activity-map';
import { tDashboard } from '../../utils/i18n/dashboard';
import { tWorkspace } from '../../utils/i18n/workspace';
import type { sendRequest } from '../../utils/messaging/client';
import { onCalendarChange, policyCalendar } from '../../utils/policy/calendar';
import { browserTime } from '../../utils/time/zoned';
import { AgingChart } from '../dashboard/AgingChart';
import { CountsTable } from '../dashboard/CountsTable';
import { ExportSection, type ReportSigner } from '../dashboard/ExportSection';
import { Filters } from '../dashboard/Filters';
import { type DashboardFilters, filtersFromQuery, filtersToQuery } from '../dashboard/filters';
import { describeFilters } from '../dashboard/labels';
import { filterOptions, prepareRows, summarize } from '../dashboard/model';
import { OutputsSection } from '../dashboard/OutputsSection';
import { hasTargets, officerLabel, outputsView, weekRange } from '../dashboard/outputs';
import { UrgencyList } from '../dashboard/UrgencyList';
import { TeamSection } from '../team/TeamSection';
import { usePortalNames } from './hooks';
import { PageShell } from './PageShell';

export interface DashboardPageProps {
  db: PanduDb;
  send: typeof sendRequest;
  /** The workspace page for a case (relative to the dashboard). */
  caseUrl?: (caseId: string) => string;
  optionsUrl?: string;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /** Where the filters live: the page's URL (tests pass their own). */
  location?: { search: string; replace: (query: string) => void };
  /** Replaces the lazily loaded PDF signer (tests). */
  signReport?: ReportSigner;
  /** Hands a CSV over (a download by default; tests capture it). */
  saveCsv?: (text: string, fileName: string) => void;
}

const defaultCaseUrl = (caseId: string) => `sidepanel.html?case=${encodeURIComponent(caseId)}`;

const windowLocation = {
  get search() {
    return window.location.search;
  },
  replace(query: string) {
    // In a task of its own, after the filtered view is rendered: replaceState took about 7 ms
    // per change in Chromium here, time the officer would otherwise wait for the new numbers.
    setTimeout(() => window.history.replaceState(null, '', query || window.location.pathname), 0);
  },
};

/** Before this ISO time no event of this week can have been stored (a day of margin for zones). */
const storedSince = (monday: string) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) - 86_400_000).toISOString();

export function DashboardPage({
  db,
  send,
  caseUrl = defaultCaseUrl,
  optionsUrl = 'options.html',
  now = () => new Date(),
  location = windowLocation,
  signReport,
  saveCsv,
}: DashboardPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang = prefs.language;
  const portalName = usePortalNames(db);
  const today = browserTime(now()).date;
  const week = weekRange(today);
  const [filters, setFilters] = useState<DashboardFilters>(() => filtersFromQuery(location.search));

  // The slim index in chunks, not the cases with their snapshots (utils/db/schema.ts says why).
  const rows = useLiveQuery(() => readCaseIndex(db), [db]);
  const events = useLiveQuery(
    () => db.events.where('storedAt').aboveOrEqual(storedSince(week.from)).toArray(),
    [db, week.from],
  );
  const settings = useLiveQuery(
    async () => ({ targets: await getSetting(db, 'targets'), officer: await getSetting(db, 'officer') }),
    [db],
  );

  // Days left are counted again when the agency's policy brings holiday years.
  const [calendarVersion, setCalendarVersion] = useState(0);
  useEffect(() => onCalendarChange(() => setCalendarVersion((n) => n + 1)), []);
  const prepared = useMemo(
    () => (rows ? prepareRows(rows, today, policyCalendar) : undefined),
    [rows, today, calendarVersion],
  );
  const options = useMemo(() => (prepared ? filterOptions(prepared) : undefined), [prepared]);
  const summary = useMemo(() => (prepared ? summarize(prepared, filters) : undefined), [prepared, filters]);
  const identity = settings?.officer;
  const targets = hasTargets(settings?.targets) ? settings?.targets : undefined;
  const outputs = useMemo(
    () => outputsView(events ?? [], today, targets, identity),
    [events, today, targets, identity],
  );
  const officerName = (officer: string) =>
    officerLabel(officer, identity) ?? tDashboard(lang, 'dash.noIdentity');

  const change = (next: DashboardFilters) => {
    setFilters(next);
    location.replace(filtersToQuery(next, location.search));
  };
  const filterWords = describeFilters(lang, filters, officerName);
  const d = (key: Parameters<typeof tDashboard>[1], params?: Record<string, string | number>) =>
    tDashboard(lang, key, params);

  return (
    <PageShell
      lang={lang}
      title={tWorkspace(lang, 'dashboard.title')}
      variant="dashboard"
      onLanguage={(language) => void changePrefs({ language })}
      languageLocked={prefs.locked?.includes('language')}
    >
      <p class="pd-links">
        <a href="activity-map.html" data-testid="dash-activity-map">
          {tMap(lang, 'map.open')}
        </a>
      </p>
      {!prepared || !summary || !options ? (
        <p class="pi-muted" data-testid="workspace-loading">
          {tWorkspace(lang, 'workspace.loading')}
        </p>
      ) : prepared.length === 0 ? (
        <p data-testid="dashboard-empty">{tWorkspace(lang, 'dashboard.empty')}</p>
      ) : (
        <>
          <Filters
            lang={lang}
            filters={filters}
            options={options}
            officerName={officerName}
            onChange={change}
          />
          <div role="status" class="pd-shown" data-testid="dash-shown">
            <p>
              {d('dash.shown', { shown: summary.rows.length, total: prepared.length })}{' '}
              {filterWords.length > 0
                ? d('dash.activeFilters', { list: filterWords.join('; ') })
                : d('dash.noFilters')}
            </p>
          </div>
          {summary.rows.length === 0 ? (
            <p data-testid="dash-no-match">{d('dash.noMatch')}</p>
          ) : (
            <>
              <CountsTable lang={lang} summary={summary} />
              <AgingChart lang={lang} aging={summary.aging} />
              <UrgencyList
                key={filtersToQuery(filters)}
                lang={lang}
                rows={summary.rows}
                caseUrl={caseUrl}
                portalName={portalName}
                officerName={officerName}
              />
            </>
          )}
        </>
      )}
      <OutputsSection
        lang={lang}
        view={outputs}
        targetsSet={targets !== undefined}
        officerName={officerName}
        optionsUrl={optionsUrl}
      />
      <TeamSection db={db} send={send} lang={lang} />
      {summary && summary.rows.length > 0 ? (
        <ExportSection
          lang={lang}
          db={db}
          today={today}
          summary={summary}
          total={prepared?.length ?? 0}
          filterWords={filterWords}
          outputs={outputs}
          targetsSet={targets !== undefined}
          portalName={portalName}
          officerName={officerName}
          {...(signReport ? { signReport } : {})}
          {...(saveCsv ? { saveCsv } : {})}
        />
      ) : null}
    </PageShell>
  );
}
