/**
 * The whole path on each demo portal, as an officer meets it: a case page opens, the overlay
 * shows the permit, the stage and every stage's ways of working; a tick is stored and the side
 * panel shows it; moving to another case (client-side on SIMBG) moves the overlay with it; the
 * language switch changes the overlay where it stands.
 *
 * What the overlay should show is worked out here, outside the browser: the test knows which
 * catalog permit each fixture permit kind is (our reading, stated below), maps the portal's
 * status with the built-in adapter's data, asks the engine for a case of that permit in the
 * case's province that has seen that status, and compares. A wrong permit mapping, region
 * reading, status handling or assessment in the browser therefore fails here.
 */
import type { Page } from '@playwright/test';
import { buildDataset, HOSTILE_NAME, hostileCases } from '../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { expected, PORTALS, type Portal } from './cases';
import { expect, test } from './fixtures';
import { OverlayPanel } from './pages/overlay';
import type { PortalPages } from './pages/portal';
import { SidePanel, tabIdOf } from './pages/sidepanel';

/** Two cases of the portal whose first stage has a checklist, with what each must show. */
function pickCases(portal: Portal, today: string) {
  const usable = PORTALS[portal]
    .cases(buildDataset(today))
    .map((c) => ({ c, want: expected(c, today) }))
    .filter((x) => x.want.items.length > 0);
  const [first, second] = usable;
  if (!first || !second) throw new Error(`the ${portal} demo data has fewer than two usable cases`);
  return [first, second] as const;
}

/** The stage a picked case shows (picked cases are in process, so they have one). */
function stageOf(want: ReturnType<typeof expected>) {
  if (!want.stage) throw new Error(`case ${want.view.caseId} has no current stage`);
  return want.stage;
}

async function expectOverlayShows(overlay: OverlayPanel, caseRef: string, want: ReturnType<typeof expected>) {
  await expect(overlay.caseRef).toHaveText(caseRef);
  await expect(overlay.permit).toHaveText(want.definition.name.id);
  await expect(overlay.stage).toHaveText(
    `Tahap ${stageOf(want).index + 1} dari ${stageOf(want).count}: ${stageOf(want).name.id}`,
  );
  // Every stage of the timeline, in order, with its state and its ways of working.
  await expect(overlay.stageItems).toHaveCount(want.view.stages.length);
  for (const [i, stage] of want.view.stages.entries()) {
    const item = overlay.stageItems.nth(i);
    await expect(item).toHaveAttribute('data-stage', stage.id);
    await expect(item).toHaveAttribute('data-state', stage.state);
    if (stage.state === 'void') continue;
    const modes = await item.getByTestId('pandu-mode').evaluateAll((els) => els.map((e) => e.dataset.mode));
    expect(modes, `modes of stage ${stage.id}`).toEqual(stage.modes);
  }
  // Each step of the current stage with its mode, shown in words as well as colour.
  const steps = want.view.steps.filter((s) => s.applicable);
  for (const step of steps) {
    const card = overlay.root.locator(`[data-testid="pandu-step"][data-step="${step.id}"]`);
    await expect(card).toHaveAttribute('data-mode', step.mode);
    await expect(card.getByTestId('pandu-mode').first()).toHaveText(
      new RegExp(`${{ remote: 'Dari mana saja', office: 'Di kantor', field: 'Ke lapangan' }[step.mode]}$`),
    );
  }
  await expect(overlay.items).toHaveCount(want.items.length);
}

/** Goes from the list to a case the way the portal does it (a link; client-side on SIMBG). */
async function openFromList(page: Page, portalPages: PortalPages, portal: Portal, caseRef: string) {
  await portalPages.openList(portal);
  await page.locator('table tbody tr a', { hasText: caseRef }).first().click();
  await expect(page).toHaveURL(
    new RegExp(`${PORTAL_PATHS[portal].detail(caseRef).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
}

for (const portal of ['sicantik', 'oss', 'simbg'] as const) {
  test.describe(`${PORTALS[portal].name}: the overlay on a case`, () => {
    test('shows the permit, the stage and every stage’s ways of working, as the engine decides', async ({
      page,
      portal: demo,
      portalPages,
      overlay,
    }) => {
      const [first] = pickCases(portal, demo.today);
      await openFromList(page, portalPages, portal, first.c.id);
      await expectOverlayShows(overlay, first.c.id, first.want);
      await expect(overlay.root.getByText(PORTALS[portal].name, { exact: true })).toBeVisible();
      expect(await seriousViolations(page, 'pandu-izin-panel')).toEqual([]);
    });

    test('a tick is stored, shows in the side panel, and the side panel follows it back', async ({
      page,
      portal: demo,
      overlay,
      extensionId,
    }) => {
      const [first] = pickCases(portal, demo.today);
      const url = `${demo.url}${PORTAL_PATHS[portal].detail(first.c.id)}`;
      await page.goto(url);
      await expect(overlay.caseRef).toHaveText(first.c.id);
      const itemId = first.want.items[0]?.id as string;
      const row = overlay.itemById(itemId);
      const before = (await row.getAttribute('data-status')) ?? 'pending';
      const after = before === 'ticked' ? 'pending' : 'ticked';

      await row.getByRole('checkbox').click();
      await expect(row).toHaveAttribute('data-status', after);

      const panel = new SidePanel(await page.context().newPage(), extensionId);
      try {
        await panel.gotoActive(); // an extension page, which may ask for the tab's id
        await panel.gotoTab(await tabIdOf(panel.page, url));
        await expect(panel.caseRef).toHaveText(first.c.id);
        const panelRow = panel.page.locator(`[data-testid="pandu-item"][data-item="${itemId}"]`);
        await expect(panelRow).toHaveAttribute('data-status', after);

        // Stored, not only shown: a reload of the portal page reads it back.
        await page.reload();
        await expect(overlay.itemById(itemId)).toHaveAttribute('data-status', after);

        // Back as it was, from the overlay; the open side panel follows without a reload.
        await overlay.itemById(itemId).getByRole('checkbox').click();
        await expect(overlay.itemById(itemId)).toHaveAttribute('data-status', before);
        await expect(panelRow).toHaveAttribute('data-status', before);
      } finally {
        await panel.page.close();
      }
    });

    test(`moving to another case moves the overlay with it${PORTALS[portal].spa ? ' (client-side)' : ''}`, async ({
      page,
      portal: demo,
      portalPages,
      overlay,
    }) => {
      const [first, second] = pickCases(portal, demo.today);
      await openFromList(page, portalPages, portal, first.c.id);
      await expectOverlayShows(overlay, first.c.id, first.want);
      // A mark in the page's own window survives only if the page is never reloaded.
      await page.evaluate(() => {
        (window as unknown as { __stillHere: boolean }).__stillHere = true;
      });

      if (PORTALS[portal].spa) {
        await page.goBack();
        await expect(overlay.host()).toHaveCount(0);
        await page.locator('table tbody tr a', { hasText: second.c.id }).first().click();
      } else {
        await page.goto(`${demo.url}${PORTAL_PATHS[portal].list}`);
        await page.locator('table tbody tr a', { hasText: second.c.id }).first().click();
      }
      await expectOverlayShows(overlay, second.c.id, second.want);
      const stillHere = await page.evaluate(
        () => (window as unknown as { __stillHere?: boolean }).__stillHere,
      );
      expect(stillHere).toBe(PORTALS[portal].spa ? true : undefined);
    });

    test('the language switch changes the overlay where it stands, and back', async ({
      page,
      portal: demo,
      overlay,
    }) => {
      const [first] = pickCases(portal, demo.today);
      await page.goto(`${demo.url}${PORTAL_PATHS[portal].detail(first.c.id)}`);
      await expectOverlayShows(overlay, first.c.id, first.want);
      const { definition } = first.want;
      const stage = stageOf(first.want);
      try {
        await overlay.languageToggle.click();
        await expect(overlay.root).toHaveAttribute('lang', 'en');
        await expect(overlay.permit).toHaveText(definition.name.en);
        await expect(overlay.stage).toHaveText(
          `Stage ${stage.index + 1} of ${stage.count}: ${stage.name.en}`,
        );
        const step = first.want.view.steps.find((s) => s.applicable);
        if (step) {
          await expect(
            overlay.root
              .locator(`[data-testid="pandu-step"][data-step="${step.id}"]`)
              .getByTestId('pandu-mode')
              .first(),
          ).toHaveText(
            new RegExp(
              `${{ remote: 'From anywhere', office: 'At the office', field: 'On site' }[step.mode]}$`,
            ),
          );
        }
        // Same page, same case: nothing was reloaded to get there.
        await expect(overlay.caseRef).toHaveText(first.c.id);
      } finally {
        // Prefs are shared by the whole run: put Indonesian back.
        if ((await overlay.root.getAttribute('lang')) === 'en') await overlay.languageToggle.click();
        await expect(overlay.root).toHaveAttribute('lang', 'id');
      }
      await expect(overlay.permit).toHaveText(definition.name.id);
    });
  });
}

test('a case the portal rejected shows as rejected, its remaining stages not continued', async ({
  page,
  portal: demo,
  overlay,
}) => {
  const rejected = PORTALS.oss.all(buildDataset(demo.today)).find((c) => c.status === 'Ditolak');
  if (!rejected) throw new Error('the OSS demo data has no rejected case');
  await page.goto(`${demo.url}${PORTAL_PATHS.oss.detail(rejected.id)}`);
  await expect(overlay.caseRef).toHaveText(rejected.id);
  await expect(overlay.stage).toHaveText('Ditolak');
  await expect(overlay.timeline.locator('[data-state="upcoming"]')).toHaveCount(0);
  await expect(overlay.timeline.locator('[data-state="stopped"]').first()).toContainText('tidak dilanjutkan');
});

test.describe('hostile portal content', () => {
  for (const portal of ['sicantik', 'oss'] as const) {
    test(`${PORTALS[portal].name}: markup and templates in every field stay inert text in the overlay`, async ({
      portal: demo,
      page,
    }) => {
      const hostile = hostileCases(buildDataset(demo.today))[portal];
      const overlay = new OverlayPanel(page);
      await page.goto(`${demo.url}${PORTAL_PATHS[portal].detail(hostile.id)}`);
      await expect(overlay.caseRef).toHaveText(hostile.id);
      // The applicant's name arrives as exactly the text the portal showed, payloads and all.
      await expect(overlay.applicant).toHaveText(HOSTILE_NAME);
      // The portal's uploads (payload names) are offered as text, if at all; never as markup.
      const injected = await overlay.host().evaluate((host) => {
        const root = host.shadowRoot;
        if (!root) return ['no shadow root'];
        const found: string[] = [];
        for (const el of root.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]'))
          found.push(el.outerHTML.slice(0, 80));
        for (const svg of root.querySelectorAll('svg'))
          if (svg.getAttribute('aria-hidden') !== 'true') found.push(svg.outerHTML.slice(0, 80));
        for (const a of root.querySelectorAll('a[href^="javascript:" i]'))
          found.push(a.outerHTML.slice(0, 80));
        return found;
      });
      expect(injected).toEqual([]);
      // Nothing ran: no payload set its flag while the overlay rendered them.
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    });
  }
});
