/**
 * "Cetak checklist bertanda tangan", start to finish, in the side panel page (never in the
 * content script): the officer's identity and key, the document from the case as the panel
 * shows it, layout and signature, the signature recorded in the case's log, then the
 * download. The file is handed over only once the log holds its hash, so every checklist an
 * officer has in hand is one the case's history knows about.
 *
 * Loaded lazily by the side panel: pdf-lib, fontkit and PKIjs stay out of its first load.
 */
import type { LocalizedText } from '../../machines';
import { photosByHash } from '../../utils/db/evidence';
import { signingKey } from '../../utils/db/keys';
import type { PanduDb } from '../../utils/db/schema';
import { getSetting } from '../../utils/db/settings';
import { thumbnailJpeg } from '../../utils/evidence/photo';
import { saveFile } from '../../utils/export/download';
import { pick } from '../../utils/i18n/core';
import type { sendRequest } from '../../utils/messaging/client';
import type { CaseState } from '../../utils/messaging/protocol';
import { ChecklistSourceError } from '../../utils/pdf/from-case';
import { KeyError } from '../../utils/pdf/keys';
import { produceSignedChecklist, statementFor } from '../../utils/pdf/produce';
import type { EvidenceEntry, PdfFonts, SignatureStatement } from '../../utils/pdf/types';
import { browserTime } from '../../utils/time/zoned';

export interface SignDeps {
  db: PanduDb;
  send: typeof sendRequest;
  fonts: () => Promise<PdfFonts>;
  /** Hands the file to the officer (an anchor download in the page). */
  save: (bytes: Uint8Array, fileName: string) => void;
  now?: () => Date;
  newId?: () => string;
  /** A small JPEG of a stored evidence photo (default: drawn with a canvas; tests pass their own). */
  thumbnail?: (blob: Blob) => Promise<Uint8Array | undefined>;
}

export interface SignRequest {
  state: CaseState;
  caseRef: string;
  /** The portal's name as officers know it. */
  portal: string;
  language: 'id' | 'en';
}

export type SignOutcome =
  | {
      ok: true;
      fileName: string;
      fileSha256: string;
      statement: Omit<SignatureStatement, 'signedAt'>;
      /** A key was generated for this signature. */
      keyCreated: boolean;
      /** The case as it is after the signature was recorded. */
      state: CaseState;
    }
  | {
      ok: false;
      /** `make`: nothing was signed; `record`: signed but not recorded, so not handed over. */
      step: 'make' | 'record';
      reason: LocalizedText;
    };

const NO_IDENTITY: LocalizedText = {
  id: 'Isi nama Anda di Opsi › Identitas petugas dulu: checklist memuat nama petugas yang menandatangani.',
  en: 'Fill in your name under Options › Officer identity first: the checklist names the signing officer.',
};

/** A file name that is safe on every system: the case number and the date. */
export function checklistFileName(caseRef: string, date: string): string {
  const ref = caseRef.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'perkara';
  return `checklist-${ref}-${date}.pdf`;
}

export async function signChecklist(deps: SignDeps, request: SignRequest): Promise<SignOutcome> {
  const now = deps.now?.() ?? new Date();
  const { language } = request;
  // The case as it is now, not as the panel last drew it: the file shows the latest state.
  const fresh = await deps.send('case.view', { caseId: request.state.id });
  if (!fresh.ok) return { ok: false, step: 'make', reason: fresh.error.message };
  const state = fresh.data;
  let made: Awaited<ReturnType<typeof produceSignedChecklist>>;
  let statement: Omit<SignatureStatement, 'signedAt'>;
  let key: Awaited<ReturnType<typeof signingKey>>;
  const time = browserTime(now);
  try {
    const officer = await getSetting(deps.db, 'officer');
    if (!officer?.name) return { ok: false, step: 'make', reason: NO_IDENTITY };
    key = await signingKey(deps.db, officer, now);
    statement = statementFor(key.info, officer.name);
    made = await produceSignedChecklist({
      source: {
        view: state.view,
        caseRef: request.caseRef,
        portal: request.portal,
        officer: { name: officer.name, nip: officer.nip, role: officer.role, unit: officer.unit },
        language,
        date: time.date,
        evidence: await evidenceFor(deps, state, language),
      },
      signer: key.signer,
      statement,
      signedAt: time.timestamp,
      fonts: await deps.fonts(),
    });
  } catch (error) {
    return { ok: false, step: 'make', reason: reasonOf(error) };
  }

  const recorded = await deps.send('case.intent', {
    caseId: state.id,
    eventId: deps.newId?.() ?? crypto.randomUUID(),
    expectedSeq: state.seq,
    intent: {
      type: 'signature.recorded',
      kind: 'checklist',
      fileSha256: made.fileSha256,
      signer: statement.signerName,
      certificateSha256: key.info.sha256,
      certified: statement.kind === 'certified',
      ...(state.view.stage ? { stageId: state.view.stage.id } : {}),
    },
  });
  if (!recorded.ok) return { ok: false, step: 'record', reason: recorded.error.message };

  const fileName = checklistFileName(request.caseRef, time.date);
  deps.save(made.bytes, fileName);
  return {
    ok: true,
    fileName,
    fileSha256: made.fileSha256,
    statement,
    keyCreated: key.created,
    state: recorded.data.case,
  };
}

/** The current stage's field evidence as the document prints it, photos as thumbnails. */
async function evidenceFor(
  deps: SignDeps,
  state: CaseState,
  language: 'id' | 'en',
): Promise<EvidenceEntry[]> {
  const row = await deps.db.cases.get(state.id);
  const recorded = row?.snapshot.context.steps ?? {};
  const thumbnail = deps.thumbnail ?? thumbnailJpeg;
  const entries: EvidenceEntry[] = [];
  for (const step of state.view.steps) {
    for (const e of recorded[step.id]?.evidence ?? []) {
      const photos = await photosByHash(
        deps.db,
        e.photos.map((p) => p.sha256),
      );
      const stored = new Map(photos.map((p) => [p.sha256, p.blob]));
      entries.push({
        stepName: pick(language, step.name),
        capturedAt: e.capturedAt,
        ...(e.position ? { position: e.position } : {}),
        result: e.result,
        inspectors: e.inspectors,
        ...(e.note ? { notes: e.note } : {}),
        ...(e.bapRef ? { bapRef: e.bapRef } : {}),
        photos: await Promise.all(
          e.photos.map(async (p) => {
            const blob = stored.get(p.sha256);
            const small = blob ? await thumbnail(blob) : undefined;
            return small ? { sha256: p.sha256, thumbnailJpeg: small } : { sha256: p.sha256 };
          }),
        ),
      });
    }
  }
  return entries;
}

function reasonOf(error: unknown): LocalizedText {
  if (error instanceof KeyError || error instanceof ChecklistSourceError) return error.text;
  const why = error instanceof Error ? error.message : String(error);
  return { id: `Kesalahan tak terduga: ${why}`, en: `Unexpected error: ${why}` };
}

/** Saves bytes as a download through an anchor (no `downloads` permission needed). */
export function downloadFile(bytes: Uint8Array, fileName: string): void {
  saveFile(bytes, fileName, 'application/pdf');
}
