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
import { CasePanel, type CasePanelProps } from '../../components/CasePanel';
import type { Intent } from '../../utils/db/cases';
import { sendRequest } from '../../utils/messaging/client';
import type { CaseState, PageView, ProtocolError } from '../../utils/messaging/protocol';
import { asCaseChanged } from '../../utils/messaging/push';
import { portalMatches } from '../../utils/portals/origins';
import { waitForRecognition } from '../../utils/portals/wait';
import './style.css';

interface PanelState {
  view: PageView | null;
  error: ProtocolError | null;
  busy: boolean;
}

export default defineContentScript({
  matches: portalMatches(import.meta.env.MODE),
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let container: HTMLElement | null = null;
    let run: AbortController | null = null;
    let state: PanelState = { view: null, error: null, busy: false };

    // Actions run one after another, each against the newest state the previous one left.
    let queue: Promise<void> = Promise.resolve();
    let pending = 0;
    const enqueue = (intent: Intent) => {
      const caseId = state.view?.case?.id;
      if (!caseId) return;
      pending++;
      update({ busy: true });
      queue = queue
        .then(() => act(caseId, intent))
        .catch(quiet)
        .finally(() => {
          pending--;
          update({ busy: pending > 0 });
        });
    };

    const draw = () => {
      if (!container) return;
      const props: CasePanelProps = { ...state, onIntent: enqueue };
      render(<CasePanel {...props} />, container);
    };
    const update = (next: Partial<PanelState>) => {
      state = { ...state, ...next };
      draw();
    };
    /** Newer states only: pushes and answers can arrive in any order. */
    const adopt = (incoming: CaseState) => {
      const current = state.view?.case;
      if (!state.view || !current || current.id !== incoming.id || incoming.seq < current.seq) return;
      update({ view: { ...state.view, case: incoming } });
    };

    async function act(caseId: string, intent: Intent) {
      const current = state.view?.case;
      // The officer may have moved on to another case while this waited.
      if (current?.id !== caseId) return;
      update({ error: null });
      // One id per action: if the worker was restarting and the message is sent again, the
      // background applies it once.
      const request = { caseId: current.id, eventId: crypto.randomUUID(), expectedSeq: current.seq, intent };
      let answer = await sendRequest('case.intent', request);
      if (!answer.ok && answer.error.code === 'internal') answer = await sendRequest('case.intent', request);
      if (answer.ok) {
        adopt(answer.data.case);
        return;
      }
      update({ error: answer.error });
      // A conflict or refusal: show what the case looks like now.
      const fresh = await sendRequest('case.view', { caseId: current.id });
      if (fresh.ok) adopt(fresh.data);
    }

    // `pathname` comes from the navigation itself: with the Navigation API, WXT announces a
    // change before `location` is updated.
    const refresh = async (pathname: string) => {
      run?.abort();
      const current = new AbortController();
      run = current;
      ui?.remove();
      ui = null;
      container = null;
      state = { view: null, error: null, busy: false };
      pending = 0;
      const page = await waitForRecognition(document, pathname, { signal: current.signal });
      if (!page || current.signal.aborted || ctx.isInvalid) return;
      const answer = await sendRequest('page.recognised', page);
      if (current.signal.aborted || ctx.isInvalid) return;
      state = answer.ok
        ? { view: answer.data, error: null, busy: false }
        : { view: null, error: answer.error, busy: false };
      ui = await mountPanel(ctx, (el) => {
        container = el;
        draw();
      });
    };

    const quiet = (err: unknown) => console.debug('[Pandu Izin] panel not updated:', err);
    const safeRefresh = (pathname: string) => refresh(pathname).catch(quiet);

    const onPush = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const changed = asCaseChanged(message);
      if (!changed) return undefined;
      adopt(changed.case);
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
