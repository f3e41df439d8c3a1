/**
 * Portal content script: a view. It recognises the case page, asks the background for the
 * page's view, renders the panel in a shadow root, sends the officer's actions and follows
 * changes pushed by the background (another tab, the side panel). It never touches IndexedDB
 * (that would be the portal's origin) and never throws into the page.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CasePanel } from '../../components/CasePanel';
import { sendRequest } from '../../utils/messaging/client';
import { asCaseChanged } from '../../utils/messaging/push';
import { createCaseController } from '../../utils/overlay/case-controller';
import { portalMatches } from '../../utils/portals/origins';
import { waitForRecognition } from '../../utils/portals/wait';
import './style.css';

export default defineContentScript({
  matches: portalMatches(import.meta.env.MODE),
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let container: HTMLElement | null = null;
    let run: AbortController | null = null;

    const controller = createCaseController({
      send: sendRequest,
      onChange: (state) => {
        if (container)
          render(<CasePanel {...state} onIntent={(intent) => void controller.enqueue(intent)} />, container);
      },
    });

    // `pathname` comes from the navigation itself: with the Navigation API, WXT announces a
    // change before `location` is updated.
    const refresh = async (pathname: string) => {
      run?.abort();
      const current = new AbortController();
      run = current;
      ui?.remove();
      ui = null;
      container = null;
      controller.reset();
      const page = await waitForRecognition(document, pathname, { signal: current.signal });
      if (!page || current.signal.aborted || ctx.isInvalid) return;
      const answer = await sendRequest('page.recognised', page);
      if (current.signal.aborted || ctx.isInvalid) return;
      ui = await mountPanel(ctx, (el) => {
        container = el;
        controller.show(answer);
      });
    };

    const safeRefresh = (pathname: string) =>
      refresh(pathname).catch((err: unknown) => console.debug('[Pandu Izin] panel not shown:', err));

    const onPush = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const changed = asCaseChanged(message);
      if (!changed) return undefined;
      controller.adopt(changed.case);
      return Promise.resolve(true);
    };
    browser.runtime.onMessage.addListener(onPush);
    ctx.onInvalidated(() => {
      run?.abort();
      browser.runtime.onMessage.removeListener(onPush);
    });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => safeRefresh(event.newUrl.pathname));
    safeRefresh(location.pathname);
  },
});

async function mountPanel(ctx: ContentScriptContext, onMounted: (container: HTMLElement) => void) {
  const ui = await createShadowRootUi(ctx, {
    name: 'pandu-izin-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      onMounted(container);
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
