// @vitest-environment happy-dom
/**
 * The content script's list badges against a hand-made SiCantik-like list: one badge per row,
 * rows added, changed and re-sorted by the "portal" are followed without asking again for rows
 * that did not change, and our own badges do not count as page changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BadgeView } from '../../../utils/badges/present';
import { BUILTIN_ADAPTERS } from '../../../utils/portals/builtin';
import type { ListRow, PortalAdapter } from '../../../utils/portals/types';

const asked: ListRow[][] = [];
/** While set, answers wait for it (a slow background). */
const gate: { hold: Promise<void> | null } = { hold: null };
vi.mock('../../../utils/messaging/client', () => ({
  sendRequest: vi.fn(async (_type: string, payload: { rows: ListRow[] }) => {
    asked.push(payload.rows);
    if (gate.hold) await gate.hold;
    const badges: BadgeView[] = payload.rows.map((r) => ({
      caseRef: r.caseRef,
      parts: [{ kind: 'stage', text: { id: `Tahap ${r.statusLabel}`, en: `Stage ${r.statusLabel}` } }],
      label: { id: `Status ${r.caseRef}`, en: `Status ${r.caseRef}` },
      explain: [{ id: 'Penjelasan', en: 'Explanation' }],
    }));
    return { ok: true, data: { badges } };
  }),
}));

const { startListBadges } = await import('../../../entrypoints/portal.content/badges');
const sicantik = BUILTIN_ADAPTERS.find((a) => a.id === 'sicantik') as PortalAdapter;

const row = (ref: string, status = 'PEMERIKSAAN') => {
  const tr = document.createElement('tr');
  for (const text of [ref, 'Siti', 'IZIN REKLAME', '12/11/2026', status]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  return tr;
};

function table(refs: string[]) {
  document.body.innerHTML = `<table id="tabel-permohonan"><thead><tr>${[
    'No. Pendaftaran',
    'Nama Pemohon',
    'Jenis Izin',
    'Tgl Terima Berkas',
    'Status',
  ]
    .map((h) => `<th>${h}</th>`)
    .join('')}</tr></thead><tbody></tbody></table>`;
  const tbody = document.querySelector('tbody') as HTMLTableSectionElement;
  tbody.append(...refs.map((r) => row(r)));
  return tbody;
}

/** Rows and cells by query (happy-dom has no `rows` / `cells` collections). */
const rowsOf = (tbody: Element) => [...tbody.querySelectorAll('tr')];
const cell = (tr: Element, i: number) => tr.children[i] as HTMLElement;

const settle = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((r) => setTimeout(r, 5));
};
const badgeText = (tr: Element) =>
  tr.querySelector('pandu-izin-badge')?.shadowRoot?.querySelector('[data-kind=stage]')?.textContent;

describe('list badges in the content script', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    asked.length = 0;
  });
  afterEach(() => stop?.());

  it('puts one badge in each row’s status cell and asks once per row', async () => {
    const tbody = table(['A', 'B', 'C']);
    stop = startListBadges(sicantik, 'id').stop;
    await settle();
    expect(asked.flat().map((r) => r.caseRef)).toEqual(['A', 'B', 'C']);
    for (const tr of rowsOf(tbody)) {
      expect(tr.querySelectorAll('pandu-izin-badge')).toHaveLength(1);
      expect(cell(tr, 4).querySelector('pandu-izin-badge')).not.toBeNull();
      expect(badgeText(tr)).toBe('Tahap PEMERIKSAAN');
    }
    // Our badges are not in the cell's text: the portal's text reads the same.
    expect(cell(rowsOf(tbody)[0] as Element, 4).textContent).toBe('PEMERIKSAAN');
  });

  it('follows added, changed and re-sorted rows without asking again for unchanged ones', async () => {
    const tbody = table(['A', 'B']);
    stop = startListBadges(sicantik, 'id').stop;
    await settle();
    asked.length = 0;

    tbody.append(row('C'));
    await settle();
    expect(asked.flat().map((r) => r.caseRef)).toEqual(['C']);

    // Re-sorted: the same rows moved; nothing is asked, nothing duplicated.
    asked.length = 0;
    tbody.append(...rowsOf(tbody).reverse());
    await settle();
    expect(asked).toEqual([]);
    expect(document.querySelectorAll('pandu-izin-badge')).toHaveLength(3);

    // The portal rewrites a status cell (our badge goes with it): the row is asked again.
    const b = rowsOf(tbody)[1] as Element;
    cell(b, 4).textContent = 'Sedang Diproses';
    await settle();
    expect(asked.flat().map((r) => [r.caseRef, r.statusLabel])).toEqual([['B', 'Sedang Diproses']]);
    expect(badgeText(b)).toBe('Tahap Sedang Diproses');
    expect(b.querySelectorAll('pandu-izin-badge')).toHaveLength(1);
  });

  it('gives every row an empty slot at once, then draws badges as answers come, in the language of that moment', async () => {
    const refs = Array.from({ length: 250 }, (_, i) => `R${i}`);
    const tbody = table(refs);
    const hold = () => {
      let release = () => {};
      gate.hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      return release;
    };
    const releaseFirst = hold();
    const badges = startListBadges(sicantik, 'id');
    stop = badges.stop;
    // Synchronously, before the page could lay the table out: one empty slot per row.
    const rows = rowsOf(tbody);
    expect(rows.every((tr) => cell(tr, 4).querySelectorAll('pandu-izin-badge').length === 1)).toBe(true);
    expect(document.querySelectorAll('pandu-izin-badge .b')).toHaveLength(0);
    expect(rows.every((tr) => !badgeText(tr))).toBe(true);
    await settle();
    // The first chunk is being asked for; nothing is drawn yet.
    expect(asked.flat()).toHaveLength(100);
    const releaseSecond = hold();
    releaseFirst();
    await settle();
    // The first chunk is drawn, the second is being asked for.
    expect(asked.flat()).toHaveLength(200);
    expect(badgeText(rows[0] as Element)).toBe('Tahap PEMERIKSAAN');
    expect(badgeText(rows[150] as Element)).toBeUndefined();
    // Now the portal re-renders a drawn row's status cell with the same text (our slot goes with
    // it), and the officer switches language.
    const first = rows[0] as Element;
    const fresh = document.createElement('td');
    fresh.textContent = 'PEMERIKSAAN';
    first.replaceChild(fresh, cell(first, 4));
    badges.setLanguage('en');
    gate.hold = null;
    releaseSecond();
    await settle();
    await settle();
    expect(rows.every((tr) => tr.querySelectorAll('pandu-izin-badge').length === 1)).toBe(true);
    expect(badgeText(rows[249] as Element)).toBe('Stage PEMERIKSAAN');
    // The re-rendered row got a new slot in its new cell, drawn from what was known: not asked again.
    expect(cell(first, 4).querySelector('pandu-izin-badge')).not.toBeNull();
    expect(badgeText(first)).toBe('Stage PEMERIKSAAN');
    expect(asked.flat().filter((r) => r.caseRef === 'R0')).toHaveLength(1);
    expect(new Set(asked.flat().map((r) => r.caseRef)).size).toBe(250);
  });

  it('keeps the badge in the cell’s flow when a scrolling box between the table and the page would leave a floating one behind', async () => {
    const slotMode = async (wrapper: string) => {
      table(['A']);
      const t = document.querySelector('table') as HTMLTableElement;
      document.body.innerHTML = wrapper;
      (document.querySelector('#inner') as HTMLElement).append(t);
      const badges = startListBadges(sicantik, 'id');
      // Decided when the table's first badge is drawn.
      await settle();
      const host = document.querySelector('pandu-izin-badge');
      badges.stop();
      expect(host?.shadowRoot?.querySelector('.b')).toBeTruthy();
      return host?.hasAttribute('data-flow');
    };
    expect(await slotMode('<div id="inner"></div>')).toBe(false);
    expect(await slotMode('<div style="overflow-x: auto"><div id="inner"></div></div>')).toBe(true);
    expect(await slotMode('<div style="overflow: hidden"><div id="inner"></div></div>')).toBe(true);
    // A positioned box inside the scroller is the floating box's containing block: it scrolls too.
    expect(
      await slotMode('<div style="overflow: auto"><div id="inner" style="position: relative"></div></div>'),
    ).toBe(false);
  });

  it('while the page is parsed, slots each row before the next frame once the parser has passed it, and reads from DOMContentLoaded on', async () => {
    const tbody = table([]);
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      const badges = startListBadges(sicantik, 'id');
      stop = badges.stop;
      const slotted = () => rowsOf(tbody).map((tr) => tr.querySelectorAll('pandu-izin-badge').length);
      // The "parser" adds rows; at each frame the rows it has moved past get their slots (the
      // last one may still be receiving its cells).
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      tbody.append(row('A'), row('B'));
      expect(slotted()).toEqual([0, 0]);
      await frame();
      expect(slotted()).toEqual([1, 0]);
      tbody.append(row('C'));
      await frame();
      expect(slotted()).toEqual([1, 1, 0]);
      await settle();
      expect(asked).toEqual([]);
      // A row of another table is not ours.
      document.body.insertAdjacentHTML(
        'beforeend',
        '<table><tbody><tr><td>x</td></tr><tr><td>y</td></tr></tbody></table>',
      );
      Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
      document.dispatchEvent(new Event('DOMContentLoaded'));
      expect(slotted()).toEqual([1, 1, 1]);
      expect(document.querySelectorAll('pandu-izin-badge')).toHaveLength(3);
      await settle();
      expect(asked.flat().map((r) => r.caseRef)).toEqual(['A', 'B', 'C']);
      expect(badgeText(rowsOf(tbody)[2] as Element)).toBe('Tahap PEMERIKSAAN');
    } finally {
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    }
  });

  it('writes a badge’s explanation when it is first focused or pointed at, in the current language', async () => {
    const tbody = table(['A']);
    const badges = startListBadges(sicantik, 'id');
    stop = badges.stop;
    await settle();
    const root = tbody.querySelector('pandu-izin-badge')?.shadowRoot;
    const tip = root?.getElementById('tip');
    expect(root?.querySelector('.b')?.getAttribute('aria-describedby')).toBe('tip');
    expect(tip?.textContent).toBe('');
    root?.querySelector('.b')?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(tip?.textContent).toBe('Penjelasan');
    // Once written it stays; a language switch redraws the badge and rewrites its explanation.
    root?.querySelector('.b')?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(tip?.querySelectorAll('.l')).toHaveLength(1);
    badges.setLanguage('en');
    await settle();
    expect(root?.getElementById('tip')?.textContent).toBe('Explanation');
    expect(root?.getElementById('tip')?.querySelectorAll('.l')).toHaveLength(1);
  });

  it('names every badge at once but makes the visible parts only of those near the viewport, then of those scrolled or focused near', async () => {
    const refs = Array.from({ length: 200 }, (_, i) => `R${i}`);
    const tbody = table(refs);
    // A laid-out list (happy-dom lays nothing out): rows 50 px high, a 500 px viewport.
    let scrolled = 0;
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const tr = this.closest('tr');
      const i = tr ? rowsOf(tbody).indexOf(tr) : 0;
      const top = (this.localName === 'table' ? 0 : i * 50) - scrolled;
      const height = this.localName === 'table' ? 200 * 50 : 50;
      return { top, bottom: top + height, left: 0, right: 100, width: 100, height, x: 0, y: top } as DOMRect;
    });
    const innerHeight = vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(500);
    try {
      stop = startListBadges(sicantik, 'id').stop;
      await settle();
      await settle();
      const rows = rowsOf(tbody);
      const badge = (i: number) =>
        rows[i]?.querySelector('pandu-izin-badge')?.shadowRoot?.querySelector<HTMLElement>('.b');
      // Every row's badge is there, named and focusable.
      for (const i of [0, 100, 199]) {
        expect(badge(i)?.getAttribute('aria-label')).toBe(`Status R${i}`);
        expect(badge(i)?.tabIndex).toBe(0);
      }
      // Visible parts: the screen and one more below it (up to 1,000 px: rows 0 to 20).
      expect(badgeText(rows[0] as Element)).toBe('Tahap PEMERIKSAAN');
      expect(badgeText(rows[20] as Element)).toBe('Tahap PEMERIKSAAN');
      expect(badgeText(rows[21] as Element)).toBeUndefined();
      expect(badgeText(rows[100] as Element)).toBeUndefined();
      // Scrolled to row 100: rows 90 to 120 get theirs before the next frame.
      scrolled = 100 * 50;
      document.dispatchEvent(new Event('scroll'));
      await settle();
      await settle();
      expect(badgeText(rows[100] as Element)).toBe('Tahap PEMERIKSAAN');
      expect(badgeText(rows[90] as Element)).toBe('Tahap PEMERIKSAAN');
      expect(badgeText(rows[121] as Element)).toBeUndefined();
      // Reached by Tab far away (the browser scrolls it in): drawn as it gets focus.
      badge(190)?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      expect(badgeText(rows[190] as Element)).toBe('Tahap PEMERIKSAAN');
    } finally {
      rect.mockRestore();
      innerHeight.mockRestore();
    }
  });

  it('switches language in place and stops following after stop()', async () => {
    const tbody = table(['A']);
    const badges = startListBadges(sicantik, 'id');
    await settle();
    badges.setLanguage('en');
    await settle();
    expect(badgeText(rowsOf(tbody)[0] as Element)).toBe('Stage PEMERIKSAAN');
    badges.stop();
    asked.length = 0;
    tbody.append(row('Z'));
    await settle();
    expect(asked).toEqual([]);
  });

  it('remove() takes every slot out of the page and stops following (the script’s context ended)', async () => {
    const tbody = table(['A', 'B']);
    const badges = startListBadges(sicantik, 'id');
    await settle();
    expect(tbody.querySelectorAll('pandu-izin-badge')).toHaveLength(2);
    badges.remove();
    expect(document.querySelectorAll('pandu-izin-badge')).toHaveLength(0);
    asked.length = 0;
    tbody.append(row('Z'));
    cell(rowsOf(tbody)[0] as Element, 4).textContent = 'SELESAI';
    await settle();
    expect(asked).toEqual([]);
    expect(document.querySelectorAll('pandu-izin-badge')).toHaveLength(0);
  });

  it('asks through the sender it is given (the content script’s, which notices an invalidated context)', async () => {
    table(['A']);
    const send = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal' as const, message: { id: 'x', en: 'x' } },
    }));
    stop = startListBadges(sicantik, 'id', send as never).stop;
    await settle();
    expect(send).toHaveBeenCalledWith('list.badges', expect.objectContaining({ adapterId: 'sicantik' }));
    expect(asked).toEqual([]);
  });
});
