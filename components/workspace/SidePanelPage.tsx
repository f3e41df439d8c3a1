/**
 * The side panel: the case of the active tab (or of the tab or case named in the URL) as a
 * full workspace — the shared CaseWorkspace, kept live from the database, acting through the
 * background — and the case's history with its hash-chain check.
 */
import type { CaseView, ChainCheck, FieldEvidence } from '../../machines';
import { usePrefs } from '../../utils/db/prefs';
import type { PanduDb } from '../../utils/db/schema';
import { type Language, pick } from '../../utils/i18n';
import { tWorkspace } from '../../utils/i18n/workspace';
import type { sendRequest } from '../../utils/messaging/client';
import type { PortalStatus, ProtocolError } from '../../utils/messaging/protocol';
import { CaseWorkspace } from '../case/CaseWorkspace';
import { FieldEvidencePanel } from '../field/FieldEvidence';
import { SignedChecklist } from '../signing/SignedChecklist';
import { CaseHistory } from './CaseHistory';
import { formatTime } from './history';
import { useLiveCase, usePortalNames, useResolvedCase } from './hooks';
import { PageShell } from './PageShell';
import type { CaseSource, TabsApi } from './resolve';

const NO_EVIDENCE: readonly FieldEvidence[] = [];

export interface SidePanelPageProps {
  db: PanduDb;
  send: typeof sendRequest;
  source: CaseSource;
  /** `browser.tabs` (null where there is none, e.g. tests of a fixed case). */
  tabs: TabsApi | null;
  verifyLog: (caseId: string) => Promise<ChainCheck>;
  /** Where "all cases" leads. */
  dashboardUrl: string;
  /** The verify page and the options page (linked from the signed-checklist section). */
  verifyUrl?: string;
  optionsUrl?: string;
}

export function SidePanelPage({
  db,
  send,
  source,
  tabs,
  verifyLog,
  dashboardUrl,
  verifyUrl = 'verify.html',
  optionsUrl = 'options.html',
}: SidePanelPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang = prefs.language;
  const resolved = useResolvedCase(db, source, tabs);
  const portalName = usePortalNames(db);
  const title = tWorkspace(lang, 'workspace.title');

  return (
    <PageShell
      lang={lang}
      title={title}
      variant="sidepanel"
      onLanguage={(language) => void changePrefs({ language })}
      languageLocked={prefs.locked?.includes('language')}
      footer={
        <a href={dashboardUrl} target="_blank" rel="noopener" data-testid="workspace-dashboard-link">
          {tWorkspace(lang, 'workspace.openDashboard')}{' '}
          <span class="pi-sr">{tWorkspace(lang, 'workspace.newTab')}</span>
        </a>
      }
    >
      {resolved.status === 'resolving' ? (
        <p class="pi-muted" data-testid="workspace-loading">
          {tWorkspace(lang, 'workspace.loading')}
        </p>
      ) : resolved.status === 'none' ? (
        <NoCase lang={lang} follows={source.kind === 'active'} />
      ) : (
        <CasePanel
          key={resolved.caseId}
          lang={lang}
          db={db}
          send={send}
          caseId={resolved.caseId}
          portalName={portalName}
          verifyLog={verifyLog}
          links={{ verifyUrl, optionsUrl }}
        />
      )}
    </PageShell>
  );
}

export function NoCase({ lang, follows, caseId }: { lang: Language; follows: boolean; caseId?: string }) {
  return (
    <section class="pw-empty" data-testid="workspace-no-case" aria-labelledby="pw-no-case">
      <h2 id="pw-no-case" class="pw-section-heading">
        {tWorkspace(lang, 'noCase.title')}
      </h2>
      {caseId ? <p>{tWorkspace(lang, 'noCase.unknownCase', { caseId })}</p> : null}
      <p>{tWorkspace(lang, 'noCase.body')}</p>
      {follows ? <p class="pi-muted">{tWorkspace(lang, 'noCase.follow')}</p> : null}
    </section>
  );
}

function CasePanel({
  lang,
  db,
  send,
  caseId,
  portalName,
  verifyLog,
  links,
}: {
  lang: Language;
  db: PanduDb;
  send: typeof sendRequest;
  caseId: string;
  portalName: (adapterId: string) => string;
  verifyLog: (caseId: string) => Promise<ChainCheck>;
  links: { verifyUrl: string; optionsUrl: string };
}) {
  const live = useLiveCase(db, caseId, send);
  const { row } = live;
  if (row === null) return <NoCase lang={lang} follows={false} caseId={caseId} />;
  if (live.loadError && !live.case) {
    return <ErrorBox lang={lang} error={live.loadError} kind="workspace.loadFailed" />;
  }
  if (!row || !live.case) {
    return (
      <p class="pi-muted" data-testid="workspace-loading">
        {tWorkspace(lang, 'workspace.loading')}
      </p>
    );
  }
  return (
    <div class="pw-case" data-testid="workspace-case" data-case-id={caseId} aria-busy={live.busy}>
      <dl class="pw-case-facts">
        <div>
          <dt>{tWorkspace(lang, 'workspace.caseRef')}</dt>
          <dd data-testid="workspace-case-ref">{row.caseRef}</dd>
        </div>
        <div>
          <dt>{tWorkspace(lang, 'workspace.portal')}</dt>
          <dd data-testid="workspace-portal">{portalName(row.portal)}</dd>
        </div>
        <div>
          <dt>{tWorkspace(lang, 'workspace.updated')}</dt>
          <dd data-testid="workspace-updated">
            <time dateTime={row.updatedAt}>{formatTime(lang, row.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      <p class="pw-busy" role="status" data-testid="workspace-busy">
        {live.busy ? tWorkspace(lang, 'workspace.busy') : ''}
      </p>
      {live.error ? <ErrorBox lang={lang} error={live.error} kind="workspace.refused" /> : null}
      <CaseWorkspace
        lang={lang}
        state={live.case}
        variant="workspace"
        onIntent={live.onIntent}
        busy={live.busy}
        portalStatus={lastPortalStatus(live.case.view)}
        stepExtra={(step) =>
          step.needsEvidence ? (
            <FieldEvidencePanel
              lang={lang}
              db={db}
              send={send}
              caseId={caseId}
              step={step}
              evidence={row.snapshot.context.steps[step.id]?.evidence ?? NO_EVIDENCE}
            />
          ) : null
        }
      />
      <SignedChecklist
        lang={lang}
        db={db}
        send={send}
        state={live.case}
        caseRef={row.caseRef}
        portal={portalName(row.portal)}
        {...links}
      />
      <CaseHistory
        lang={lang}
        db={db}
        caseId={caseId}
        permitType={row.permitType}
        portalName={portalName}
        verifyLog={verifyLog}
      />
    </div>
  );
}

/** The portal status the case last saw (the side panel is not on the portal page itself). */
function lastPortalStatus(view: CaseView): PortalStatus | null {
  const seen = view.portal;
  if (!seen) return null;
  return {
    label: seen.status,
    ...(seen.stageId ? { stageId: seen.stageId } : {}),
    ...(seen.outcome ? { outcome: seen.outcome } : {}),
  };
}

function ErrorBox({
  lang,
  error,
  kind,
}: {
  lang: Language;
  error: ProtocolError;
  kind: 'workspace.refused' | 'workspace.loadFailed';
}) {
  return (
    <div class="pw-error" role="alert" data-testid="workspace-error" data-code={error.code}>
      <p>
        <span aria-hidden="true">⚠ </span>
        {tWorkspace(lang, kind, { reason: pick(lang, error.message) })}
      </p>
      {error.details?.map((d) => (
        <p key={d.en}>{pick(lang, d)}</p>
      ))}
    </div>
  );
}
