// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearance, reservePageSpace } from '../../../../utils/overlay/page-space';

const rules = () =>
  [...document.querySelectorAll('style[data-pandu-izin="reserve"]')].map((s) => s.textContent);

const box = (left: number, right: number, height = 50) => ({ left, right, width: right - left, height });

/** A fixed element the page shows at `left..right` (happy-dom does no layout: the box is given). */
function fixedElement(left: number, right: number, inline = ''): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('style', `position: fixed;${inline ? ` ${inline}` : ''}`);
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    ...box(left, right),
    x: left,
    y: 0,
    top: 0,
    bottom: 50,
    toJSON: () => ({}),
  } as DOMRect);
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('clearance', () => {
  it('leaves alone what is not in the strip or not shown', () => {
    expect(clearance(box(0, 900), 'right', 360, 1280)).toBeNull();
    expect(clearance(box(400, 1280), 'left', 360, 1280)).toBeNull();
    expect(clearance(box(1200, 1280, 0), 'right', 360, 1280)).toBeNull();
  });

  it('squeezes a full-width bar between its edge and the panel', () => {
    expect(clearance(box(0, 1280), 'right', 360, 1280)).toEqual({
      left: '0px',
      right: '360px',
      width: 'auto',
    });
    expect(clearance(box(0, 1280), 'left', 360, 1280)).toEqual({
      left: '360px',
      right: '0px',
      width: 'auto',
    });
  });

  it('moves a small element at the docked edge over by the panel width', () => {
    expect(clearance(box(1200, 1264), 'right', 360, 1280)).toEqual({ right: '376px', left: 'auto' });
    expect(clearance(box(16, 80), 'left', 360, 1280)).toEqual({ left: '376px', right: 'auto' });
  });
});

describe('reservePageSpace', () => {
  it('adds a margin on the docked side and removes it on release', () => {
    const release = reservePageSpace(document, 'right', 360, 720);
    expect(rules()).toEqual(['@media (min-width: 720px) { html { margin-right: 360px !important; } }']);
    release();
    expect(rules()).toEqual([]);
  });

  it('releases only its own rule when the side changed in between', () => {
    const right = reservePageSpace(document, 'right');
    const left = reservePageSpace(document, 'left');
    right();
    expect(rules()).toHaveLength(1);
    expect(rules()[0]).toContain('margin-left');
    left();
    left();
    expect(rules()).toEqual([]);
  });

  it('keeps fixed elements out of the strip and restores their own styles', () => {
    const width = window.innerWidth;
    const header = fixedElement(0, width, 'left: 0; right: 0');
    const bubble = fixedElement(width - 80, width - 16, 'right: 16px');
    const menu = fixedElement(0, 200);
    const release = reservePageSpace(document, 'right', 360, 100);
    expect(header.style.getPropertyValue('right')).toBe('360px');
    expect(header.style.getPropertyPriority('right')).toBe('important');
    expect(header.style.getPropertyValue('width')).toBe('auto');
    expect(bubble.style.getPropertyValue('right')).toBe('376px');
    expect(menu.getAttribute('style')).toBe('position: fixed;');
    release();
    expect(header.style.getPropertyValue('right')).toBe('0px');
    expect(header.style.getPropertyPriority('right')).toBe('');
    expect(header.style.getPropertyValue('width')).toBe('');
    expect(bubble.style.getPropertyValue('right')).toBe('16px');
    expect(bubble.style.getPropertyValue('left')).toBe('');
  });

  it('handles fixed elements the page adds while the panel is open', async () => {
    const release = reservePageSpace(document, 'left', 360, 100);
    const dialog = fixedElement(0, window.innerWidth);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dialog.style.getPropertyValue('left')).toBe('360px');
    release();
    expect(dialog.style.getPropertyValue('left')).toBe('');
  });

  it('leaves the page alone in a narrow window', () => {
    const header = fixedElement(0, window.innerWidth);
    const release = reservePageSpace(document, 'right', 360, window.innerWidth + 1);
    expect(header.getAttribute('style')).toBe('position: fixed;');
    release();
  });
});
