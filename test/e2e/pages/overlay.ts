/** Page object for the Pandu Izin panel injected into a portal page (open shadow root). */
import type { Locator, Page } from '@playwright/test';

export class OverlayPanel {
  readonly root: Locator;
  readonly permit: Locator;
  readonly caseRef: Locator;
  readonly languageToggle: Locator;
  readonly stage: Locator;
  readonly progress: Locator;
  readonly items: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('pandu-panel');
    this.permit = this.root.getByTestId('pandu-permit');
    this.caseRef = this.root.getByTestId('pandu-case-ref');
    this.languageToggle = this.root.getByTestId('pandu-language');
    this.stage = this.root.getByTestId('pandu-stage');
    this.progress = this.root.getByTestId('pandu-progress');
    this.items = this.root.getByTestId('pandu-item');
    this.error = this.root.getByTestId('pandu-error');
  }

  /** The shadow host element WXT creates for the panel. */
  host(): Locator {
    return this.page.locator('pandu-izin-panel');
  }

  /** The checklist row `index` of the current stage (its `data-status` is pending/ticked/missing). */
  item(index: number): Locator {
    return this.items.nth(index);
  }

  /** The checkbox of checklist row `index`. */
  checkbox(index: number): Locator {
    return this.item(index).getByRole('checkbox');
  }
}
