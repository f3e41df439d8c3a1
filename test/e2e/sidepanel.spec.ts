/**
 * The side panel page, opened in a tab for a portal tab (`?tab=`) or a case (`?case=`): it
 * shows the case the portal tab shows, ticks from the keyboard persist, the history tells
 * what happened with the hash chain checked, and it follows the tab off the case page.
 * Checklist actions go through the side panel itself (the overlay is not used here).
 */
import type { Page } from '@playwright/test';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { SidePanel, sendFrom, tabIdOf } from './pages/sidepanel';

/** A five-item OSS case (cases.ts plan: shared with options and overlay, each puts it back). */
function ossCase(today: string): string {
  return ossFiveItemCases(today)[3];
}

/** Opens the case page on the portal and a side panel page for its tab. */
async function openPanelFor(page: Page, portalUrl: string, caseRef: string, extensionId: string) {
  const caseUrl = `${portalUrl}${PORTAL_PATHS.oss.detail(caseRef)}`;
  await page.goto(caseUrl);
  const panel = new SidePanel(await page.context().newPage(), extensionId);
  // Without a query the page follows its own (active) tab, which shows no case.
  await panel.gotoActive();
  await expect(panel.noCase).toBeVisible();
  const tabId = await tabIdOf(panel.page, caseUrl);
  await panel.gotoTab(tabId);
  await expect(panel.caseRef).toHaveText(caseRef);
  return { panel, tabId, caseUrl };
}

/** Presses Tab until `target` has focus (at most `limit` times): proves it is in the tab order. */
async function tabTo(page: Page, target: import('@playwright/test').Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the element was not reached with Tab');
}

test.describe('the side panel', () => {
  test('shows the portal tab’s case, ticks from the keyboard, keeps it across a reload and shows it in the verified history', async ({
    page,
    portal,
    extensionId,
  }) => {
    const caseRef = ossCase(portal.today);
    const { panel } = await openPanelFor(page, portal.url, caseRef, extensionId);
    try {
      await expect(panel.heading).toHaveText('Pandu Izin — Ruang kerja perkara');
      await expect(panel.portal).toHaveText('OSS RBA');
      await expect(panel.permit).toHaveText(/OSS RBA/);
      await expect(panel.stage).toHaveText(/^Tahap 1 dari \d+: /);
      await expect(panel.items).toHaveCount(5);
      const before = await panel.historyCount();
      await expect(panel.entry(1)).toContainText(`Perkara ${caseRef} dicatat dari portal OSS RBA`);

      const first = panel.item(0);
      const wasTicked = (await first.getAttribute('data-status')) === 'ticked';
      const label = (await first.locator('label').textContent())?.trim() ?? '';
      expect(label).not.toBe('');

      // Keyboard only: reach the first checkbox with Tab, change it with Space.
      await panel.languageToggle.focus();
      await tabTo(panel.page, panel.checkbox(0));
      await panel.page.keyboard.press('Space');
      const after = wasTicked ? 'pending' : 'ticked';
      await expect(first).toHaveAttribute('data-status', after);
      await expect(panel.historyEntries).toHaveCount(before + 1);
      await expect(panel.historyEntries.last()).toContainText(
        wasTicked ? `Membatalkan centang “${label}”` : `Mencentang “${label}”`,
      );
      await expect(panel.verify).toHaveText(`✓ Riwayat utuh: ${before + 1} catatan, rantai hash cocok`);

      await panel.page.reload();
      await expect(panel.caseRef).toHaveText(caseRef);
      await expect(panel.item(0)).toHaveAttribute('data-status', after);
      await expect(panel.historyEntries).toHaveCount(before + 1);
      await expect(panel.verify).toContainText('rantai hash cocok');

      // And back, so the case is as it was (one browser serves the run).
      await panel.checkbox(0).click();
      await expect(panel.item(0)).toHaveAttribute('data-status', wasTicked ? 'ticked' : 'pending');
      await expect(panel.verify).toHaveText(`✓ Riwayat utuh: ${before + 2} catatan, rantai hash cocok`);
    } finally {
      await panel.page.close();
    }
  });

  test('follows changes made elsewhere without a reload, and shows a refusal in words', async ({
    page,
    portal,
    extensionId,
  }) => {
    const caseRef = ossCase(portal.today);
    const { panel } = await openPanelFor(page, portal.url, caseRef, extensionId);
    try {
      await expect(panel.items).toHaveCount(5);
      const caseId = (await panel.case.getAttribute('data-case-id')) as string;
      const item = (await panel.item(1).getAttribute('data-item')) as string;
      const note = `Catatan uji ${Date.now()}`;
      // Another extension page acts on the case: the panel follows through the database.
      const other = await page.context().newPage();
      try {
        await other.goto(`chrome-extension://${extensionId}/popup.html`);
        const answer = await sendFrom(other, 'case.intent', {
          caseId,
          eventId: crypto.randomUUID(),
          intent: { type: 'note.add', text: note, itemId: item },
        });
        expect(answer.ok).toBe(true);
        await expect(panel.historyEntries.last()).toContainText(note);
        await expect(panel.verify).toContainText('rantai hash cocok');
      } finally {
        await other.close();
      }
      // Completing a step with its mandatory items open is refused: the panel says why, in
      // the current language.
      await panel.case.getByTestId('pandu-complete-step').first().click();
      await expect(panel.error).toBeVisible();
      await expect(panel.error).toContainText('Tindakan tidak disimpan.');
      try {
        await panel.languageToggle.click();
        await expect(panel.error).toContainText('Action not saved.');
      } finally {
        await sendFrom(panel.page, 'prefs.set', { language: 'id' });
      }
      await expect(panel.error).toContainText('Tindakan tidak disimpan.');
    } finally {
      await panel.page.close();
    }
  });

  test('says there is no case when its tab leaves the case page, and when a case id is unknown', async ({
    page,
    portal,
    extensionId,
  }) => {
    const caseRef = ossCase(portal.today);
    const { panel } = await openPanelFor(page, portal.url, caseRef, extensionId);
    try {
      await page.goto(`${portal.url}${PORTAL_PATHS.oss.list}`);
      await expect(panel.noCase).toBeVisible();
      await expect(panel.noCase).toContainText('Belum ada perkara di tab ini');
      await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`);
      await expect(panel.caseRef).toHaveText(caseRef);

      await panel.gotoCase('oss-rba:TIDAK-ADA');
      await expect(panel.noCase).toContainText('Perkara “oss-rba:TIDAK-ADA” tidak tercatat di peramban ini.');
    } finally {
      await panel.page.close();
    }
  });

  test('switches language live and has no serious accessibility violations', async ({
    page,
    portal,
    extensionId,
  }) => {
    const caseRef = ossCase(portal.today);
    const { panel } = await openPanelFor(page, portal.url, caseRef, extensionId);
    try {
      await expect(panel.verify).toContainText('rantai hash cocok');
      expect(await seriousViolations(panel.page)).toEqual([]);
      await panel.languageToggle.focus();
      await panel.page.keyboard.press('Enter');
      await expect(panel.heading).toHaveText('Pandu Izin — Case workspace');
      await expect(panel.page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(panel.stage).toHaveText(/^Stage 1 of \d+: /);
      await expect(panel.verify).toHaveText(/^✓ History intact: \d+ entries, hash chain matches$/);
      await expect(panel.entry(1)).toContainText(`Case ${caseRef} recorded from the OSS RBA portal`);
      expect(await seriousViolations(panel.page)).toEqual([]);
    } finally {
      // The language is shared by every view of the run: put Indonesian back.
      await sendFrom(panel.page, 'prefs.set', { language: 'id' });
      await expect(panel.heading).toHaveText('Pandu Izin — Ruang kerja perkara');
      await panel.page.close();
    }
  });
});
