// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../../../utils/portals/builtin';
import type { RecognisedPage } from '../../../../utils/portals/types';
import { followPage, waitForRecognition } from '../../../../utils/portals/wait';

const simbg = BUILTIN_ADAPTERS.find((a) => a.id === 'simbg');
if (!simbg) throw new Error('no simbg adapter');
const detail = (ref: string, status = 'Konsultasi Teknis') =>
  `<dl class="simbg-detail"><dt>No. Registrasi</dt><dd>${ref}</dd><dt>Jenis Permohonan</dt><dd>PBG - Perubahan</dd><dt>Status</dt><dd>${status}</dd></dl>`;
const ready = (inner: string) => `<div id="simbg-app" data-state="ready">${inner}</div>`;

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waitForRecognition', () => {
  it('answers at once when the page is already rendered', async () => {
    document.body.innerHTML = ready(detail('PBG-1'));
    const page = await waitForRecognition(document, simbg, { signal: new AbortController().signal });
    expect(page?.caseRef).toBe('PBG-1');
  });

  it('recognises content that arrives after the shell, once the DOM marker says it is ready', async () => {
    document.body.innerHTML = '<div id="simbg-app" data-state="loading">Memuat data…</div>';
    const pending = waitForRecognition(document, simbg, {
      signal: new AbortController().signal,
      debounceMs: 5,
    });
    // The previous case's details are still on screen while the app loads: not yet.
    setTimeout(() => {
      const app = document.getElementById('simbg-app');
      if (app) app.innerHTML = detail('PBG-0');
    }, 10);
    setTimeout(() => {
      const app = document.getElementById('simbg-app');
      if (!app) return;
      app.innerHTML = detail('PBG-1');
      app.setAttribute('data-state', 'ready');
    }, 40);
    const page = await pending;
    expect(page).toMatchObject({ adapterId: 'simbg', caseRef: 'PBG-1', permitLabel: 'PBG - Perubahan' });
  });

  it('gives up with null after the time limit and stops observing', async () => {
    document.body.innerHTML = '<div id="app">Memuat data…</div>';
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const page = await waitForRecognition(document, simbg, {
      signal: new AbortController().signal,
      timeoutMs: 30,
    });
    expect(page).toBeNull();
    expect(disconnect).toHaveBeenCalled();
  });

  it('resolves null as soon as it is aborted', async () => {
    document.body.innerHTML = '<div>Memuat data…</div>';
    const controller = new AbortController();
    const pending = waitForRecognition(document, simbg, { signal: controller.signal, timeoutMs: 60_000 });
    controller.abort();
    await expect(pending).resolves.toBeNull();
  });
});

describe('followPage', () => {
  it('reports a page that changed under it, once per change, and stops on abort', async () => {
    document.body.innerHTML = ready(detail('PBG-1'));
    const controller = new AbortController();
    const seen: RecognisedPage[] = [];
    const shown = { caseRef: 'PBG-1' } as RecognisedPage;
    const first = await waitForRecognition(document, simbg, { signal: controller.signal });
    followPage(document, simbg, first ?? shown, (p) => seen.push(p), {
      signal: controller.signal,
      debounceMs: 5,
    });

    // Unrelated churn (a clock, our own host element) changes nothing it reads.
    document.body.append(document.createElement('span'));
    await tick(20);
    expect(seen).toEqual([]);

    const app = document.getElementById('simbg-app');
    if (app) app.innerHTML = detail('PBG-1', 'Perhitungan Retribusi');
    await tick(20);
    expect(seen.map((p) => p.statusLabel)).toEqual(['Perhitungan Retribusi']);

    controller.abort();
    if (app) app.innerHTML = detail('PBG-2');
    await tick(20);
    expect(seen).toHaveLength(1);
  });
});
