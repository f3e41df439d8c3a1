// @vitest-environment happy-dom
/**
 * The options page against the real background host (fake IndexedDB), through a `send` that
 * records every message: what is saved, what is refused, and what is never sent.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../../components/OptionsPage';
import type { PermissionsApi } from '../../../../components/options/adapters';
import type { PanduDb } from '../../../../utils/db/schema';
import { getSetting } from '../../../../utils/db/settings';
import type { sendRequest } from '../../../../utils/messaging/client';
import { syncPolicy } from '../../../../utils/policy/store';
import { validText, wrongFieldsText } from '../../../fixtures/adapter';
import { extensionPageHost } from '../../helpers/extension-page';

function setup(granted: string[] = []) {
  const { db, send, sent } = extensionPageHost('options.html', 'options');
  const permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))),
    request: vi.fn(async (_: { origins: string[] }) => false),
  } satisfies PermissionsApi;
  return { db, send, sent, permissions };
}

let host: HTMLElement;
let db: PanduDb | undefined;

async function mount(env: ReturnType<typeof setup>) {
  db = env.db;
  host = document.createElement('div');
  document.body.append(host);
  await act(() => {
    render(<OptionsPage db={env.db} send={env.send} permissions={env.permissions} />, host);
  });
}

afterEach(async () => {
  await act(() => render(null, host));
  host.remove();
  db?.close();
});

const byTestId = <T extends Element = HTMLElement>(id: string) =>
  host.querySelector<T & HTMLElement>(`[data-testid="${id}"]`);
const allByTestId = (id: string) => [...host.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

/** Lets promises, live queries and re-renders settle until `check` passes. */
async function until(check: () => unknown, what = 'condition'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function type(id: string, value: string) {
  const field = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
  if (!field) throw new Error(`no ${id}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(id: string, root: ParentNode = host) {
  const el = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  await act(() => el.click());
}

const row = (adapterId: string) =>
  host.querySelector<HTMLElement>(`[data-testid="adapter-row"][data-adapter-id="${adapterId}"]`);

describe('the options page: officer identity', () => {
  it('saves a valid identity as the officer setting, the NIP without its spaces', async () => {
    const env = setup();
    await mount(env);
    await until(() => !byTestId<HTMLInputElement>('officer-name')?.disabled, 'the form to load');
    await type('officer-name', 'Siti Rahmawati');
    await type('officer-nip', '19850312 201001 2 003');
    await type('officer-unit', 'DPMPTSP Kota Contoh');
    await act(() => byTestId<HTMLInputElement>('officer-role-supervisor')?.click());
    const region = byTestId<HTMLSelectElement>('officer-region');
    if (!region) throw new Error('no region');
    expect(region.options).toHaveLength(39);
    await act(() => {
      region.value = '31';
      region.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('officer-save');
    await until(() => byTestId('officer-outcome'), 'the outcome');
    expect(byTestId('officer-outcome')?.textContent).toBe('Identitas disimpan.');
    expect(byTestId('officer-outcome')?.getAttribute('role')).toBe('status');
    expect(await getSetting(env.db, 'officer')).toEqual({
      name: 'Siti Rahmawati',
      nip: '198503122010012003',
      unit: 'DPMPTSP Kota Contoh',
      role: 'supervisor',
      region: '31',
    });
  });

  it('shows a stored identity when it opens', async () => {
    const env = setup();
    await env.send('settings.set', {
      key: 'officer',
      value: { name: 'Budi', nip: '', unit: 'Dinas PU', role: 'officer', region: '97' },
    });
    await mount(env);
    await until(() => byTestId<HTMLInputElement>('officer-name')?.value === 'Budi', 'the stored name');
    expect(byTestId<HTMLInputElement>('officer-unit')?.value).toBe('Dinas PU');
    expect(byTestId<HTMLSelectElement>('officer-region')?.value).toBe('97');
    expect(byTestId<HTMLInputElement>('officer-role-officer')?.checked).toBe(true);
  });

  it('refuses a bad NIP next to the field, keeps what was typed and sends nothing', async () => {
    const env = setup();
    await mount(env);
    await until(() => !byTestId<HTMLInputElement>('officer-name')?.disabled, 'the form to load');
    await type('officer-name', 'Siti');
    await type('officer-nip', '12345');
    env.sent.length = 0;
    await click('officer-save');
    const nip = byTestId<HTMLInputElement>('officer-nip');
    const error = byTestId('officer-nip-error');
    expect(error?.textContent).toContain('NIP harus 18 angka; yang diketik 5 angka.');
    expect(nip?.getAttribute('aria-invalid')).toBe('true');
    expect(nip?.getAttribute('aria-describedby')?.split(' ')).toContain(error?.id);
    expect(document.activeElement).toBe(nip);
    expect(byTestId('officer-outcome')?.getAttribute('role')).toBe('alert');
    expect(nip?.value).toBe('12345');
    expect(byTestId<HTMLInputElement>('officer-name')?.value).toBe('Siti');
    expect(env.sent.filter((m) => m.type === 'settings.set')).toEqual([]);
    expect(await getSetting(env.db, 'officer')).toBeUndefined();
  });
});

describe('the options page: language', () => {
  it('switches through prefs.set and re-renders live, including messages already shown', async () => {
    const env = setup();
    await mount(env);
    await until(() => !byTestId<HTMLInputElement>('officer-name')?.disabled, 'the form to load');
    await type('officer-nip', '12');
    await click('officer-save');
    expect(byTestId('officer-nip-error')?.textContent).toContain('yang diketik 2 angka');
    expect(host.querySelector('h1')?.textContent).toBe('Pandu Izin — Opsi');

    await act(() => byTestId<HTMLInputElement>('options-language-en')?.click());
    await until(() => host.querySelector('h1')?.textContent === 'Pandu Izin — Options', 'English');
    expect(env.sent).toContainEqual({ type: 'prefs.set', payload: { language: 'en' } });
    expect(await getSetting(env.db, 'language')).toBe('en');
    expect(host.querySelector('main')?.getAttribute('lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(byTestId('officer-nip-error')?.textContent).toContain('The NIP must be 18 digits; 2 typed.');
    expect(byTestId<HTMLInputElement>('officer-nip')?.value).toBe('12');

    await click('options-language');
    await until(() => host.querySelector('h1')?.textContent === 'Pandu Izin — Opsi', 'Indonesian again');
    expect(byTestId<HTMLInputElement>('options-language-id')?.checked).toBe(true);
  });
});

describe('the options page: adapters', () => {
  it('lists the built-in adapters with their origin, patterns and switch', async () => {
    const env = setup();
    await mount(env);
    await until(() => allByTestId('adapter-row').length >= 3, 'the list');
    const rows = allByTestId('adapter-row');
    expect(rows.every((r) => r.dataset.origin === 'builtin')).toBe(true);
    const first = rows[0] as HTMLElement;
    expect(first.querySelector('[data-testid="adapter-origin"]')?.textContent).toBe('Bawaan');
    expect(first.querySelector('[data-testid="adapter-matches"]')?.textContent).toMatch(/^https:\/\//);
    expect(first.querySelector<HTMLInputElement>('[data-testid="adapter-enabled"]')?.checked).toBe(true);
    expect(first.querySelector('[data-testid="adapter-delete"]')).toBeNull();
  });

  it('switches a built-in adapter off and on again', async () => {
    const env = setup();
    await mount(env);
    await until(() => row('oss-rba'), 'the OSS row');
    const toggle = () => row('oss-rba')?.querySelector<HTMLInputElement>('[data-testid="adapter-enabled"]');
    await act(() => toggle()?.click());
    await until(() => /dimatikan/.test(byTestId('adapters-outcome')?.textContent ?? ''), 'the notice');
    expect(row('oss-rba')?.dataset.enabled).toBe('false');
    expect(await getSetting(env.db, 'disabledAdapters')).toEqual(['oss-rba']);
    expect(byTestId('adapters-outcome')?.textContent).toMatch(/dimatikan/);
    expect(row('oss-rba')?.querySelector('[data-testid="adapter-state"]')?.textContent).toBe('Nonaktif');
    await act(() => toggle()?.click());
    await until(() => /diaktifkan/.test(byTestId('adapters-outcome')?.textContent ?? ''), 'on');
    expect(row('oss-rba')?.dataset.enabled).toBe('true');
    expect(await getSetting(env.db, 'disabledAdapters')).toEqual([]);
  });

  it('shows the switch at the new position while the background answers, and back on refusal', async () => {
    const env = setup();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const refuse = (async (type: string, payload: unknown) => {
      if (type !== 'adapters.setEnabled') return env.send(type as never, payload as never);
      await held;
      return {
        ok: false,
        error: { code: 'quota', message: { id: 'Penyimpanan penuh', en: 'Storage is full' } },
      };
    }) as typeof sendRequest;
    await mount({ ...env, send: refuse });
    await until(() => row('oss-rba'), 'the OSS row');
    const toggle = () => row('oss-rba')?.querySelector<HTMLInputElement>('[data-testid="adapter-enabled"]');
    await act(() => toggle()?.click());
    // Pending: the officer sees their choice, the switch cannot be pressed twice.
    expect(toggle()?.checked).toBe(false);
    expect(toggle()?.disabled).toBe(true);
    await act(async () => {
      release();
      await held;
    });
    await until(() => toggle()?.checked === true, 'switched back');
    expect(toggle()?.disabled).toBe(false);
    expect(row('oss-rba')?.dataset.enabled).toBe('true');
    expect(byTestId('adapters-outcome')?.textContent ?? '').not.toMatch(/dimatikan/);
    expect((await getSetting(env.db, 'disabledAdapters')) ?? []).toEqual([]);
    expect(byTestId('adapters-outcome')?.textContent).toContain('Penyimpanan penuh');
  });

  it('lists a syntax error with its path and sends nothing', async () => {
    const env = setup();
    await mount(env);
    await until(() => row('oss-rba'), 'the list');
    env.sent.length = 0;
    await type('adapter-import-text', '{ "format": ');
    await click('adapter-import-submit');
    const errors = allByTestId('adapter-import-error').map((e) => e.textContent);
    expect(errors).toEqual([expect.stringMatching(/^\(root\): Bukan JSON yang sah: .+ — Periksa/)]);
    expect(byTestId('adapter-import-outcome')?.getAttribute('role')).toBe('alert');
    expect(byTestId('adapter-import-text')?.getAttribute('aria-invalid')).toBe('true');
    expect(byTestId<HTMLTextAreaElement>('adapter-import-text')?.value).toBe('{ "format": ');
    expect(env.sent).toEqual([]);
    expect(await env.db.adapters.count()).toBe(0);
  });

  it('lists wrong fields with their paths, in the current language, and sends nothing', async () => {
    const env = setup();
    await mount(env);
    await until(() => row('oss-rba'), 'the list');
    env.sent.length = 0;
    await type('adapter-import-text', wrongFieldsText());
    await click('adapter-import-submit');
    expect(allByTestId('adapter-import-error').map((e) => e.textContent)).toEqual([
      expect.stringMatching(
        /^permits\[0\]\.permitType: Jenis izin tidak ada di katalog\. — Gunakan salah satu: /,
      ),
    ]);
    await act(() => byTestId<HTMLInputElement>('options-language-en')?.click());
    await until(() => host.querySelector('h1')?.textContent === 'Pandu Izin — Options', 'English');
    expect(allByTestId('adapter-import-error').map((e) => e.textContent)).toEqual([
      expect.stringMatching(
        /^permits\[0\]\.permitType: The permit type is not in the catalog\. — Use one of: /,
      ),
    ]);
    expect(env.sent.filter((m) => m.type.startsWith('adapters.'))).toEqual([]);
    expect(await env.db.adapters.count()).toBe(0);
  });

  it('shows the background’s refusal with its details (a built-in id)', async () => {
    const env = setup();
    await mount(env);
    await until(() => row('oss-rba'), 'the list');
    await type('adapter-import-text', validText({ id: 'oss-rba' }));
    await click('adapter-import-submit');
    await until(() => byTestId('adapter-import-errors'), 'the refusal');
    expect(byTestId('adapter-import-errors')?.dataset.checkedBy).toBe('background');
    expect(allByTestId('adapter-import-error')[0]?.textContent).toMatch(
      /^id: "oss-rba" adalah id adaptor bawaan/,
    );
    expect(await env.db.adapters.count()).toBe(0);
  });

  it('imports a valid adapter, lists it as imported, and offers access to its portal', async () => {
    const env = setup();
    await mount(env);
    await until(() => row('oss-rba'), 'the list');
    await type('adapter-import-text', validText());
    await click('adapter-import-submit');
    await until(() => row('perizinan-kota-uji'), 'the new row');
    expect(byTestId('adapter-import-outcome')?.textContent).toBe('Adaptor "Perizinan Kota Uji" diimpor.');
    expect(byTestId<HTMLTextAreaElement>('adapter-import-text')?.value).toBe('');
    const added = row('perizinan-kota-uji') as HTMLElement;
    expect(added.dataset.origin).toBe('custom');
    expect(added.querySelector('[data-testid="adapter-origin"]')?.textContent).toBe('Diimpor');
    await until(() => added.querySelector('[data-testid="adapter-access"]'), 'the access notice');
    expect(added.querySelector('[data-testid="adapter-access"]')?.textContent).toContain(
      'Belum ada akses ke https://perizinan.kotauji.go.id/*.',
    );
    expect(env.permissions.contains).toHaveBeenCalledWith({ origins: ['https://perizinan.kotauji.go.id/*'] });
    expect(env.permissions.request).not.toHaveBeenCalled();
  });

  it('asks for access inside the click and says when it was refused', async () => {
    const env = setup();
    await mount(env);
    await until(() => row('oss-rba'), 'the list');
    await type('adapter-import-text', validText());
    await click('adapter-import-submit');
    await until(
      () => row('perizinan-kota-uji')?.querySelector('[data-testid="adapter-grant"]'),
      'the button',
    );
    const grant = row('perizinan-kota-uji')?.querySelector<HTMLButtonElement>(
      '[data-testid="adapter-grant"]',
    );
    grant?.click();
    expect(env.permissions.request).toHaveBeenCalledWith({ origins: ['https://perizinan.kotauji.go.id/*'] });
    await until(() => byTestId('adapter-access-outcome'), 'the outcome');
    expect(byTestId('adapter-access-outcome')?.textContent).toContain(
      'Akses ditolak: adaptor tidak akan berjalan di portal itu sampai akses diberikan.',
    );
    expect(env.sent.filter((m) => m.type === 'adapters.sync')).toEqual([]);
  });

  it('syncs after access is granted and drops the notice', async () => {
    const env = setup();
    const granted: string[] = [];
    env.permissions.contains.mockImplementation(async ({ origins }) =>
      origins.every((o) => granted.includes(o)),
    );
    env.permissions.request.mockImplementation(async ({ origins }) => {
      granted.push(...origins);
      return true;
    });
    await mount(env);
    await until(() => row('oss-rba'), 'the list');
    await type('adapter-import-text', validText());
    await click('adapter-import-submit');
    await until(
      () => row('perizinan-kota-uji')?.querySelector('[data-testid="adapter-grant"]'),
      'the button',
    );
    await click('adapter-grant', row('perizinan-kota-uji') as HTMLElement);
    await until(() => byTestId('adapter-access-outcome'), 'the outcome');
    expect(byTestId('adapter-access-outcome')?.textContent).toBe('Akses diberikan.');
    expect(env.sent.map((m) => m.type)).toContain('adapters.sync');
    await until(
      () => !row('perizinan-kota-uji')?.querySelector('[data-testid="adapter-access"]'),
      'no notice',
    );
  });

  it('deletes an imported adapter only after the confirm step', async () => {
    const env = setup();
    await env.send('adapters.import', { text: validText() });
    await mount(env);
    await until(() => row('perizinan-kota-uji'), 'the row');
    await click('adapter-delete', row('perizinan-kota-uji') as HTMLElement);
    expect(byTestId('adapter-delete-step')?.textContent).toContain('Hapus adaptor "Perizinan Kota Uji"?');
    expect(document.activeElement).toBe(byTestId('adapter-delete-confirm'));
    await click('adapter-delete-cancel');
    expect(byTestId('adapter-delete-step')).toBeNull();
    expect(await env.db.adapters.count()).toBe(1);

    await click('adapter-delete', row('perizinan-kota-uji') as HTMLElement);
    await click('adapter-delete-confirm');
    await until(() => !row('perizinan-kota-uji'), 'the row to go');
    expect(byTestId('adapters-outcome')?.textContent).toBe('Adaptor "Perizinan Kota Uji" dihapus.');
    expect(await env.db.adapters.count()).toBe(0);
  });

  it('shows a stored adapter that no longer validates with its problems, switched off', async () => {
    const env = setup();
    await env.db.adapters.put({
      id: 'rusak',
      source: 'custom',
      definition: { format: 'pandu-izin/adapter@1', id: 'rusak' } as never,
      updatedAt: '2026-11-20T00:00:00.000Z',
    });
    await mount(env);
    await until(() => row('rusak'), 'the broken row');
    const broken = row('rusak') as HTMLElement;
    expect(broken.querySelector('[data-testid="adapter-errors"]')?.textContent).toMatch(
      /tidak lagi sah.*name:/,
    );
    expect(broken.querySelector<HTMLInputElement>('[data-testid="adapter-enabled"]')?.disabled).toBe(true);
    expect(broken.querySelector('[data-testid="adapter-delete"]')).not.toBeNull();
  });
});

describe('the options page under an agency policy', () => {
  it('shows what the policy sets, disables what it locks with a note, and follows a policy change live', async () => {
    const env = setup();
    await syncPolicy(
      env.db,
      { language: 'en', region: '31', disabledAdapters: ['simbg'], locked: ['officer'], regoin: '31' },
      '2026-11-29T02:00:00.000Z',
    );
    await mount(env);
    await until(() => byTestId('managed-section'), 'the managed section');
    expect(allByTestId('managed-row').map((r) => r.dataset.key)).toEqual([
      'region',
      'language',
      'disabledAdapters',
      'locked',
    ]);
    expect(byTestId('managed-section')?.textContent).toContain('Jakarta (Special Capital Region) (31)');
    expect(byTestId('managed-problems')?.textContent).toContain('regoin');

    // Language: the radios and the header switch say it is set by policy and do nothing.
    const fieldsetOf = (id: string) => byTestId(id)?.closest('fieldset');
    await until(() => fieldsetOf('options-language-id')?.disabled, 'the language choice to be disabled');
    expect(byTestId('options-language-managed')?.textContent).toBe("Set by your agency's policy.");
    const toggle = byTestId<HTMLButtonElement>('options-language');
    expect(toggle?.getAttribute('aria-disabled')).toBe('true');
    await click('options-language');
    expect(env.sent.filter((m) => m.type === 'prefs.set')).toEqual([]);
    // The dock side is not managed: still free.
    expect(fieldsetOf('options-dock-left')?.disabled).toBe(false);

    // Identity is locked: every field disabled inside the locked wrapper, with its note.
    await until(() => byTestId<HTMLSelectElement>('officer-region')?.value === '31', 'the policy region');
    const locked = byTestId('locked-officer');
    expect(locked?.querySelector('fieldset')?.disabled).toBe(true);
    expect(locked?.textContent).toContain("locked by your agency's policy");
    expect(byTestId('locked-targets')).toBeNull();

    // The switched-off built-in says why and cannot be switched on.
    await until(() => row('simbg'), 'the adapter list');
    expect(row('simbg')?.querySelector<HTMLInputElement>('[data-testid="adapter-enabled"]')?.disabled).toBe(
      true,
    );
    expect(row('simbg')?.querySelector('[data-testid="adapter-policy"]')?.textContent).toBe(
      "Switched off by your agency's policy",
    );

    // The policy withdrawn: the section goes, the officer's own controls come back.
    await act(async () => {
      await syncPolicy(env.db, {}, '2026-11-29T03:00:00.000Z');
    });
    await until(() => !byTestId('managed-section'), 'the managed section to go');
    expect(byTestId('locked-officer')).toBeNull();
    await until(
      () => fieldsetOf('options-language-id')?.disabled === false,
      'the language choice to be free',
    );
  });
});
