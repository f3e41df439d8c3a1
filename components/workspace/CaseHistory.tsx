/**
 * A case's history: every log entry as a sentence with its time, author and number, and the
 * result of checking the hash chain (re-checked whenever the log changes). A broken chain is
 * said in words with where and why, never by colour alone.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { type ChainCheck, findDefinition } from '../../machines';
import { useLiveQuery } from '../../utils/db/live';
import type { PanduDb } from '../../utils/db/schema';
import { type Language, pick } from '../../utils/i18n';
import { tWorkspace } from '../../utils/i18n/workspace';
import { describeLog, formatTime } from './history';

export interface CaseHistoryProps {
  lang: Language;
  db: PanduDb;
  caseId: string;
  permitType: string;
  portalName: (adapterId: string) => string;
  verifyLog: (caseId: string) => Promise<ChainCheck>;
}

export function CaseHistory({ lang, db, caseId, permitType, portalName, verifyLog }: CaseHistoryProps) {
  const headingId = useId();
  const entries = useLiveQuery(
    () => db.events.where('[caseId+seq]').between([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER]).toArray(),
    [db, caseId],
  );
  const [check, setCheck] = useState<ChainCheck | null>(null);
  useEffect(() => {
    if (!entries) return undefined;
    let current = true;
    setCheck(null);
    verifyLog(caseId)
      .then((result) => {
        if (current) setCheck(result);
      })
      .catch((err: unknown) => {
        if (!current) return;
        const why = err instanceof Error ? err.message : String(err);
        setCheck({ ok: false, index: 0, problem: { id: why, en: why } });
      });
    return () => {
      current = false;
    };
  }, [entries, caseId, verifyLog]);

  const lines = entries
    ? describeLog(lang, entries, { definition: findDefinition(permitType), portalName })
    : [];

  return (
    <section class="pw-history" aria-labelledby={headingId} data-testid="history">
      <h2 id={headingId} class="pw-section-heading">
        {tWorkspace(lang, 'history.title')}
      </h2>
      <p class="pi-muted">{tWorkspace(lang, 'history.hint')}</p>
      <p
        class={`pw-chain pw-chain-${check === null ? 'checking' : check.ok ? 'ok' : 'broken'}`}
        role="status"
        data-testid="history-verify"
        data-ok={check === null ? undefined : String(check.ok)}
      >
        {check === null ? (
          tWorkspace(lang, 'history.checking')
        ) : check.ok ? (
          <>
            <span aria-hidden="true">✓ </span>
            {tWorkspace(lang, 'history.intact', { count: check.length })}
          </>
        ) : (
          <>
            <span aria-hidden="true">⚠ </span>
            {tWorkspace(lang, 'history.broken', { n: check.index + 1, problem: pick(lang, check.problem) })}
          </>
        )}
      </p>
      {entries && lines.length === 0 ? <p>{tWorkspace(lang, 'history.empty')}</p> : null}
      <ol class="pw-history-list" data-testid="history-list">
        {lines.map((line, i) => (
          <li
            key={line.id}
            class="pw-history-entry"
            data-testid="history-entry"
            data-seq={line.seq}
            data-type={entries?.[i]?.event?.type ?? 'case.opened'}
          >
            <p class="pw-history-what">{line.what}</p>
            <p class="pw-history-meta">
              <span>{tWorkspace(lang, 'history.seq', { seq: line.seq })}</span>
              {' · '}
              <time dateTime={line.at}>{formatTime(lang, line.at)}</time>
              {' · '}
              <span>{line.who}</span>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
