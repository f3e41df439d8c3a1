// @vitest-environment happy-dom
/**
 * The signing UI against a real (fake-IndexedDB) database and real keys: the options page's
 * keys section (make, import with a wrong and a right password, choose, delete) and the side
 * panel's signed-checklist section (sign, say what happened, list what was signed).
 */
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { KeysSection } from '../../../../components/options/KeysSection';
import { SignedChecklist } from '../../../../components/signing/SignedChecklist';
import { signChecklist } from '../../../../components/signing/sign-checklist';
import type { PanduDb } from '../../../../utils/db/schema';
import { setSetting } from '../../../../utils/db/settings';
import type { Language } from '../../../../utils/i18n';
import type { CaseState } from '../../../../utils/messaging/protocol';
import { type Mounted, mount, until } from '../../helpers/dom';
import {
  extensionPageHost,
  FIXTURE_OFFICER,
  fixtureFonts,
  openFixtureCase,
} from '../../helpers/extension-page';
import { makeCa, PASSWORD, pkcs12, tempDir } from '../../utils/pdf/signing-tools';

const OFFICER = FIXTURE_OFFICER;

let view: Mounted | undefined;
const dbs: PanduDb[] = [];

async function show(ui: ComponentChild) {
  view = await mount(ui);
}

afterEach(async () => {
  await view?.unmount();
  view = undefined;
  for (const db of dbs.splice(0)) await db.delete();
});

const byTestId = (id: string) => view?.byTestId(id) ?? null;
const allByTestId = (id: string) => view?.allByTestId(id) ?? [];
const text = (id: string) => view?.text(id) ?? '';

async function click(id: string, index = 0) {
  await act(() => {
    allByTestId(id)[index]?.click();
  });
}

async function environment() {
  const env = extensionPageHost('options.html', 'signing-ui');
  dbs.push(env.db);
  await setSetting(env.db, 'officer', OFFICER);
  return env;
}

function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
}

async function submitImport(password: string) {
  const field = byTestId('keys-import-password') as HTMLInputElement;
  await act(() => {
    field.value = password;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    (byTestId('keys-import') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
  });
}

describe('the keys section', () => {
  it('makes a key from the identity and shows its certificate', async () => {
    const env = await environment();
    await show(<KeysSection lang="id" db={env.db} />);
    await until(() => byTestId('keys-none'), 'the empty state');
    await click('keys-generate');
    await until(() => byTestId('key'), 'the new key');
    const details = text('key-details');
    expect(details).toContain('Atas nama');
    expect(details).toContain(OFFICER.name);
    expect(details).toContain(OFFICER.nip);
    expect(details).toContain('Tidak tersertifikasi (dibuat di peramban ini)');
    expect(details).toMatch(/EC P-256/);
    expect(byTestId('key')?.dataset.active).toBe('true');
    expect(text('keys-outcome')).toBe(`Kunci baru atas nama ${OFFICER.name} dibuat dan dipakai.`);
  });

  it('says the stored keys could not be read when a certificate is damaged, not that no key was made', async () => {
    const env = await environment();
    await env.db.keys.put({
      id: 'damaged',
      label: 'rusak',
      createdAt: '2026-11-20T08:00:00.000Z',
      privateKey: {} as CryptoKey,
      certificateDer: new Uint8Array([1, 2, 3]).buffer,
    });
    await show(<KeysSection lang="id" db={env.db} />);
    await until(() => text('keys-outcome') || null, 'the outcome');
    expect(text('keys-outcome')).toMatch(/^Kunci tersimpan tidak dapat dibaca\./);
    expect(text('keys-outcome')).not.toContain('Kunci tidak dibuat');
  });

  it('refuses a wrong password with the reason and stores nothing, then imports with the right one', async () => {
    const dir = tempDir('keys-ui');
    const ca = makeCa(dir);
    const leaf = ca.issue('leaf', 'ec', `/CN=${OFFICER.name}/serialNumber=${OFFICER.nip}/O=BSrE Uji/C=ID`);
    const bytes = pkcs12(dir, 'leaf', { key: leaf.key, cert: leaf.cert, chain: [ca.cert] });
    const env = await environment();
    await show(<KeysSection lang="id" db={env.db} />);
    await until(() => byTestId('keys-none'), 'the empty state');

    await submitImport(PASSWORD);
    await until(() => byTestId('keys-outcome'), 'the no-file message');
    expect(text('keys-outcome')).toContain('Pilih berkas .p12 atau .pfx dulu.');

    chooseFile(
      byTestId('keys-import-file') as HTMLInputElement,
      new File([bytes.slice().buffer as ArrayBuffer], 'petugas.p12'),
    );
    await submitImport('salah');
    await until(() => text('keys-outcome').includes('Kata sandi'), 'the wrong-password message');
    expect(byTestId('keys-outcome')?.getAttribute('role')).toBe('alert');
    expect(text('keys-outcome')).toMatch(/^Kunci tidak diimpor dan tidak ada yang disimpan\. Kata sandi/);
    expect(await env.db.keys.count()).toBe(0);

    await submitImport(PASSWORD);
    await until(() => byTestId('key'), 'the imported key');
    expect(text('keys-outcome')).toBe(`Kunci "${OFFICER.name}" diimpor dan dipakai.`);
    expect(text('key-details')).toContain('Tersertifikasi (diterbitkan oleh Uji CA Pandu Izin)');
    expect((byTestId('keys-import-password') as HTMLInputElement).value).toBe('');
  });

  it('switches the key in use and deletes a key after confirmation, in English too', async () => {
    const env = await environment();
    let lang: Language = 'en';
    const ui = () => <KeysSection lang={lang} db={env.db} />;
    await show(ui());
    await until(() => byTestId('keys-none'), 'the empty state');
    await click('keys-generate');
    await until(() => allByTestId('key').length === 1, 'one key');
    await setSetting(env.db, 'officer', { ...OFFICER, name: 'Sri Rahayu, S.T.' });
    await click('keys-generate');
    await until(() => allByTestId('key').length === 2, 'two keys');
    expect(allByTestId('key').map((k) => k.dataset.active)).toEqual(['true', 'false']);
    expect(text('key-active')).toBe('✓ Used for signing');

    await click('key-use');
    await until(() => text('keys-outcome').startsWith('Key "Sri Rahayu" is now in use'), 'the switch');
    await until(() => allByTestId('key')[0]?.textContent?.includes('Sri RahayuNIP'), 'the first key on top');

    await click('key-delete', 0);
    expect(text('key-delete-confirm')).toContain('Delete key "Sri Rahayu"?');
    await click('key-delete-yes');
    await until(() => allByTestId('key').length === 1, 'one key left');
    expect(text('keys-outcome')).toBe('Key "Sri Rahayu" deleted.');
    lang = 'id';
    await view?.rerender(ui());
    expect(text('key-active')).toBe('✓ Dipakai untuk menandatangani');
  });
});

describe('the signed-checklist section', () => {
  async function sectionFor(stage: 'running' | 'finished') {
    const env = await environment();
    const opened = await openFixtureCase(env, 'I-202611240003012');
    const state: CaseState =
      stage === 'running' ? opened : { ...opened, view: { ...opened.view, stage: null } };
    const saved: string[] = [];
    await show(
      <SignedChecklist
        lang="id"
        db={env.db}
        send={env.send}
        state={state}
        caseRef="I-202611240003012"
        portal="OSS RBA"
        verifyUrl="verify.html"
        optionsUrl="options.html"
        sign={(request) =>
          signChecklist(
            {
              db: env.db,
              send: env.send,
              fonts: async () => fixtureFonts(),
              save: (_bytes, fileName) => saved.push(fileName),
            },
            request,
          )
        }
      />,
    );
    return { env, saved };
  }

  it('signs, says who signed and how, downloads, and lists the signed file', async () => {
    const { env, saved } = await sectionFor('running');
    expect(byTestId('sign-button')?.textContent).toBe('Cetak checklist bertanda tangan');
    await click('sign-button');
    await until(() => byTestId('sign-status')?.dataset.state !== 'working', 'the signature');
    expect(text('sign-error')).toBe('');
    expect(byTestId('sign-status')?.dataset.state).toBe('done');
    expect(saved).toEqual([expect.stringMatching(/^checklist-I-202611240003012-\d{4}-\d{2}-\d{2}\.pdf$/)]);
    expect(text('sign-signer')).toBe(
      `Ditandatangani oleh ${OFFICER.name}: tanda tangan elektronik tidak tersertifikasi (kunci dibuat di peramban ini).`,
    );
    const [row] = await env.db.signatures.toArray();
    expect(byTestId('sign-hash')?.dataset.sha256).toBe(row?.fileSha256);
    await until(() => byTestId('sign-list'), 'the signed list');
    expect(byTestId('sign-list')?.querySelector('li')?.dataset.sha256).toBe(row?.fileSha256);
    expect(byTestId('sign-verify-link')?.getAttribute('href')).toBe('verify.html');
  });

  it('says why nothing was made when no identity is set, as an alert', async () => {
    const { env, saved } = await sectionFor('running');
    await env.db.settings.delete('officer');
    await click('sign-button');
    await until(() => byTestId('sign-error'), 'the refusal');
    expect(byTestId('sign-error')?.getAttribute('role')).toBe('alert');
    expect(text('sign-error')).toMatch(/PDF tidak dibuat\. Isi nama Anda di Opsi › Identitas petugas/);
    expect(saved).toEqual([]);
  });

  it('offers no button for a finished case and says why', async () => {
    await sectionFor('finished');
    expect(byTestId('sign-button')).toBeNull();
    expect(text('sign-no-stage')).toMatch(/sudah selesai/);
  });
});
