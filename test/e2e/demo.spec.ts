import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTour, type TourSummary } from '../../scripts/lib/tour';
import { expect, test } from './fixtures';

test('the headless demo tour writes screenshots and a summary with the panel', async ({
  context,
  extensionId,
  portal,
}) => {
  const outDir = mkdtempSync(join(tmpdir(), 'pandu-demo-'));
  try {
    const summary = await runTour({ context, portalUrl: portal.url, extensionId, browser: 'test', outDir });
    expect(summary.error).toBeUndefined();
    expect(summary.ok).toBe(true);
    const written: TourSummary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8'));
    expect(written.steps.map((s) => s.name)).toEqual([
      'daftar-permohonan',
      'detail-perkara',
      'simbg-spa',
      'checklist-tersimpan',
    ]);
    for (const step of written.steps)
      expect(existsSync(join(outDir, step.screenshot)), step.screenshot).toBe(true);
    const detail = written.steps[1];
    expect(detail?.panel?.caseRef).toMatch(/^\d{16}$/);
    expect(detail?.panel?.permit).not.toBe('');
    expect(written.steps[0]?.rows).toBeGreaterThanOrEqual(12);
    expect(written.steps[3]?.progress).toMatch(/^Daftar periksa: [1-9]\d* dari \d+ dicentang$/);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
