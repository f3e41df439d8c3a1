/**
 * Keeps the docked panel off the portal's own controls. While the panel is open:
 * - the page's root element gets a margin on the docked side as wide as the panel, so the
 *   portal's normal flow (and its sticky bars) lays itself out beside the panel;
 * - the page's fixed-position elements (a fixed header, a chat button, a modal backdrop),
 *   which a margin does not move because they are placed against the window, are squeezed or
 *   shifted out of the panel's strip with inline styles, and put back as they were on release.
 *   Elements the page adds later (SPA navigation, dialogs) are handled as they appear.
 * Narrow windows keep the full width (the panel then overlays, and collapses to a launcher).
 */

/** Width of the docked panel, in CSS pixels (style.css uses the same number). */
export const PANEL_WIDTH = 360;
/** Below this window width the page is not squeezed. */
export const MIN_SQUEEZE_VIEWPORT = 720;

export type DockSide = 'left' | 'right';

export interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}

/**
 * Inline styles that take a fixed element out of the panel's strip, or null when it is not in
 * it. An element that fits beside the panel moves over by the panel's width; a wider one (a
 * full-width header) is squeezed between its own near edge and the panel.
 */
export function clearance(
  box: Box,
  side: DockSide,
  width: number,
  viewport: number,
): Record<string, string> | null {
  if (box.width <= 0 || box.height <= 0) return null;
  const inStrip = side === 'right' ? box.right > viewport - width : box.left < width;
  if (!inStrip) return null;
  if (side === 'right') {
    if (box.left - width >= 0) return { right: `${viewport - box.right + width}px`, left: 'auto' };
    return { left: `${Math.max(0, box.left)}px`, right: `${width}px`, width: 'auto' };
  }
  if (box.right + width <= viewport) return { left: `${box.left + width}px`, right: 'auto' };
  return { left: `${width}px`, right: `${Math.max(0, viewport - box.right)}px`, width: 'auto' };
}

type Saved = [property: string, value: string, priority: string][];

/**
 * Reserves the panel's strip on the page and returns the function that gives it back. Each
 * call owns its own style element and adjustments, so a stale release (after the side
 * changed) never undoes a newer reservation's margin.
 */
export function reservePageSpace(
  doc: Document,
  side: DockSide,
  width: number = PANEL_WIDTH,
  minViewport: number = MIN_SQUEEZE_VIEWPORT,
): () => void {
  const style = doc.createElement('style');
  style.setAttribute('data-pandu-izin', 'reserve');
  style.textContent = `@media (min-width: ${minViewport}px) { html { margin-${side}: ${width}px !important; } }`;
  (doc.head ?? doc.documentElement).append(style);

  const win = doc.defaultView;
  const saved = new Map<HTMLElement, Saved>();
  const clear = (root: Element) => {
    if (!win || win.innerWidth < minViewport) return;
    const candidates = [root, ...root.getElementsByTagName('*')];
    for (const el of candidates) {
      if (!(el instanceof win.HTMLElement) || saved.has(el)) continue;
      if (win.getComputedStyle(el).position !== 'fixed') continue;
      const patch = clearance(el.getBoundingClientRect(), side, width, win.innerWidth);
      if (!patch) continue;
      const props = Object.keys(patch);
      saved.set(
        el,
        props.map((p) => [p, el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]),
      );
      for (const p of props) el.style.setProperty(p, patch[p] ?? '', 'important');
    }
  };
  // Measure after the margin has applied: the page's flow may have moved.
  if (doc.body) clear(doc.body);

  const observer =
    win && doc.body
      ? new win.MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) if (node.nodeType === 1) clear(node as Element);
          }
        })
      : null;
  if (observer && doc.body) observer.observe(doc.body, { childList: true, subtree: true });

  return () => {
    observer?.disconnect();
    style.remove();
    for (const [el, props] of saved) {
      for (const [p, value, priority] of props) {
        if (value) el.style.setProperty(p, value, priority);
        else el.style.removeProperty(p);
      }
    }
    saved.clear();
  };
}
