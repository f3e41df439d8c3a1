/**
 * Keeps the docked panel off the portal's own controls: while the panel is open, the page's
 * root element gets a margin on the docked side as wide as the panel, so the portal lays
 * itself out beside it instead of under it. Narrow windows keep the full width (the panel
 * then overlays, and collapses to a small launcher).
 */

/** Width of the docked panel, in CSS pixels (style.css uses the same number). */
export const PANEL_WIDTH = 360;
/** Below this window width the page is not squeezed. */
export const MIN_SQUEEZE_VIEWPORT = 720;

export type DockSide = 'left' | 'right';

/**
 * Adds the margin rule to the page and returns the function that removes it. Each call owns
 * its own style element, so a stale release (after the side changed) never removes a newer one.
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
  return () => style.remove();
}
