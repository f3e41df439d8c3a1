/**
 * Portal content script: a view. It asks the background which adapters cover this page,
 * recognises the case page (late content and SPA navigation included), asks for the page's
 * view, renders the overlay in a shadow root, sends the officer's actions and follows changes
 * pushed by the background (another tab, the side panel, the language switch). It never
 * touches IndexedDB (that would be the portal's origin) and never throws into the page.
 *
 * The same bundle runs for the built-in portals (static matches) and for imported adapters
 * (registered at runtime on origins the officer granted).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay } from '../../components/overlay/Overlay';
import { sendRequest } from '../../utils/messaging/client';
import type { PageSetup, Prefs } from '../../utils/messaging/protocol';
import { asCaseChanged, asPrefsChanged } from '../../utils/messaging/push';
import { createCaseController, type PanelState } from '../../utils/overlay/case-controller';
import { portalMatches } from '../../utils/portals/origins';
import { pageKindByPath } from '../../utils/portals/recognise';
import { followPage, waitForRecognition } from '../../utils/portals/wait';
import { type ListBadges, startListBadges } from './badges';
import css from './style.css?inline';

/** Set in the content script's isolated world: a second injection (static + registered) stays idle. */
const LOADED = Symbol.for('pandu-izin.portal');

export default defineContentScript({
  matches: portalMatches(import.meta.env.MODE),
  cssInjectionMode: 'manual',
  // Started before the page is parsed so that a case list's rows get their badge slots while
  // they are parsed, before their first layout (badges.ts explains why that matters for long
  // lists). Everything else waits for DOMContentLoaded.
  runAt: 'document_start',
  main(ctx) {
    const world = globalThis as unknown as Record<symbol, boolean>;
    if (world[LOADED]) return;
    world[LOADED] = true;
    ctx.onInvalidated(() => {
      world[LOADED] = false;
    });

    let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
    let container: HTMLElement | null = null;
    let run: AbortController | null = null;
    let setup: PageSetup | null = null;
    let prefs: Prefs = { language: 'id', dock: 'right' };
    let panel: PanelState = { view: null, error: null, busy: false };
    let badges: ListBadges | null = null;

    const draw = () => {
      if (!container) return;
      render(
        <Overlay
          {...panel}
          prefs={prefs}
          onIntent={(intent) => void controller.enqueue(intent)}
          onPrefs={(patch) => {
            prefs = { ...prefs, ...patch };
            draw();
            void sendRequest('prefs.set', patch);
          }}
          onOpenWorkspace={() => {
            const caseId = panel.view?.case?.id;
            if (!caseId) return;
            void sendRequest('workspace.open', { caseId }).then((answer) => {
              if (answer.ok) return;
              panel = { ...panel, error: answer.error };
              draw();
            });
          }}
        />,
        container,
      );
    };

    const controller = createCaseController({
      send: sendRequest,
      onChange: (state) => {
        panel = state;
        draw();
      },
    });

    const unmount = () => {
      ui?.remove();
      ui = null;
      container = null;
    };

    // `url` comes from the navigation itself: with the Navigation API, WXT announces a
    // change before `location` is updated.
    const refresh = async (url: URL) => {
      run?.abort();
      const current = new AbortController();
      run = current;
      const live = () => !current.signal.aborted && !ctx.isInvalid;
      unmount();
      controller.reset();
      if (!setup) {
        const answer = await sendRequest('page.setup', { url: url.href });
        if (!answer.ok || !live()) return;
        setup = answer.data;
        prefs = answer.data.prefs;
      }
      // A case list gets badges, from the first parsed rows on (badges.ts); they follow the list
      // through its own pages and sorting.
      const list = setup.adapters.find((a) => pageKindByPath(a, url.pathname) === 'case-list');
      if (badges && badges.adapterId !== list?.id) {
        badges.stop();
        badges = null;
      }
      if (list && !badges) badges = startListBadges(list, prefs.language);
      // The rest reads the page as a whole.
      await parsed();
      if (!live()) return;
      const adapter = setup.adapters.find((a) => pageKindByPath(a, url.pathname) === 'case-detail');
      // Unrecognised pages get nothing.
      if (!adapter) return;
      const page = await waitForRecognition(document, adapter, { signal: current.signal });
      if (!page || !live()) return;
      const answer = await sendRequest('page.recognised', page);
      if (!live()) return;
      ui = await mountOverlay(ctx, (el) => {
        container = el;
        controller.show(answer);
      });
      // The page may change under us: a new status, another case rendered in place.
      followPage(
        document,
        adapter,
        page,
        (changed) => {
          void sendRequest('page.recognised', changed).then((again) => {
            if (live()) controller.show(again);
          });
        },
        { signal: current.signal },
      );
    };

    const safeRefresh = (url: URL) =>
      refresh(url).catch((err: unknown) => console.debug('[Pandu Izin] panel not shown:', err));

    const onPush = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const changed = asCaseChanged(message);
      if (changed) {
        controller.adopt(changed.case);
        return Promise.resolve(true);
      }
      const prefsChanged = asPrefsChanged(message);
      if (prefsChanged) {
        prefs = prefsChanged.prefs;
        badges?.setLanguage(prefs.language);
        draw();
        return Promise.resolve(true);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onPush);
    ctx.onInvalidated(() => {
      run?.abort();
      badges?.stop();
      browser.runtime.onMessage.removeListener(onPush);
    });
    ctx.addEventListener(window, 'wxt:locationchange', (event) => safeRefresh(event.newUrl));
    safeRefresh(new URL(location.href));
  },
});

/** Resolves once the page is parsed: inside the DOMContentLoaded task, before the page's next frame. */
function parsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

async function mountOverlay(ctx: ContentScriptContext, onMounted: (container: HTMLElement) => void) {
  const ui = await createShadowRootUi(ctx, {
    name: 'pandu-izin-panel',
    position: 'inline',
    // On <html>, after <body>: a transform or filter on the portal's body would otherwise become
    // the containing block of our fixed panel and move it with the page.
    anchor: 'html',
    append: 'last',
    css,
    // What onMount returns is what WXT hands onRemove: the container, so that removing the UI
    // unmounts the panel and its effects end (the page space it reserved is given back).
    onMount(container) {
      onMounted(container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
