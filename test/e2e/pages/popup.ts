/**
 * Page object for the toolbar popup (`popup.html`), opened in a normal tab as the tests do:
 * `?tab=<tabId>` shows that tab's case.
 */
import type { Locator, Page } from '@playwright/test';

export class Popup {
  readonly heading: Locator;
  readonly languageToggle: Locator;
  readonly summary: Locator;
  readonly noCase: Locator;
  readonly permit: Locator;
  readonly caseRef: Locator;
  readonly stage: Locator;
  readonly modes: Locator;
  readonly progress: Locator;
  readonly sla: Locator;
  readonly openPanel: Locator;
  readonly openDashboard: Locator;
  readonly problem: Locator;

  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.languageToggle = page.getByTestId('workspace-language');
    this.summary = page.getByTestId('popup-summary');
    this.noCase = page.getByTestId('workspace-no-case');
    this.permit = page.getByTestId('popup-permit');
    this.caseRef = page.getByTestId('popup-case-ref');
    this.stage = page.getByTestId('popup-stage');
    this.modes = page.getByTestId('popup-modes').getByTestId('pandu-mode');
    this.progress = page.getByTestId('popup-progress');
    this.sla = this.summary.getByTestId('pandu-sla');
    this.openPanel = page.getByTestId('popup-open-panel');
    this.openDashboard = page.getByTestId('popup-open-dashboard');
    this.problem = page.getByTestId('popup-problem');
  }

  async gotoTab(tabId: number): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html?tab=${tabId}`);
  }
}

/** Page object for the dashboard (`dashboard.html`). */
export class Dashboard {
  readonly heading: Locator;
  readonly table: Locator;
  readonly caption: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.table = page.getByTestId('dashboard-table');
    this.caption = page.getByTestId('dashboard-caption');
    this.rows = page.getByTestId('dashboard-row');
  }

  row(caseId: string): Locator {
    return this.page.locator(`[data-testid="dashboard-row"][data-case-id="${caseId}"]`);
  }
}
