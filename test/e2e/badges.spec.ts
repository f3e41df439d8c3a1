/**
 * Stage badges on the demo portals' case lists (issue 8, points 1–2). Expectations are worked
 * out here from the dataset, the adapter data, the catalog and the 2026 holiday list, with a
 * working-day counter of this file's own, so a wrong stage, mode or deadline in the extension
 * fails. The rows are synthetic (`?n=`): no other spec records them, so none is known locally
 * unless this spec records it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { assessStep, findDefinition, findRegion, modesOf, type Stage, type WorkMode } from '../../machines';
import year2026 from '../../machines/calendar/years/2026.json' with { type: 'json' };
import { mapStatus } from '../../utils/portals/recognise';
import { CATALOG_PERMIT, type DemoPortalId, demoAdapter } from '../fixtures/portal/as-case';
import { buildDataset } from '../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { simbgPermitOf } from '../fixtures/portal/vocabulary';
import { seriousViolations } from './axe';
import { BADGE_ROWS } from './cases';
import { expect, test } from './fixtures';
import { allBadged, drawnInItsCell } from './pages/badges';
import { EMPTY_OFFICER, OptionsPage } from './pages/options';
import { OverlayPanel } from './pages/overlay';

const EXAMPLE_PATH = fileURLToPath(
  new URL('../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
);
const SIMPEL_ID = 'simpel-kota-contoh';
/** The officer's province for rows the lists do not place: Jawa Tengah. */
const PROVINCE = '33';
const MODE_TEXT: Record<WorkMode, string> = { remote: 'Jarak jauh', office: 'Kantor', field: 'Lapangan' };

// ---- Working days, counted here from the holiday data (not with the extension's calendar). ----
const OFF = new Set([...year2026.holidays, ...year2026.cutiBersama].map((e) => e.date));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isWorking = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !OFF.has(date);
};
const nextDay = (date: string) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));
function addWorking(from: string, n: number): string {
  let date = from;
  for (let counted = 0; counted < n; ) {
    date = nextDay(date);
    if (isWorking(date)) counted += 1;
  }
  return date;
}
function workingBetween(from: string, to: string): number {
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  for (let date = nextDay(lo); date <= hi; date = nextDay(date)) if (isWorking(date)) days += 1;
  return days * sign;
}
/**
 * The extension counts in the officer's zone (WIB for Jawa Tengah). The demo portal dates its
 * cases from its own machine's date (`portal.today`), which differs from WIB's for seven hours a
 * day on a UTC machine: rows come from that date, expectations from this one.
 */
const todayWib = () => iso(new Date(Date.now() + 7 * 3_600_000));

/** A stage's SLA as the catalog gives it: its own figure, else its steps' (all counted: facts unknown). */
function stageDays(stage: Stage): number | null {
  if (stage.slaDays !== undefined) return stage.slaDays;
  const counted = stage.steps.filter((s) => s.slaDays !== null);
  return counted.length ? counted.reduce((n, s) => n + (s.slaDays ?? 0), 0) : null;
}

interface Row {
  id: string;
  permitId: string;
  status: string;
  received: string;
  outcome: string;
}

function syntheticRows(portal: DemoPortalId, n: number, today: string): Row[] {
  const d = buildDataset(today);
  const rows =
    portal === 'sicantik'
      ? d.sicantik.synthetic(n).map((c) => ({ ...c, kind: c.permit }))
      : portal === 'oss'
        ? d.oss.synthetic(n).map((c) => ({ ...c, kind: c.permit }))
        : portal === 'simbg'
          ? d.simbg.synthetic(n).map((c) => ({ ...c, kind: simbgPermitOf(c.application) }))
          : d.simpel.synthetic(n).map((c) => ({ ...c, kind: c.permit }));
  return rows.map((c) => ({
    id: c.id,
    permitId: CATALOG_PERMIT[c.kind],
    status: c.status,
    received: c.received,
    outcome: c.outcome,
  }));
}

/** What the badge of a row not recorded locally must show. */
function expectedBadge(portal: DemoPortalId, row: Row, today: string) {
  const mapped = mapStatus(demoAdapter(portal), row.permitId, row.status);
  if (mapped?.outcome) {
    const text = { issued: 'Terbit', rejected: 'Ditolak', returned: 'Dikembalikan ke pemohon' }[
      mapped.outcome
    ];
    return { stage: null, modes: [], sla: null, outcome: text };
  }
  const definition = findDefinition(row.permitId);
  const index = definition?.stages.findIndex((s) => s.id === mapped?.stageId) ?? -1;
  const stage = definition?.stages[index];
  if (!definition || !stage) return null;
  let total: number | null = null;
  for (const s of definition.stages.slice(0, index + 1)) {
    const days = stageDays(s);
    if (days !== null) total = (total ?? 0) + days;
  }
  const region = findRegion(PROVINCE);
  const modes = modesOf(stage.steps.map((s) => assessStep(s, region, today))).map((m) => MODE_TEXT[m]);
  let sla: string | null = null;
  if (total !== null) {
    const left = workingBetween(today, addWorking(row.received, total));
    sla = left === 0 ? 'jatuh tempo hari ini' : left > 0 ? `sisa ${left} HK` : `lewat ${-left} HK`;
  }
  return { stage: stage.shortName.id, modes, sla, outcome: null };
}

const badgeOf = (row: Locator) => row.locator('pandu-izin-badge .b');

async function officerRegion(page: Page, extensionId: string, region: string): Promise<unknown> {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  const before = await options.storedOfficer();
  await options.send('settings.set', {
    key: 'officer',
    value: { ...EMPTY_OFFICER, ...(before as object | undefined), region },
  });
  return before;
}

async function restoreOfficer(page: Page, extensionId: string, before: unknown) {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await options.restore({ officer: before ?? EMPTY_OFFICER });
}

for (const portal of ['sicantik', 'oss', 'simbg', 'simpel'] as const) {
  test(`${portal}: every row of the list gets a badge with the stage, modes and SLA worked out independently`, async ({
    context,
    page,
    portal: demo,
    extensionId,
  }) => {
    const before = await officerRegion(page, extensionId, PROVINCE);
    const options = new OptionsPage(page, extensionId);
    const tab = await context.newPage();
    try {
      if (portal === 'simpel') {
        await options.send('adapters.import', { text: readFileSync(EXAMPLE_PATH, 'utf8') });
      }
      const adapter = demoAdapter(portal);
      const selector = adapter.pages.caseList?.rows ?? '';
      const today = todayWib();
      // The rows as the portal built them (from its own date); expectations from the extension's.
      const rows = syntheticRows(portal, BADGE_ROWS, demo.today);
      await tab.goto(`${demo.url}${PORTAL_PATHS[portal].list}?n=${BADGE_ROWS}`);
      await allBadged(tab, selector, rows.length);
      await drawnInItsCell(tab.locator(selector).first());
      await drawnInItsCell(tab.locator(selector).last());

      const checked = { stage: 0, outcome: 0 };
      for (const row of rows) {
        const want = expectedBadge(portal, row, today);
        if (!want) continue;
        const listed = tab.locator(selector).filter({ hasText: row.id });
        const badge = badgeOf(listed);
        await expect(badge, row.id).toHaveAttribute('data-ref', row.id);
        // Its visible parts are made near the viewport (badges.ts): read where the officer sees it.
        await listed.scrollIntoViewIfNeeded();
        if (want.outcome) {
          await expect(badge.locator('[data-kind]')).toHaveText([want.outcome]);
          checked.outcome += 1;
          continue;
        }
        await expect(badge.locator('[data-kind=stage]'), row.id).toHaveText(want.stage ?? '');
        await expect(badge.locator('[data-kind=mode]'), row.id).toHaveText(want.modes);
        await expect(badge.locator('[data-kind=sla]'), row.id).toHaveText(want.sla ? [want.sla] : []);
        checked.stage += 1;
      }
      // The sample covers stages and outcomes, or the checks above prove little.
      expect(checked.stage, 'rows checked at a stage').toBeGreaterThan(3);
      test.info().annotations.push({ type: 'checked', description: `${portal}: ${JSON.stringify(checked)}` });
    } finally {
      await tab.close();
      await restoreOfficer(page, extensionId, before);
      if (portal === 'simpel') await options.send('adapters.delete', { id: SIMPEL_ID });
    }
  });
}

test('a case recorded in Pandu Izin shows its checklist progress on the list, and says it is recorded', async ({
  context,
  page,
  portal: demo,
  extensionId,
}) => {
  const before = await officerRegion(page, extensionId, PROVINCE);
  const tab = await context.newPage();
  try {
    // An in-process SiCantik row that opens on a checklist (its stage has items).
    const rows = syntheticRows('sicantik', BADGE_ROWS, demo.today).filter((r) => r.outcome === 'proses');
    const listUrl = `${demo.url}${PORTAL_PATHS.sicantik.list}?n=${BADGE_ROWS}`;
    const overlay = new OverlayPanel(tab);
    let recorded: string | null = null;
    for (const row of rows) {
      await tab.goto(`${demo.url}${PORTAL_PATHS.sicantik.list}/${row.id}`);
      await expect(overlay.root).toBeVisible();
      if ((await overlay.items.count()) > 0) {
        recorded = row.id;
        break;
      }
    }
    expect(recorded, 'a synthetic in-process case with a checklist').not.toBeNull();
    const total = await overlay.items.count();
    await overlay.checkbox(0).check();
    await expect(overlay.item(0)).toHaveAttribute('data-status', 'ticked');

    await tab.goto(listUrl);
    const row = tab.locator('table#tabel-permohonan tbody tr').filter({ hasText: recorded ?? '' });
    const badge = badgeOf(row);
    await row.scrollIntoViewIfNeeded();
    await expect(badge.locator('[data-kind=progress]')).toHaveText(`1/${total}`);
    // The explanation is written when the badge is first pointed at.
    await badge.hover();
    await expect(row.locator('pandu-izin-badge [role=tooltip]')).toBeVisible();
    await expect(row.locator('pandu-izin-badge [role=tooltip]')).toContainText(
      'Perkara ini dicatat di Pandu Izin.',
    );
  } finally {
    await tab.close();
    await restoreOfficer(page, extensionId, before);
  }
});

test('SIMBG: paging and sorting in the SPA update the badges, one per row, without duplicates', async ({
  page,
  portal: demo,
  extensionId,
}) => {
  const before = await officerRegion(page, extensionId, PROVINCE);
  try {
    const selector = 'table#tabel-simbg tbody tr';
    await page.goto(`${demo.url}${PORTAL_PATHS.simbg.list}?n=35&size=10`);
    await allBadged(page, selector, 10);
    const refs = async () =>
      page.locator(selector).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-no-registrasi')));
    const badgeRefs = async () =>
      page.locator(selector).evaluateAll((rows) =>
        rows.map((r) => {
          const hosts = r.querySelectorAll('pandu-izin-badge');
          return hosts.length === 1
            ? (hosts[0]?.shadowRoot?.querySelector('.b') as HTMLElement | null)?.dataset.ref
            : `${hosts.length} badges`;
        }),
      );
    const first = await refs();

    await page.getByRole('link', { name: 'Berikutnya' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect.poll(refs).not.toEqual(first);
    await allBadged(page, selector, 10);
    const second = await refs();
    expect(second.some((r) => first.includes(r))).toBe(false);
    await expect.poll(badgeRefs).toEqual(second);

    // Sorting moves the same rows: each keeps its one badge.
    await page.getByRole('button', { name: 'Tgl Pengajuan' }).click();
    await expect(page.locator('th[aria-sort=ascending]')).toHaveCount(1);
    const dates = () =>
      page.locator(selector).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tgl') ?? ''));
    await expect.poll(dates).toEqual((await dates()).toSorted());
    expect((await refs()).toSorted()).toEqual(second.toSorted());
    await expect.poll(badgeRefs).toEqual(await refs());

    // The last page is short; back goes to page 2 again.
    await page.getByRole('link', { name: 'Berikutnya' }).click();
    await page.getByRole('link', { name: 'Berikutnya' }).click();
    await allBadged(page, selector, 5);
    await expect.poll(badgeRefs).toEqual(await refs());
    await page.goBack();
    await allBadged(page, selector, 10);
    await expect.poll(badgeRefs).toEqual(await refs());
  } finally {
    await restoreOfficer(page, extensionId, before);
  }
});

test('a badge is reached with the keyboard and explains itself on focus; the list passes axe', async ({
  page,
  portal: demo,
  extensionId,
}) => {
  const before = await officerRegion(page, extensionId, PROVINCE);
  try {
    const today = todayWib();
    const selector = 'table#tabel-perizinan tbody tr';
    const rows = syntheticRows('oss', 20, demo.today);
    const row = rows.find((r) => expectedBadge('oss', r, today)?.sla);
    if (!row) throw new Error('no OSS synthetic row at a stage with a deadline');
    const want = expectedBadge('oss', row, today);
    await page.goto(`${demo.url}${PORTAL_PATHS.oss.list}?n=20`);
    await allBadged(page, selector, 20);
    const tr = page.locator(selector).filter({ hasText: row.id });
    const badge = badgeOf(tr);
    const tip = tr.locator('pandu-izin-badge [role=tooltip]');
    await expect(tip).toBeHidden();
    // The case link is the row's first tab stop; the badge (in the status cell) is the next.
    await tr.getByRole('link').first().focus();
    await page.keyboard.press('Tab');
    await expect(badge).toBeFocused();
    await expect(tip).toBeVisible();
    const stage = findDefinition(row.permitId)?.stages.find((s) => s.shortName.id === want?.stage);
    await expect(tip).toContainText(`Tahap: ${stage?.name.id}.`);
    await expect(tip).toContainText('penilaian Pandu Izin');
    await expect(tip).toContainText('Jawa Tengah');
    await expect(badge).toHaveAccessibleName(new RegExp(`^Status Pandu Izin ${row.id}: ${want?.stage}`));
    await expect(badge).toHaveAccessibleDescription(/Tahap: /);
    expect(await seriousViolations(page, 'table#tabel-perizinan')).toEqual([]);

    // The language switch reaches the list: the badge follows without a reload.
    const options = new OptionsPage(await page.context().newPage(), extensionId);
    try {
      await options.goto();
      await options.send('prefs.set', { language: 'en' });
      await expect(badge.locator('[data-kind=stage]')).toHaveText(stage?.shortName.en ?? '');
      await expect(badge).toHaveAccessibleName(new RegExp(`^Pandu Izin status ${row.id}: `));
    } finally {
      await options.send('prefs.set', { language: 'id' });
      await options.page.close();
    }
  } finally {
    await restoreOfficer(page, extensionId, before);
  }
});
