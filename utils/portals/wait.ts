/**
 * Waits for a case page to become recognisable. Portals render late (SPAs fetch after the
 * shell loads), so recognition is retried on DOM changes, debounced, for a bounded time. The
 * observer always disconnects: on success, timeout or abort.
 */
import { recognisePage } from './recognise';
import type { PortalAdapter, RecognisedPage } from './types';

export interface WaitOptions {
  signal: AbortSignal;
  timeoutMs?: number;
  debounceMs?: number;
  adapters?: readonly PortalAdapter[];
}

export function waitForRecognition(
  doc: Document,
  pathname: string,
  { signal, timeoutMs = 10_000, debounceMs = 80, adapters }: WaitOptions,
): Promise<RecognisedPage | null> {
  const attempt = () => recognisePage(doc, pathname, adapters);
  const first = attempt();
  if (first || signal.aborted) return Promise.resolve(first);

  return new Promise((resolve) => {
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const finish = (page: RecognisedPage | null) => {
      observer.disconnect();
      clearTimeout(debounce);
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(page);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        const page = attempt();
        if (page) finish(page);
      }, debounceMs);
    });
    const deadline = setTimeout(() => finish(attempt()), timeoutMs);
    signal.addEventListener('abort', onAbort);
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}
