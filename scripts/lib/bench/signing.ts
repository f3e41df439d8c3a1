/**
 * Signing a case's checklist as a PDF in the side panel (an extension page), as an officer does:
 * from pressing "Cetak checklist bertanda tangan" to the panel saying it is done (PDF built,
 * fonts embedded, signed with the browser's key, recorded and saved). The case is a PBG case
 * from the demo SIMBG portal, the catalog's longest checklist.
 */
import type { BrowserContext } from '@playwright/test';
import { sendFrom, tabIdOf } from '../../../test/e2e/pages/sidepanel';
import { checklistFixture } from '../../../test/fixtures/pdf/checklist';
import { generateOfficerKey } from '../../../utils/pdf/keys';
import { layoutChecklist } from '../../../utils/pdf/layout';
import { signPdf } from '../../../utils/pdf/sign';
import { nodePdfIo } from '../pdf-io';
import { median } from './stats';

const OFFICER = {
  name: 'Bench Petugas',
  nip: '198811232015032001',
  unit: 'DPMPTSP Kota Contoh',
  role: 'officer',
  region: '31',
};

export interface SignFigures {
  signMs: number;
  /** Items in the signed checklist. */
  items: number;
  runs: number;
}

export async function signFigures(
  context: BrowserContext,
  extensionId: string,
  caseUrl: string,
  { runs }: { runs: number },
): Promise<SignFigures> {
  const portalPage = await context.newPage();
  await portalPage.goto(caseUrl);
  // The case is recorded once the overlay shows it.
  await portalPage.locator('pandu-izin-panel').waitFor({ state: 'attached', timeout: 15_000 });
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const tabId = await tabIdOf(panel, caseUrl);
  const stored = await sendFrom(panel, 'settings.set', { key: 'officer', value: OFFICER });
  if (!stored.ok) throw new Error(`the bench's officer was refused: ${stored.error?.message.en}`);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  const button = panel.getByRole('button', { name: 'Cetak checklist bertanda tangan' });
  await button.waitFor({ timeout: 15_000 });
  const items = await panel.getByTestId('workspace-case').getByTestId('pandu-item').count();
  const times: number[] = [];
  // One warm-up signing (the key is made, fonts are loaded), not counted.
  for (let run = 0; run <= runs; run++) {
    // Caught here so that a failed signing reports itself, not this wait.
    const downloaded = panel.waitForEvent('download').catch(() => null);
    const took = await panel.evaluate(() => {
      const status = document.querySelector('[data-testid="sign-status"]');
      const button = [...document.querySelectorAll('button')].find(
        (b) =>
          b.textContent?.trim() === 'Cetak checklist bertanda tangan' ||
          b.getAttribute('aria-label') === 'Cetak checklist bertanda tangan',
      );
      if (!status || !button) throw new Error('no signing button or status in the side panel');
      return new Promise<number>((resolve, reject) => {
        const started = performance.now();
        // (No named functions in here: the bench's tsx would wrap them in a helper the page lacks.)
        new MutationObserver(() => {
          const state = status.getAttribute('data-state');
          if (state === 'done') resolve(performance.now() - started);
          if (state === 'error') reject(new Error(`signing failed: ${status.textContent}`));
        }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
        button.click();
      });
    });
    await (await downloaded)?.delete();
    if (run > 0) times.push(took);
  }
  await panel.close();
  await portalPage.close();
  return { signMs: median(times), items, runs };
}

/**
 * The same layout and signing code in Node, on the PDF tests' checklist with `items` items
 * (field evidence with photos included): how the cost grows with the items, up to the 40 the
 * target names, which no workflow in the catalog has yet. Median of `runs` after one warm-up.
 */
export async function signInNodeMs(items: number, { runs }: { runs: number }): Promise<number> {
  const document = checklistFixture({ items });
  if (document.items.length !== items) throw new Error(`the checklist fixture has no ${items} items`);
  const fonts = nodePdfIo().fonts();
  const key = await generateOfficerKey({ name: OFFICER.name, nip: OFFICER.nip, unit: OFFICER.unit });
  const signer = { privateKey: key.privateKey, certificateDer: key.certificateDer };
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const laid = await layoutChecklist(document, fonts);
    await signPdf(laid.pdf, laid.signatureBox, signer, {
      name: OFFICER.name,
      reason: 'Daftar periksa berkas perizinan',
      location: document.region.name,
      signedAt: '2026-11-29T10:00:00+07:00',
    });
    if (run > 0) times.push(performance.now() - started);
  }
  return median(times);
}
