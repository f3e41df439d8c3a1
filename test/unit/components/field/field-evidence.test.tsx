// @vitest-environment happy-dom
/**
 * The evidence form's edges that the E2E does not reach: a GPS timeout and a missing GPS, a
 * file that is not an image, a full disk (the photos already kept stay), and a refusal by the
 * engine (what was typed stays), all in words; the English catalog follows.
 */
import { act as preactAct } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldEvidencePanel } from '../../../../components/field/FieldEvidence';
import type { FieldEvidence, StepView } from '../../../../machines';
import type { PanduDb } from '../../../../utils/db/schema';
import { PhotoError, type StoredPhoto } from '../../../../utils/evidence/photo';
import type { Language } from '../../../../utils/i18n';
import { tField } from '../../../../utils/i18n/field';
import type { sendRequest } from '../../../../utils/messaging/client';
import { sha256Hex } from '../../../../utils/pdf/payload';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost, openFixtureCase } from '../../helpers/extension-page';

const STEP = {
  id: 'oss-standard-site-check',
  name: { id: 'Pemeriksaan lapangan', en: 'Site check' },
  completed: false,
  needsEvidence: true,
} as StepView;

let view: Mounted | undefined;
const dbs: PanduDb[] = [];
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  for (const db of dbs.splice(0)) await db.delete();
});
const by = (id: string) => view?.byTestId(id) ?? null;
const text = (id: string) => view?.text(id) ?? '';

async function fakePhoto(file: File): Promise<StoredPhoto> {
  if (!file.type.startsWith('image/')) throw new PhotoError('not-an-image', file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    sha256: await sha256Hex(bytes),
    width: 10,
    height: 10,
  };
}

async function show(opts: {
  lang?: Language;
  geolocation?: Pick<Geolocation, 'getCurrentPosition'> | null;
  send?: typeof sendRequest;
  evidence?: FieldEvidence[];
}) {
  const env = extensionPageHost('sidepanel.html', 'field-ui');
  dbs.push(env.db);
  const state = await openFixtureCase(env, 'I-1');
  view = await mount(
    <FieldEvidencePanel
      lang={opts.lang ?? 'id'}
      db={env.db}
      send={opts.send ?? env.send}
      caseId={state.id}
      step={STEP}
      evidence={opts.evidence ?? []}
      geolocation={opts.geolocation === undefined ? null : opts.geolocation}
      downscale={fakePhoto}
      now={() => new Date('2026-11-29T03:00:00Z')}
    />,
  );
  await act(() => by('field-open')?.click());
  return env;
}

/** Runs a user action and lets Preact settle. */
async function act(run: () => unknown) {
  await preactAct(async () => {
    await run();
  });
}

async function choose(files: File[]) {
  const input = by('field-photo-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(() => input.dispatchEvent(new Event('change', { bubbles: true })));
}

async function type(id: string, value: string) {
  const field = by(id) as HTMLInputElement | HTMLTextAreaElement;
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the evidence form', () => {
  it('follows the connection while the form is open: the offline note comes and goes', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    try {
      await show({});
      const note = tField('id', 'field.offline');
      expect(document.body.textContent).not.toContain(note);
      onLine.mockReturnValue(false);
      await act(() => window.dispatchEvent(new Event('offline')));
      expect(document.body.textContent).toContain(note);
      onLine.mockReturnValue(true);
      await act(() => window.dispatchEvent(new Event('online')));
      expect(document.body.textContent).not.toContain(note);
    } finally {
      onLine.mockRestore();
    }
  });

  it('says when GPS times out, and when there is no GPS at all', async () => {
    const timeout = {
      getCurrentPosition: (_ok: PositionCallback, fail?: PositionErrorCallback | null) =>
        fail?.({ code: 3, message: 'timeout' } as GeolocationPositionError),
    };
    await show({ geolocation: timeout });
    await act(() => by('field-gps')?.click());
    expect(text('field-gps-status')).toMatch(/dalam 20 detik/);
    await view?.unmount();
    await show({ geolocation: null, lang: 'en' });
    await act(() => by('field-gps')?.click());
    expect(text('field-gps-status')).toBe('This browser offers no GPS. Type the latitude and longitude.');
  });

  it('refuses a file that is not an image, keeps the photos already saved when the disk is full', async () => {
    const env = await show({});
    await choose([new File(['%PDF-1.7'], 'surat.pdf', { type: 'application/pdf' })]);
    await until(() => text('field-photo-status').includes('surat.pdf'), 'the refusal');
    expect(text('field-photo-status')).toBe('surat.pdf bukan gambar yang bisa dibaca; tidak disimpan.');

    await choose([new File(['satu'], 'satu.jpg', { type: 'image/jpeg' })]);
    await until(() => text('field-photo-status') === '1 foto disimpan.', 'the first photo');
    vi.spyOn(env.db.evidence, 'put').mockRejectedValueOnce(
      Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
    );
    await choose([new File(['dua'], 'dua.jpg', { type: 'image/jpeg' })]);
    await until(() => text('field-photo-status').includes('penuh'), 'the full-disk message');
    expect(text('field-photo-status')).toMatch(/Foto dan bukti yang sudah tersimpan tetap aman/);
    expect(await env.db.evidence.count()).toBe(1);
    expect(view?.host.querySelectorAll('[data-testid="field-photos"] li')).toHaveLength(1);
  });

  it('keeps everything typed when the engine refuses the evidence, and says why', async () => {
    const refusing = (async () => ({
      ok: false,
      error: {
        code: 'rejected',
        message: {
          id: 'Bukti diambil sebelum berkas diterima.',
          en: 'Captured before the file was received.',
        },
      },
    })) as unknown as typeof sendRequest;
    await show({ send: refusing });
    await type('field-lat', '-6,2');
    await type('field-lon', '106,8');
    await type('field-bap', 'BAP/1');
    await type('field-inspectors', 'Ahmad');
    const radio = view?.host.querySelector<HTMLInputElement>('input[type="radio"][value="sesuai"]');
    await act(() => radio?.click());
    await act(() =>
      (by('field-form') as HTMLFormElement).dispatchEvent(
        new Event('submit', { bubbles: true, cancelable: true }),
      ),
    );
    await until(() => by('field-refused'), 'the refusal');
    expect(text('field-refused')).toBe(
      'Bukti tidak dicatat. Bukti diambil sebelum berkas diterima. Isian dan foto tetap ada; perbaiki lalu simpan lagi.',
    );
    expect((by('field-lat') as HTMLInputElement).value).toBe('-6,2');
    expect((by('field-inspectors') as HTMLTextAreaElement).value).toBe('Ahmad');
  });
});
