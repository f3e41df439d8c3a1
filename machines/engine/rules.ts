/**
 * The rules behind the machine's guards, as pure functions that say *why* not. Guards call
 * them and test for `null`; the engine calls the same functions to explain a refused event, so
 * the two can never disagree.
 */
import { applies } from '../definition/conditions';
import type { DefinitionLookup } from '../definition/lookup';
import type { CaseFacts, Stage, Step } from '../definition/types';
import type { LocalizedText } from '../types';
import type { PermitContext } from './context';
import type { FieldEvidence } from './events';

export interface Rejection {
  code: string;
  message: LocalizedText;
  /** Specifics, e.g. the checklist items still unticked. */
  details?: LocalizedText[];
}

const reject = (code: string, id: string, en: string, details?: LocalizedText[]): Rejection => ({
  code,
  message: { id, en },
  ...(details && details.length > 0 ? { details } : {}),
});

/** How far two devices' clocks may differ: events and evidence times tolerate this much. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const stepApplies = (step: Step, facts: CaseFacts) => applies(step.when, facts);

/**
 * The first stage whose work can still change while the case is in stage `current`: once the
 * permit is issued, the stages up to issuance are the record of what was approved and stay as
 * they are; only the after-issuance stages (inspection, pengawasan) are worked on.
 */
export const firstOpenStage = (lk: DefinitionLookup, current: number) =>
  current > lk.issuing ? lk.issuing + 1 : 0;

const sealed = (what: 'item' | 'step') =>
  reject(
    'sealed-by-issuance',
    `${what === 'item' ? 'Butir' : 'Langkah'} ini milik tahap sebelum izin terbit; catatannya dikunci sejak izin terbit.`,
    `This ${what} belongs to a stage before issuance; its record is sealed since the permit was issued.`,
  );

/** Evidence good enough to close a field step: position + time + a photo or a BAP reference. */
export function isSufficientEvidence(e: FieldEvidence): boolean {
  return e.position !== undefined && e.capturedAt !== '' && (e.photos.length > 0 || Boolean(e.bapRef));
}

/**
 * Steps at the start of a stage that are not the office's to time: the applicant's or the
 * portal's own (role applicant/system, no SLA), e.g. paying the PBG levy before the payment is
 * verified, or the OSS self-declaration before it is checked.
 */
export function waitingSteps(stage: Stage, facts: CaseFacts): Step[] {
  const leading: Step[] = [];
  for (const step of stage.steps) {
    if (step.slaDays !== null || (step.role !== 'applicant' && step.role !== 'system')) break;
    if (stepApplies(step, facts)) leading.push(step);
  }
  return leading;
}

/**
 * When the stage's SLA clock started, or null while it waits for the applicant.
 * Our judgement: the office's clock runs from the moment the last leading applicant/system step
 * is done (or from stage entry when there is none) — the applicant's time is not the office's.
 */
export function clockStart(stage: Stage, ctx: Pick<PermitContext, 'facts' | 'steps' | 'stageEnteredAt'>) {
  let start = ctx.stageEnteredAt;
  for (const step of waitingSteps(stage, ctx.facts)) {
    const done = ctx.steps[step.id]?.completedAt;
    if (!done) return null;
    if (Date.parse(done) > Date.parse(start)) start = done;
  }
  return start;
}

export function hasFieldEvidence(ctx: PermitContext, stepId: string): boolean {
  return (ctx.steps[stepId]?.evidence ?? []).some(isSufficientEvidence);
}

/** Applicable mandatory items of a step that are not ticked. */
export function openMandatoryItems(step: Step, ctx: PermitContext) {
  return step.checklist.filter(
    (it) => it.mandatory && applies(it.when, ctx.facts) && ctx.items[it.id]?.status !== 'ticked',
  );
}

export function checkItem(lk: DefinitionLookup, ctx: PermitContext, current: number, itemId: string) {
  const found = lk.item.get(itemId);
  if (!found)
    return reject(
      'unknown-item',
      `Butir "${itemId}" tidak ada di alur ini.`,
      `No item "${itemId}" in this workflow.`,
    );
  if (found.stage > current) {
    const s = lk.stages[found.stage]?.name;
    return reject(
      'item-not-yet',
      `Butir ini milik tahap "${s?.id}" yang belum dimulai.`,
      `This item belongs to stage "${s?.en}", which has not started.`,
    );
  }
  if (found.stage < firstOpenStage(lk, current)) return sealed('item');
  if (!stepApplies(found.step, ctx.facts) || !applies(found.item.when, ctx.facts)) {
    return reject(
      'item-not-applicable',
      'Butir ini tidak berlaku untuk kasus ini.',
      'This item does not apply to this case.',
    );
  }
  return null;
}

export function checkStepReachable(
  lk: DefinitionLookup,
  ctx: PermitContext,
  current: number,
  stepId: string,
) {
  const found = lk.step.get(stepId);
  if (!found)
    return reject(
      'unknown-step',
      `Langkah "${stepId}" tidak ada di alur ini.`,
      `No step "${stepId}" in this workflow.`,
    );
  if (found.stage > current) {
    return reject(
      'step-not-yet',
      'Langkah ini milik tahap yang belum dimulai.',
      'This step belongs to a stage that has not started.',
    );
  }
  if (found.stage < firstOpenStage(lk, current)) return sealed('step');
  if (!stepApplies(found.step, ctx.facts)) {
    return reject(
      'step-not-applicable',
      'Langkah ini tidak berlaku untuk kasus ini.',
      'This step does not apply to this case.',
    );
  }
  return null;
}

export function checkEvidenceTarget(
  lk: DefinitionLookup,
  ctx: PermitContext,
  current: number,
  stepId: string,
) {
  const base = checkStepReachable(lk, ctx, current, stepId);
  if (base) return base;
  if (!lk.fieldSteps.has(stepId)) {
    return reject(
      'not-field-step',
      'Bukti lapangan hanya untuk langkah lapangan.',
      'Field evidence belongs to field steps only.',
    );
  }
  return null;
}

/**
 * The log is in time order. An event may not predate the case's last change or its reception
 * (beyond the tolerated clock skew): it would rewrite history and the SLA clock. With `now`
 * (the recording device's clock), an event from the future is refused too — one mistyped year
 * would otherwise lock the case, since every real event would then be "too early".
 */
export function checkEventTime(
  state: { updatedAt: string; context: Pick<PermitContext, 'receivedAt'> },
  at: string,
  now?: string,
): Rejection | null {
  const t = Date.parse(at);
  const floor = Math.max(Date.parse(state.updatedAt), Date.parse(state.context.receivedAt));
  if (t < floor - CLOCK_SKEW_MS) {
    const last = new Date(floor).toISOString();
    return reject(
      'out-of-order',
      `Waktu peristiwa (${at}) lebih awal dari perubahan terakhir kasus (${last}).`,
      `The event's time (${at}) is before the case's last change (${last}).`,
      [
        {
          id: 'Periksa jam perangkat, lalu catat peristiwa dengan waktu sekarang.',
          en: "Check the device's clock, then record the event with the current time.",
        },
      ],
    );
  }
  if (now !== undefined && t > Date.parse(now) + CLOCK_SKEW_MS) {
    return reject(
      'in-future',
      `Waktu peristiwa (${at}) masih di masa depan (sekarang ${now}).`,
      `The event's time (${at}) is in the future (now is ${now}).`,
      [{ id: 'Periksa tanggal dan tahun.', en: 'Check the date and year.' }],
    );
  }
  return null;
}

/**
 * Evidence must have been captured while the case existed and not after it is recorded (a few
 * minutes' clock difference between devices aside): a photo from before the application, or
 * from the future, is not evidence of this visit.
 */
export function checkEvidenceTime(ctx: PermitContext, evidence: FieldEvidence, recordedAt: string) {
  const captured = Date.parse(evidence.capturedAt);
  if (captured < Date.parse(ctx.receivedAt) - CLOCK_SKEW_MS) {
    return reject(
      'evidence-too-early',
      `Bukti diambil ${evidence.capturedAt}, sebelum berkas diterima (${ctx.receivedAt}).`,
      `The evidence was captured at ${evidence.capturedAt}, before the file was received (${ctx.receivedAt}).`,
    );
  }
  if (captured > Date.parse(recordedAt) + CLOCK_SKEW_MS) {
    return reject(
      'evidence-in-future',
      `Waktu pengambilan bukti (${evidence.capturedAt}) setelah waktu pencatatannya (${recordedAt}).`,
      `The evidence's capture time (${evidence.capturedAt}) is after the time it is recorded (${recordedAt}).`,
      [{ id: 'Periksa jam perangkat.', en: "Check the device's clock." }],
    );
  }
  return null;
}

export function checkStepComplete(lk: DefinitionLookup, ctx: PermitContext, current: number, stepId: string) {
  const base = checkStepReachable(lk, ctx, current, stepId);
  if (base) return base;
  if (ctx.steps[stepId]?.completedAt) {
    return reject('step-done', 'Langkah ini sudah selesai.', 'This step is already complete.');
  }
  const step = lk.step.get(stepId)?.step as Step;
  const open = openMandatoryItems(step, ctx);
  if (open.length > 0) {
    return reject(
      'checklist-incomplete',
      `Masih ada ${open.length} butir wajib yang belum dicentang.`,
      `${open.length} mandatory item(s) are not ticked yet.`,
      open.map((it) => it.label),
    );
  }
  if (lk.fieldSteps.has(stepId) && !hasFieldEvidence(ctx, stepId)) {
    return reject(
      'needs-evidence',
      'Langkah lapangan perlu bukti: posisi GPS, waktu, dan minimal satu foto atau nomor BAP.',
      'A field step needs evidence: GPS position, time, and at least one photo or a BAP reference.',
    );
  }
  return null;
}

/** The first stage whose work Pandu Izin holds: 0, or the stage a case was adopted at. */
export function adoptedStage(stages: readonly { id: string }[], ctx: PermitContext): number {
  if (!ctx.adopted) return 0;
  return Math.max(
    0,
    stages.findIndex((s) => s.id === ctx.adopted?.stageId),
  );
}

/**
 * Everything up to and including stage `upto` is done: every applicable step and mandatory item.
 * After issuance only the after-issuance stages count: the earlier ones were checked when the
 * permit was issued and are sealed since (a later change of facts cannot reopen them). A case
 * adopted from the portal answers only from its adopted stage on.
 */
export function checkWorkDone(lk: DefinitionLookup, ctx: PermitContext, upto: number): Rejection | null {
  const details: LocalizedText[] = [];
  const from = Math.max(firstOpenStage(lk, upto), adoptedStage(lk.stages, ctx));
  for (let i = from; i <= upto && i < lk.stages.length; i++) {
    for (const step of lk.stages[i]?.steps ?? []) {
      if (!stepApplies(step, ctx.facts)) continue;
      for (const it of openMandatoryItems(step, ctx)) details.push(it.label);
      if (lk.fieldSteps.has(step.id) && !hasFieldEvidence(ctx, step.id)) {
        details.push({ id: `Bukti lapangan: ${step.name.id}`, en: `Field evidence: ${step.name.en}` });
      }
      if (!ctx.steps[step.id]?.completedAt) {
        details.push({
          id: `Langkah belum selesai: ${step.name.id}`,
          en: `Step not complete: ${step.name.en}`,
        });
      }
    }
  }
  if (details.length === 0) return null;
  return reject(
    'stage-incomplete',
    'Tahap belum bisa dilanjutkan: masih ada pekerjaan yang belum selesai.',
    'The stage cannot move on yet: work is still open.',
    details,
  );
}

export function checkFacts(lk: DefinitionLookup, facts: CaseFacts): Rejection | null {
  const declared = new Map(lk.definition.facts.map((f) => [f.id, f]));
  for (const [key, value] of Object.entries(facts)) {
    const def = declared.get(key);
    if (!def) {
      const known = [...declared.keys()].join(', ') || '—';
      return reject(
        'unknown-fact',
        `Fakta "${key}" tidak dikenal untuk izin ini (yang dikenal: ${known}).`,
        `Fact "${key}" is not known for this permit (known: ${known}).`,
      );
    }
    const expected = def.type === 'text' ? 'string' : def.type;
    if (typeof value !== expected || (typeof value === 'number' && !Number.isFinite(value))) {
      return reject(
        'fact-type',
        `Fakta "${key}" harus bertipe ${def.type}.`,
        `Fact "${key}" must be a ${def.type}.`,
      );
    }
    if (typeof value === 'string' && def.values && !def.values.includes(value)) {
      const allowed = def.values.join(', ');
      return reject(
        'fact-value',
        `Nilai "${value}" tidak dikenal untuk fakta "${key}"; pilih salah satu: ${allowed}.`,
        `Value "${value}" is not known for fact "${key}"; choose one of: ${allowed}.`,
      );
    }
    if (
      typeof value === 'number' &&
      ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max))
    ) {
      const range = `${def.min ?? '−∞'}–${def.max ?? '∞'}`;
      return reject(
        'fact-range',
        `Fakta "${key}" harus di antara ${range}.`,
        `Fact "${key}" must be within ${range}.`,
      );
    }
  }
  return null;
}
