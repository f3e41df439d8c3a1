/**
 * A wide table's scrolling wrapper that a keyboard can reach (axe "scrollable-region-focusable",
 * WCAG 2.1.1): focusable, and named after its section so a screen reader says what it is.
 */
import type { ComponentChildren } from 'preact';

export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section class="pw-table-wrap" tabIndex={0} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}
