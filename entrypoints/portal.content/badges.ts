/**
 * Stage badges on a portal's case list: plain DOM (no Preact) to keep the content script small.
 * Each badge is a `<pandu-izin-badge>` host in the row's status cell (the last cell when the
 * list has no status column) with its own open shadow root, so portal CSS cannot reach it, and
 * one shared style sheet. The background computes every text in both languages (list.badges);
 * here rows are read and sent in chunks, and a MutationObserver follows rows the portal adds,
 * re-sorts or changes without a rescan (each row remembers what was read from it). Nothing here
 * throws into the page.
 *
 * Why slots (measured in Chromium on the 5,000-row demo list; test/e2e/badges-scale.spec.ts):
 * - Any layout change inside a table of thousands of rows makes the browser lay out the whole
 *   table again (over a second here), so a badge must never change the table's layout once the
 *   table is on screen. Each row therefore gets an empty slot of fixed size as soon as the row is
 *   seen: while the page is parsed (the content script starts at document_start; the rows parsed
 *   so far at the start of each frame), or in the same task in which an SPA renders its rows.
 *   The table is first laid out with the slots in it.
 * - A slot holds a box positioned absolutely at the slot's place, whose layout fragment belongs
 *   to the containing block outside the table, and in it a contained box of fixed size that the
 *   browser lays out on its own: the badge. Drawn into boxes in the cells' flow, every frame cost
 *   50–60 ms (the table's layout records are rebuilt around each change).
 * - Drawing a badge sets attributes only (its name, reference, focusability): no layout, no
 *   paint, so all 5,000 are named and reachable by Tab within a few seconds. Its visible parts
 *   are made for the slots within a screen's height of the viewport, REVEAL_BUDGET per frame
 *   (on scroll, resize, or when one is focused or pointed at), and laid out once, on their own.
 *   Found by bisection over each table's slots rather than by observing them: an intersection
 *   observer, or content-visibility: auto (which uses one), recomputed 5,000 boxes on every
 *   frame, 15–29 ms.
 * - Badges are drawn in a task of their own after each frame, so our script and the browser's
 *   rendering never add up to one long task. The very first badge is drawn alone, so that its
 *   one-time costs (style sheet, fonts) get a frame of their own.
 * - Still a standing cost on very long lists: each frame that lays the page out or scrolls it
 *   places and paints the 5,000 floating boxes (51–83 ms per such frame on the demo list, against
 *   under 50 ms without the extension).
 * Where a scrolling or clipping box sits between the table and the floating box's containing
 * block, a floating badge would not scroll with the table: there the box stays in the cell's
 * flow (correct, somewhat slower).
 */
import { ICONS } from '../../components/case/ModeBadge';
import type { BadgeView } from '../../utils/badges/present';
import { createScheduler } from '../../utils/badges/scheduler';
import type { Language } from '../../utils/i18n/core';
import { sendRequest } from '../../utils/messaging/client';
import { listRowReader } from '../../utils/portals/recognise';
import type { PortalAdapter } from '../../utils/portals/schema';
import type { ListRow } from '../../utils/portals/types';
import css from './badges.css?inline';

const TAG = 'pandu-izin-badge';
/** The box inside each slot that a badge is drawn into. */
const BOX = 'slot';
/** Rows read and sent per task, and badges drawn per task after a frame (each well under 50 ms). */
export const READ_BUDGET = 100;
export const WRITE_BUDGET = 100;
/** Badges shown (laid out for the first time) per frame. */
export const REVEAL_BUDGET = 16;

type Reader = ReturnType<typeof listRowReader>;

export interface ListBadges {
  setLanguage(lang: Language): void;
  /** Stops following the list; the badges drawn stay. */
  stop(): void;
  /**
   * Stops and takes every badge slot out of the page: this script's context ended (an update
   * or reload of the extension), and a newer instance, if one starts, makes its own.
   */
  remove(): void;
  readonly adapterId: string;
}

/** After the next frame, in a task of its own (not inside the frame's rendering task). */
const afterFrame = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));
const later = (fn: () => void) => setTimeout(fn, 0);
const warn = (err: unknown) => console.debug('[Pandu Izin] badge skipped:', err);

export function startListBadges(
  adapter: PortalAdapter,
  initial: Language,
  send: typeof sendRequest = sendRequest,
): ListBadges {
  const selector = adapter.pages.caseList?.rows ?? '';
  let lang = initial;
  let stopped = false;
  /** What was last read from (and requested for) a row, and the badge that came back for it. */
  const readKey = new WeakMap<Element, string>();
  const known = new WeakMap<Element, BadgeView>();
  const readers = new WeakMap<Element, Reader>();
  /** Per table: may a badge float above its cell (see the file comment)? */
  const floats = new WeakMap<Element, boolean>();
  /** The slot we made for a row, and the badge drawn in a slot. */
  const slots = new WeakMap<Element, Element>();
  const views = new WeakMap<Element, BadgeView>();
  /** Slots whose badge has its visible parts (it came near the viewport). */
  const shown = new WeakSet<Element>();

  const readerFor = (table: Element): Reader => {
    let reader = readers.get(table);
    if (!reader) {
      reader = listRowReader(table, adapter);
      readers.set(table, reader);
    }
    return reader;
  };

  /** Tables with badges drawn, for finding the slots near the viewport (`nearViewport`). */
  const tables = new Set<Element>();

  /** The row's slot, made (empty) if it has none; null when the row has no cell for it yet. */
  function slot(row: Element): Element | null {
    const existing = hostIn(row);
    if (existing) return existing;
    const table = row.closest('table');
    if (!table) return null;
    const reader = readerFor(table);
    const cell = row.children[reader.statusColumn ?? row.children.length - 1] ?? row.lastElementChild;
    if (!cell) return null;
    const host = newSlot();
    if (floats.get(table) === false) host.setAttribute('data-flow', '');
    cell.append(host);
    slots.set(row, host);
    return host;
  }

  /** The row's slot: the one we made when it is still in one of the row's cells (checked without a search), else any. */
  function hostIn(row: Element): Element | null {
    const made = slots.get(row);
    if (made && made.parentElement?.parentElement === row) return made;
    return row.querySelector(TAG);
  }

  const slotAll = (rows: Iterable<Element>) => {
    for (const row of rows) {
      try {
        slot(row);
      } catch (err) {
        warn(err);
      }
    }
  };

  const writes = createScheduler<[Element, BadgeView]>({
    budget: WRITE_BUDGET,
    // The first badge alone: its one-time costs (style sheet, fonts) get a frame of their own.
    first: 1,
    next: afterFrame,
    onError: warn,
    work(chunk) {
      for (const [row, view] of chunk) {
        try {
          draw(row, view);
        } catch (err) {
          warn(err);
        }
      }
      // Drawing set attributes only, so finding the slots near the viewport costs no layout.
      reveal(nearViewport());
    },
  });

  const rerender = createScheduler<Element>({
    budget: WRITE_BUDGET,
    next: afterFrame,
    onError: warn,
    work: (hosts) => hosts.forEach(render),
  });

  const reads = createScheduler<Element>({
    budget: READ_BUDGET,
    next: later,
    onError: warn,
    work: readAndAsk,
  });

  async function readAndAsk(chunk: Element[]) {
    const asked: [Element, ListRow, string][] = [];
    const ready: [Element, BadgeView][] = [];
    for (const row of chunk) {
      if (stopped || !row.isConnected) continue;
      const table = row.closest('table');
      const listed = table ? readerFor(table)(row) : null;
      if (!listed) continue;
      const key = Object.values(listed).join('\u0001');
      if (readKey.get(row) === key) {
        // Same text as before (or its answer is on its way): a slot the portal replaced with a
        // re-rendered cell is drawn again from what we already know, without asking.
        const host = hostIn(row);
        const view = known.get(row);
        if (view && !(host && views.has(host))) ready.push([row, view]);
        continue;
      }
      readKey.set(row, key);
      asked.push([row, listed, key]);
    }
    if (ready.length) writes.add(ready);
    if (asked.length === 0 || stopped) return;
    const answer = await send('list.badges', {
      adapterId: adapter.id,
      rows: asked.map((a) => a[1]),
    });
    if (!answer.ok || stopped) {
      // Not drawn: the row is asked again when it next changes.
      for (const [row] of asked) readKey.delete(row);
      return;
    }
    // A row changed again while we asked is already queued with its new text.
    const answered: [Element, BadgeView][] = [];
    asked.forEach(([row, , key], i) => {
      const view = answer.data.badges[i];
      if (!view || readKey.get(row) !== key) return;
      known.set(row, view);
      answered.push([row, view]);
    });
    writes.add(answered);
  }

  /**
   * Floating or in flow, decided when a table's first badge is drawn (after a frame, so the
   * table's styles are known and reading them costs nothing). Slots start floating; a table that
   * must keep them in flow (rare) pays one layout to switch them.
   */
  function decide(row: Element) {
    const table = row.closest('table');
    if (!table || floats.has(table)) return;
    tables.add(table);
    const float = mayFloat(table);
    floats.set(table, float);
    if (!float) for (const host of table.querySelectorAll(TAG)) host.setAttribute('data-flow', '');
  }

  function draw(row: Element, view: BadgeView) {
    if (!row.isConnected) return;
    decide(row);
    const host = slot(row);
    if (!host) return;
    views.set(host, view);
    render(host);
  }

  function render(host: Element) {
    const view = views.get(host);
    const badge = boxOf(host);
    if (!view || !badge) return;
    // The contained box is the badge: focusable and named (its whole text) from the start.
    // Attributes only: they change neither its layout nor, since the class only marks it, its
    // style (a change to this box's own style would make the browser place every floating box
    // again). Its visible parts are made once it comes near the viewport (reveal).
    badge.classList.add('b');
    badge.tabIndex = 0;
    badge.setAttribute('role', 'group');
    badge.setAttribute('aria-label', view.label[lang]);
    badge.setAttribute('aria-describedby', 'tip');
    badge.dataset.ref = view.caseRef;
    if (shown.has(host)) fill(badge, view);
    // The explanation's lines are written when the badge is first pointed at or focused (before
    // it is shown or read out): thousands of rows then cost a third of the nodes. One already
    // written is written again, in the current language.
    const tip = host.shadowRoot?.getElementById('tip');
    if (tip?.firstChild) writeTip(tip, view);
  }

  /** The badge's visible parts: stage, modes, deadline, progress or outcome. */
  function fill(badge: Element, view: BadgeView) {
    badge.replaceChildren(
      ...view.parts.map((part) => {
        const span = el('span', `p ${part.kind} ${part.tone ?? part.mode ?? ''}`, part.text[lang]);
        span.dataset.kind = part.kind;
        if (part.mode) span.prepend(icon(ICONS[part.mode]));
        return span;
      }),
    );
  }

  const writeTip = (tip: Element, view: BadgeView) =>
    tip.replaceChildren(...view.explain.map((line) => el('span', 'l', line[lang])));

  /** Writes the explanation of the badge an event reached, the first time, and shows the badge. */
  const explain = (event: Event) => {
    try {
      const host = event.composedPath().find(isHost);
      const view = host && views.get(host);
      if (!host || !view) return;
      reveal([host]);
      const tip = host.shadowRoot?.getElementById('tip');
      if (tip && !tip.firstChild) writeTip(tip, view);
    } catch (err) {
      warn(err);
    }
  };
  document.addEventListener('focusin', explain, true);
  document.addEventListener('pointerover', explain, true);

  /**
   * The slots of our tables within a screen's height above or below the viewport, found by
   * bisection over each table's slots (they run top to bottom): a few dozen position reads
   * however long the list, with no observer watching thousands of boxes (see the file comment).
   */
  function nearViewport(): Element[] {
    const inView: Element[] = [];
    const near: Element[] = [];
    const height = window.innerHeight || document.documentElement.clientHeight;
    const top = -height;
    const bottom = 2 * height;
    for (const table of tables) {
      if (!table.isConnected) {
        tables.delete(table);
        continue;
      }
      const box = table.getBoundingClientRect();
      if (box.bottom < top || box.top > bottom) continue;
      const hosts = table.getElementsByTagName(TAG);
      let lo = 0;
      let hi = hosts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((hosts[mid] as Element).getBoundingClientRect().bottom < top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < hosts.length; i++) {
        const host = hosts[i] as Element;
        const box = host.getBoundingClientRect();
        if (box.top > bottom) break;
        (box.bottom >= 0 && box.top <= height ? inView : near).push(host);
      }
    }
    // Those on screen first.
    return inView.concat(near);
  }

  /**
   * Makes the visible parts of these slots' badges, at most REVEAL_BUDGET per frame (the rest
   * after the next frame): each is laid out once, on its own (see the file comment).
   */
  function reveal(hosts: Iterable<Element>) {
    const rest: Element[] = [];
    let made = 0;
    for (const host of hosts) {
      const view = views.get(host);
      const badge = boxOf(host);
      if (!view || !badge || shown.has(host)) continue;
      if (made < REVEAL_BUDGET) {
        shown.add(host);
        fill(badge, view);
        made += 1;
      } else rest.push(host);
    }
    if (rest.length) afterFrame(() => !stopped && reveal(rest));
  }

  /** On scroll or resize, the badges coming near are shown before the next frame is drawn. */
  let revealing = 0;
  const onMove = () => {
    if (revealing || stopped) return;
    revealing = requestAnimationFrame(() => {
      revealing = 0;
      try {
        reveal(nearViewport());
      } catch (err) {
        warn(err);
      }
    });
  };
  const moveOptions = { capture: true, passive: true } as const;
  document.addEventListener('scroll', onMove, moveOptions);
  window.addEventListener('resize', onMove, moveOptions);

  const observer = new MutationObserver((records) => {
    try {
      const rows = new Set<Element>();
      for (const r of records) {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        if (!target || target.localName === TAG) continue;
        const ours =
          r.type === 'childList' &&
          [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName.toLowerCase() === TAG);
        if (ours) continue;
        const row = target.closest(selector);
        if (row) rows.add(row);
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (node.matches(selector)) rows.add(node);
          else for (const inner of node.querySelectorAll(selector)) rows.add(inner);
        }
      }
      // Slots now, in the portal's own task, before the browser first lays the rows out.
      slotAll(rows);
      if (rows.size) reads.add(rows);
    } catch (err) {
      warn(err);
    }
  });

  const follow = () =>
    observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });

  /**
   * While the page is still being parsed, the rows parsed since the last frame get their slots at
   * the start of each frame, just before the browser lays them out (a row once the parser has
   * moved past it: it has a next sibling). Polled per frame rather than observed: a mutation
   * observer would be handed every parsed node, tens of thousands on a long list. A page parsed
   * while hidden renders no frames: its rows get their slots at DOMContentLoaded, before its first
   * layout. Reading starts with DOMContentLoaded too.
   */
  let parsing = 0;
  function followParse() {
    const rows = document.getElementsByTagName('tr');
    let seen = 0;
    let open: Element[] = [];
    const slotParsed = () => {
      const passed: Element[] = [];
      const still: Element[] = [];
      const check = (row: Element) => (row.nextElementSibling ? passed : still).push(row);
      open.forEach(check);
      for (; seen < rows.length; seen += 1) check(rows[seen] as Element);
      open = still;
      slotAll(passed.filter((row) => row.matches(selector)));
    };
    const frame = () => {
      if (stopped || document.readyState !== 'loading') return;
      slotParsed();
      parsing = requestAnimationFrame(frame);
    };
    frame();
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        cancelAnimationFrame(parsing);
        if (stopped) return;
        const rows = document.querySelectorAll(selector);
        slotAll(rows);
        follow();
        reads.add(rows);
      },
      { once: true },
    );
  }

  try {
    if (document.readyState === 'loading') followParse();
    else {
      const rows = document.querySelectorAll(selector);
      slotAll(rows);
      follow();
      reads.add(rows);
    }
  } catch (err) {
    warn(err);
  }

  const stop = () => {
    stopped = true;
    document.removeEventListener('focusin', explain, true);
    document.removeEventListener('pointerover', explain, true);
    document.removeEventListener('scroll', onMove, moveOptions);
    window.removeEventListener('resize', onMove, moveOptions);
    observer.disconnect();
    cancelAnimationFrame(parsing);
    cancelAnimationFrame(revealing);
    reads.clear();
    writes.clear();
    rerender.clear();
  };

  return {
    adapterId: adapter.id,
    setLanguage(next) {
      if (next === lang) return;
      lang = next;
      rerender.add(document.querySelectorAll(TAG));
    },
    stop,
    remove() {
      stop();
      // In one go, with no layout read in between: a long table is laid out again once.
      for (const host of document.querySelectorAll(TAG)) host.remove();
      tables.clear();
    },
  };
}

/**
 * May the badges of `table` float (be absolutely positioned) and still move with their rows? Not
 * when a box that scrolls or clips lies between the table and the floating boxes' containing
 * block: the badges would neither scroll nor be clipped with the table. Read once per table,
 * from the table and its ancestors.
 */
export function mayFloat(table: Element): boolean {
  const root = table.ownerDocument;
  for (
    let el: Element | null = table;
    el && el !== root.body && el !== root.documentElement;
    el = el.parentElement
  ) {
    const s = getComputedStyle(el);
    for (const overflow of [s.overflow, s.overflowX, s.overflowY]) {
      if (overflow && !/^(visible ?)+$/.test(overflow)) return false;
    }
    const contain = s.contain || 'none';
    const containing =
      (s.position || 'static') !== 'static' ||
      (s.transform || 'none') !== 'none' ||
      (s.filter || 'none') !== 'none' ||
      (s.perspective || 'none') !== 'none' ||
      /layout|paint|strict|content/.test(contain) ||
      (s.containerType || 'normal') !== 'normal';
    if (containing) return true;
  }
  return true;
}

let sheet: CSSStyleSheet | null | undefined;
let template: Element | undefined;

/**
 * A new, empty slot: a host whose shadow root holds the box a badge is drawn into. Cloned from
 * one template where shadow roots can be cloned (half the cost of building each; thousands are
 * made in one go), with one constructed style sheet shared by all, or a <style> where refused.
 */
function newSlot(): Element {
  if (!template) {
    template = document.createElement(TAG);
    template.attachShadow({ mode: 'open', clonable: true }).append(box());
  }
  const host = template.cloneNode(true) as Element;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!root.firstChild) root.append(box());
  if (!adoptStyle(root)) root.prepend(styleElement());
  return host;
}

/**
 * The floating box and in it the contained box a badge is drawn into, and the badge's explanation
 * (outside the contained box, which clips; written on first use). See badges.css.
 */
function box() {
  const float = el('div', 'float');
  const tip = el('span', 'tip');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  float.append(el('div', BOX), tip);
  return float;
}

/** One constructed style sheet shared by every badge; false where that is refused. */
function adoptStyle(root: ShadowRoot): boolean {
  try {
    if (sheet === undefined) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!sheet) return false;
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    sheet = null;
    return false;
  }
}

function styleElement() {
  const style = document.createElement('style');
  style.textContent = css;
  return style;
}

const isHost = (node: unknown): node is Element => (node as Element | null)?.localName === TAG;

const boxOf = (host: Element) => host.shadowRoot?.querySelector<HTMLElement>(`.${BOX}`) ?? null;

function el(tag: string, cls: string, text?: string) {
  const node = document.createElement(tag);
  node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function icon(path: string) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}
