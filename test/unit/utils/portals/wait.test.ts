// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitForRecognition } from '../../../../utils/portals/wait';

const DETAIL = '/simbg/app/permohonan/PBG-1';
const filled =
  '<dl><dt>No. Registrasi</dt><dd>PBG-1</dd><dt>Jenis Permohonan</dt><dd>PBG - Perubahan</dd></dl>';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('waitForRecognition', () => {
  it('answers at once when the page is already rendered', async () => {
    document.body.innerHTML = filled;
    const page = await waitForRecognition(document, DETAIL, { signal: new AbortController().signal });
    expect(page?.caseRef).toBe('PBG-1');
  });

  it('recognises content that arrives after the shell', async () => {
    document.body.innerHTML = '<div id="app">Memuat data…</div>';
    const pending = waitForRecognition(document, DETAIL, {
      signal: new AbortController().signal,
      debounceMs: 5,
    });
    setTimeout(() => {
      const app = document.getElementById('app');
      if (app) app.innerHTML = filled;
    }, 20);
    const page = await pending;
    expect(page).toMatchObject({ adapterId: 'simbg', caseRef: 'PBG-1', permitLabel: 'PBG - Perubahan' });
  });

  it('gives up with null after the time limit and stops observing', async () => {
    document.body.innerHTML = '<div id="app">Memuat data…</div>';
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const page = await waitForRecognition(document, DETAIL, {
      signal: new AbortController().signal,
      timeoutMs: 30,
    });
    expect(page).toBeNull();
    expect(disconnect).toHaveBeenCalled();
  });

  it('resolves null as soon as it is aborted', async () => {
    document.body.innerHTML = '<div>Memuat data…</div>';
    const controller = new AbortController();
    const pending = waitForRecognition(document, DETAIL, { signal: controller.signal, timeoutMs: 60_000 });
    controller.abort();
    await expect(pending).resolves.toBeNull();
  });
});
