/** Checks shared by the badge specs: every row badged, and a badge drawn inside its own cell. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Every listed row gets exactly one slot, and every slot its badge. */
export async function allBadged(page: Page, rowsSelector: string, count: number, timeout = 20_000) {
  await expect(page.locator(rowsSelector)).toHaveCount(count);
  await expect(page.locator(`${rowsSelector} pandu-izin-badge`)).toHaveCount(count, { timeout });
  await expect(page.locator(`${rowsSelector} pandu-izin-badge .b`)).toHaveCount(count, { timeout });
}

/**
 * A badge floats over its slot (badges.ts): it must still be drawn inside its own row's status
 * cell, and move with it. Checked on screen, with the row scrolled into view (which is also where
 * its visible parts are made).
 */
export async function drawnInItsCell(row: Locator) {
  await row.scrollIntoViewIfNeeded();
  await expect(
    row.locator('pandu-izin-badge [data-kind=stage], pandu-izin-badge [data-kind=outcome]').first(),
  ).toBeVisible();
  const badge = await row.locator('pandu-izin-badge .b').boundingBox();
  const cell = await row.locator('pandu-izin-badge').evaluate((host) => {
    const r = (host.parentElement as Element).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  expect(badge, 'badge drawn').not.toBeNull();
  if (!badge) return;
  expect(badge.x).toBeGreaterThanOrEqual(cell.x);
  expect(badge.y).toBeGreaterThanOrEqual(cell.y);
  expect(badge.x + badge.width).toBeLessThanOrEqual(cell.x + cell.width + 0.5);
  expect(badge.y + badge.height).toBeLessThanOrEqual(cell.y + cell.height + 0.5);
}
