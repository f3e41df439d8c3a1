/**
 * Portal content script: a view. It asks the background which adapters cover this page,
 * recognises the case page (late content and SPA navigation included), asks for the page's
 * view, renders the overlay in a shadow root, sends the officer's actions and follows changes
 * pushed by the background (another tab, the side panel, the language switch). It never
 * touches IndexedDB (that would be the portal's origin) and never throws into the page.
 *
 * The same bundle runs for the built-in portals (static matches) and for imported adapters
 * (registered at runtime on origins the officer granted), and is run again by the background in
 * tabs that were open before an install or update (utils/background/reattach.ts).
 *
 * One instance at a time. When an instance starts, WXT's context tells any older instance of
 * this script in the page to stop (a DOM event dispatched synchronously before `main`, which
 * reaches instances in other isolated worlds too: after a reload Chrome gives the new script a
 * new world). The older one then cleans up: its overlay (shadow host, page-space reservation),
 * badge slots, observers, listeners and timers go, and the newer one attaches afresh. An
 * instance whose extension was updated, reloaded or removed (its context invalidated) also
 * notices on its next failed request and cleans up the same way. Nothing is thrown into the page.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay } from '../../components/overlay/Overlay';
import { sendRequest } from '../../utils/messaging/client';
import type {
  MessageType,
  PageSetup,
  Prefs,
  RequestOf,
  ResponseOf,
  Result,
} from '../../utils/messaging/protocol';
import { asCaseChanged, asPrefsChanged } from '../../utils/messaging/push';
import { createCaseController, type PanelState } from '../../utils/overlay/case-controller';
import { RUNNING_INSTANCE } from '../../utils/portals/instance';
import { portalMatches } from '../../utils/portals/origins';
import { pageKindByPath } from '../../utils/portals/recognise';
import { followPage, waitForRecognition } from '../../utils/portals/wait';
import { type ListBadges, startListBadges } from './badges';
import css from './style.css?inline';

/** The running instance's context, kept in the content script's isolated world. */
const RUNNING = Symbol.for(RUNNING_INSTANCE);

export default defineContentScript({
  matches: portalMatches(import.meta.env.MODE),
  cssInjectionMode: 'manual',
  // Started before the page is parsed so that a case list's rows get their badge slots while
  // they are parsed, before their first layout (badges.ts explains why that matters for long
  // lists). Everything else waits for DOMContentLoaded.
  runAt: 'document_start',
  main(ctx) {
    // A second injection into the same world (static and registered script on one page, or the
    // file run again in a tab: the background checks first, but a tab may be loading meanwhile)
    // takes over: WXT has already stopped the older instance; one that missed it is stopped
    // here, so two never run side by side. The background reads the same key (instance.ts).
    const world = globalThis as unknown as Record<symbol, ContentScriptContext | undefined>;
    const previous = world[RUNNING];
    world[RUNNING] = ctx;
    if (previous && previous !== ctx && !previous.isInvalid) previous.abort('superseded');
    ctx.onInvalidated(() => {
      if (world[RUNNING] === ctx) world[RUNNING] = undefined;
    });

    /**
     * Every request of this instance. One that gets no answer may mean the extension was
     * updated, reloaded or removed under this page: reading `ctx.isInvalid` notices that (the
     * runtime id is gone) and runs the clean-up below.
     */
    const send = async <T extends MessageType>(
      type: T,
      payload: RequestOf<T>,
    ): Promise<Result<ResponseOf<T>>> => {
      const answer = await sendRequest(type, payload);
      if (!answer.ok && answer.error.code === 'internal' && ctx.isInvalid) {
        console.debug('[Pandu Izin] the extension was updated or removed: this page’s panel is closed.');
      }
      return answer;
    };

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
            void send('prefs.set', patch);
          }}
          onOpenWorkspace={() => {
            const caseId = panel.view?.case?.id;
            if (!caseId) return;
            void send('workspace.open', { caseId }).then((answer) => {
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
      send,
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
        const answer = await send('page.setup', { url: url.href });
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
      if (list && !badges) badges = startListBadges(list, prefs.language, send);
      // The rest reads the page as a whole.
      await parsed();
      if (!live()) return;
      const adapter = setup.adapters.find((a) => pageKindByPath(a, url.pathname) === 'case-detail');
      // Unrecognised pages get nothing.
      if (!adapter) return;
      const page = await waitForRecognition(document, adapter, { signal: current.signal });
      if (!page || !live()) return;
      const answer = await send('page.recognised', page);
      if (!live()) return;
      const mounted = await mountOverlay(ctx, live, (el) => {
        container = el;
        controller.show(answer);
      });
      if (!mounted) return;
      ui = mounted;
      // The page may change under us: a new status, another case rendered in place.
      followPage(
        document,
        adapter,
        page,
        (changed) => {
          void send('page.recognised', changed).then((again) => {
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
    // This instance ends (a newer one started, or the extension went away): everything it put in
    // the page or hooked into goes. Each step on its own, so that one failing (an API of an
    // invalidated context) neither stops the others nor reaches the page.
    ctx.onInvalidated(() => {
      const quietly = (step: () => void) => {
        try {
          step();
        } catch (err) {
          console.debug('[Pandu Izin] clean-up step failed:', err);
        }
      };
      quietly(() => run?.abort());
      quietly(() => badges?.remove());
      badges = null;
      quietly(unmount);
      quietly(() => browser.runtime.onMessage.removeListener(onPush));
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

/** Makes and mounts the panel; null (nothing mounted) when `live` says the page or this instance moved on meanwhile. */
async function mountOverlay(
  ctx: ContentScriptContext,
  live: () => boolean,
  onMounted: (container: HTMLElement) => void,
) {
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
  // Made while the page changed, or while a newer instance took over: never shown (the
  // context's clean-up, registered too late, would not remove it).
  if (!live()) return null;
  ui.mount();
  return ui;
}
