/**
 * Portal content script: a view. It recognises the case page, asks the background for the
 * case's view model and renders the panel in a shadow root. It never touches IndexedDB (that
 * would be the portal's origin) and never throws into the page.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CasePanel } from '../../components/CasePanel';
import { sendRequest } from '../../utils/messaging/client';
import { portalMatches } from '../../utils/portals/origins';
import { waitForRecognition } from '../../utils/portals/wait';
import './style.css';

export default defineContentScript({
  matches: portalMatches(import.meta.env.MODE),
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let run: AbortController | null = null;

    // `pathname` comes from the navigation itself: with the Navigation API, WXT announces a
    // change before `location` is updated.
    const refresh = async (pathname: string) => {
      run?.abort();
      const current = new AbortController();
      run = current;
      ui?.remove();
      ui = null;
      const page = await waitForRecognition(document, pathname, { signal: current.signal });
      if (!page || current.signal.aborted || ctx.isInvalid) return;
      const answer = await sendRequest('page.recognised', page);
      if (current.signal.aborted || ctx.isInvalid) return;
      ui = await mountPanel(ctx, answer.ok ? { view: answer.data } : { view: null, error: answer.error });
    };

    const safeRefresh = (pathname: string) => {
      refresh(pathname).catch((err: unknown) => console.debug('[Pandu Izin] panel not shown:', err));
    };
    ctx.addEventListener(window, 'wxt:locationchange', (event) => safeRefresh(event.newUrl.pathname));
    ctx.onInvalidated(() => run?.abort());
    safeRefresh(location.pathname);
  },
});

async function mountPanel(ctx: ContentScriptContext, props: Parameters<typeof CasePanel>[0]) {
  const ui = await createShadowRootUi(ctx, {
    name: 'pandu-izin-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      render(<CasePanel {...props} />, container);
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
