/**
 * "Cetak checklist bertanda tangan" against the real background host (fake IndexedDB): the
 * file handed over verifies and is the one the log records; nothing is handed over without
 * an identity, for a case that moved on, or for a finished case.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checklistFileName, signChecklist } from '../../../../components/signing/sign-checklist';
import { findDefinition } from '../../../../machines';
import { storePhoto } from '../../../../utils/db/evidence';
import { setSetting } from '../../../../utils/db/settings';
import type { CaseState } from '../../../../utils/messaging/protocol';
import { sha256Hex } from '../../../../utils/pdf/payload';
import { verifyPdf } from '../../../../utils/pdf/verify';
import { photoThumbnail } from '../../../fixtures/pdf/checklist';
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

describe('field evidence in the signed checklist', () => {
  it('prints the stage’s evidence with its officers, result and photo thumbnails', async () => {
    const env = extensionPageHost('sidepanel.html', 'sign-evidence');
    cleanup.push(() => env.db.delete());
    await setSetting(env.db, 'officer', OFFICER);
    const definition = findDefinition('oss-rba');
    const stage = definition?.stages.find((s) => s.steps.some((st) => st.id === 'oss-standard-site-check'));
    if (!stage) throw new Error('the catalog has no site-check stage');
    const opened = await env.repo.open({
      portal: 'oss-rba',
      caseRef: 'I-202611260003014',
      permitId: 'oss-rba',
      region: '31',
      receivedAt: '2026-11-20T08:00:00+07:00',
    });
    if (!opened.ok) throw new Error('no case');
    const caseId = opened.value.row.id;
    // First seen at the portal already at this stage: the case is adopted there.
    const seen = await env.send('case.intent', {
      caseId,
      eventId: crypto.randomUUID(),
      intent: { type: 'portal.statusSeen', status: 'Sertifikat Standar', stageId: stage.id },
    });
    expect(seen.ok && seen.data.case.view.stage?.id).toBe(stage.id);

    const bytes = new TextEncoder().encode('foto lokasi');
    const sha256 = await sha256Hex(bytes);
    await storePhoto(
      env.db,
      { blob: new Blob([bytes]), sha256, name: 'depan.jpg' },
      { caseId, stepId: 'oss-standard-site-check' },
      new Date(),
    );
    const attached = await env.send('case.intent', {
      caseId,
      eventId: crypto.randomUUID(),
      intent: {
        type: 'evidence.attach',
        stepId: 'oss-standard-site-check',
        evidence: {
          id: 'ev-1',
          capturedAt: new Date(Date.now() - 60_000).toISOString(),
          position: { lat: -6.1754, lon: 106.8272, accuracyM: 8, source: 'gps' },
          photos: [{ sha256, name: 'depan.jpg' }],
          result: 'sesuai',
          inspectors: ['Ahmad Fauzi', 'Rina Wulandari'],
          note: 'Papan nama terpasang.',
        },
      },
    });
    if (!attached.ok) throw new Error(attached.error.message.en);

    const thumbnails: Blob[] = [];
    const saved: Uint8Array[] = [];
    const outcome = await signChecklist(
      {
        db: env.db,
        send: env.send,
        fonts: async () => FONTS,
        save: (b) => saved.push(b),
        thumbnail: async (blob) => {
          thumbnails.push(blob);
          return photoThumbnail(3);
        },
      },
      request(attached.data.case),
    );
    expect(outcome.ok).toBe(true);
    expect(thumbnails).toHaveLength(1);
    const dir = mkdtempSync(join(tmpdir(), 'sign-evidence-'));
    const file = join(dir, 'checklist.pdf');
    writeFileSync(file, saved[0] ?? new Uint8Array());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Bukti verifikasi lapangan');
    expect(text).toContain('Ahmad Fauzi');
    expect(text).toContain('Papan nama terpasang.');
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\bimage\b/);
    expect((await verifyPdf(saved[0] ?? new Uint8Array())).valid).toBe(true);
  });
});
