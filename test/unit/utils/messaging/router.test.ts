import { describe, expect, it, vi } from 'vitest';
import { classifySender, createRouter } from '../../../../utils/messaging/router';

const me = { runtimeId: 'pandu-id', extensionOrigin: 'chrome-extension://pandu-id/' };
const contentScript = { id: 'pandu-id', url: 'http://127.0.0.1:4000/sicantik/permohonan/1', tab: { id: 3 } };
const extensionPage = { id: 'pandu-id', url: 'chrome-extension://pandu-id/sidepanel.html' };
const page = {
  adapterId: 'sicantik',
  kind: 'case-detail',
  caseRef: '0142',
  permitLabel: 'IZIN REKLAME',
  missing: [],
};

function setup() {
  const handler = vi.fn((p: { caseRef: string | null }) => ({ echoed: p.caseRef }));
  // biome-ignore lint/suspicious/noExplicitAny: the test handler stands in for the typed one
  const route = createRouter({ 'page.recognised': handler as any }, me);
  return { handler, route };
}

describe('classifySender', () => {
  it('tells content scripts from extension pages', () => {
    expect(classifySender(contentScript, me)).toBe('content-script');
    expect(classifySender(extensionPage, me)).toBe('extension-page');
  });

  it('refuses another extension', () => {
    expect(classifySender({ ...contentScript, id: 'someone-else' }, me)).toBeNull();
  });

  it('refuses a sender that is neither a tab nor our page', () => {
    expect(classifySender({ id: 'pandu-id', url: 'https://example.org/' }, me)).toBeNull();
  });
});

describe('createRouter', () => {
  it('answers a valid message from a content script', async () => {
    const { route, handler } = setup();
    await expect(route({ type: 'page.recognised', payload: page }, contentScript)).resolves.toEqual({
      ok: true,
      data: { echoed: '0142' },
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('refuses a foreign sender without running the handler', async () => {
    const { route, handler } = setup();
    const answer = await route({ type: 'page.recognised', payload: page }, { ...contentScript, id: 'evil' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unknown type, naming it in both languages', async () => {
    const { route } = setup();
    const answer = await route({ type: 'keys.export', payload: {} }, extensionPage);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'unknown-type',
        message: { id: 'Jenis pesan tidak dikenal: keys.export', en: 'Unknown message type: keys.export' },
      },
    });
  });

  it.each([
    ['a missing payload', undefined],
    ['a non-string case number', { ...page, caseRef: 42 }],
    ['an oversized permit label', { ...page, permitLabel: 'x'.repeat(501) }],
    ['an unknown missing field', { ...page, missing: ['nip'] }],
    ['a wrong page kind', { ...page, kind: 'case-list' }],
  ])('refuses %s as invalid', async (_name, payload) => {
    const { route, handler } = setup();
    const answer = await route({ type: 'page.recognised', payload }, contentScript);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler failure into a typed internal error', async () => {
    const route = createRouter(
      {
        'page.recognised': () => {
          throw new Error('boom');
        },
      },
      me,
    );
    const answer = await route({ type: 'page.recognised', payload: page }, contentScript);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'internal', message: { en: 'Internal error: boom' } },
    });
  });

  it('refuses non-object messages', async () => {
    const { route } = setup();
    await expect(route('page.recognised', contentScript)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-type' },
    });
  });
});
