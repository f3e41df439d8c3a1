import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SCRIPT_TYPES,
  MESSAGES,
  type MessageType,
  Refusal,
} from '../../../../utils/messaging/protocol';
import { classifySender, createRouter, type Handlers } from '../../../../utils/messaging/router';

const me = { runtimeId: 'pandu-id', extensionOrigin: 'chrome-extension://pandu-id/' };
const contentScript = {
  id: 'pandu-id',
  url: 'http://127.0.0.1:4000/sicantik/permohonan/1',
  tab: { id: 3 },
  frameId: 0,
};
const extensionPage = { id: 'pandu-id', url: 'chrome-extension://pandu-id/options.html' };
const page = {
  adapterId: 'sicantik',
  kind: 'case-detail',
  caseRef: '0142',
  permitLabel: 'IZIN REKLAME',
  receivedLabel: '12/11/2026',
  regionLabel: 'Bali',
  statusLabel: 'Menunggu Verifikasi',
  applicantLabel: 'Siti',
  documents: ['KTP'],
  missing: [],
};
const uuid = '7f0c3a56-2b1e-4c1a-9a55-0e7d0b0b5d11';

/** A valid payload for every message type. */
const VALID: Record<MessageType, unknown> = {
  'page.setup': { url: 'http://127.0.0.1:4000/sicantik/permohonan/1' },
  'page.recognised': page,
  'list.badges': {
    adapterId: 'sicantik',
    rows: [
      {
        caseRef: '0142',
        permitLabel: 'IZIN REKLAME',
        receivedLabel: '12/11/2026',
        statusLabel: 'PEMERIKSAAN',
        regionLabel: null,
      },
    ],
  },
  'prefs.set': { language: 'en' },
  'adapters.list': {},
  'adapters.import': { text: '{}' },
  'adapters.setEnabled': { id: 'sicantik', enabled: false },
  'adapters.delete': { id: 'x' },
  'adapters.sync': {},
  'case.view': { caseId: 'sicantik:0142' },
  'workspace.open': { caseId: 'sicantik:0142' },
  'case.intent': {
    caseId: 'sicantik:0142',
    eventId: uuid,
    expectedSeq: 2,
    intent: { type: 'checklist.tick', itemId: 'a' },
  },
  'settings.get': { key: 'officer' },
  'settings.set': { key: 'language', value: 'en' },
  'backup.export': {},
  'backup.import': { text: '{}' },
};

function setup() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(MESSAGES) as MessageType[]).map((type) => [
      type,
      vi.fn((payload: unknown) => {
        calls.push(type);
        return { echoed: payload };
      }),
    ]),
  ) as unknown as Handlers;
  return { route: createRouter(handlers, me), calls, handlers };
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

  it('refuses a sub-frame: our content script runs in the top frame only', () => {
    expect(classifySender({ ...contentScript, frameId: 4 }, me)).toBeNull();
  });
});

describe('sender rules', () => {
  it('lets a content script send only what a page view needs', () => {
    expect([...CONTENT_SCRIPT_TYPES].sort()).toEqual([
      'case.intent',
      'case.view',
      'list.badges',
      'page.recognised',
      'page.setup',
      'prefs.set',
      'workspace.open',
    ]);
  });

  it.each((Object.keys(MESSAGES) as MessageType[]).map((t) => [t]))(
    'an extension page may send %s',
    async (type) => {
      const { route, calls } = setup();
      const answer = await route({ type, payload: VALID[type] }, extensionPage);
      expect(answer.ok).toBe(true);
      expect(calls).toEqual([type]);
    },
  );

  it.each((Object.keys(MESSAGES) as MessageType[]).filter((t) => !CONTENT_SCRIPT_TYPES.has(t)))(
    'a content script asking for %s is refused and nothing runs',
    async (type) => {
      const { route, calls } = setup();
      const answer = await route({ type, payload: VALID[type] }, contentScript);
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'forbidden-sender',
          message: { id: 'Pengirim pesan tidak diizinkan', en: 'Message sender not allowed' },
        },
      });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a foreign sender without running the handler', async () => {
    const { route, calls } = setup();
    const answer = await route({ type: 'page.recognised', payload: page }, { ...contentScript, id: 'evil' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(calls).toEqual([]);
  });
});

describe('payload validation', () => {
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

  it('refuses a type that is not text without failing on it, even one with no prototype (found by fuzzing)', async () => {
    const { route } = setup();
    const odd = await route({ type: Object.create(null), payload: [] }, extensionPage);
    expect(odd).toMatchObject({
      ok: false,
      error: { code: 'unknown-type', message: { en: 'Unknown message type: (object)' } },
    });
    const none = await route({ type: null }, extensionPage);
    expect(none).toMatchObject({ ok: false, error: { message: { en: 'Unknown message type: (null)' } } });
  });

  it.each([
    ['page.recognised', 'a missing payload', undefined],
    ['page.recognised', 'a non-string case number', { ...page, caseRef: 42 }],
    ['page.recognised', 'an oversized permit label', { ...page, permitLabel: 'x'.repeat(501) }],
    ['page.recognised', 'an unknown missing field', { ...page, missing: ['nip'] }],
    ['page.recognised', 'a wrong page kind', { ...page, kind: 'case-list' }],
    ['page.recognised', 'an extra member', { ...page, script: 'alert(1)' }],
    ['case.intent', 'an event id that is not a UUID', { ...(VALID['case.intent'] as object), eventId: 'x' }],
    ['case.intent', 'a negative expected sequence', { ...(VALID['case.intent'] as object), expectedSeq: -1 }],
    [
      'case.intent',
      'an intent that carries its own time (the background stamps it)',
      {
        caseId: 'c',
        eventId: uuid,
        intent: { type: 'checklist.tick', itemId: 'a', at: '2020-01-01T00:00:00Z' },
      },
    ],
    [
      'case.intent',
      'an intent that names its own author',
      { caseId: 'c', eventId: uuid, intent: { type: 'stage.advance', by: 'someone else' } },
    ],
    [
      'case.intent',
      'an unknown intent type',
      { caseId: 'c', eventId: uuid, intent: { type: 'case.delete' } },
    ],
    ['case.view', 'an empty case id', { caseId: '' }],
    ['settings.set', 'a setting that is not ours to set', { key: 'deviceId', value: uuid }],
    ['backup.import', 'a file that is not text', { text: 42 }],
  ] as const)('%s: refuses %s as invalid and runs nothing', async (type, _name, payload) => {
    const { route, calls } = setup();
    const answer = await route({ type, payload }, extensionPage);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    if (!answer.ok) {
      expect(answer.error.message.id).toMatch(/^Pesan tidak valid: /);
      expect(answer.error.message.en).toMatch(/^Invalid message: /);
    }
    expect(calls).toEqual([]);
  });

  it('hands the handler the checked payload (text normalised by the schema)', async () => {
    const { route, handlers } = setup();
    await route(
      {
        type: 'case.intent',
        payload: { caseId: 'c', eventId: uuid, intent: { type: 'case.reject', reason: '  tidak lengkap  ' } },
      },
      contentScript,
    );
    expect(handlers['case.intent']).toHaveBeenCalledWith(
      { caseId: 'c', eventId: uuid, intent: { type: 'case.reject', reason: 'tidak lengkap' } },
      expect.objectContaining({ kind: 'content-script' }),
    );
  });

  it('refuses non-object messages', async () => {
    const { route } = setup();
    await expect(route('page.recognised', contentScript)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-type' },
    });
  });
});

describe('handler outcomes', () => {
  it('passes a typed refusal through unchanged', async () => {
    const { handlers } = setup();
    const refusal = { code: 'conflict' as const, message: { id: 'bentrok', en: 'conflict' } };
    handlers['case.view'] = () => {
      throw new Refusal(refusal);
    };
    const answer = await createRouter(handlers, me)(
      { type: 'case.view', payload: { caseId: 'c' } },
      extensionPage,
    );
    expect(answer).toEqual({ ok: false, error: refusal });
  });

  it('turns any other handler failure into a typed internal error', async () => {
    const { handlers } = setup();
    handlers['page.recognised'] = () => {
      throw new Error('boom');
    };
    const answer = await createRouter(handlers, me)(
      { type: 'page.recognised', payload: page },
      contentScript,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: { en: 'Internal error: boom', id: 'Terjadi kesalahan internal: boom' },
      },
    });
  });
});
