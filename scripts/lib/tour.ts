/**
 * The scripted demo tour: open a portal list, open a case, show the overlay — on a classic
 * portal and on the single-page one — then tick a checklist item and show it kept after a
 * reload. Writes screenshots and summary.json. Used by
 * `npm run demo` without a display and by an E2E test, so the demo cannot silently rot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

export interface TourStep {
  name: string;
  title: string;
  url: string;
  screenshot: string;
  panel?: { permit: string; caseRef: string };
  rows?: number;
  /** The panel's checklist progress line. */
  progress?: string;
  ms: number;
}

export interface TourSummary {
  ok: boolean;
  generatedAt: string;
  portalUrl: string;
  extensionId: string;
  browser: string;
  steps: TourStep[];
  error?: string;
}

export interface TourInput {
  context: BrowserContext;
  portalUrl: string;
  extensionId: string;
  browser: string;
  outDir: string;
}

const PANEL = '[data-testid="pandu-panel"]';

export async function runTour(input: TourInput): Promise<TourSummary> {
  mkdirSync(input.outDir, { recursive: true });
  const summary: TourSummary = {
    ok: false,
    generatedAt: new Date().toISOString(),
    portalUrl: input.portalUrl,
    extensionId: input.extensionId,
    browser: input.browser,
    steps: [],
  };
  const page = await input.context.newPage();
  const step = async (name: string, title: string, act: () => Promise<Partial<TourStep>>) => {
    const started = Date.now();
    const extra = await act();
    const screenshot = `${String(summary.steps.length + 1).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: join(input.outDir, screenshot), fullPage: false });
    summary.steps.push({ name, title, url: page.url(), screenshot, ms: Date.now() - started, ...extra });
  };
  try {
    await step('daftar-permohonan', 'SiCantik Cloud: daftar permohonan', async () => {
      await page.goto(`${input.portalUrl}/sicantik/permohonan`);
      return { rows: await page.locator('table tbody tr').count() };
    });
    await step('detail-perkara', 'SiCantik Cloud: detail perkara dengan panel Pandu Izin', async () => {
      await page.locator('table tbody tr a').first().click();
      return { panel: await readPanel(page) };
    });
    await step('simbg-spa', 'SIMBG (SPA): detail perkara dibuka lewat navigasi klien', async () => {
      await page.goto(`${input.portalUrl}/simbg/app/permohonan`);
      await page.locator('table tbody tr a').first().click();
      return { panel: await readPanel(page) };
    });
    await step(
      'checklist-tersimpan',
      'OSS RBA: butir daftar periksa dicentang, tetap tersimpan setelah muat ulang',
      async () => {
        await page.goto(`${input.portalUrl}/oss/perizinan`);
        // A Sertifikat Standar case under technical verification: its first stage has a
        // checklist (a rejected case is finished and shows none). The E2E specs share one
        // browser and use the other open OSS cases, so the tour keeps to this one.
        await page
          .locator('table tbody tr')
          .filter({ has: page.locator('td:nth-child(6)', { hasText: /^Sertifikat Standar$/ }) })
          .filter({ has: page.locator('td:nth-child(8) span.status', { hasText: /^Verifikasi Teknis$/ }) })
          .locator('a')
          .first()
          .click();
        const panel = page.locator(PANEL);
        const first = panel.getByTestId('pandu-item').first();
        await first.waitFor({ state: 'visible', timeout: 15_000 });
        if ((await first.getAttribute('data-status')) !== 'ticked') await first.getByRole('checkbox').check();
        await panel.locator('[data-testid="pandu-item"][data-status="ticked"]').first().waitFor();
        await page.reload();
        await panel
          .locator('[data-testid="pandu-item"][data-status="ticked"]')
          .first()
          .waitFor({ timeout: 15_000 });
        return {
          panel: await readPanel(page),
          progress: (await panel.getByTestId('pandu-progress').textContent()) ?? '',
        };
      },
    );
    summary.ok = true;
  } catch (err) {
    summary.error = err instanceof Error ? err.message : String(err);
  } finally {
    await page.close().catch(() => undefined);
    writeFileSync(join(input.outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary;
}

async function readPanel(page: Page): Promise<{ permit: string; caseRef: string }> {
  const panel = page.locator(PANEL);
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  return {
    permit: (await panel.getByTestId('pandu-permit').textContent()) ?? '',
    caseRef: (await panel.getByTestId('pandu-case-ref').textContent()) ?? '',
  };
}
