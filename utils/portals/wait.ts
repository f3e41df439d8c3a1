/**
 * Waiting for and following a case page. Portals render late (SPAs fetch after the shell
 * loads) and change under us (a status updated after an officer's click), so recognition is
 * retried on DOM changes, debounced. Every observer is scoped to the page body, and always
 * disconnects: on success, timeout or abort.
 */
import { readDetail } from './recognise';
import type { PortalAdapter, RecognisedPage } from './types';

export interface WaitOptions {
  signal: AbortSignal;
  timeoutMs?: number;
  debounceMs?: number;
}

/** Observes `doc`'s body for changes, debounced; `onSettled` runs after each quiet period. */
function observe(doc: Document, debounceMs: number, onSettled: () => void): () => void {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(debounce);
    debounce = setTimeout(onSettled, debounceMs);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    clearTimeout(debounce);
  };
}

/** Resolves with the page once `read` gives one, or with the last attempt at the deadline. */
export function waitFor<T>(
  doc: Document,
  read: () => T | null,
  { signal, timeoutMs = 10_000, debounceMs = 80 }: WaitOptions,
): Promise<T | null> {
  const first = safely(read);
  if (first !== null || signal.aborted) return Promise.resolve(first);
  return new Promise((resolve) => {
    const finish = (value: T | null) => {
      stop();
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    const stop = observe(doc, debounceMs, () => {
      const value = safely(read);
      if (value !== null) finish(value);
    });
    const deadline = setTimeout(() => finish(safely(read)), timeoutMs);
    signal.addEventListener('abort', onAbort);
  });
}

/** Waits for a case-detail page of `adapter` to show its case. */
export function waitForRecognition(
  doc: Document,
  adapter: PortalAdapter,
  options: WaitOptions,
): Promise<RecognisedPage | null> {
  return waitFor(doc, () => readDetail(doc, adapter), options);
}

/** What identifies a page's reading: when it changes, the background hears about it again. */
export function fingerprint(page: RecognisedPage): string {
  return JSON.stringify([page.caseRef, page.permitLabel, page.statusLabel, page.documents, page.missing]);
}

/**
 * Follows a recognised page while it is shown: when what it says changes (another case
 * rendered without a URL change, a new status, documents added), `onChange` gets the new
 * reading. Stops on abort.
 */
export function followPage(
  doc: Document,
  adapter: PortalAdapter,
  shown: RecognisedPage,
  onChange: (page: RecognisedPage) => void,
  { signal, debounceMs = 300 }: { signal: AbortSignal; debounceMs?: number },
): void {
  if (signal.aborted) return;
  let last = fingerprint(shown);
  const stop = observe(doc, debounceMs, () => {
    const page = safely(() => readDetail(doc, adapter));
    if (!page) return;
    const now = fingerprint(page);
    if (now === last) return;
    last = now;
    onChange(page);
  });
  signal.addEventListener('abort', stop, { once: true });
}

/** Recognition must never throw into the page: a failure reads as "nothing recognised". */
function safely<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
