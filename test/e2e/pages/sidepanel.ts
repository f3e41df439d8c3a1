/**
 * Page object for the side panel page (`sidepanel.html`), opened in a normal tab as the tests
 * do: `?tab=<tabId>` shows that tab's case, `?case=<caseId>` a case by id, no query the active
 * tab of the window. Also the extension-page helpers the side panel and popup tests share.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The id of the tab showing `url`, asked from an extension page (it has the tabs API). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (wanted) => {
    const chromeApi = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      }
    ).chrome;
    const tabs = await chromeApi.tabs.query({});
    return tabs.find((t) => t.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Sends a protocol message from an extension page, as the page itself would. */
export function sendFrom<T = unknown>(
  extensionPage: Page,
  type: string,
  payload: unknown,
): Promise<{ ok: boolean; data?: T; error?: { code: string; message: { id: string; en: string } } }> {
  return extensionPage.evaluate(
    ([t, p]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<never> } };
        }
      ).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  );
}

export class SidePanel {
  readonly heading: Locator;
  readonly languageToggle: Locator;
  readonly loading: Locator;
  readonly noCase: Locator;
  readonly case: Locator;
  readonly caseRef: Locator;
  readonly portal: Locator;
  readonly error: Locator;
  readonly busy: Locator;
  readonly permit: Locator;
  readonly stage: Locator;
  readonly progress: Locator;
  readonly items: Locator;
  readonly history: Locator;
  readonly historyEntries: Locator;
  readonly verify: Locator;
  readonly dashboardLink: Locator;

  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.languageToggle = page.getByTestId('workspace-language');
    this.loading = page.getByTestId('workspace-loading');
    this.noCase = page.getByTestId('workspace-no-case');
    this.case = page.getByTestId('workspace-case');
    this.caseRef = page.getByTestId('workspace-case-ref');
    this.portal = page.getByTestId('workspace-portal');
    this.error = page.getByTestId('workspace-error');
    this.busy = page.getByTestId('workspace-busy');
    // The shared CaseWorkspace's own test ids.
    this.permit = this.case.getByTestId('pandu-permit');
    this.stage = this.case.getByTestId('pandu-stage');
    this.progress = this.case.getByTestId('pandu-progress');
    this.items = this.case.getByTestId('pandu-item');
    this.history = page.getByTestId('history');
    this.historyEntries = page.getByTestId('history-entry');
    this.verify = page.getByTestId('history-verify');
    this.dashboardLink = page.getByTestId('workspace-dashboard-link');
  }

  url(query = ''): string {
    return `chrome-extension://${this.extensionId}/sidepanel.html${query}`;
  }

  /** Opens the page without a query (it follows the active tab: itself, so no case). */
  async gotoActive(): Promise<void> {
    await this.page.goto(this.url());
  }

  async gotoTab(tabId: number): Promise<void> {
    await this.page.goto(this.url(`?tab=${tabId}`));
  }

  async gotoCase(caseId: string): Promise<void> {
    await this.page.goto(this.url(`?case=${encodeURIComponent(caseId)}`));
  }

  item(index: number): Locator {
    return this.items.nth(index);
  }

  checkbox(index: number): Locator {
    return this.item(index).getByRole('checkbox');
  }

  /**
   * How many entries the case's history has, once it is loaded and verified: the count is read
   * from the verify line, which appears only after the log is read (counting the entries before
   * that would read 0 from a history still loading).
   */
  async historyCount(): Promise<number> {
    await expect(this.verify).toHaveText(/^✓ Riwayat utuh: \d+ catatan, rantai hash cocok$/);
    const count = Number((await this.verify.textContent())?.match(/(\d+) catatan/)?.[1]);
    await expect(this.historyEntries).toHaveCount(count);
    return count;
  }

  /** The history entry with log number `seq`. */
  entry(seq: number): Locator {
    return this.page.locator(`[data-testid="history-entry"][data-seq="${seq}"]`);
  }
}
