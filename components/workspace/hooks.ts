/**
 * Preact hooks the extension pages share: which case to show (URL, or the followed tab's
 * binding), the case itself kept live, and portal display names.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Intent } from '../../utils/db/cases';
import { useLiveQuery } from '../../utils/db/live';
import type { CaseRow, PanduDb } from '../../utils/db/schema';
import type { sendRequest } from '../../utils/messaging/client';
import { BUILTIN_ADAPTERS } from '../../utils/portals/builtin';
import { createCaseSession, EMPTY_SESSION, type SessionState } from './case-session';
import { boundCase, type CaseSource, type FollowedTab, followTab, type TabsApi } from './resolve';

export type Resolution =
  | { status: 'resolving' }
  | { status: 'none'; tabId: number | null }
  | { status: 'case'; caseId: string; tabId: number | null };

/** The case a page shows, from its source; follows tab switches, navigation and new bindings. */
export function useResolvedCase(db: PanduDb, source: CaseSource, tabs: TabsApi | null): Resolution {
  const [tab, setTab] = useState<FollowedTab | null>(null);
  const sourceKey =
    source.kind === 'case'
      ? `case:${source.caseId}`
      : source.kind === 'tab'
        ? `tab:${source.tabId}`
        : 'active';
  useEffect(() => {
    setTab(null);
    if (source.kind === 'case') return undefined;
    if (!tabs) {
      setTab({ tabId: null });
      return undefined;
    }
    return followTab(tabs, source, setTab);
  }, [sourceKey, tabs]);
  const tabId = tab?.tabId ?? null;
  // Wrapped so "no binding" (undefined row) is told apart from "not read yet".
  const binding = useLiveQuery(
    async () => ({ tabId, view: tabId === null ? undefined : await db.views.get(tabId) }),
    [db, tabId],
  );

  if (source.kind === 'case') return { status: 'case', caseId: source.caseId, tabId: null };
  if (!tab) return { status: 'resolving' };
  if (tabId === null) return { status: 'none', tabId: null };
  if (!binding || binding.tabId !== tabId) return { status: 'resolving' };
  const caseId = boundCase(binding.view, tab.url);
  return caseId ? { status: 'case', caseId, tabId } : { status: 'none', tabId };
}

export interface LiveCase extends SessionState {
  /** The stored row: undefined while reading, null when there is no such case. */
  row: CaseRow | null | undefined;
  onIntent: (intent: Intent) => void;
}

/**
 * A case kept live: its row from Dexie, its view model from the background, actions queued.
 * One hook instance serves one case: render the component with `key={caseId}`.
 */
export function useLiveCase(db: PanduDb, caseId: string, send: typeof sendRequest): LiveCase {
  const [state, setState] = useState<SessionState>(EMPTY_SESSION);
  const [session] = useState(() => createCaseSession({ caseId, send, onChange: setState }));
  useEffect(() => () => session.close(), [session]);
  const read = useLiveQuery(async () => ({ row: (await db.cases.get(caseId)) ?? null }), [db, caseId]);
  const row = read?.row;
  useEffect(() => {
    if (row === undefined) return;
    void session.seen(row ? { seq: row.seq, indexedOn: row.indexedOn } : null);
  }, [session, row]);
  return { ...state, row, onIntent: (intent) => void session.enqueue(intent) };
}

/** Portal adapter ids to display names: built-ins, then the agency's imported adapters. */
export function usePortalNames(db: PanduDb): (adapterId: string) => string {
  const rows = useLiveQuery(() => db.adapters.toArray(), [db]);
  return useMemo(() => {
    const names = new Map<string, string>(BUILTIN_ADAPTERS.map((a) => [a.id, a.name]));
    for (const row of rows ?? []) {
      const name = (row.definition as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.trim() && !names.has(row.id)) names.set(row.id, name.trim());
    }
    return (adapterId: string) => names.get(adapterId) ?? adapterId;
  }, [rows]);
}
