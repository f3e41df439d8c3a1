// @vitest-environment happy-dom
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay, type OverlayProps } from '../../../../components/overlay/Overlay';
import type { PageView, Prefs } from '../../../../utils/messaging/protocol';
import { ossFirstStage } from '../case/cases';

const page: PageView = {
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
  status: { label: 'Verifikasi Berkas' },
  applicant: 'CV Maju Jaya',
  documents: [],
};

const PREFS: Prefs = { language: 'id', dock: 'right' };

let host: HTMLElement;
function props(over: Partial<OverlayProps> = {}): OverlayProps {
  return {
    view: page,
    error: null,
    busy: false,
    prefs: PREFS,
    onIntent: vi.fn(),
    onPrefs: vi.fn(),
    ...over,
  };
}
function mount(ui: ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(ui, host));
}
const rerender = (ui: ComponentChild) => act(() => render(ui, host));
const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const panel = () => host.querySelector('aside');
const reserved = () =>
  [...document.querySelectorAll('style[data-pandu-izin="reserve"]')].map((s) => s.textContent ?? '');
const press = (el: Element, key: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('Overlay: what the page says', () => {
  it('opens docked, with the permit, case number, applicant and portal in Indonesian first', () => {
    mount(<Overlay {...props()} />);
    expect(panel()?.getAttribute('aria-label')).toBe('Panduan Pandu Izin untuk perkara ini');
    expect(panel()?.getAttribute('lang')).toBe('id');
    expect(panel()?.dataset.dock).toBe('right');
    expect(byTestId('pandu-permit')?.textContent).toBe('Izin Reklame');
    expect(byTestId('pandu-case-ref')?.textContent).toBe('0142307703072025');
    expect(byTestId('pandu-applicant')?.textContent).toBe('CV Maju Jaya');
    expect(byTestId('pandu-portal')?.textContent).toBe('SiCantik Cloud');
  });

  it('says which fields could not be read', () => {
    mount(<Overlay {...props({ view: { ...page, caseRef: null, missing: ['caseRef', 'received'] } })} />);
    expect(byTestId('pandu-missing')?.textContent).toBe(
      'Tidak terbaca di halaman ini: nomor perkara, tanggal terima berkas',
    );
    expect(byTestId('pandu-case-ref')?.textContent).toBe('—');
  });

  it('shows an unmapped permit with the portal label, and why no case is kept', () => {
    mount(
      <Overlay
        {...props({
          view: {
            ...page,
            permit: { id: null, label: 'IZIN TRAYEK', name: null },
            notice: { id: 'Provinsi tidak dikenali', en: 'Province not recognised' },
          },
        })}
      />,
    );
    expect(byTestId('pandu-permit')?.textContent).toBe('Belum dikenali: IZIN TRAYEK');
    expect(byTestId('pandu-notice')?.textContent).toBe('Provinsi tidak dikenali');
    expect(byTestId('pandu-case')).toBeNull();
  });

  it('shows a failure to load as an alert, and a refused action with its details', () => {
    mount(
      <Overlay
        {...props({
          view: null,
          error: { code: 'internal', message: { id: 'latar belakang mati', en: 'gone' } },
        })}
      />,
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(
      'Pandu Izin tidak dapat memuat data perkara: latar belakang mati',
    );
    rerender(
      <Overlay
        {...props({
          view: { ...page, case: ossFirstStage() },
          error: {
            code: 'conflict',
            message: { id: 'Perkara ini sudah diubah', en: 'This case was changed' },
            details: [{ id: 'sudah dicentang', en: 'already ticked' }],
          },
        })}
      />,
    );
    expect(byTestId('pandu-error')?.textContent).toBe(
      'Tindakan tidak disimpan. Perkara ini sudah diubahsudah dicentang',
    );
  });

  it('renders portal text as text, never as markup', () => {
    const payload = '<img src=x onerror=alert(1)>';
    mount(
      <Overlay
        {...props({
          view: {
            ...page,
            caseRef: payload,
            applicant: `${payload} PT`,
            status: { label: payload },
            documents: [`${payload} NPWP`],
            case: ossFirstStage(),
          },
        })}
      />,
    );
    expect(host.querySelector('img')).toBeNull();
    expect(byTestId('pandu-case-ref')?.textContent).toBe(payload);
    expect(byTestId('pandu-applicant')?.textContent).toBe(`${payload} PT`);
    expect(byTestId('pandu-portal-status')?.textContent).toBe(`Status di portal: ${payload}`);
    expect(byTestId('pandu-suggestion')?.textContent).toContain(`${payload} NPWP`);
  });

  it('shows the case workspace under the header and passes the officer’s actions on', () => {
    const onIntent = vi.fn();
    mount(<Overlay {...props({ view: { ...page, case: ossFirstStage() }, onIntent })} />);
    expect(byTestId('pandu-stage')?.textContent).toMatch(/^Tahap 1 dari \d+: /);
    expect(byTestId('pandu-progress')?.textContent).toBe('Daftar periksa: 1 dari 5 dicentang');
    // The header names the permit; the workspace does not repeat it.
    expect(host.querySelectorAll('[data-testid="pandu-permit"]')).toHaveLength(1);
    act(() => (host.querySelector('[data-item="oss-email"] input') as HTMLInputElement).click());
    expect(onIntent).toHaveBeenCalledWith({ type: 'checklist.tick', itemId: 'oss-email' });
  });

  it('says when actions are being saved', () => {
    mount(<Overlay {...props({ view: { ...page, case: ossFirstStage() }, busy: true })} />);
    expect(panel()?.getAttribute('aria-busy')).toBe('true');
    expect(byTestId('pandu-busy')?.textContent).toBe('Menyimpan…');
  });
});

describe('Overlay: language and dock follow the prefs', () => {
  it('asks to switch language and follows the prefs when they change', () => {
    const onPrefs = vi.fn();
    mount(<Overlay {...props({ onPrefs, view: { ...page, case: ossFirstStage() } })} />);
    const toggle = byTestId('pandu-language') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-label')).toBe('Ganti bahasa ke English');
    act(() => toggle.click());
    expect(onPrefs).toHaveBeenCalledWith({ language: 'en' });
    rerender(
      <Overlay
        {...props({ onPrefs, view: { ...page, case: ossFirstStage() }, prefs: { ...PREFS, language: 'en' } })}
      />,
    );
    expect(panel()?.getAttribute('lang')).toBe('en');
    expect(panel()?.getAttribute('aria-label')).toBe('Pandu Izin guidance for this case');
    expect(byTestId('pandu-permit')?.textContent).toBe('Advertising Permit');
    expect(byTestId('pandu-progress')?.textContent).toBe('Checklist: 1 of 5 ticked');
  });

  it('asks to move to the other side and docks where the prefs say', () => {
    const onPrefs = vi.fn();
    mount(<Overlay {...props({ onPrefs })} />);
    const dock = byTestId('pandu-dock') as HTMLButtonElement;
    expect(dock.getAttribute('aria-label')).toBe('Pindahkan panel ke kiri');
    act(() => dock.click());
    expect(onPrefs).toHaveBeenCalledWith({ dock: 'left' });
    rerender(<Overlay {...props({ onPrefs, prefs: { ...PREFS, dock: 'left' } })} />);
    expect(panel()?.dataset.dock).toBe('left');
    expect(panel()?.classList.contains('pi-dock-left')).toBe(true);
    expect(byTestId('pandu-dock')?.getAttribute('aria-label')).toBe('Pindahkan panel ke kanan');
  });
});

describe('Overlay: switches the agency policy sets', () => {
  it('keeps language and dock switches in place, says the policy sets them, and asks nothing', () => {
    const onPrefs = vi.fn();
    mount(<Overlay {...props({ onPrefs, prefs: { ...PREFS, locked: ['language', 'dock'] } })} />);
    const language = byTestId('pandu-language') as HTMLButtonElement;
    const dock = byTestId('pandu-dock') as HTMLButtonElement;
    expect(language.getAttribute('aria-disabled')).toBe('true');
    expect(language.getAttribute('aria-label')).toBe('Bahasa diatur oleh kebijakan instansi Anda');
    expect(dock.getAttribute('aria-disabled')).toBe('true');
    expect(dock.getAttribute('aria-label')).toBe('Sisi panel diatur oleh kebijakan instansi Anda');
    act(() => language.click());
    act(() => dock.click());
    expect(onPrefs).not.toHaveBeenCalled();
    // Focusable still, so a screen reader user finds the reason.
    language.focus();
    expect(document.activeElement).toBe(language);
  });
});

describe('Overlay: open, closed and the page beside it', () => {
  it('reserves its width on the docked side while open, and gives it back', () => {
    mount(<Overlay {...props()} />);
    expect(reserved()).toHaveLength(1);
    expect(reserved()[0]).toContain('margin-right: 360px !important');
    rerender(<Overlay {...props({ prefs: { ...PREFS, dock: 'left' } })} />);
    expect(reserved()).toHaveLength(1);
    expect(reserved()[0]).toContain('margin-left: 360px !important');
    act(() => byTestId('pandu-collapse')?.click());
    expect(reserved()).toEqual([]);
    act(() => byTestId('pandu-launcher')?.click());
    expect(reserved()).toHaveLength(1);
    act(() => render(null, host));
    expect(reserved()).toEqual([]);
  });

  it('collapses to a small labelled launcher at the docked edge and opens again', () => {
    mount(<Overlay {...props({ prefs: { ...PREFS, dock: 'left' } })} />);
    act(() => (host.querySelector('button[aria-label="Sembunyikan panel"]') as HTMLButtonElement).click());
    expect(panel()).toBeNull();
    const launcher = byTestId('pandu-launcher') as HTMLButtonElement;
    expect(launcher.getAttribute('aria-label')).toBe('Tampilkan panel Pandu Izin');
    expect(launcher.classList.contains('pi-dock-left')).toBe(true);
    expect(document.activeElement).toBe(launcher);
    act(() => launcher.click());
    expect(panel()).not.toBeNull();
    expect(document.activeElement?.textContent).toBe('Pandu Izin');
  });

  it('closes on Escape and returns focus to the launcher', () => {
    mount(<Overlay {...props({ view: { ...page, case: ossFirstStage() } })} />);
    const box = host.querySelector('[data-item="oss-email"] input') as HTMLInputElement;
    box.focus();
    press(box, 'Escape');
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(byTestId('pandu-launcher'));
  });

  it('lets Escape close an open form first, not the panel', () => {
    mount(<Overlay {...props({ view: { ...page, case: ossFirstStage() } })} />);
    act(() =>
      (host.querySelector('[data-item="oss-email"] [data-testid="pandu-note"]') as HTMLButtonElement).click(),
    );
    const field = host.querySelector('[data-testid="pandu-note-form"] textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    press(field, 'Escape');
    expect(byTestId('pandu-note-form')).toBeNull();
    expect(panel()).not.toBeNull();
  });

  it('does not take focus from the portal when it first appears', () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    mount(<Overlay {...props()} />);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
