// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { reservePageSpace } from '../../../../utils/overlay/page-space';

const rules = () =>
  [...document.querySelectorAll('style[data-pandu-izin="reserve"]')].map((s) => s.textContent);

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
});
