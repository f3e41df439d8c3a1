/** Page object for the demo portal's list and detail pages, whichever of the three portals. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { PortalId } from '../../fixtures/portal/model';
import { PORTAL_PATHS } from '../../fixtures/portal/routes';

export type { PortalId };

export class PortalPages {
  readonly rows: Locator;
  readonly headers: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.rows = page.locator('table tbody tr');
    this.headers = page.locator('table thead th');
  }

  /** Opens a portal's case list and waits until its rows are there (the SPA loads late). */
  async openList(portal: PortalId, query = '', timeout?: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}${PORTAL_PATHS[portal].list}${query}`);
    await expect(this.rows.first()).toBeVisible(timeout ? { timeout } : {});
  }

  async headerTexts(): Promise<string[]> {
    return (await this.headers.allTextContents()).map((t) => t.trim());
  }

  /** Clicks the case link in row `index` and returns the case number it showed. */
  async openCase(index: number): Promise<string> {
    const link = this.rows.nth(index).locator('a').first();
    const caseRef = (await link.textContent())?.trim() ?? '';
    await link.click();
    await expect(this.page.getByText(caseRef, { exact: true }).first()).toBeVisible();
    return caseRef;
  }

  openFirstCase(): Promise<string> {
    return this.openCase(0);
  }

  /** The value next to a visible label on a detail page (th/td, dt/dd or label/value spans). */
  async detailValue(label: string): Promise<string> {
    const value = this.page
      .locator(`xpath=//*[normalize-space(text())="${label}"]/following-sibling::*[1]`)
      .first();
    return ((await value.textContent()) ?? '').trim();
  }
}
