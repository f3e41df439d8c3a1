/** Page object for the Pandu Izin panel injected into a portal page (open shadow root). */
import type { Locator, Page } from '@playwright/test';

export class OverlayPanel {
  readonly root: Locator;
  readonly permit: Locator;
  readonly caseRef: Locator;
  readonly languageToggle: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('pandu-panel');
    this.permit = this.root.getByTestId('pandu-permit');
    this.caseRef = this.root.getByTestId('pandu-case-ref');
    this.languageToggle = this.root.getByTestId('pandu-language');
  }

  /** The shadow host element WXT creates for the panel. */
  host(): Locator {
    return this.page.locator('pandu-izin-panel');
  }
}
