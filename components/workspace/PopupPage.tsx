/**
 * The toolbar popup: the current tab's case in one glance (permit, case number, stage, modes,
 * checklist progress, SLA) or "no case on this page", and the ways into the side panel and the
 * dashboard.
 *
 * The side panel can only be opened from inside the click (a user gesture), so `openSidePanel`
 * is called synchronously in the handler with the tab already known.
 */
import { useState } from 'preact/hooks';
import { usePrefs } from '../../utils/db/prefs';
import type { PanduDb } from '../../utils/db/schema';
import { type Language, type MessageKey, pick, t } from '../../utils/i18n';
import { tMap } from '../../utils/i18n/activity-map';
import { tWorkspace } from '../../utils/i18n/workspace';
import type { sendRequest } from '../../utils/messaging/client';
import { SlaLine } from '../case/CaseStatusLine';
import { ModeBadge } from '../case/ModeBadge';
import { useLiveCase, useResolvedCase } from './hooks';
import { PageShell } from './PageShell';
import type { CaseSource, TabsApi } from './resolve';

export interface PopupPageProps {
  db: PanduDb;
  send: typeof sendRequest;
  source: Exclude<CaseSource, { kind: 'case' }>;
  tabs: TabsApi | null;
  /** Opens the side panel for the tab; null where the browser has none. Must not await before the API call. */
  openSidePanel: ((tabId: number | null) => Promise<void>) | null;
  openDashboard: () => Promise<unknown>;
  /** Opens the activity map page in a tab (absent: no button). */
  openActivityMap?: () => Promise<unknown>;
}

export function PopupPage({
  db,
  send,
  source,
  tabs,
  openSidePanel,
  openDashboard,
  openActivityMap,
}: PopupPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang = prefs.language;
  const resolved = useResolvedCase(db, source, tabs);
  const [problem, setProblem] = useState<string | null>(null);
  const tabId = resolved.status === 'resolving' ? null : resolved.tabId;

  const onSidePanel = () => {
    setProblem(null);
    if (!openSidePanel) {
      setProblem(tWorkspace(lang, 'popup.panelUnavailable'));
      return;
    }
    openSidePanel(tabId).catch((err: unknown) =>
      setProblem(
        tWorkspace(lang, 'popup.panelFailed', { reason: err instanceof Error ? err.message : String(err) }),
      ),
    );
  };

  return (
    <PageShell
      lang={lang}
      title={tWorkspace(lang, 'popup.title')}
      variant="popup"
      onLanguage={(language) => void changePrefs({ language })}
      languageLocked={prefs.locked?.includes('language')}
    >
      {resolved.status === 'resolving' ? (
        <p class="pi-muted" data-testid="workspace-loading">
          {tWorkspace(lang, 'workspace.loading')}
        </p>
      ) : resolved.status === 'none' ? (
        <PopupNoCase lang={lang} />
      ) : (
        <CaseSummary key={resolved.caseId} lang={lang} db={db} send={send} caseId={resolved.caseId} />
      )}
      <div class="pw-actions">
        <button
          type="button"
          class="pi-button pi-primary"
          data-testid="popup-open-panel"
          disabled={resolved.status === 'resolving'}
          onClick={onSidePanel}
        >
          {tWorkspace(lang, 'popup.openPanel')}
        </button>
        <button
          type="button"
          class="pi-button"
          data-testid="popup-open-dashboard"
          onClick={() => {
            setProblem(null);
            openDashboard().catch((err: unknown) => setProblem(String(err)));
          }}
        >
          {tWorkspace(lang, 'popup.openDashboard')}
        </button>
        {openActivityMap ? (
          <button
            type="button"
            class="pi-button"
            data-testid="popup-open-activity-map"
            onClick={() => {
              setProblem(null);
              openActivityMap().catch((err: unknown) => setProblem(String(err)));
            }}
          >
            {tMap(lang, 'map.open')}
          </button>
        ) : null}
      </div>
      {problem ? (
        <p class="pw-error" role="alert" data-testid="popup-problem">
          {problem}
        </p>
      ) : null}
    </PageShell>
  );
}

function PopupNoCase({ lang }: { lang: Language }) {
  return (
    <div class="pw-empty" data-testid="workspace-no-case">
      <p class="pw-strong">{tWorkspace(lang, 'popup.noCase')}</p>
      <p class="pi-muted">{tWorkspace(lang, 'popup.noCaseHint')}</p>
    </div>
  );
}

function CaseSummary({
  lang,
  db,
  send,
  caseId,
}: {
  lang: Language;
  db: PanduDb;
  send: typeof sendRequest;
  caseId: string;
}) {
  const live = useLiveCase(db, caseId, send);
  if (live.row === null) return <PopupNoCase lang={lang} />;
  if (!live.row || !live.case) {
    return live.loadError ? (
      <p class="pw-error" role="alert" data-testid="workspace-error">
        {tWorkspace(lang, 'workspace.loadFailed', { reason: pick(lang, live.loadError.message) })}
      </p>
    ) : (
      <p class="pi-muted" data-testid="workspace-loading">
        {tWorkspace(lang, 'workspace.loading')}
      </p>
    );
  }
  const { view } = live.case;
  const stage = view.stage;
  return (
    <section
      class="pw-summary pi-ws"
      data-testid="popup-summary"
      aria-label={tWorkspace(lang, 'summary.label')}
    >
      <dl class="pw-summary-list">
        <dt>{tWorkspace(lang, 'summary.permit')}</dt>
        <dd data-testid="popup-permit">{pick(lang, view.permit.name)}</dd>
        <dt>{tWorkspace(lang, 'summary.caseRef')}</dt>
        <dd data-testid="popup-case-ref">{live.row.caseRef}</dd>
        <dt>{tWorkspace(lang, 'summary.stage')}</dt>
        <dd data-testid="popup-stage">
          {stage
            ? tWorkspace(lang, 'summary.stageValue', {
                n: stage.index + 1,
                count: stage.count,
                name: pick(lang, stage.name),
              })
            : t(lang, `status.${view.status}` as MessageKey)}
        </dd>
        {stage && stage.modes.length > 0 ? (
          <>
            <dt>{tWorkspace(lang, 'summary.modes')}</dt>
            <dd data-testid="popup-modes" class="pw-modes">
              {stage.modes.map((mode) => (
                <ModeBadge key={mode} lang={lang} mode={mode} />
              ))}
            </dd>
          </>
        ) : null}
        {stage ? (
          <>
            <dt>{tWorkspace(lang, 'summary.checklist')}</dt>
            <dd data-testid="popup-progress">
              {view.checklist.total > 0
                ? tWorkspace(lang, 'summary.checklistValue', {
                    ticked: view.checklist.ticked,
                    total: view.checklist.total,
                  })
                : tWorkspace(lang, 'summary.checklistNone')}
            </dd>
          </>
        ) : null}
      </dl>
      <SlaLine lang={lang} sla={view.sla} />
    </section>
  );
}
