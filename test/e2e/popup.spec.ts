/**
 * The toolbar popup, opened in a tab for a portal tab (`?tab=`): the case at a glance, live;
 * "no case" elsewhere; its dashboard button opens the dashboard listing the case, whose row
 * leads to the case's workspace. Axe scans the popup and the dashboard.
 */
import type { Page } from '@playwright/test';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { Dashboard, Popup } from './pages/popup';
import { SidePanel, sendFrom, tabIdOf } from './pages/sidepanel';

/** A five-item OSS case (cases.ts plan: the third, whose store.spec test is relative). */
function ossCase(today: string): string {
  return ossFiveItemCases(today)[2];
}

async function openPopupFor(page: Page, url: string, extensionId: string) {
  await page.goto(url);
  const popup = new Popup(await page.context().newPage(), extensionId);
  await popup.page.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.gotoTab(await tabIdOf(popup.page, url));
  return popup;
}

test.describe('the popup and the dashboard', () => {
  test('the popup sums up the tab’s case live, and its dashboard button lists the case', async ({
    page,
    portal,
    extensionId,
    context,
  }) => {
    const caseRef = ossCase(portal.today);
    const popup = await openPopupFor(page, `${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`, extensionId);
    try {
      await expect(popup.caseRef).toHaveText(caseRef);
      await expect(popup.permit).toHaveText(/OSS RBA/);
      await expect(popup.stage).toHaveText(/^1 dari \d+: \S/);
      await expect(popup.modes.first()).toBeVisible();
      await expect(popup.modes.first()).toHaveText(/Dari mana saja|Di kantor|Ke lapangan/);
      await expect(popup.progress).toHaveText(/^\d dari 5 dicentang$/);
      await expect(popup.sla).toContainText('Tenggat layanan:');
      expect(await seriousViolations(popup.page)).toEqual([]);

      // A tick made elsewhere shows here without a reload.
      const ticked = Number(/^(\d)/.exec((await popup.progress.textContent()) ?? '')?.[1]);
      const caseId = `oss-rba:${caseRef}`;
      const view = await sendFrom<{ view: { steps: { items: { id: string; status: string }[] }[] } }>(
        popup.page,
        'case.view',
        { caseId },
      );
      const pending = view.data?.view.steps.flatMap((s) => s.items).find((i) => i.status === 'pending');
      if (!pending) throw new Error('no pending item to tick');
      const tick = await sendFrom(popup.page, 'case.intent', {
        caseId,
        eventId: crypto.randomUUID(),
        intent: { type: 'checklist.tick', itemId: pending.id },
      });
      expect(tick.ok).toBe(true);
      await expect(popup.progress).toHaveText(`${ticked + 1} dari 5 dicentang`);

      const [opened] = await Promise.all([context.waitForEvent('page'), popup.openDashboard.click()]);
      const dashboard = new Dashboard(opened);
      try {
        await expect(opened).toHaveURL(`chrome-extension://${extensionId}/dashboard.html`);
        await expect(dashboard.heading).toHaveText('Pandu Izin — Dasbor perkara');
        const row = dashboard.row(caseId);
        await expect(row).toBeVisible();
        await expect(row).toContainText('OSS RBA');
        await expect(row.getByTestId('dashboard-stage')).toHaveText(/^1 dari \d+: /);
        await expect(row.getByTestId('dashboard-sla')).not.toBeEmpty();
        await expect(dashboard.caption).toContainText('menurut urgensi');
        expect(await seriousViolations(opened)).toEqual([]);

        // The case number leads to the case's workspace.
        await row.getByRole('link', { name: caseRef }).click();
        const panel = new SidePanel(opened, extensionId);
        await expect(panel.caseRef).toHaveText(caseRef);
        await expect(panel.progress).toHaveText(`Daftar periksa: ${ticked + 1} dari 5 dicentang`);
      } finally {
        await opened.close();
      }

      // Put the case back for the tests after this one.
      const untick = await sendFrom(popup.page, 'case.intent', {
        caseId,
        eventId: crypto.randomUUID(),
        intent: { type: 'checklist.untick', itemId: pending.id },
      });
      expect(untick.ok).toBe(true);
      await expect(popup.progress).toHaveText(`${ticked} dari 5 dicentang`);
    } finally {
      await popup.page.close();
    }
  });

  test('the popup says when a page has no case, and offers the side panel and the dashboard', async ({
    page,
    portal,
    extensionId,
  }) => {
    const popup = await openPopupFor(page, `${portal.url}${PORTAL_PATHS.oss.list}`, extensionId);
    try {
      await expect(popup.noCase).toHaveText(/Tidak ada perkara di halaman ini\./);
      await expect(popup.openPanel).toHaveText('Buka panel samping');
      await expect(popup.openDashboard).toHaveText('Buka dasbor');
      // Keyboard: the first Tab stops are the language switch and then the two buttons.
      await popup.languageToggle.focus();
      await popup.page.keyboard.press('Tab');
      await expect(popup.openPanel).toBeFocused();
      await popup.page.keyboard.press('Tab');
      await expect(popup.openDashboard).toBeFocused();
      expect(await seriousViolations(popup.page)).toEqual([]);
      // Opened from the click itself (a user gesture), Chromium's side panel opens without
      // complaint; a refusal would show as a problem under the buttons.
      await popup.openPanel.click();
      await popup.page.waitForTimeout(300);
      await expect(popup.problem).toHaveCount(0);
    } finally {
      await popup.page.close();
    }
  });
});
