/**
 * "Cetak checklist bertanda tangan" against the real background host (fake IndexedDB): the
 * file handed over verifies and is the one the log records; nothing is handed over without
 * an identity, for a case that moved on, or for a finished case.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checklistFileName, signChecklist } from '../../../../components/signing/sign-checklist';
import { setSetting } from '../../../../utils/db/settings';
import type { CaseState } from '../../../../utils/messaging/protocol';
import { sha256Hex } from '../../../../utils/pdf/payload';
import { verifyPdf } from '../../../../utils/pdf/verify';
import {
  extensionPageHost,
  FIXTURE_OFFICER,
  fixtureFonts,
  openFixtureCase,
} from '../../helpers/extension-page';

const FONTS = fixtureFonts();
const OFFICER = FIXTURE_OFFICER;

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const done of cleanup.splice(0)) await done();
});

async function setup(opts: { officer?: boolean } = {}) {
  const env = extensionPageHost('sidepanel.html', 'sign');
  cleanup.push(() => env.db.delete());
  if (opts.officer !== false) await setSetting(env.db, 'officer', OFFICER);
  const state = await openFixtureCase(env, 'I-202611240003012');
  const saved: { bytes: Uint8Array; fileName: string }[] = [];
  const deps = {
    db: env.db,
    send: env.send,
    fonts: async () => FONTS,
    save: (bytes: Uint8Array, fileName: string) => saved.push({ bytes, fileName }),
    now: () => new Date('2026-11-29T03:04:05Z'),
  };
  return { ...env, state, saved, deps };
}

const request = (state: CaseState) => ({
  state,
  caseRef: 'I-202611240003012',
  portal: 'OSS RBA',
  language: 'id' as const,
});

describe('signing a checklist from the side panel', () => {
  it('signs, records and then hands over a file that verifies and whose hash the log holds', async () => {
    const env = await setup();
    const outcome = await signChecklist(env.deps, request(env.state));
    if (!outcome.ok) throw new Error(outcome.reason.en);
    expect(outcome.keyCreated).toBe(true);
    expect(outcome.statement).toEqual({ kind: 'uncertified', signerName: OFFICER.name });

    expect(env.saved).toHaveLength(1);
    const [file] = env.saved;
    expect(file?.fileName).toBe(outcome.fileName);
    expect(await sha256Hex(file?.bytes ?? new Uint8Array())).toBe(outcome.fileSha256);
    const report = await verifyPdf(file?.bytes ?? new Uint8Array());
    expect(report).toMatchObject({ valid: true, payload: { caseRef: 'I-202611240003012', matches: true } });
    expect(report.signatures[0]?.signer?.subject).toMatchObject({
      CN: OFFICER.name,
      serialNumber: OFFICER.nip,
    });

    // The log and the register know this exact file.
    expect(outcome.state.view.signed).toEqual([
      expect.objectContaining({ fileSha256: outcome.fileSha256, signer: OFFICER.name, certified: false }),
    ]);
    expect((await env.db.signatures.toArray()).map((r) => r.fileSha256)).toEqual([outcome.fileSha256]);

    // The second checklist reuses the key made for the first.
    const again = await signChecklist(env.deps, request(outcome.state));
    expect(again.ok && again.keyCreated).toBe(false);
    expect(await env.db.keys.count()).toBe(1);
  });

  it('signs the case as it is now, not as the panel last drew it', async () => {
    const env = await setup();
    const itemId = env.state.view.steps[0]?.items[0]?.id ?? '';
    const moved = await env.send('case.intent', {
      caseId: env.state.id,
      eventId: crypto.randomUUID(),
      intent: { type: 'checklist.tick', itemId },
    });
    expect(moved.ok).toBe(true);
    env.sent.length = 0;
    const outcome = await signChecklist(env.deps, request(env.state));
    expect(outcome.ok).toBe(true);
    expect(env.sent.map((m) => m.type)).toEqual(['case.view', 'case.intent']);
    expect(env.sent[1]?.payload).toMatchObject({ expectedSeq: 1, intent: { type: 'signature.recorded' } });
  });

  it('hands nothing over when the signature cannot be recorded', async () => {
    const env = await setup();
    const refusing = {
      ...env.deps,
      send: (async (type: string, payload: unknown) =>
        type === 'case.intent'
          ? { ok: false, error: { code: 'rejected', message: { id: 'Ditolak', en: 'Refused' } } }
          : env.send(type as 'case.view', payload as { caseId: string })) as typeof env.send,
    };
    const outcome = await signChecklist(refusing, request(env.state));
    expect(outcome).toMatchObject({ ok: false, step: 'record', reason: { en: 'Refused' } });
    expect(env.saved).toEqual([]);
  });

  it('asks for the officer identity first, and makes no key', async () => {
    const env = await setup({ officer: false });
    const outcome = await signChecklist(env.deps, request(env.state));
    expect(outcome).toMatchObject({
      ok: false,
      step: 'make',
      reason: { id: expect.stringMatching(/Identitas petugas/) },
    });
    expect(await env.db.keys.count()).toBe(0);
    expect(env.saved).toEqual([]);
  });

  it('explains a finished case instead of failing', async () => {
    const env = await setup();
    const closed = await env.repo.apply(
      env.state.id,
      { type: 'portal.statusSeen', status: 'Ditolak', outcome: 'rejected' },
      {
        eventId: crypto.randomUUID(),
      },
    );
    expect(closed.ok ? 'applied' : closed.error.message.en).toBe('applied');
    const outcome = await signChecklist(env.deps, request(env.state));
    expect(outcome).toMatchObject({
      ok: false,
      step: 'make',
      reason: { en: expect.stringMatching(/finished/) },
    });
    expect(env.saved).toEqual([]);
  });

  it('names the file after the case in characters every system accepts', () => {
    expect(checklistFileName('I-202611240003012', '2026-11-29')).toBe(
      'checklist-I-202611240003012-2026-11-29.pdf',
    );
    expect(checklistFileName('SIMBG/3275/2026/0042', '2026-11-29')).toBe(
      'checklist-SIMBG-3275-2026-0042-2026-11-29.pdf',
    );
    expect(checklistFileName('///', '2026-11-29')).toBe('checklist-perkara-2026-11-29.pdf');
  });
});
