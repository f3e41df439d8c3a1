import { describe, expect, it, vi } from 'vitest';
import {
  checkAdapterText,
  grantAccess,
  importAdapterText,
  MAX_ADAPTER_TEXT,
  missingOrigins,
  type PermissionsApi,
  type Send,
} from '../../../../components/options/adapters';
import type { AdapterEntry } from '../../../../utils/background/adapters';
import { checkPayload } from '../../../../utils/messaging/protocol';
import { validateAdapter } from '../../../../utils/portals/schema';
import { VALID_ADAPTER, validText, wrongFieldsText } from '../../../fixtures/adapter';

const adapter = (() => {
  const checked = validateAdapter(VALID_ADAPTER);
  if (!checked.ok) throw new Error('fixture adapter is invalid');
  return checked.adapter;
})();

const entry = (patch: Partial<AdapterEntry> = {}): AdapterEntry => ({
  id: adapter.id,
  adapter,
  origin: 'custom',
  enabled: true,
  updatedAt: '2026-11-20T01:00:00.000Z',
  errors: [],
  policy: null,
  ...patch,
});

/** A send that answers from a table and records what it was asked. */
function fakeSend(answers: Record<string, unknown>) {
  const calls: { type: string; payload: unknown }[] = [];
  const send = vi.fn(async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    return answers[type] ?? { ok: false, error: { code: 'internal', message: { id: 'x', en: 'x' } } };
  }) as unknown as Send;
  return { send, calls };
}

describe('checkAdapterText', () => {
  it('passes a valid adapter without asking anyone', () => {
    expect(checkAdapterText(validText())).toBeNull();
  });

  it('reports a syntax error at the root, in both languages', () => {
    const outcome = checkAdapterText('{ "format": "pandu-izin/adapter@1", ');
    expect(outcome).toMatchObject({ kind: 'invalid', checkedBy: 'page' });
    if (outcome?.kind !== 'invalid') throw new Error('expected invalid');
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]?.id).toMatch(/^\(root\): Bukan JSON yang sah: .+ — Periksa tanda kutip/);
    expect(outcome.problems[0]?.en).toMatch(/^\(root\): Not valid JSON: .+ — Check quotes/);
  });

  it('lists every wrong field with its path: "path: problem — fix"', () => {
    const outcome = checkAdapterText(wrongFieldsText());
    if (outcome?.kind !== 'invalid') throw new Error('expected invalid');
    const lines = outcome.problems.map((p) => p.en);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^permits\[0\]\.permitType: The permit type is not in the catalog\. — Use one of: /,
        ),
      ]),
    );
    // The regular expression is checked once the shape passes: fix the permit type, see the regex.
    const regexOnly = checkAdapterText(
      JSON.stringify({
        ...VALID_ADAPTER,
        pages: { caseDetail: { ...VALID_ADAPTER.pages.caseDetail, path: '(' } },
      }),
    );
    if (regexOnly?.kind !== 'invalid') throw new Error('expected invalid');
    expect(regexOnly.problems.map((p) => p.en)).toEqual([
      expect.stringMatching(
        /^pages\.caseDetail\.path: Invalid regular expression: .+ — Write a path pattern/,
      ),
    ]);
    expect(regexOnly.problems[0]?.id).toMatch(/^pages\.caseDetail\.path: Ekspresi reguler tidak sah/);
  });

  it('refuses empty and over-long text before parsing it', () => {
    expect(checkAdapterText('  \n')).toEqual({ kind: 'empty' });
    expect(checkAdapterText(`${validText()}${' '.repeat(MAX_ADAPTER_TEXT)}`)).toEqual({ kind: 'too-big' });
  });

  it('uses the protocol’s own limit', () => {
    expect(checkPayload('adapters.import', { text: 'x'.repeat(MAX_ADAPTER_TEXT) }).ok).toBe(true);
    expect(checkPayload('adapters.import', { text: 'x'.repeat(MAX_ADAPTER_TEXT + 1) }).ok).toBe(false);
  });
});

describe('importAdapterText', () => {
  it('sends nothing when the text has problems', async () => {
    const { send, calls } = fakeSend({});
    const outcome = await importAdapterText(send, wrongFieldsText());
    expect(outcome.kind).toBe('invalid');
    expect(calls).toEqual([]);
  });

  it('imports a valid adapter through the background', async () => {
    const { send, calls } = fakeSend({
      'adapters.import': { ok: true, data: { entry: entry(), replaced: false } },
    });
    const text = validText();
    expect(await importAdapterText(send, text)).toEqual({
      kind: 'imported',
      entry: entry(),
      replaced: false,
    });
    expect(calls).toEqual([{ type: 'adapters.import', payload: { text } }]);
  });

  it('lists the background’s own problems when it refuses', async () => {
    const details = [
      {
        id: 'id: "oss-rba" adalah id adaptor bawaan. Beri id lain',
        en: 'id: "oss-rba" is a built-in adapter\'s id. Give it another id',
      },
    ];
    const { send } = fakeSend({
      'adapters.import': {
        ok: false,
        error: {
          code: 'invalid-adapter',
          message: { id: 'Adaptor tidak disimpan', en: 'Not saved' },
          details,
        },
      },
    });
    expect(await importAdapterText(send, validText({ id: 'oss-rba' }))).toEqual({
      kind: 'invalid',
      problems: details,
      checkedBy: 'background',
    });
  });

  it('passes any other refusal on as it is', async () => {
    const error = { code: 'internal', message: { id: 'Tidak ada jawaban', en: 'No answer' } };
    const { send } = fakeSend({ 'adapters.import': { ok: false, error } });
    expect(await importAdapterText(send, validText())).toEqual({ kind: 'failed', error });
  });
});

describe('host access', () => {
  const permissions = (granted: string[]) => {
    const api = {
      contains: vi.fn(async ({ origins }: { origins: string[] }) =>
        origins.every((o) => granted.includes(o)),
      ),
      request: vi.fn(async (_: { origins: string[] }) => true),
    };
    return api satisfies PermissionsApi;
  };

  it('lists the match patterns not granted yet, for imported adapters only', async () => {
    const two = { ...adapter, matches: ['https://a.contoh.go.id/*', 'https://b.contoh.go.id/*'] };
    const api = permissions(['https://a.contoh.go.id/*']);
    expect(await missingOrigins(api, entry({ adapter: two }))).toEqual(['https://b.contoh.go.id/*']);
    expect(await missingOrigins(api, entry({ adapter: two, origin: 'builtin' }))).toEqual([]);
    expect(await missingOrigins(api, entry({ adapter: null }))).toEqual([]);
  });

  it('counts a failing check as not granted', async () => {
    const api: PermissionsApi = {
      contains: () => Promise.reject(new Error('no')),
      request: async () => false,
    };
    expect(await missingOrigins(api, entry())).toEqual(adapter.matches);
  });

  it('asks the browser before anything is awaited (the prompt needs the click), then syncs', async () => {
    const api = permissions([]);
    const { send, calls } = fakeSend({ 'adapters.sync': { ok: true, data: { adapters: [] } } });
    const pending = grantAccess(api, send, adapter.matches);
    // Synchronously, still inside the click handler:
    expect(api.request).toHaveBeenCalledWith({ origins: adapter.matches });
    expect(await pending).toEqual({ kind: 'granted' });
    expect(calls).toEqual([{ type: 'adapters.sync', payload: {} }]);
  });

  it('reports a refusal and syncs nothing', async () => {
    const api = { ...permissions([]), request: vi.fn(async () => false) };
    const { send, calls } = fakeSend({});
    expect(await grantAccess(api, send, adapter.matches)).toEqual({ kind: 'denied' });
    const throwing = { ...api, request: vi.fn(() => Promise.reject(new Error('not in a gesture'))) };
    expect(await grantAccess(throwing, send, adapter.matches)).toEqual({ kind: 'denied' });
    expect(calls).toEqual([]);
  });

  it('says when access was granted but the content scripts were not registered', async () => {
    const error = { code: 'internal', message: { id: 'gagal', en: 'failed' } };
    const { send } = fakeSend({ 'adapters.sync': { ok: false, error } });
    expect(await grantAccess(permissions([]), send, adapter.matches)).toEqual({ kind: 'sync-failed', error });
  });
});
