/**
 * The adapters section's logic, apart from its markup so it can be tested alone: checking an
 * adapter's text here before sending it (the background checks again), importing it, and host
 * access for imported adapters (optional_host_permissions, asked for at runtime).
 */
import type { DataError, LocalizedText } from '../../machines';
import type { AdapterEntry } from '../../utils/background/adapters';
import type { sendRequest } from '../../utils/messaging/client';
import type { ProtocolError } from '../../utils/messaging/protocol';
import { parseAdapterText } from '../../utils/portals/schema';

export type Send = typeof sendRequest;

/** The slice of `browser.permissions` the page uses (faked in tests). */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/** The protocol's limit on an adapter's text (protocol.ts, `adapters.import`), in characters. */
export const MAX_ADAPTER_TEXT = 256 * 1024;

/** One problem as the officer reads it: "path: problem — fix", in both languages. */
export function problemLine(error: DataError): LocalizedText {
  return {
    id: `${error.path}: ${error.problem.id} — ${error.fix.id}`,
    en: `${error.path}: ${error.problem.en} — ${error.fix.en}`,
  };
}

/** What an import attempt came to; `problems` are the lines to list. */
export type ImportOutcome =
  | { kind: 'empty' }
  | { kind: 'too-big' }
  | { kind: 'invalid'; problems: LocalizedText[]; checkedBy: 'page' | 'background' }
  | { kind: 'failed'; error: ProtocolError }
  | { kind: 'imported'; entry: AdapterEntry; replaced: boolean };

/** Problems found here, without asking the background; null when the text passes. */
export function checkAdapterText(text: string): ImportOutcome | null {
  if (text.trim() === '') return { kind: 'empty' };
  if (text.length > MAX_ADAPTER_TEXT) return { kind: 'too-big' };
  const checked = parseAdapterText(text);
  if (!checked.ok) return { kind: 'invalid', problems: checked.errors.map(problemLine), checkedBy: 'page' };
  return null;
}

/**
 * Checks the text, then asks the background to import it. Nothing is sent when the check here
 * fails; a refusal from the background lists its own problems the same way.
 */
export async function importAdapterText(send: Send, text: string): Promise<ImportOutcome> {
  const local = checkAdapterText(text);
  if (local) return local;
  const answer = await send('adapters.import', { text });
  if (answer.ok) return { kind: 'imported', entry: answer.data.entry, replaced: answer.data.replaced };
  if (answer.error.code === 'invalid-adapter' && answer.error.details?.length) {
    return { kind: 'invalid', problems: answer.error.details, checkedBy: 'background' };
  }
  return { kind: 'failed', error: answer.error };
}

/** The name to show for an entry (a broken stored adapter has only its id). */
export function entryName(entry: AdapterEntry): string {
  return entry.adapter?.name ?? entry.id;
}

/** Whether the officer must grant this entry host access: imported adapters only. */
export function needsAccessCheck(entry: AdapterEntry): boolean {
  return entry.origin !== 'builtin' && entry.adapter !== null;
}

/** The entry's match patterns the extension may not run on yet, each checked on its own. */
export async function missingOrigins(api: PermissionsApi, entry: AdapterEntry): Promise<string[]> {
  if (!needsAccessCheck(entry) || !entry.adapter) return [];
  const missing: string[] = [];
  for (const origin of entry.adapter.matches) {
    const granted = await api.contains({ origins: [origin] }).catch(() => false);
    if (!granted) missing.push(origin);
  }
  return missing;
}

export type AccessOutcome =
  | { kind: 'granted' }
  | { kind: 'denied' }
  | { kind: 'sync-failed'; error: ProtocolError };

/**
 * Asks for host access to `origins`, then has the background register the content scripts.
 * Call it straight from the click handler: the browser shows its prompt only during a user
 * gesture, so `request` is called before anything is awaited.
 */
export function grantAccess(api: PermissionsApi, send: Send, origins: string[]): Promise<AccessOutcome> {
  const asked = api.request({ origins });
  return asked.then(
    async (granted): Promise<AccessOutcome> => {
      if (!granted) return { kind: 'denied' };
      const synced = await send('adapters.sync', {});
      return synced.ok ? { kind: 'granted' } : { kind: 'sync-failed', error: synced.error };
    },
    (): AccessOutcome => ({ kind: 'denied' }),
  );
}
