// @vitest-environment happy-dom
/**
 * The side panel, popup and dashboard against the real background host (fake IndexedDB): the
 * case a tab shows, kept live; ticks through the background; the history and its hash check,
 * including a tampered log; the language switch; "no case" in words.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardPage } from '../../../../components/workspace/DashboardPage';
import { PopupPage } from '../../../../components/workspace/PopupPage';
import type { CaseSource, TabInfo, TabsApi } from '../../../../components/workspace/resolve';
import { SidePanelPage } from '../../../../components/workspace/SidePanelPage';
import type { PanduDb } from '../../../../utils/db/schema';
import { extensionPageHost } from '../../helpers/extension-page';

const CASE_URL = 'https://oss.go.id/perizinan/I-1';
const CASE_ID = 'oss-rba:I-1';

async function setup() {
  const { db, repo, send, sent } = extensionPageHost('sidepanel.html', 'workspace');
  const opened = await repo.open({
    portal: 'oss-rba',
    caseRef: 'I-1',
    permitId: 'oss-rba',
    region: '31',
    receivedAt: '2026-11-20T08:00:00+07:00',
  });
  if (!opened.ok) throw new Error('fixture case not opened');
  await db.views.put({ tabId: 7, caseId: CASE_ID, url: CASE_URL, at: '2026-11-23T01:00:00Z' });
  return { db, repo, send, sent };
}

/** One window: tab 7 on the case page, tab 8 elsewhere. */
function fakeTabs() {
  const tabs = new Map<number, TabInfo>([
    [7, { id: 7, url: CASE_URL, windowId: 1 }],
    [8, { id: 8, url: 'https://example.org/', windowId: 1 }],
  ]);
  let active = 7;
  const updated = new Set<(tabId: number, change: { url?: string }, tab: TabInfo) => void>();
  const activated = new Set<(info: { tabId: number; windowId: number }) => void>();
  const event = <F,>(set: Set<F>) => ({
    addListener: (f: F) => set.add(f),
    removeListener: (f: F) => set.delete(f),
  });
  const api: TabsApi = {
    query: async () => [tabs.get(active) as TabInfo],
    get: async (id) => tabs.get(id) as TabInfo,
    onActivated: event(activated),
    onUpdated: event(updated),
    onRemoved: event(new Set()),
  };
  return {
    api,
    navigate(id: number, url: string) {
      const tab = tabs.get(id) as TabInfo;
      tab.url = url;
      for (const f of updated) f(id, { url }, tab);
    },
    activate(id: number) {
      active = id;
      for (const f of activated) f({ tabId: id, windowId: 1 });
    },
  };
}

let host: HTMLElement;
let db: PanduDb | undefined;

async function mount(ui: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(() => {
    render(ui, host);
  });
}

afterEach(async () => {
  await act(() => render(null, host));
  host.remove();
  db?.close();
});

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allByTestId = (id: string) => [...host.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const text = (id: string) => byTestId(id)?.textContent ?? '';

async function until(check: () => unknown, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function sidePanelFor(source: CaseSource, tabs: TabsApi | null = fakeTabs().api) {
  const env = await setup();
  db = env.db;
  await mount(
    <SidePanelPage
      db={env.db}
      send={env.send}
      source={source}
      tabs={tabs}
      verifyLog={env.repo.verifyLog}
      dashboardUrl="dashboard.html"
    />,
  );
  return env;
}

describe('the side panel', () => {
  it('shows the case the tab shows, with its history checked', async () => {
    await sidePanelFor({ kind: 'tab', tabId: 7 });
    await until(() => byTestId('workspace-case'), 'the case');
    expect(text('workspace-case-ref')).toBe('I-1');
    expect(text('workspace-portal')).toBe('OSS RBA');
    expect(text('pandu-stage')).toMatch(/^Tahap 1 dari \d+: Registrasi Akun OSS$/);
    expect(document.documentElement.lang).toBe('id');
    await until(() => byTestId('history-verify')?.dataset.ok, 'the chain check');
    expect(text('history-verify')).toBe('✓ Riwayat utuh: 1 catatan, rantai hash cocok');
    expect(allByTestId('history-entry').map((e) => e.querySelector('.pw-history-what')?.textContent)).toEqual(
      ['Perkara I-1 dicatat dari portal OSS RBA: Perizinan Berusaha Berbasis Risiko (OSS RBA)'],
    );
    expect(host.querySelector('h1')?.textContent).toBe('Pandu Izin — Ruang kerja perkara');
    expect(host.querySelector('main')).not.toBeNull();
  });

  it('ticks through the background: the box, the history and the check follow', async () => {
    const env = await sidePanelFor({ kind: 'tab', tabId: 7 });
    await until(() => allByTestId('pandu-item').length === 5, 'the checklist');
    const box = host.querySelector<HTMLInputElement>('[data-item="oss-nik"] input[type="checkbox"]');
    await act(() => box?.click());
    await until(() => allByTestId('history-entry').length === 2, 'the new entry');
    await until(() => text('history-verify').includes('2 catatan'), 'the new check');
    expect(text('history-verify')).toBe('✓ Riwayat utuh: 2 catatan, rantai hash cocok');
    expect(allByTestId('history-entry')[1]?.textContent).toMatch(
      /^Mencentang “NIK pelaku usaha”Catatan 2 · .+ · oleh petugas tanpa identitas$/,
    );
    expect(host.querySelector('[data-item="oss-nik"]')?.getAttribute('data-status')).toBe('ticked');
    const intent = env.sent.find((m) => m.type === 'case.intent')?.payload as Record<string, unknown>;
    expect(intent).toMatchObject({
      caseId: CASE_ID,
      expectedSeq: 0,
      intent: { type: 'checklist.tick', itemId: 'oss-nik' },
    });
    expect(intent.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says where and why the history is broken when a stored entry was changed', async () => {
    const env = await sidePanelFor({ kind: 'tab', tabId: 7 });
    await until(() => byTestId('history-verify')?.dataset.ok === 'true', 'the first check');
    const [first] = await env.db.events.where('caseId').equals(CASE_ID).toArray();
    await env.db.events.update(first?.id as string, { officer: 'orang lain' });
    await until(() => byTestId('history-verify')?.dataset.ok === 'false', 'the failed check');
    expect(text('history-verify')).toBe(
      '⚠ Riwayat rusak di catatan ke-1: Isi entri 1 telah diubah (hash tidak cocok).',
    );
  });

  it('shows a refusal in the current language, and switches language live', async () => {
    await sidePanelFor({ kind: 'tab', tabId: 7 });
    await until(() => byTestId('pandu-complete-step'), 'the step');
    await act(() => byTestId('pandu-complete-step')?.click());
    await until(() => byTestId('workspace-error'), 'the refusal');
    expect(text('workspace-error')).toMatch(/^⚠ Tindakan tidak disimpan\. /);
    expect(byTestId('workspace-error')?.getAttribute('role')).toBe('alert');
    await act(() => byTestId('workspace-language')?.click());
    await until(() => text('workspace-heading') === 'Pandu Izin — Case workspace', 'English');
    expect(text('workspace-error')).toMatch(/^⚠ Action not saved\. /);
    await until(() => text('history-verify').startsWith('✓ History intact'), 'the English check');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the active tab: no case elsewhere, the case again when the officer comes back', async () => {
    const tabs = fakeTabs();
    await sidePanelFor({ kind: 'active' }, tabs.api);
    await until(() => byTestId('workspace-case'), 'the case');
    await act(() => tabs.activate(8));
    await until(() => byTestId('workspace-no-case'), 'no case');
    expect(text('workspace-no-case')).toContain('Belum ada perkara di tab ini');
    expect(text('workspace-no-case')).toContain('Panel ini mengikuti tab yang sedang aktif.');
    await act(() => tabs.activate(7));
    await until(() => byTestId('workspace-case'), 'the case again');
    // The tab leaves the case page: its old binding no longer counts.
    await act(() => tabs.navigate(7, 'https://oss.go.id/perizinan'));
    await until(() => byTestId('workspace-no-case'), 'no case after navigation');
  });

  it('shows a case named in the URL, and says so when it is not recorded', async () => {
    await sidePanelFor({ kind: 'case', caseId: CASE_ID }, null);
    await until(() => byTestId('workspace-case'), 'the case');
    await act(() => render(null, host));
    await mount(
      <SidePanelPage
        db={db as PanduDb}
        send={
          (async () => ({ ok: false, error: { code: 'not-found', message: { id: 'x', en: 'x' } } })) as never
        }
        source={{ kind: 'case', caseId: 'oss-rba:NOPE' }}
        tabs={null}
        verifyLog={vi.fn()}
        dashboardUrl="dashboard.html"
      />,
    );
    await until(() => byTestId('workspace-no-case'), 'no case');
    expect(text('workspace-no-case')).toContain('Perkara “oss-rba:NOPE” tidak tercatat di peramban ini.');
  });
});

describe('the popup', () => {
  it('sums up the tab’s case and opens the side panel for that tab from the click', async () => {
    const env = await setup();
    db = env.db;
    const openSidePanel = vi.fn(async (_tabId: number | null) => undefined);
    const openDashboard = vi.fn(async () => undefined);
    await mount(
      <PopupPage
        db={env.db}
        send={env.send}
        source={{ kind: 'active' }}
        tabs={fakeTabs().api}
        openSidePanel={openSidePanel}
        openDashboard={openDashboard}
      />,
    );
    await until(() => byTestId('popup-summary'), 'the summary');
    expect(text('popup-case-ref')).toBe('I-1');
    expect(text('popup-permit')).toBe('Perizinan Berusaha Berbasis Risiko (OSS RBA)');
    expect(text('popup-stage')).toMatch(/^1 dari \d+: Registrasi Akun OSS$/);
    expect(text('popup-modes')).toBe('Cara kerja: Dari mana saja');
    expect(text('popup-progress')).toBe('0 dari 5 dicentang');
    expect(text('pandu-sla')).toContain('Tenggat layanan:');
    await act(() => byTestId('popup-open-panel')?.click());
    expect(openSidePanel).toHaveBeenCalledWith(7);
    await act(() => byTestId('popup-open-dashboard')?.click());
    expect(openDashboard).toHaveBeenCalledOnce();
    expect(byTestId('popup-problem')).toBeNull();
  });

  it('says there is no case on the page, and why the side panel cannot open where there is none', async () => {
    const env = await setup();
    db = env.db;
    const tabs = fakeTabs();
    tabs.activate(8);
    await mount(
      <PopupPage
        db={env.db}
        send={env.send}
        source={{ kind: 'active' }}
        tabs={tabs.api}
        openSidePanel={null}
        openDashboard={async () => undefined}
      />,
    );
    await until(() => byTestId('workspace-no-case'), 'no case');
    expect(text('workspace-no-case')).toContain('Tidak ada perkara di halaman ini.');
    await act(() => byTestId('popup-open-panel')?.click());
    expect(text('popup-problem')).toBe('Peramban ini tidak menyediakan panel samping untuk Pandu Izin.');
  });
});

describe('the dashboard', () => {
  it('lists every case in a captioned table, each leading to its workspace', async () => {
    const env = await setup();
    db = env.db;
    await mount(<DashboardPage db={env.db} send={env.send} />);
    await until(() => allByTestId('dashboard-row').length === 1, 'the row');
    const table = byTestId('dashboard-table');
    expect(table?.querySelector('caption')?.textContent).toBe('Perkara 1 pertama dari 1, menurut urgensi.');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.getAttribute('scope'))).toEqual(
      Array(8).fill('col'),
    );
    const row = byTestId('dashboard-row');
    expect(row?.querySelector('th[scope="row"] a')?.getAttribute('href')).toBe(
      'sidepanel.html?case=oss-rba%3AI-1',
    );
    expect(row?.textContent).toContain('OSS RBA');
    expect(text('dashboard-stage')).toMatch(/^1 dari \d+: Registrasi Akun OSS$/);
    // A new case shows up live.
    await env.repo.open({
      portal: 'oss-rba',
      caseRef: 'I-2',
      permitId: 'pbg',
      region: '31',
      receivedAt: '2026-11-21T08:00:00+07:00',
    });
    await until(() => allByTestId('dashboard-row').length === 2, 'the new row');
    expect(text('dashboard-caption')).toBe('Perkara 2 pertama dari 2, menurut urgensi.');
  });

  it('says when there is no case yet', async () => {
    const fresh = extensionPageHost('dashboard.html', 'workspace').db;
    db = fresh;
    await mount(<DashboardPage db={fresh} send={vi.fn() as never} />);
    await until(() => byTestId('dashboard-empty'), 'the empty text');
    expect(byTestId('dashboard-table')).toBeNull();
  });
});
