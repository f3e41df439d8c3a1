/**
 * Signed checklists end to end: the side panel signs the case its portal tab shows, the
 * download is captured and checked by poppler's pdfsig and qpdf, the verify page says it is
 * valid (and that a copy with one byte changed is not), the case's history records the file's
 * hash, and the options page shows the key's certificate. axe on each page as it is shown.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options';
import { SidePanel, sendFrom, tabIdOf } from './pages/sidepanel';

const OFFICER = {
  name: 'Dewi Kartika Sari',
  nip: '198811232015032001',
  unit: 'DPMPTSP Kota Contoh',
  role: 'officer',
  region: '31',
};
const EMPTY_OFFICER = { name: '', nip: '', unit: '', role: 'officer', region: '' };

test('signs the case’s checklist from the side panel; pdfsig, qpdf and the verify page accept it; a changed byte is caught', async ({
  page,
  portal,
  extensionId,
}) => {
  // cases.ts plan: the fourth five-item OSS case; a signature only adds to its log.
  const caseRef = ossFiveItemCases(portal.today)[3];
  const caseUrl = `${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`;
  await page.goto(caseUrl);
  const panel = new SidePanel(await page.context().newPage(), extensionId);
  await panel.gotoActive();
  expect(await sendFrom(panel.page, 'settings.set', { key: 'officer', value: OFFICER })).toMatchObject({
    ok: true,
  });
  const dir = mkdtempSync(join(tmpdir(), 'pandu-sign-'));
  try {
    await panel.gotoTab(await tabIdOf(panel.page, caseUrl));
    await expect(panel.caseRef).toHaveText(caseRef);
    const entries = await panel.historyCount();

    const button = panel.page.getByRole('button', { name: 'Cetak checklist bertanda tangan' });
    const downloading = panel.page.waitForEvent('download');
    await button.focus();
    await panel.page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^checklist-${caseRef}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`),
    );
    const file = join(dir, 'checklist.pdf');
    await download.saveAs(file);
    const bytes = readFileSync(file);

    // Independent tools agree with us.
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(caseRef);

    // The panel says what happened; the log and the register hold this file's hash.
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const status = panel.page.getByTestId('sign-status');
    await expect(status).toHaveAttribute('data-state', 'done');
    await expect(panel.page.getByTestId('sign-hash')).toHaveAttribute('data-sha256', sha256);
    await expect(panel.page.getByTestId('sign-signer')).toHaveText(
      `Ditandatangani oleh ${OFFICER.name}: tanda tangan elektronik tidak tersertifikasi (kunci dibuat di peramban ini).`,
    );
    await expect(panel.historyEntries).toHaveCount(entries + 1);
    await expect(panel.historyEntries.last()).toHaveAttribute('data-type', 'signature.recorded');
    await expect(panel.verify).toHaveText(`✓ Riwayat utuh: ${entries + 1} catatan, rantai hash cocok`);
    await expect(panel.page.getByTestId('sign-list').locator(`li[data-sha256="${sha256}"]`)).toHaveCount(1);
    expect(await seriousViolations(panel.page, '[data-testid="sign-section"]')).toEqual([]);

    // The verify page: the file as downloaded is valid, a copy with one byte changed is not.
    const verify = await page.context().newPage();
    await verify.goto(`chrome-extension://${extensionId}/verify.html`);
    await verify.getByTestId('verify-file-input').setInputFiles(file);
    const verdict = verify.getByTestId('verify-verdict');
    await expect(verdict).toHaveAttribute('data-valid', 'true');
    await expect(verdict).toBeFocused();
    await expect(verify.getByTestId('verify-signature')).toHaveCount(1);
    await expect(verify.getByTestId('verify-signature')).toContainText(OFFICER.name);
    await expect(verify.getByTestId('verify-payload')).toContainText(caseRef);
    expect(await seriousViolations(verify)).toEqual([]);

    // One byte flipped halfway into the first signed range (before /Contents).
    const range = /\/ByteRange\s*\[\s*0\s+(\d+)/.exec(bytes.toString('latin1'));
    const firstRange = Number(range?.[1]);
    expect(firstRange).toBeGreaterThan(1000);
    const changed = Buffer.from(bytes);
    const at = Math.floor(firstRange / 2);
    changed[at] = (changed[at] ?? 0) ^ 1;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, changed);
    expect(execFileSync('pdfsig', [tampered], { encoding: 'utf8' })).toContain('Digest Mismatch.');
    await verify.getByTestId('verify-file-input').setInputFiles(tampered);
    await expect(verdict).toHaveAttribute('data-valid', 'false');
    await expect(verdict).toHaveAttribute('data-problem', 'modified');
    await verify.close();

    // The options page shows the key that signed, with its certificate.
    const options = new OptionsPage(await page.context().newPage(), extensionId);
    await options.goto();
    const key = options.page.getByTestId('key').first();
    await expect(key).toHaveAttribute('data-active', 'true');
    await expect(key.getByTestId('key-details')).toContainText(OFFICER.nip);
    await expect(key.getByTestId('key-details')).toContainText(
      'Tidak tersertifikasi (dibuat di peramban ini)',
    );
    expect(await seriousViolations(options.page, '[data-testid="keys-section"]')).toEqual([]);
    await options.page.close();
  } finally {
    await sendFrom(panel.page, 'settings.set', { key: 'officer', value: EMPTY_OFFICER });
    await panel.page.close();
  }
});
