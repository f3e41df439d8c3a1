/**
 * Stage badges on a portal's case list: plain DOM (no Preact) to keep the content script small.
 * Each badge is a `<pandu-izin-badge>` host in the row's status cell (the last cell when the
 * list has no status column) with its own open shadow root, so portal CSS cannot reach it, and
 * one shared style text. The background computes every text in both languages (list.badges);
 * here rows are read, sent and drawn in chunks so no task runs long, and a MutationObserver
 * badges rows the portal adds, re-sorts or changes without a rescan (each row remembers what
 * was read from it). Nothing here throws into the page.
 *
 * A long list is drawn off the page and inserted in one go: any change inside a table of
 * thousands of rows makes the browser lay out the whole table again (hundreds of ms on a
 * 5,000-row list), even for an element that is not displayed, so badges inserted frame by frame
 * would cost one such layout per frame (measured: 20 s to badge 5,000 rows inserting hidden
 * hosts per frame, 1.5 s for all the reading and asking alone). Built detached, the hosts cost
 * nothing until the single insertion, which costs one table layout.
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
/** Rows read and sent per task, and badges drawn per frame: small enough to stay well under 50 ms. */
export const READ_BUDGET = 100;
export const WRITE_BUDGET = 100;
/** Lists with more rows than this at first sight are built off the page, then inserted at once. */
export const STAGE_ROWS = 200;

type Reader = ReturnType<typeof listRowReader>;

export interface ListBadges {
  setLanguage(lang: Language): void;
  stop(): void;
  readonly adapterId: string;
}

const frame = (fn: () => void) => requestAnimationFrame(() => fn());
const later = (fn: () => void) => setTimeout(fn, 0);
const warn = (err: unknown) => console.debug('[Pandu Izin] badge skipped:', err);

export function startListBadges(adapter: PortalAdapter, initial: Language): ListBadges {
  const selector = adapter.pages.caseList?.rows ?? '';
  let lang = initial;
  let stopped = false;
  /** What was last read from (and requested for) a row. */
  const readKey = new WeakMap<Element, string>();
  const readers = new WeakMap<Element, Reader>();
  const views = new WeakMap<Element, BadgeView>();
  const renderedIn = new WeakMap<Element, Language>();
  /** Badges built off the page for a long list, with the cell each goes into. */
  let staged: [row: Element, cell: Element, host: Element][] | null = null;

  /** Inserts every badge built off the page, in one frame, once nothing is left to read or draw. */
  const settle = () => {
    if (!staged || !reads.idle || writes.size > 0) return;
    const hosts = staged;
    staged = null;
    frame(() => {
      const again: Element[] = [];
      for (const [row, cell, host] of hosts) {
        pending.delete(row);
        // A row whose cell the portal re-rendered meanwhile is read again (a removed one is not).
        if (!cell.isConnected || cell.querySelector(TAG)) {
          readKey.delete(row);
          if (row.isConnected) again.push(row);
          continue;
        }
        // The language may have changed while the list was being built.
        if (renderedIn.get(host) !== lang) render(host);
        cell.append(host);
      }
      if (again.length) reads.add(again);
    });
  };

  const readerFor = (row: Element): Reader | null => {
    const table = row.closest('table');
    if (!table) return null;
    let reader = readers.get(table);
    if (!reader) {
      reader = listRowReader(table, adapter);
      readers.set(table, reader);
    }
    return reader;
  };

  const writes = createScheduler<[Element, BadgeView | null]>({
    budget: WRITE_BUDGET,
    next: frame,
    onError: warn,
    work(chunk) {
      for (const [row, view] of chunk) {
        try {
          draw(row, view);
        } catch (err) {
          warn(err);
        }
      }
      settle();
    },
  });

  const rerender = createScheduler<Element>({
    budget: WRITE_BUDGET,
    next: frame,
    onError: warn,
    work: (hosts) => hosts.forEach(render),
  });

  const reads = createScheduler<Element>({
    budget: READ_BUDGET,
    next: later,
    onError: warn,
    async work(chunk) {
      try {
        await readAndAsk(chunk);
      } finally {
        // After this chunk's turn has ended (its queue state updated).
        later(settle);
      }
    },
  });

  async function readAndAsk(chunk: Element[]) {
    const asked: [Element, ListRow, string][] = [];
    for (const row of chunk) {
      if (stopped || !row.isConnected) continue;
      const listed = readerFor(row)?.(row) ?? null;
      if (!listed) continue;
      const key = Object.values(listed).join('\u0001');
      if (readKey.get(row) === key && hostOf(row)) continue;
      readKey.set(row, key);
      asked.push([row, listed, key]);
    }
    if (asked.length === 0 || stopped) return;
    const answer = await sendRequest('list.badges', {
      adapterId: adapter.id,
      rows: asked.map((a) => a[1]),
    });
    if (!answer.ok || stopped) {
      // Not drawn: the row is asked again when it next changes.
      for (const [row] of asked) readKey.delete(row);
      return;
    }
    // A row changed again while we asked is already queued with its new text.
    const ready: [Element, BadgeView | null][] = [];
    asked.forEach(([row, , key], i) => {
      if (readKey.get(row) === key) ready.push([row, answer.data.badges[i] ?? null]);
    });
    writes.add(ready);
  }

  /** A row's badge: on the page, or built and waiting for the single insertion of a long list. */
  const pending = new WeakMap<Element, Element>();
  const hostOf = (row: Element) => row.querySelector(TAG) ?? pending.get(row) ?? null;

  function draw(row: Element, view: BadgeView | null) {
    if (!view || !row.isConnected) return;
    let host = hostOf(row);
    if (!host) {
      const reader = readerFor(row);
      const cell = row.children[reader?.statusColumn ?? row.children.length - 1] ?? row.lastElementChild;
      if (!cell) return;
      host = document.createElement(TAG);
      adoptStyle(host.attachShadow({ mode: 'open' }));
      if (staged) {
        staged.push([row, cell, host]);
        pending.set(row, host);
      } else cell.append(host);
    }
    views.set(host, view);
    render(host);
  }

  function render(host: Element) {
    const view = views.get(host);
    const root = host.shadowRoot;
    if (!view || !root) return;
    renderedIn.set(host, lang);
    const el = (tag: string, cls: string, text?: string) => {
      const node = document.createElement(tag);
      node.className = cls;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const badge = el('span', 'b');
    badge.tabIndex = 0;
    badge.setAttribute('role', 'group');
    badge.setAttribute('aria-label', view.label[lang]);
    badge.setAttribute('aria-describedby', 'tip');
    badge.dataset.ref = view.caseRef;
    for (const part of view.parts) {
      const span = el('span', `p ${part.kind} ${part.tone ?? part.mode ?? ''}`, part.text[lang]);
      span.dataset.kind = part.kind;
      if (part.mode) span.prepend(icon(ICONS[part.mode]));
      badge.append(span);
    }
    const tip = el('span', 'tip');
    tip.id = 'tip';
    tip.setAttribute('role', 'tooltip');
    for (const line of view.explain) tip.append(el('span', 'l', line[lang]));
    if (root.adoptedStyleSheets.length) root.replaceChildren(badge, tip);
    else root.replaceChildren(el('style', '', css), badge, tip);
  }

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
      // A list the portal renders late (an SPA) in one go is drawn hidden too.
      if (rows.size > STAGE_ROWS && !staged) staged = [];
      if (rows.size) reads.add(rows);
    } catch (err) {
      warn(err);
    }
  });

  try {
    observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    const rows = document.querySelectorAll(selector);
    if (rows.length > STAGE_ROWS) staged = [];
    reads.add(rows);
  } catch (err) {
    warn(err);
  }

  return {
    adapterId: adapter.id,
    setLanguage(next) {
      if (next === lang) return;
      lang = next;
      rerender.add(document.querySelectorAll(TAG));
    },
    stop() {
      stopped = true;
      observer.disconnect();
      reads.clear();
      writes.clear();
      rerender.clear();
    },
  };
}

let sheet: CSSStyleSheet | null | undefined;

/** One constructed style sheet shared by every badge; a <style> per badge where that is refused. */
function adoptStyle(root: ShadowRoot) {
  try {
    if (sheet === undefined) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (sheet) root.adoptedStyleSheets = [sheet];
  } catch {
    sheet = null;
  }
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
