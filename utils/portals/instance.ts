/**
 * The portal content script's running instance, as seen from its isolated world. The script
 * keeps its context under a global symbol there; a newer instance in the same world finds it to
 * take over, and the background asks whether a tab already has a live one before running the
 * script there again (utils/background/reattach.ts).
 */

/** The key of `Symbol.for` under which the running instance keeps its WXT context. */
export const RUNNING_INSTANCE = 'pandu-izin.portal';

/**
 * In the content script's world: does a live instance of this extension load run here? An
 * instance of an extension that was since reloaded or updated lives in another world (Chrome
 * gives each load its own) and does not count. Self-contained (it uses only its argument), as
 * the background passes it to `scripting.executeScript` as `func`.
 */
export function instanceRunning(key: string): boolean {
  const ctx = (globalThis as unknown as Record<symbol, { isValid?: unknown } | undefined>)[Symbol.for(key)];
  return ctx?.isValid === true;
}
