/** Page object for the options page: identity, display, adapters, and the background behind them. */
import type { Locator, Page } from '@playwright/test';

export const EMPTY_OFFICER = { name: '', nip: '', unit: '', role: 'officer', region: '' } as const;

export class OptionsPage {
  readonly heading: Locator;
  readonly languageToggle: Locator;
  readonly name: Locator;
  readonly nip: Locator;
  readonly nipError: Locator;
  readonly unit: Locator;
  readonly region: Locator;
  readonly save: Locator;
  readonly officerOutcome: Locator;
  readonly adapterRows: Locator;
  readonly adaptersOutcome: Locator;
  readonly importFile: Locator;
  readonly importText: Locator;
  readonly importSubmit: Locator;
  readonly importOutcome: Locator;
  readonly importErrors: Locator;

  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.languageToggle = page.getByTestId('options-language');
    this.name = page.getByTestId('officer-name');
    this.nip = page.getByTestId('officer-nip');
    this.nipError = page.getByTestId('officer-nip-error');
    this.unit = page.getByTestId('officer-unit');
    this.region = page.getByTestId('officer-region');
    this.save = page.getByTestId('officer-save');
    this.officerOutcome = page.getByTestId('officer-outcome');
    this.adapterRows = page.getByTestId('adapter-row');
    this.adaptersOutcome = page.getByTestId('adapters-outcome');
    this.importFile = page.getByTestId('adapter-import-file');
    this.importText = page.getByTestId('adapter-import-text');
    this.importSubmit = page.getByTestId('adapter-import-submit');
    this.importOutcome = page.getByTestId('adapter-import-outcome');
    this.importErrors = page.getByTestId('adapter-import-error');
  }

  get url(): string {
    return `chrome-extension://${this.extensionId}/options.html`;
  }

  async goto(): Promise<void> {
    await this.page.goto(this.url);
    // The form is disabled until the stored identity has been read.
    await this.name.and(this.page.locator(':enabled')).waitFor();
  }

  language(lang: 'id' | 'en'): Locator {
    return this.page.getByTestId(`options-language-${lang}`);
  }

  role(role: 'officer' | 'supervisor'): Locator {
    return this.page.getByTestId(`officer-role-${role}`);
  }

  adapter(id: string): Locator {
    return this.page.locator(`[data-testid="adapter-row"][data-adapter-id="${id}"]`);
  }

  adapterSwitch(id: string): Locator {
    return this.adapter(id).getByTestId('adapter-enabled');
  }

  /** Sends a protocol message from this extension page, as the page itself would. */
  async send<T = unknown>(
    type: string,
    payload: unknown,
  ): Promise<{ ok: boolean; data?: T; error?: unknown }> {
    return this.page.evaluate(
      ([t, p]) =>
        (
          globalThis as unknown as {
            chrome: {
              runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: T; error?: unknown }> };
            };
          }
        ).chrome.runtime.sendMessage({ type: t, payload: p }),
      [type, payload] as const,
    );
  }

  /** Adapter ids as the background lists them. */
  async adapterIds(): Promise<string[]> {
    const answer = await this.send<{ adapters: { id: string }[] }>('adapters.list', {});
    return answer.data?.adapters.map((a) => a.id) ?? [];
  }

  async storedOfficer(): Promise<unknown> {
    return (await this.send<{ value: unknown }>('settings.get', { key: 'officer' })).data?.value;
  }

  /**
   * Puts back what other tests expect (one browser serves the whole run): Indonesian, the
   * given identity, every built-in adapter on and no imported adapter `ids`.
   */
  async restore({ officer, removeAdapters = [] }: { officer?: unknown; removeAdapters?: string[] } = {}) {
    await this.send('prefs.set', { language: 'id' });
    if (officer !== undefined) await this.send('settings.set', { key: 'officer', value: officer });
    for (const id of ['oss-rba', 'simbg', 'sicantik'])
      await this.send('adapters.setEnabled', { id, enabled: true });
    for (const id of removeAdapters) await this.send('adapters.delete', { id });
  }
}
