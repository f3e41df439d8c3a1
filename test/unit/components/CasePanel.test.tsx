// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CasePanel } from '../../../components/CasePanel';
import type { CaseView } from '../../../utils/messaging/protocol';

const view: CaseView = {
  portal: { id: 'sicantik', name: 'SiCantik Cloud' },
  caseRef: '0142307703072025',
  permit: {
    id: 'izin-reklame',
    label: 'IZIN REKLAME',
    name: { id: 'Izin Reklame', en: 'Advertising Permit' },
  },
  missing: [],
};

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
    mount(<CasePanel view={{ ...view, caseRef: null, missing: ['caseRef'] }} />);
    expect(host.querySelector('[role="status"]')?.textContent).toBe(
      'Tidak terbaca di halaman ini: nomor perkara',
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
});
