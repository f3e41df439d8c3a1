/**
 * Field evidence end to end, in the side panel page of a portal tab on an OSS RBA case whose
 * current stage has a field step: the step cannot be completed without evidence; with the
 * location permission granted and a mocked position, the GPS fix, a camera-sized photo
 * (scaled down to 1600 px), the result and the officers are recorded, the step completes and
 * the history shows both; with the permission refused, typed coordinates are checked (out of
 * Indonesia refused in words) and then accepted, with the browser offline. The overlay's entry
 * point opens the workspace.
 */
import type { Page } from '@playwright/test';
import { gradientPng } from '../fixtures/photo/png';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { SidePanel, tabIdOf } from './pages/sidepanel';

/**
 * The demo's OSS RBA cases at the "Sertifikat Standar" stage, whose field step is the site
 * check (cases.ts: no other spec uses them).
 */
const GPS_CASE = 'I-202611260003014';
const MANUAL_CASE = 'I-202611270003015';
const STEP = 'oss-standard-site-check';
const JAKARTA = { latitude: -6.1754, longitude: 106.8272 };

async function panelFor(
  page: Page,
  portalUrl: string,
  caseRef: string,
  extensionId: string,
  prepare?: (panelPage: Page) => Promise<unknown>,
) {
  const caseUrl = `${portalUrl}${PORTAL_PATHS.oss.detail(caseRef)}`;
  await page.goto(caseUrl);
  const panelPage = await page.context().newPage();
  await prepare?.(panelPage);
  const panel = new SidePanel(panelPage, extensionId);
  await panel.gotoActive();
  await panel.gotoTab(await tabIdOf(panel.page, caseUrl));
  await expect(panel.caseRef).toHaveText(caseRef);
  const step = panel.page.locator(`[data-testid="pandu-step"][data-step="${STEP}"]`);
  await expect(step).toHaveAttribute('data-mode', 'field');
  return { panel, step, evidence: step.getByTestId('field-evidence') };
}

test.describe('field evidence', () => {
  test('GPS granted: refused without evidence, then GPS + photo + result recorded, step done, history tells', async ({
    page,
    context,
    portal,
    extensionId,
  }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ ...JAKARTA, accuracy: 8 });
    const { panel, step, evidence } = await panelFor(page, portal.url, GPS_CASE, extensionId);
    try {
      // The engine's guard: no evidence, no completion, said in words.
      await step.getByTestId('pandu-complete-step').click();
      await expect(panel.error).toContainText('Langkah lapangan perlu bukti');
      await expect(step).toHaveAttribute('data-completed', 'false');

      await evidence.getByTestId('field-open').click();
      const form = evidence.getByTestId('field-form');
      // Saving an empty form marks the fields and moves the focus to the first one.
      await form.getByTestId('field-save').click();
      await expect(form.getByTestId('field-invalid')).toContainText('Bukti belum disimpan');
      await expect(form.getByTestId('field-lat')).toBeFocused();

      await form.getByTestId('field-gps').click();
      await expect(form.getByTestId('field-gps-status')).toHaveAttribute('data-state', 'fix');
      await expect(form.getByTestId('field-gps-status')).toContainText('-6.1754, 106.8272 (akurasi ± 8 m)');

      await form.getByTestId('field-photo-input').setInputFiles({
        name: 'lokasi-depan.png',
        mimeType: 'image/png',
        buffer: gradientPng(2400, 1800),
      });
      await expect(form.getByTestId('field-photo-status')).toHaveText('1 foto disimpan.');
      const thumb = form.getByTestId('field-photos').locator('img');
      await expect(thumb).toHaveCount(1);
      // Stored scaled down: 2400×1800 becomes 1600×1200.
      await expect
        .poll(() => thumb.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
        .toEqual([1600, 1200]);

      await form.getByRole('radio', { name: 'Sesuai', exact: true }).check();
      await form.getByTestId('field-inspectors').fill('Ahmad Fauzi\nRina Wulandari');
      await form.getByTestId('field-note').fill('Bangunan sesuai gambar; papan nama terpasang.');
      expect(await seriousViolations(panel.page, '[data-testid="field-evidence"]')).toEqual([]);
      await form.getByTestId('field-save').click();

      await expect(evidence.getByTestId('field-saved')).toHaveText(
        'Bukti tersimpan dan dicatat di riwayat perkara (1 foto).',
      );
      const entry = evidence.getByTestId('field-evidence-entry');
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText('Sesuai');
      await expect(entry).toContainText('-6.1754, 106.8272 (GPS, ± 8 m)');
      await expect(entry).toContainText('Ahmad Fauzi, Rina Wulandari');
      await expect(entry.locator('img')).toHaveCount(1);

      await step.getByTestId('pandu-complete-step').click();
      await expect(step).toHaveAttribute('data-completed', 'true');
      await expect(
        panel.page.locator('[data-testid="history-entry"][data-type="evidence.attach"]'),
      ).toHaveCount(1);
      await expect(
        panel.page.locator('[data-testid="history-entry"][data-type="step.complete"]'),
      ).toHaveCount(1);
      await expect(panel.verify).toHaveText(/^✓ Riwayat utuh: \d+ catatan, rantai hash cocok$/);
    } finally {
      await context.clearPermissions();
      await panel.page.close();
    }
  });

  test('GPS refused: typed coordinates outside Indonesia are refused in words, then accepted', async ({
    page,
    portal,
    extensionId,
  }) => {
    // Chrome grants geolocation to an extension that declares it, and cannot be told to refuse
    // it for an extension origin (CDP: "Permission can't be granted to opaque origins"). The
    // refusal an officer meets when the operating system denies location is therefore made
    // in the page: the Geolocation API answers PERMISSION_DENIED, as Chrome does then.
    const denyLocation = (panelPage: Page) =>
      panelPage.addInitScript(() => {
        const denied = {
          code: 1,
          message: 'User denied Geolocation',
          PERMISSION_DENIED: 1,
          POSITION_UNAVAILABLE: 2,
          TIMEOUT: 3,
        };
        navigator.geolocation.getCurrentPosition = (_ok, fail) =>
          setTimeout(() => fail?.(denied as GeolocationPositionError), 50);
      });
    const { panel, step, evidence } = await panelFor(
      page,
      portal.url,
      MANUAL_CASE,
      extensionId,
      denyLocation,
    );
    // On site there is often no connection: nothing in this flow needs one.
    await panel.page.context().setOffline(true);
    try {
      await evidence.getByTestId('field-open').click();
      const form = evidence.getByTestId('field-form');
      await form.getByTestId('field-gps').click();
      await expect(form.getByTestId('field-gps-status')).toHaveAttribute('data-state', 'failed');
      await expect(form.getByTestId('field-gps-status')).toContainText('Izin lokasi ditolak');

      // Latitude and longitude swapped: both outside the box.
      await form.getByTestId('field-lat').fill('106,8272');
      await form.getByTestId('field-lon').fill('-6,1754');
      await form.getByTestId('field-bap').fill('BAP/027/XI/2026');
      await form.getByRole('radio', { name: 'Perlu tindak lanjut' }).check();
      await form.getByTestId('field-inspectors').fill('Dewi Kartika Sari');
      await form.getByTestId('field-save').click();
      await expect(form.getByTestId('field-error-lat')).toContainText('Di luar wilayah Indonesia');
      await expect(form.getByTestId('field-error-lon')).toContainText('Di luar wilayah Indonesia');
      await expect(form.getByTestId('field-lat')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByTestId('field-lat')).toBeFocused();
      // Nothing was lost: what was typed is still there.
      await expect(form.getByTestId('field-inspectors')).toHaveValue('Dewi Kartika Sari');
      await expect(form).toContainText('Tanpa koneksi internet: bukti tetap tersimpan di peramban ini.');
      expect(await seriousViolations(panel.page, '[data-testid="field-evidence"]')).toEqual([]);

      await form.getByTestId('field-lat').fill('-6,1754');
      await form.getByTestId('field-lon').fill('106,8272');
      await form.getByTestId('field-save').click();
      const entry = evidence.getByTestId('field-evidence-entry');
      await expect(entry).toHaveCount(1);
      await expect(entry).toHaveAttribute('data-result', 'perlu-tindak-lanjut');
      await expect(entry).toContainText('-6.1754, 106.8272 (diisi manual)');
      await expect(entry).toContainText('BAP: BAP/027/XI/2026');

      await step.getByTestId('pandu-complete-step').click();
      await expect(step).toHaveAttribute('data-completed', 'true');
    } finally {
      await panel.page.context().setOffline(false);
      await panel.page.close();
    }
  });

  test('the overlay offers to record evidence in the workspace, which opens on the case', async ({
    page,
    context,
    portal,
    overlay,
  }) => {
    // A field case nobody completes here (cases.ts): the SIMBG SLF case at its inspection stage.
    const caseRef = 'SLF-531501-29102026-01';
    await page.goto(`${portal.url}${PORTAL_PATHS.simbg.detail(caseRef)}`);
    const button = overlay.root.getByTestId('pandu-record-evidence');
    await expect(button).toHaveCount(1);
    await expect(button).toHaveAccessibleName(/^Catat bukti lapangan untuk ".+" di ruang kerja Pandu Izin$/);
    const opened = context.waitForEvent('page', { timeout: 5_000 }).catch(() => null);
    await button.click();
    const workspace = await opened;
    // Chrome opens the side panel beside the tab when it can, else a workspace tab on the case.
    if (workspace) {
      await expect(workspace).toHaveURL(/\/sidepanel\.html\?case=simbg%3ASLF-531501-29102026-01$/);
      await expect(workspace.getByTestId('workspace-case-ref')).toHaveText(caseRef);
      await expect(workspace.getByTestId('field-evidence')).toHaveCount(1);
      await workspace.close();
    }
    await expect(overlay.error).toHaveCount(0);
  });
});
