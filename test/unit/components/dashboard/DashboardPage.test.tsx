// @vitest-environment happy-dom
/**
 * The dashboard page over a fake-IndexedDB database holding case rows (index fields only, as
 * the page reads them) and log entries: filters from and into the URL, counts, the aging chart
 * and its table, urgency order with "show more", outputs against targets, and the exports.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportInput } from '../../../../components/dashboard/report-content';
import { DashboardPage } from '../../../../components/workspace/DashboardPage';
import { type CaseRow, type EventRow, type PanduDb, putCases } from '../../../../utils/db/schema';
import { setSetting } from '../../../../utils/db/settings';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost, FIXTURE_OFFICER } from '../../helpers/extension-page';

// Monday 21 December 2026, midday UTC: the same date in every Indonesian zone and in the test's.
const NOW = () => new Date('2026-12-21T05:00:00Z');
const NIP = FIXTURE_OFFICER.nip;

let page: Mounted | undefined;
let db: PanduDb | undefined;
afterEach(async () => {
  await page?.unmount();
  db?.close();
});

let serial = 0;
function caseRow(patch: Partial<CaseRow>): CaseRow {
  serial += 1;
  return {
    id: `sicantik:K-${serial}`,
    portal: 'sicantik',
    caseRef: `K-${serial}`,
    permitType: 'pbg',
    region: '31',
    stage: 'x',
    status: 'in-progress',
    mode: 'remote',
    modes: ['remote'],
    slaStatus: 'on-track',
    dueAt: '2026-12-31',
    indexedOn: '2026-12-21',
    officer: NIP,
    updatedAt: '2026-12-01T01:00:00.000Z',
    seq: 1,
    logLength: 1,
    headHash: '',
    snapshot: {} as CaseRow['snapshot'],
    ...patch,
  };
}

function logEntry(officer: string, at: string, type: string): EventRow {
  serial += 1;
  return {
    id: `e-${serial}`,
    caseId: 'sicantik:K-1',
    officer,
    device: 'd',
    at,
    event: { type } as EventRow['event'],
    seq: serial,
    prevHash: '',
    hash: '',
    storedAt: new Date(Date.parse(at)).toISOString(),
  };
}

async function setup(rows: CaseRow[], search = '') {
  const env = extensionPageHost('dashboard.html', 'dash');
  db = env.db;
  await env.db.transaction('rw', env.db.cases, env.db.caseIndexChunks, () => putCases(env.db, rows));
  const location = {
    search,
    replace: vi.fn((query: string) => {
      location.search = query;
    }),
  };
  const csv: { text: string; fileName: string }[] = [];
  const reports: ReportInput[] = [];
  const signReport = vi.fn(async (input: ReportInput) => {
    reports.push(input);
    return {
      ok: true as const,
      fileName: 'laporan-dasbor-2026-12-21.pdf',
      fileSha256: 'a'.repeat(64),
      signerName: 'Sri',
      keyCreated: false,
    };
  });
  page = await mount(
    <DashboardPage
      db={env.db}
      send={env.send}
      now={NOW}
      location={location}
      signReport={signReport}
      saveCsv={(text, fileName) => csv.push({ text, fileName })}
    />,
  );
  await until(() => page?.byTestId('dash-filters') || page?.byTestId('dashboard-empty'), 'the dashboard');
  return { ...env, location, csv, reports, signReport };
}

async function choose(testId: string, value: string) {
  const select = page?.byTestId(testId) as HTMLSelectElement | null;
  if (!select) throw new Error(`no ${testId}`);
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const ids = () => page?.allByTestId('dashboard-row').map((r) => r.dataset.caseId) ?? [];
const cells = (testId: string) =>
  page?.allByTestId(testId).map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent?.trim())) ??
  [];

const ROWS = () => [
  caseRow({ id: 'a', dueAt: '2026-12-28', mode: 'field', modes: ['remote', 'field'] }),
  caseRow({ id: 'b', dueAt: '2026-12-11', region: '94' }),
  caseRow({ id: 'c', dueAt: '2026-12-22', permitType: 'slf', officer: 'Budi' }),
  caseRow({
    id: 'd',
    dueAt: '',
    slaStatus: 'paused',
    status: 'awaiting-correction',
    mode: 'none',
    modes: [],
    officer: '',
  }),
];

describe('the dashboard page', () => {
  it('shows counts, aging and urgency for every case, and applies a filter into the URL', async () => {
    const env = await setup(ROWS());
    expect(ids()).toEqual(['b', 'c', 'a', 'd']);
    expect(page?.text('dash-shown')).toContain('Menampilkan 4 dari 4 perkara. Tanpa saringan.');
    expect(cells('dash-counts-totals')).toEqual([['Jumlah', '1', '0', '2', '1', '4']]);
    expect(page?.text('dash-aging-late-long')).toBe('1');
    // 28 December is 3 working days away (24–27 December are cuti bersama, Christmas, weekend).
    expect(page?.text('dash-aging-soon')).toBe('1');
    expect(page?.text('dash-aging-due')).toBe('1');
    expect(page?.text('dash-aging-no-clock')).toBe('1');
    const chart = page?.byTestId('dash-aging-chart');
    expect(chart?.getAttribute('role')).toBe('img');
    const [titleId, descId] = chart?.getAttribute('aria-labelledby')?.split(' ') ?? [];
    expect(chart?.querySelector(`#${CSS.escape(titleId ?? '')}`)?.textContent).toBe(
      'Umur tenggat layanan (hari kerja)',
    );
    expect(chart?.querySelector(`#${CSS.escape(descId ?? '')}`)?.textContent).toContain(
      'Lewat lebih dari 5 HK: 1; Lewat 1–5 HK: 0; Jatuh tempo hari ini atau besok: 1; Sisa 2–5 HK: 1',
    );
    const first = page?.allByTestId('dashboard-row')[0];
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('sidepanel.html?case=b');
    expect(first?.querySelector('[data-testid="dashboard-sla"]')?.textContent).toBe(
      '⚠ Melewati batas waktu — terlambat 6 HK (jatuh tempo 11 Desember 2026)',
    );

    await choose('dash-filter-mode', 'remote');
    expect(ids()).toEqual(['b', 'c']);
    expect(env.location.replace).toHaveBeenLastCalledWith('?cara=remote');
    expect(page?.text('dash-shown')).toContain('Menampilkan 2 dari 4 perkara. Saringan aktif: Cara kerja');
    expect(cells('dash-counts-totals')).toEqual([['Jumlah', '0', '0', '2', '0', '2']]);
    await choose('dash-filter-officer', 'Budi');
    expect(ids()).toEqual(['c']);
    expect(env.location.search).toBe('?cara=remote&petugas=Budi');

    await act(() => page?.byTestId('dash-reset')?.click());
    expect(ids()).toHaveLength(4);
    expect(env.location.replace).toHaveBeenLastCalledWith('');
  });

  it('starts from the filters in the URL and says when nothing matches', async () => {
    await setup(ROWS(), '?wilayah=94');
    expect(ids()).toEqual(['b']);
    expect((page?.byTestId('dash-filter-region') as HTMLSelectElement | null)?.value).toBe('94');
    await choose('dash-filter-permitType', 'slf');
    expect(page?.byTestId('dash-no-match')?.textContent).toBe(
      'Tidak ada perkara yang cocok dengan saringan ini.',
    );
    expect(page?.byTestId('dashboard-table')).toBeNull();
  });

  it('renders the first 100 cases and more on request', async () => {
    await setup(Array.from({ length: 150 }, (_, i) => caseRow({ id: `r${i}` })));
    expect(ids()).toHaveLength(100);
    expect(page?.text('dashboard-caption')).toBe('Perkara 100 pertama dari 150, menurut urgensi.');
    expect(page?.text('dash-show-more')).toBe('Tampilkan 50 lagi');
    await act(() => page?.byTestId('dash-show-more')?.click());
    expect(ids()).toHaveLength(150);
    expect(page?.byTestId('dash-show-more')).toBeNull();
  });

  it('compares outputs with the targets, or says there are none and leads to Options', async () => {
    const env = await setup(ROWS());
    expect(page?.text('dash-no-targets')).toContain('Belum ada target keluaran.');
    expect(page?.byTestId('dash-options-link')?.getAttribute('href')).toBe('options.html');
    await env.db.events.bulkPut([
      logEntry(NIP, '2026-12-21T09:00:00+07:00', 'step.complete'),
      logEntry(NIP, '2026-12-21T10:00:00+07:00', 'step.complete'),
      logEntry('Budi', '2026-12-18T10:00:00+07:00', 'stage.advance'), // last week
    ]);
    await setSetting(env.db, 'officer', FIXTURE_OFFICER);
    await setSetting(env.db, 'targets', {
      daily: { steps: 2, advances: 0, visits: 0 },
      weekly: { steps: 10, advances: 0, visits: 0 },
    });
    await until(() => !page?.byTestId('dash-no-targets'), 'the targets');
    expect(page?.allByTestId('dash-outputs-row')).toHaveLength(2);
    expect(cells('dash-outputs-row')).toEqual([
      [`${FIXTURE_OFFICER.name} (${NIP})`, 'Hari ini', '2 dari 2', '0', '0', '✓ Target tercapai'],
      ['Minggu ini', '2 dari 10', '0', '0', '✗ Target belum tercapai'],
    ]);
  });

  it('exports the filtered cases as CSV and hands the same view to the PDF signer', async () => {
    const env = await setup(ROWS(), '?cara=remote');
    await act(() => page?.byTestId('dash-csv')?.click());
    const [file] = env.csv;
    expect(file?.fileName).toBe('perkara-2026-12-21.csv');
    const lines = file?.text.split('\r\n') ?? [];
    expect(lines[0]).toBe(
      '\uFEFFNomor perkara,Portal,Jenis izin,Tahap,Cara kerja,Status tenggat,Jatuh tempo,Sisa hari kerja,Petugas,Wilayah,Diperbarui',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^K-\d+,SiCantik Cloud,Persetujuan Bangunan Gedung \(PBG\),x,Dari mana saja,Melewati batas waktu,2026-12-11,-6,/,
    );
    expect(lines[3]).toBe('');
    expect(page?.text('dash-export-status')).toContain('perkara-2026-12-21.csv diunduh: 2 perkara.');

    await act(() => page?.byTestId('dash-pdf')?.click());
    await until(() => env.reports.length === 1, 'the report');
    expect(env.reports[0]?.summary.rows.map((p) => p.row.id)).toEqual(['b', 'c']);
    expect(env.reports[0]?.filterWords).toEqual([
      'Cara kerja (paling ketat di tahap berjalan): Dari mana saja',
    ]);
    await until(() => page?.byTestId('dash-export-status')?.dataset.state === 'pdf', 'the outcome');
    expect(page?.text('dash-export-status')).toContain(
      'laporan-dasbor-2026-12-21.pdf diunduh dan ditandatangani oleh Sri.',
    );
  });

  it('switches language at runtime, the chart and the list included', async () => {
    await setup(ROWS());
    await act(() => page?.byTestId('workspace-language')?.click());
    await until(() => page?.text('dash-urgent').startsWith('Cases by urgency'), 'English');
    expect(page?.text('dash-shown')).toContain('Showing 4 of 4 cases. No filters.');
    expect(page?.byTestId('dash-aging-chart')?.querySelector('title')?.textContent).toBe(
      'Service deadline aging (working days)',
    );
    expect(page?.allByTestId('dashboard-sla')[0]?.textContent).toBe(
      '⚠ Past the deadline — 6 WD late (due 11 December 2026)',
    );
  });

  it('says when there is no case yet', async () => {
    await setup([]);
    expect(page?.text('dashboard-empty')).toContain('Belum ada perkara tercatat.');
    expect(page?.byTestId('dash-filters')).toBeNull();
  });
});
