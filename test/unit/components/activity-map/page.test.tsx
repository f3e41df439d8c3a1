// @vitest-environment happy-dom
/**
 * The activity map page in happy-dom over the real host: the default comparison (DKI Jakarta
 * against Papua Pegunungan, today), a selection read from and written to the URL, the
 * only-differences filter, a bad date that loses nothing, the language switch, and both
 * exports handed over with what they should hold.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ActivityMapPage,
  type ActivityMapPageProps,
} from '../../../../components/activity-map/ActivityMapPage';
import { activityMap, CATALOG, findRegion } from '../../../../machines';
import type { PanduDb } from '../../../../utils/db/schema';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost, fixtureFonts } from '../../helpers/extension-page';

const TODAY = '2026-11-28';
const region = (code: string) => {
  const found = findRegion(code);
  if (!found) throw new Error(`no region ${code}`);
  return found;
};
let view: Mounted | undefined;
let db: PanduDb | undefined;

interface Saved {
  data: Uint8Array | string;
  fileName: string;
  type: string;
}

async function mountPage(search = '', extra: Partial<ActivityMapPageProps> = {}) {
  const env = extensionPageHost('activity-map.html', 'map');
  db = env.db;
  const saved: Saved[] = [];
  history.replaceState(null, '', `/activity-map.html${search}`);
  view = await mount(
    <ActivityMapPage
      db={env.db}
      send={env.send}
      search={search}
      today={TODAY}
      now={() => new Date('2026-11-28T03:00:00Z')}
      save={(data, fileName, type) => saved.push({ data, fileName, type })}
      fonts={async () => fixtureFonts()}
      {...extra}
    />,
  );
  await until(() => view?.byTestId('map-summary'), 'the map');
  return { env, saved };
}

afterEach(async () => {
  await view?.unmount();
  view = undefined;
  db?.close();
});

const byTestId = (id: string) => view?.byTestId(id) ?? null;
const all = (id: string) => view?.allByTestId(id) ?? [];
const tables = () => all('map-table');
const rows = () => all('map-row');

async function choose(testId: string, value: string) {
  const el = byTestId(testId) as HTMLSelectElement | HTMLInputElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}

async function toggle(testId: string) {
  await act(() => (byTestId(testId) as HTMLInputElement).click());
}

describe('the activity map page', () => {
  it('compares DKI Jakarta with Papua Pegunungan today by default, one captioned table per permit', async () => {
    await mountPage();
    expect((byTestId('map-region-a') as HTMLSelectElement).value).toBe('31');
    expect((byTestId('map-region-b') as HTMLSelectElement).value).toBe('97');
    expect((byTestId('map-date') as HTMLInputElement).value).toBe(TODAY);
    // Every province is offered in both selects, each control has a label.
    expect(byTestId('map-region-a')?.querySelectorAll('option')).toHaveLength(38);
    for (const id of ['am-a', 'am-b', 'am-date', 'am-permit', 'am-diff']) {
      expect(view?.host.querySelector(`label[for="${id}"]`)?.textContent?.trim()).not.toBe('');
    }
    expect(tables().map((t) => t.querySelector('caption')?.textContent)).toEqual(
      CATALOG.map((d) => d.name.id),
    );

    const expected = activityMap({ regions: [region('31'), region('97')], date: TODAY });
    expect(rows()).toHaveLength(expected.steps);
    expect(byTestId('map-summary')?.textContent).toBe(
      `${expected.differing} dari ${expected.steps} langkah berbeda antara DKI Jakarta dan Papua Pegunungan pada ${TODAY}.`,
    );

    // A differing row says so in words, with both modes as icon + text.
    const differing = rows().find((r) => r.dataset.differs === 'true');
    const modes = [...(differing?.querySelectorAll('[data-testid="map-mode"]') ?? [])] as HTMLElement[];
    expect(modes.map((c) => c.dataset.mode)).toEqual(['remote', 'office']);
    expect(modes[1]?.textContent).toContain('Di kantor');
    expect(modes[1]?.querySelector('svg')).not.toBeNull();
    expect(differing?.querySelector('[data-testid="map-difference"]')?.textContent).toContain('Berbeda');
    // The reasons, on demand, say why Papua Pegunungan works from the office.
    const details = differing?.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Alasan');
    expect(details?.textContent).toContain('Peta jalan WFA Papua Pegunungan baru mulai 2027-01-04');

    // Readiness and WFA dates of both regions.
    expect(byTestId('map-region-card-a-wfa')?.textContent).toContain('2025-04-21 — sudah berjalan');
    expect(byTestId('map-region-card-b-wfa')?.textContent).toContain('2027-01-04 — belum dimulai');
    expect(byTestId('map-region-card-b-connectivity')?.textContent).toContain('terbatas');
    const countB = byTestId('map-region-card-b-counts')?.querySelector('[data-mode="office"]') as HTMLElement;
    expect(Number(countB.dataset.count)).toBe(expected.regions[1]?.counts.office);
  });

  it('opens on the selection in the URL and writes every change back to it', async () => {
    await mountPage('?a=53&b=31&date=2027-02-01&permit=pbg&diff=1');
    expect((byTestId('map-region-a') as HTMLSelectElement).value).toBe('53');
    expect((byTestId('map-region-b') as HTMLSelectElement).value).toBe('31');
    expect((byTestId('map-permit') as HTMLSelectElement).value).toBe('pbg');
    expect((byTestId('map-only-differences') as HTMLInputElement).checked).toBe(true);
    expect(tables().map((t) => t.dataset.permit)).toEqual(['pbg']);
    expect(rows().every((r) => r.dataset.differs === 'true')).toBe(true);

    await choose('map-region-b', '97');
    await choose('map-date', '2027-03-01');
    const q = new URLSearchParams(location.search);
    expect(Object.fromEntries(q)).toEqual({ a: '53', b: '97', date: '2027-03-01', permit: 'pbg', diff: '1' });
  });

  it('falls back to the defaults for a query it cannot read', async () => {
    await mountPage('?a=99&b=x&date=2026-13-45&permit=nope');
    expect((byTestId('map-region-a') as HTMLSelectElement).value).toBe('31');
    expect((byTestId('map-region-b') as HTMLSelectElement).value).toBe('97');
    expect((byTestId('map-date') as HTMLInputElement).value).toBe(TODAY);
    expect(tables()).toHaveLength(CATALOG.length);
  });

  it('shows only the differing steps on demand, and says when nothing differs', async () => {
    await mountPage();
    const before = rows().length;
    await toggle('map-only-differences');
    const after = rows();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before);
    expect(after.every((r) => r.dataset.differs === 'true')).toBe(true);
    expect(byTestId('map-summary')?.textContent).toContain(
      `Ditampilkan ${after.length} dari ${before} langkah.`,
    );

    await choose('map-region-b', '31');
    expect(rows()).toHaveLength(0);
    expect(byTestId('map-empty')?.textContent).toBe('Tidak ada langkah yang berbeda untuk pilihan ini.');
    await toggle('map-only-differences');
    expect(rows()).toHaveLength(before);
  });

  it('moves a mode when the date crosses the WFA start, and keeps a half-typed date without losing the map', async () => {
    await mountPage('?a=31&b=97&date=2027-01-03');
    const rule = () =>
      rows().map((r) => r.querySelectorAll<HTMLElement>('[data-testid="map-mode"]')[1]?.dataset.rule);
    expect(rule()).toContain('wfa-roadmap');
    await choose('map-date', '2027-01-04');
    expect(rule()).not.toContain('wfa-roadmap');
    expect(rule()).toContain('connectivity');

    const shown = rows().length;
    await choose('map-date', '');
    expect(byTestId('map-date-error')?.textContent).toContain('2027-01-04');
    expect(byTestId('map-date')?.getAttribute('aria-invalid')).toBe('true');
    expect(rows()).toHaveLength(shown);
    expect(new URLSearchParams(location.search).get('date')).toBe('2027-01-04');
  });

  it('switches language live: heading, controls, captions, modes and reasons', async () => {
    await mountPage();
    expect(byTestId('workspace-heading')?.textContent).toBe('Peta kegiatan: mode kerja setiap langkah');
    await act(() => byTestId('workspace-language')?.click());
    await until(
      () => byTestId('workspace-heading')?.textContent === 'Activity map: the work mode of every step',
      'English',
    );
    expect(document.documentElement.lang).toBe('en');
    expect(view?.host.querySelector('label[for="am-a"]')?.textContent).toBe('Region A');
    expect(tables().map((t) => t.querySelector('caption')?.textContent)).toEqual(
      CATALOG.map((d) => d.name.en),
    );
    const differing = rows().find((r) => r.dataset.differs === 'true');
    expect(differing?.textContent).toContain('At the office');
    expect(differing?.querySelector('details')?.textContent).toContain(
      'The WFA roadmap for Highland Papua starts on 2027-01-04',
    );
    expect(byTestId('map-region-b')?.querySelector('option[value="97"]')?.textContent).toBe(
      'Highland Papua (97)',
    );
  });

  it('exports what is shown as CSV: BOM, header in the page language, a known row', async () => {
    const { saved } = await mountPage('?a=31&b=97&permit=pbg');
    await act(() => byTestId('workspace-language')?.click());
    await until(() => byTestId('workspace-heading')?.textContent?.startsWith('Activity'), 'English');
    await act(() => byTestId('map-export-csv')?.click());
    expect(saved).toHaveLength(1);
    const file = saved[0] as Saved;
    expect(file.fileName).toBe(`peta-kegiatan-31-97-${TODAY}.csv`);
    expect(file.type).toBe('text/csv;charset=utf-8');
    const text = file.data as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('Assessment date,Permit id,Permit,Stage,Step id,Step,Role');
    expect(lines.slice(1).every((l) => l.startsWith(`${TODAY},pbg,`))).toBe(true);
    expect(lines).toHaveLength(rows().length + 1);
    expect(byTestId('map-export-status')?.textContent).toContain(file.fileName);
  });

  it('exports a PDF of what is shown, and says so', async () => {
    const { saved } = await mountPage('?a=31&b=97&permit=slf&diff=1');
    await act(() => byTestId('map-export-pdf')?.click());
    await until(() => byTestId('map-export-status')?.dataset.state === 'done', 'the PDF');
    const file = saved[0] as Saved;
    expect(file.fileName).toBe(`peta-kegiatan-31-97-${TODAY}.pdf`);
    expect(file.type).toBe('application/pdf');
    expect(new TextDecoder().decode((file.data as Uint8Array).slice(0, 5))).toBe('%PDF-');
  });

  it('says why a PDF failed and keeps the selection', async () => {
    await mountPage('?a=31&b=97&permit=slf', {
      fonts: async () => {
        throw new Error('font 404.');
      },
    });
    await act(() => byTestId('map-export-pdf')?.click());
    await until(() => byTestId('map-export-error'), 'the error');
    expect(byTestId('map-export-error')?.textContent).toBe(
      'Ekspor gagal: font 404. Pilihan Anda tetap; coba lagi.',
    );
    expect((byTestId('map-permit') as HTMLSelectElement).value).toBe('slf');
  });
});
