/**
 * The officer's view preferences (language, dock side) for extension pages: read live from the
 * settings table, so a switch made anywhere (overlay, options, side panel) shows everywhere at
 * once; changed through the background, which also tells the portal tabs.
 */
import { sendRequest } from '../messaging/client';
import type { Prefs } from '../messaging/protocol';
import { useLiveQuery } from './live';
import type { PanduDb } from './schema';
import { DEFAULT_PREFS, readPrefs } from './settings';

export { readPrefs };

/** `[prefs, change]`: prefs are the defaults until the first read completes. */
export function usePrefs(
  db: PanduDb,
  send: typeof sendRequest = sendRequest,
): [Prefs, (patch: Partial<Prefs>) => Promise<void>] {
  const prefs = useLiveQuery(() => readPrefs(db), [db]) ?? { ...DEFAULT_PREFS };
  const change = async (patch: Partial<Prefs>) => {
    await send('prefs.set', patch);
  };
  return [prefs, change];
}
