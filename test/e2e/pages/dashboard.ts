/** Page object for the supervisor dashboard (`dashboard.html`): filters, counts, aging, urgency list, outputs, exports. */
import type { Locator, Page } from '@playwright/test';

export type FilterName = 'permitType' | 'stage' | 'mode' | 'sla' | 'officer' | 'region';

export class DashboardPage {
  readonly heading: Locator;
  readonly shown: Locator;
  readonly reset: Locator;
  readonly rows: Locator;
  readonly caption: Locator;
  readonly countsTotal: Locator;
  readonly countsRows: Locator;
  readonly agingChart: Locator;
  readonly outputsRows: Locator;
  readonly noTargets: Locator;
  readonly csv: Locator;
  readonly pdf: Locator;
  readonly exportStatus: Locator;

  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.shown = page.getByTestId('dash-shown');
    this.reset = page.getByTestId('dash-reset');
    this.rows = page.getByTestId('dashboard-row');
    this.caption = page.getByTestId('dashboard-caption');
    this.countsTotal = page.getByTestId('dash-counts-total');
    this.countsRows = page.getByTestId('dash-counts-row');
    this.agingChart = page.getByTestId('dash-aging-chart');
    this.outputsRows = page.getByTestId('dash-outputs-row');
    this.noTargets = page.getByTestId('dash-no-targets');
    this.csv = page.getByTestId('dash-csv');
    this.pdf = page.getByTestId('dash-pdf');
    this.exportStatus = page.getByTestId('dash-export-status');
  }

  url(query = ''): string {
    return `chrome-extension://${this.extensionId}/dashboard.html${query}`;
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(this.url(query));
    await this.page.getByTestId('dash-filters').waitFor();
  }

  filter(name: FilterName): Locator {
    return this.page.getByTestId(`dash-filter-${name}`);
  }

  row(caseId: string): Locator {
    return this.page.locator(`[data-testid="dashboard-row"][data-case-id="${caseId}"]`);
  }

  aging(bucket: string): Locator {
    return this.page.getByTestId(`dash-aging-${bucket}`);
  }

  /** "Menampilkan 3 dari 17 perkara." → [3, 17]. */
  async shownCounts(): Promise<[number, number]> {
    const m = /(\d+) (?:dari|of) (\d+)/.exec((await this.shown.textContent()) ?? '');
    return [Number(m?.[1]), Number(m?.[2])];
  }
}
