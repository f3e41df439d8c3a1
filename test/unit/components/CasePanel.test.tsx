// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CasePanel } from '../../../components/CasePanel';
import { createEngine } from '../../../machines';
import type { CaseState, PageView } from '../../../utils/messaging/protocol';

const view: PageView = {
  portal: { id: 'sicantik', name: 'SiCantik Cloud' },
  caseRef: '0142307703072025',
  permit: {
    id: 'izin-reklame',
    label: 'IZIN REKLAME',
    name: { id: 'Izin Reklame', en: 'Advertising Permit' },
  },
  missing: [],
  notice: null,
  case: null,
};

/** A real OSS RBA case in its first stage (five checklist items), one of them ticked. */
function ossCase(): CaseState {
  const engine = createEngine();
  const opened = engine.createCase({
    id: 'oss-rba:P-1',
    permitId: 'oss-rba',
    region: '31',
    receivedAt: '2026-11-20T08:00:00+07:00',
  });
  const first = engine.view(opened, { now: '2026-11-23T08:00:00+07:00' }).steps[0]?.items[0]?.id ?? '';
  const ticked = engine.applyEvent(opened, {
    type: 'checklist.tick',
    itemId: first,
    at: '2026-11-23T08:00:00+07:00',
  });
  if (!ticked.ok) throw new Error('fixture case did not take the tick');
  return {
    id: 'oss-rba:P-1',
    seq: ticked.case.persisted.seq,
    view: engine.view(ticked.case, { now: '2026-11-23T09:00:00+07:00' }),
  };
}

let host: HTMLElement;
function mount(ui: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(ui, host));
}
const byTestId = (id: string) => host.querySelector(`[data-testid="${id}"]`);

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('CasePanel', () => {
  it('shows the permit and case number in Indonesian first', () => {
    mount(<CasePanel view={view} />);
    expect(byTestId('pandu-permit')?.textContent).toBe('Izin Reklame');
    expect(byTestId('pandu-case-ref')?.textContent).toBe('0142307703072025');
    expect(host.querySelector('aside')?.getAttribute('aria-label')).toBe(
      'Panduan Pandu Izin untuk perkara ini',
    );
  });

  it('switches to English and back at runtime', () => {
    mount(<CasePanel view={view} />);
    const toggle = byTestId('pandu-language') as HTMLButtonElement;
    act(() => toggle.click());
    expect(byTestId('pandu-permit')?.textContent).toBe('Advertising Permit');
    expect(host.querySelector('aside')?.getAttribute('lang')).toBe('en');
    act(() => toggle.click());
    expect(byTestId('pandu-permit')?.textContent).toBe('Izin Reklame');
  });

  it('renders portal text as text, never as markup', () => {
    mount(<CasePanel view={{ ...view, caseRef: '<img src=x onerror=alert(1)>' }} />);
    expect(host.querySelector('img')).toBeNull();
    expect(byTestId('pandu-case-ref')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says which fields could not be read', () => {
    mount(<CasePanel view={{ ...view, caseRef: null, missing: ['caseRef', 'received'] }} />);
    expect(host.querySelector('[role="status"]')?.textContent).toBe(
      'Tidak terbaca di halaman ini: nomor perkara, tanggal terima berkas',
    );
  });

  it('shows an unmapped permit with the portal label', () => {
    mount(<CasePanel view={{ ...view, permit: { id: null, label: 'IZIN TRAYEK', name: null } }} />);
    expect(byTestId('pandu-permit')?.textContent).toBe('Belum dikenali: IZIN TRAYEK');
  });

  it('shows an error as an alert', () => {
    mount(
      <CasePanel
        view={null}
        error={{ code: 'internal', message: { id: 'latar belakang mati', en: 'background gone' } }}
      />,
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(
      'Pandu Izin tidak dapat memuat data perkara: latar belakang mati',
    );
  });

  it('collapses to a labelled launcher and expands again', () => {
    mount(<CasePanel view={view} />);
    act(() => (host.querySelector('button[aria-label="Sembunyikan panel"]') as HTMLButtonElement).click());
    expect(host.querySelector('aside')).toBeNull();
    const launcher = host.querySelector(
      'button[aria-label="Tampilkan panel Pandu Izin"]',
    ) as HTMLButtonElement;
    act(() => launcher.click());
    expect(host.querySelector('aside')).not.toBeNull();
  });

  it('says why no case is kept for the page', () => {
    mount(
      <CasePanel
        view={{ ...view, notice: { id: 'Provinsi tidak dikenali', en: 'Province not recognised' } }}
      />,
    );
    expect(byTestId('pandu-notice')?.textContent).toBe('Provinsi tidak dikenali');
    expect(byTestId('pandu-case')).toBeNull();
  });

  it('lists the current stage’s checklist with what is already ticked', () => {
    mount(<CasePanel view={{ ...view, case: ossCase() }} />);
    expect(byTestId('pandu-stage')?.textContent).toMatch(/^Tahap 1 dari \d+: /);
    expect(byTestId('pandu-progress')?.textContent).toBe('Daftar periksa: 1 dari 5 dicentang');
    const boxes = [...host.querySelectorAll<HTMLInputElement>('[data-testid="pandu-item"] input')];
    expect(boxes).toHaveLength(5);
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false, false, false]);
    // Every checkbox is labelled (not colour- or position-only).
    for (const box of boxes) expect(host.querySelector(`label[for="${box.id}"]`)?.textContent).toBeTruthy();
  });

  it('turns a click into an intent and leaves the state to the owner', () => {
    const onIntent = vi.fn();
    const state = ossCase();
    mount(<CasePanel view={{ ...view, case: state }} onIntent={onIntent} />);
    const items = [...host.querySelectorAll<HTMLElement>('[data-testid="pandu-item"]')];
    const box = (i: number) => items[i]?.querySelector('input') as HTMLInputElement;
    act(() => box(1).click());
    act(() => box(0).click());
    expect(onIntent.mock.calls).toEqual([
      [{ type: 'checklist.tick', itemId: items[1]?.dataset.item }],
      [{ type: 'checklist.untick', itemId: items[0]?.dataset.item }],
    ]);
    act(() => (byTestId('pandu-complete-step') as HTMLButtonElement).click());
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'step.complete', stepId: state.view.steps[0]?.id });
  });

  it('offers to move on only when the case can', () => {
    const state = ossCase();
    mount(<CasePanel view={{ ...view, case: state }} />);
    expect(byTestId('pandu-advance')).toBeNull();
    render(null, host);
    act(() =>
      render(
        <CasePanel view={{ ...view, case: { ...state, view: { ...state.view, canMoveOn: true } } }} />,
        host,
      ),
    );
    expect(byTestId('pandu-advance')?.textContent).toBe('Lanjut ke tahap berikutnya');
  });

  it('shows a refused action with its details', () => {
    mount(
      <CasePanel
        view={{ ...view, case: ossCase() }}
        error={{
          code: 'conflict',
          message: { id: 'Perkara ini sudah diubah', en: 'This case was changed' },
          details: [{ id: 'sudah dicentang', en: 'already ticked' }],
        }}
      />,
    );
    expect(byTestId('pandu-error')?.textContent).toBe(
      'Tindakan tidak disimpan. Perkara ini sudah diubahsudah dicentang',
    );
  });
});
