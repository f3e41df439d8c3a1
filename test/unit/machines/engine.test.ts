import { describe, expect, it } from 'vitest';
import { createActor, transition } from 'xstate';
import {
  CATALOG,
  type Case,
  CaseError,
  createCalendar,
  createEngine,
  createPermitMachine,
  EVENT_TYPES,
  findRegion,
  type MachineRegion,
  type PermitDefinition,
} from '../../../machines';
import { EVIDENCE, MINI, MINI_FOLLOW_UP } from './fixtures/mini';

const engine = createEngine({ definitions: [...CATALOG, MINI, MINI_FOLLOW_UP] });
const RECEIVED = '2026-11-02T08:00:00+07:00';

/** Applies events in order with times a minute apart; fails the test on any refusal. */
function drive(
  c: Case,
  events: Record<string, unknown>[],
  start = Date.parse('2026-11-02T09:00:00+07:00'),
  using: typeof engine = engine,
): Case {
  // Events are in time order: never before the case's last change.
  let t = Math.max(start, Date.parse(c.persisted.updatedAt));
  let current = c;
  for (const e of events) {
    t += 60_000;
    const r = using.applyEvent(current, { at: new Date(t).toISOString(), ...e });
    if (!r.ok) throw new Error(`${String(e.type)} refused: ${r.rejection.message.en}`);
    current = r.case;
  }
  return current;
}
const attempt = (c: Case, e: Record<string, unknown>) => {
  const at = Math.max(Date.parse('2026-11-02T12:00:00+07:00'), Date.parse(c.persisted.updatedAt) + 60_000);
  return engine.applyEvent(c, { at: new Date(at).toISOString(), ...e });
};
const stageOf = (c: Case) =>
  typeof c.persisted.value === 'object' ? Object.values(c.persisted.value)[0] : c.persisted.value;
const newMini = (facts = {}) =>
  engine.createCase({ id: 'K-1', permitId: 'mini', region: '31', receivedAt: RECEIVED, facts });
/** MINI's file check and site survey done, moving on past the survey (facts known). */
const THROUGH_SURVEY: Record<string, unknown>[] = [
  { type: 'checklist.tick', itemId: 'ktp' },
  { type: 'step.complete', stepId: 'check-files' },
  { type: 'stage.advance' },
  { type: 'checklist.tick', itemId: 'bap' },
  { type: 'evidence.attach', stepId: 'site-survey', evidence: EVIDENCE },
  { type: 'step.complete', stepId: 'site-survey' },
  { type: 'stage.advance' },
];
const throughIntake = (c: Case) =>
  drive(c, [
    { type: 'case.setFacts', facts: { storeys: 1 } },
    { type: 'checklist.tick', itemId: 'ktp' },
    { type: 'step.complete', stepId: 'check-files' },
    { type: 'stage.advance' },
  ]);

describe('guards', () => {
  it('refuses to advance a stage with a mandatory item unticked, naming the items, and changes nothing', () => {
    const c = newMini();
    const r = attempt(c, { type: 'stage.advance' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.code).toBe('stage-incomplete');
    expect(r.rejection.details?.map((d) => d.en)).toEqual(
      expect.arrayContaining(['ID card', 'Soil investigation', 'Step not complete: Check files']),
    );
    expect(r.case).toBe(c);
  });

  it('counts a conditional item while its fact is unknown and drops it once the fact rules it out', () => {
    let c = drive(newMini(), [{ type: 'checklist.tick', itemId: 'ktp' }]);
    const blocked = attempt(c, { type: 'step.complete', stepId: 'check-files' });
    expect(!blocked.ok && blocked.rejection.details?.map((d) => d.en)).toEqual(['Soil investigation']);
    c = drive(c, [
      { type: 'case.setFacts', facts: { storeys: 2 } },
      { type: 'step.complete', stepId: 'check-files' },
    ]);
    expect(c.persisted.context.steps['check-files']?.completedAt).toBeDefined();
  });

  it('re-evaluates conditions when facts change after a stage is done', () => {
    let c = throughIntake(newMini());
    expect(stageOf(c)).toBe('survey');
    c = drive(c, [{ type: 'case.setFacts', facts: { storeys: 4 } }]);
    c = drive(c, [
      { type: 'checklist.tick', itemId: 'bap' },
      { type: 'evidence.attach', stepId: 'site-survey', evidence: EVIDENCE },
      { type: 'step.complete', stepId: 'site-survey' },
    ]);
    const r = attempt(c, { type: 'stage.advance' });
    expect(!r.ok && r.rejection.details?.map((d) => d.en)).toEqual(['Soil investigation']);
    c = drive(c, [{ type: 'checklist.tick', itemId: 'soil' }, { type: 'stage.advance' }]);
    expect(stageOf(c)).toBe('levy');
  });

  it('does not let a field step complete without evidence of position, time and a photo or BAP', () => {
    let c = drive(throughIntake(newMini()), [{ type: 'checklist.tick', itemId: 'bap' }]);
    const none = attempt(c, { type: 'step.complete', stepId: 'site-survey' });
    expect(!none.ok && none.rejection.code).toBe('needs-evidence');
    const { photos: _p, ...noPhoto } = EVIDENCE;
    c = drive(c, [{ type: 'evidence.attach', stepId: 'site-survey', evidence: { ...noPhoto, photos: [] } }]);
    expect(attempt(c, { type: 'step.complete', stepId: 'site-survey' }).ok).toBe(false);
    const { position: _pos, ...noGps } = EVIDENCE;
    c = drive(c, [{ type: 'evidence.attach', stepId: 'site-survey', evidence: { ...noGps, id: 'ev-2' } }]);
    expect(attempt(c, { type: 'step.complete', stepId: 'site-survey' }).ok).toBe(false);
    c = drive(c, [
      {
        type: 'evidence.attach',
        stepId: 'site-survey',
        evidence: { ...noPhoto, photos: [], id: 'ev-3', bapRef: 'BAP/12/2026' },
      },
    ]);
    expect(attempt(c, { type: 'step.complete', stepId: 'site-survey' }).ok).toBe(true);
  });

  it('refuses evidence on a step that is not a field step', () => {
    const r = attempt(newMini(), { type: 'evidence.attach', stepId: 'check-files', evidence: EVIDENCE });
    expect(!r.ok && r.rejection.code).toBe('not-field-step');
  });

  it('refuses items and steps of later stages, and unknown ones', () => {
    const c = newMini();
    expect(attempt(c, { type: 'checklist.tick', itemId: 'bap' })).toMatchObject({
      ok: false,
      rejection: { code: 'item-not-yet' },
    });
    expect(attempt(c, { type: 'checklist.tick', itemId: 'nope' })).toMatchObject({
      ok: false,
      rejection: { code: 'unknown-item' },
    });
    expect(attempt(c, { type: 'step.complete', stepId: 'sign' })).toMatchObject({
      ok: false,
      rejection: { code: 'step-not-yet' },
    });
    expect(attempt(c, { type: 'case.approve' })).toMatchObject({
      ok: false,
      rejection: { code: 'not-issuing-stage' },
    });
  });

  it('keeps the log in time order: an event from before the last change is refused, a few minutes of skew are not', () => {
    const c = drive(newMini(), [{ type: 'note.add', text: 'a' }]); // at 09:01
    const early = engine.applyEvent(c, { type: 'note.add', text: 'b', at: '2026-11-02T08:50:00+07:00' });
    expect(early).toMatchObject({ ok: false, rejection: { code: 'out-of-order' } });
    expect(early.case).toBe(c);
    const skewed = engine.applyEvent(c, { type: 'note.add', text: 'c', at: '2026-11-02T08:58:00+07:00' });
    expect(skewed.ok).toBe(true);
    // Tolerated skew never moves the record back, so it cannot be walked backwards step by step.
    if (skewed.ok) expect(skewed.case.persisted.updatedAt).toBe(c.persisted.updatedAt);
    let walked = c;
    for (let k = 1; k <= 30; k++) {
      const at = new Date(Date.parse(c.persisted.updatedAt) - k * 4 * 60_000).toISOString();
      const r = engine.applyEvent(walked, { type: 'note.add', text: `w${k}`, at });
      if (r.ok) walked = r.case;
    }
    expect(walked.persisted.context.notes.length).toBe(2);
    // Nothing may predate the file's reception either.
    const fresh = newMini();
    expect(
      engine.applyEvent(fresh, { type: 'note.add', text: 'x', at: '2026-11-01T08:00:00+07:00' }),
    ).toMatchObject({
      rejection: { code: 'out-of-order' },
    });
  });

  it('refuses an event from the future when told the time, so one mistyped year cannot lock a case', () => {
    const c = newMini();
    const now = '2026-11-02T10:00:00+07:00';
    const typo = engine.applyEvent(
      c,
      { type: 'note.add', text: 'x', at: '2062-11-02T09:59:00+07:00' },
      { now },
    );
    expect(typo).toMatchObject({ ok: false, rejection: { code: 'in-future' } });
    expect(
      engine.applyEvent(c, { type: 'note.add', text: 'x', at: '2026-11-02T10:03:00+07:00' }, { now }).ok,
    ).toBe(true);
  });

  it('takes field evidence only if it was captured after the file arrived and not after it is recorded', () => {
    const inSurvey = throughIntake(newMini());
    const at = '2026-11-02T12:00:00+07:00';
    const attach = (capturedAt: string) =>
      engine.applyEvent(inSurvey, {
        type: 'evidence.attach',
        stepId: 'site-survey',
        evidence: { ...EVIDENCE, capturedAt },
        at,
      });
    expect(attach('2026-10-30T10:00:00+07:00')).toMatchObject({ rejection: { code: 'evidence-too-early' } });
    expect(attach('2026-11-02T14:00:00+07:00')).toMatchObject({ rejection: { code: 'evidence-in-future' } });
    expect(attach('2026-11-02T11:00:00+07:00').ok).toBe(true);
  });

  it('reopens a completed step when one of its items is unticked', () => {
    let c = drive(newMini({ storeys: 1 }), [
      { type: 'checklist.tick', itemId: 'ktp' },
      { type: 'step.complete', stepId: 'check-files' },
      { type: 'checklist.untick', itemId: 'ktp' },
    ]);
    expect(c.persisted.context.steps['check-files']?.completedAt).toBeUndefined();
    c = drive(c, [{ type: 'checklist.markMissing', itemId: 'photo', note: 'Foto buram' }]);
    expect(c.persisted.context.items.photo).toMatchObject({ status: 'missing', note: 'Foto buram' });
  });

  it('refuses facts the permit does not declare or of the wrong type', () => {
    const c = newMini();
    expect(attempt(c, { type: 'case.setFacts', facts: { lantai: 3 } })).toMatchObject({
      rejection: { code: 'unknown-fact' },
    });
    expect(attempt(c, { type: 'case.setFacts', facts: { storeys: 'tiga' } })).toMatchObject({
      rejection: { code: 'fact-type' },
    });
    expect(() =>
      engine.createCase({ id: 'x', permitId: 'mini', region: '31', receivedAt: RECEIVED, facts: { x: 1 } }),
    ).toThrow(CaseError);
  });

  it('refuses a text fact outside its listed values and a number outside its range', () => {
    const oss = engine.createCase({ id: 'o', permitId: 'oss-rba', region: '31', receivedAt: RECEIVED });
    const typo = attempt(oss, { type: 'case.setFacts', facts: { riskLevel: 'tingi' } });
    expect(typo).toMatchObject({ ok: false, rejection: { code: 'fact-value' } });
    if (!typo.ok) expect(typo.rejection.message.id).toContain('menengah-tinggi');
    expect(attempt(oss, { type: 'case.setFacts', facts: { riskLevel: 'tinggi' } }).ok).toBe(true);
    const pbgCase = engine.createCase({ id: 'p', permitId: 'pbg', region: '31', receivedAt: RECEIVED });
    expect(attempt(pbgCase, { type: 'case.setFacts', facts: { storeys: 0 } })).toMatchObject({
      rejection: { code: 'fact-range' },
    });
    expect(attempt(pbgCase, { type: 'case.setFacts', facts: { storeys: 3 } }).ok).toBe(true);
  });

  it('refuses a case whose reception time has no zone, with a CaseError saying how to write it', () => {
    expect(() =>
      engine.createCase({ id: 'x', permitId: 'mini', region: '31', receivedAt: '2026-11-02' }),
    ).toThrow(/2026-11-02T08:00:00\+07:00/);
  });

  it('refuses a malformed event with the path of the problem', () => {
    const c = newMini();
    for (const bad of [
      { type: 'checklist.tick' },
      { type: 'nope' },
      null,
      { type: 'stage.advance', at: 'yesterday' },
      { type: 'stage.advance', at: '2026-11-02T08:02:00' },
      { type: 'stage.advance', at: '2026-11-02 08:02:00+0700' },
    ]) {
      const r = engine.applyEvent(c, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.rejection.code).toBe('malformed');
    }
  });
});

describe('return, resubmission, rejection and issuance', () => {
  it('returns to the applicant only from a stage that allows it, and comes back to that stage', () => {
    let c = newMini({ storeys: 1 });
    c = drive(c, [{ type: 'case.returnToApplicant', reason: 'KTP tidak terbaca' }]);
    expect(c.persisted.value).toBe('awaitingCorrection');
    expect(attempt(c, { type: 'checklist.tick', itemId: 'ktp' })).toMatchObject({
      rejection: { code: 'awaiting-correction' },
    });
    expect(engine.view(c, { now: '2026-11-20T08:00:00+07:00' }).sla.status).toBe('paused');
    c = drive(c, [{ type: 'applicant.resubmitted' }], Date.parse('2026-11-09T08:00:00+07:00'));
    expect(stageOf(c)).toBe('intake');
    expect(c.persisted.context.returns).toHaveLength(1);
    // The clock restarts at the resubmission.
    expect(engine.view(c, { now: '2026-11-10T08:00:00+07:00' }).sla).toMatchObject({
      startedOn: '2026-11-09',
      dueDate: '2026-11-11',
    });
    const survey = throughIntake(c);
    expect(attempt(survey, { type: 'case.returnToApplicant', reason: 'x' })).toMatchObject({
      rejection: { code: 'return-not-allowed' },
    });
  });

  it('rejects with a reason, after which the case is closed', () => {
    let c = throughIntake(newMini());
    expect(attempt(newMini(), { type: 'case.reject', reason: 'x' })).toMatchObject({
      rejection: { code: 'reject-not-allowed' },
    });
    c = drive(c, [{ type: 'case.reject', reason: 'Lokasi tidak sesuai tata ruang' }]);
    expect(c.persisted.value).toBe('rejected');
    expect(c.persisted.context.decision).toMatchObject({
      kind: 'rejected',
      reason: 'Lokasi tidak sesuai tata ruang',
    });
    expect(attempt(c, { type: 'note.add', text: 'x' })).toMatchObject({ rejection: { code: 'case-closed' } });
    expect(engine.view(c, { now: '2026-12-01T08:00:00+07:00' })).toMatchObject({
      status: 'rejected',
      sla: { status: 'stopped' },
    });
  });

  it('skips a stage where no step applies, and issues only with everything done', () => {
    let c = throughIntake(newMini({ lowIncome: true }));
    c = drive(c, [
      { type: 'checklist.tick', itemId: 'bap' },
      { type: 'evidence.attach', stepId: 'site-survey', evidence: EVIDENCE },
      { type: 'step.complete', stepId: 'site-survey' },
      { type: 'stage.advance' },
    ]);
    expect(stageOf(c)).toBe('issuance');
    expect(
      engine.view(c, { now: '2026-11-03T08:00:00+07:00' }).stages.find((s) => s.id === 'levy')?.state,
    ).toBe('void');
    expect(attempt(c, { type: 'case.approve' })).toMatchObject({
      ok: false,
      rejection: { code: 'stage-incomplete' },
    });
    expect(attempt(c, { type: 'stage.advance' })).toMatchObject({
      ok: false,
      rejection: { code: 'issuing-stage' },
    });
    c = drive(c, [
      { type: 'checklist.tick', itemId: 'draft-ok' },
      { type: 'step.complete', stepId: 'sign' },
      { type: 'case.approve' },
    ]);
    expect(c.persisted.value).toBe('issued');
    expect(c.persisted.seq).toBe(11);
  });
});

describe('after issuance', () => {
  /** A low-income case with every stage's work done, up to (not including) the issuing move. */
  const readyToIssue = () =>
    drive(
      engine.createCase({
        id: 'K-9',
        permitId: 'mini-follow-up',
        region: '31',
        receivedAt: RECEIVED,
        facts: { storeys: 1, lowIncome: true },
      }),
      [
        ...THROUGH_SURVEY,
        { type: 'checklist.tick', itemId: 'draft-ok' },
        { type: 'step.complete', stepId: 'sign' },
      ],
    );
  const issuedWithFollowUp = () =>
    drive(readyToIssue(), [{ type: 'case.approve' }], Date.parse('2026-11-02T10:00:00+07:00'));

  it('issues the permit on approval and keeps the case open for the follow-up stage', () => {
    const c = issuedWithFollowUp();
    expect(stageOf(c)).toBe('monitoring');
    expect(c.persisted.context.decision?.kind).toBe('issued');
    const v = engine.view(c, { now: '2026-11-04T08:00:00+07:00' });
    expect(v).toMatchObject({
      status: 'follow-up',
      stage: { id: 'monitoring', afterIssuance: true, issuesPermit: false },
    });
    expect(v.stages.find((s) => s.id === 'issuance')?.state).toBe('done');
    expect(attempt(c, { type: 'case.approve' })).toMatchObject({ rejection: { code: 'already-issued' } });
    expect(attempt(c, { type: 'case.reject', reason: 'x' })).toMatchObject({
      rejection: { code: 'reject-not-allowed' },
    });
  });

  it('closes only when the follow-up field work has evidence, and ignores a portal rejection after issuance', () => {
    let c = issuedWithFollowUp();
    expect(attempt(c, { type: 'case.close' })).toMatchObject({
      ok: false,
      rejection: { code: 'stage-incomplete' },
    });
    c = drive(c, [{ type: 'portal.statusSeen', status: 'Dicabut', outcome: 'rejected' }]);
    expect(stageOf(c)).toBe('monitoring');
    expect(c.persisted.context.portal?.inSync).toBe(false);
    c = drive(c, [
      { type: 'evidence.attach', stepId: 'monitor-visit', evidence: { ...EVIDENCE, id: 'ev-m' } },
      { type: 'step.complete', stepId: 'monitor-visit' },
      { type: 'case.close' },
    ]);
    expect(c.persisted.value).toBe('closed');
    expect(engine.view(c, { now: '2026-11-05T08:00:00+07:00' })).toMatchObject({
      status: 'closed',
      sla: { status: 'stopped' },
    });
    expect(attempt(c, { type: 'note.add', text: 'x' })).toMatchObject({ rejection: { code: 'case-closed' } });
  });

  it('seals the work and facts the permit was issued on: no edits before issuance, closing counts only the follow-up', () => {
    const c = issuedWithFollowUp();
    for (const e of [
      { type: 'checklist.untick', itemId: 'ktp' },
      { type: 'checklist.markMissing', itemId: 'draft-ok' },
      { type: 'evidence.attach', stepId: 'site-survey', evidence: { ...EVIDENCE, id: 'late' } },
    ]) {
      const r = attempt(c, e);
      expect(r, e.type).toMatchObject({ ok: false, rejection: { code: 'sealed-by-issuance' } });
      // The machine agrees with the explanation: it does not take the event either.
      expect(
        transition(c.snapshot.machine, c.snapshot, { ...e, at: '2026-11-03T08:00:00+07:00' } as never)[0],
      ).toBe(c.snapshot);
    }
    const facts = attempt(c, { type: 'case.setFacts', facts: { storeys: 5 } });
    expect(facts).toMatchObject({ ok: false, rejection: { code: 'facts-sealed' } });
    // Closing weighs only the follow-up stage: a record whose intake item is no longer ticked
    // (say, from an older engine) still closes once the follow-up work is done.
    const json = JSON.parse(JSON.stringify(c.persisted));
    delete json.context.items.ktp;
    const done = drive(engine.restore(json), [
      { type: 'evidence.attach', stepId: 'monitor-visit', evidence: { ...EVIDENCE, id: 'ev-m' } },
      { type: 'step.complete', stepId: 'monitor-visit' },
      { type: 'case.close' },
    ]);
    expect(done.persisted.value).toBe('closed');
  });

  it('follows a portal "issued" status into the follow-up stage once the work is done', () => {
    const c = drive(
      readyToIssue(),
      [{ type: 'portal.statusSeen', status: 'Izin Terbit', outcome: 'issued' }],
      Date.parse('2026-11-02T10:00:00+07:00'),
    );
    expect(stageOf(c)).toBe('monitoring');
    expect(c.persisted.context.decision?.kind).toBe('issued');
  });
});

describe('portal status sync', () => {
  it('records a status that matches, and flags one that runs ahead of the checklist', () => {
    let c = drive(newMini(), [
      { type: 'portal.statusSeen', status: 'Pemeriksaan Berkas', stageId: 'intake' },
    ]);
    expect(c.persisted.context.portal).toMatchObject({ inSync: true, status: 'Pemeriksaan Berkas' });
    c = drive(c, [{ type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' }]);
    expect(stageOf(c)).toBe('intake');
    expect(c.persisted.context.portal?.inSync).toBe(false);
  });

  it('follows the portal one stage on when the work before it is done', () => {
    let c = drive(newMini({ storeys: 1 }), [
      { type: 'checklist.tick', itemId: 'ktp' },
      { type: 'step.complete', stepId: 'check-files' },
      { type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' },
    ]);
    expect(stageOf(c)).toBe('survey');
    c = drive(c, [{ type: 'portal.statusSeen', status: 'Ditolak', outcome: 'rejected' }]);
    expect(c.persisted.value).toBe('rejected');
  });

  it('does not follow an "issued" status while field evidence is missing', () => {
    let c = throughIntake(newMini({ lowIncome: true }));
    c = drive(c, [{ type: 'portal.statusSeen', status: 'Izin Terbit', outcome: 'issued' }]);
    expect(stageOf(c)).toBe('survey');
    expect(c.persisted.context.portal?.inSync).toBe(false);
  });
});

describe('signed documents', () => {
  const SIGNED = {
    type: 'signature.recorded',
    kind: 'checklist',
    fileSha256: 'a'.repeat(64),
    signer: 'Siti Rahma',
    certificateSha256: 'b'.repeat(64),
    certified: false,
    stageId: 'intake',
  };

  it('records a signed checklist in any working state, including while the file is returned', () => {
    let c = drive(newMini(), [SIGNED]);
    expect(c.persisted.context.signed).toEqual([
      expect.objectContaining({ fileSha256: 'a'.repeat(64), signer: 'Siti Rahma', certified: false }),
    ]);
    c = drive(c, [
      { type: 'case.returnToApplicant', reason: 'KTP buram' },
      { ...SIGNED, fileSha256: 'c'.repeat(64) },
    ]);
    expect(c.persisted.value).toBe('awaitingCorrection');
    const view = engine.view(c, { now: '2026-11-03T08:00:00+07:00' });
    expect(view.signed.map((s) => s.fileSha256)).toEqual(['a'.repeat(64), 'c'.repeat(64)]);
    const again = engine.restore(JSON.parse(JSON.stringify(c.persisted)));
    expect(again.persisted).toEqual(c.persisted);
  });

  it('refuses a signature on a finished case, and a malformed one from outside', () => {
    const rejected = drive(newMini(), [
      { type: 'portal.statusSeen', status: 'Ditolak', outcome: 'rejected' },
    ]);
    expect(attempt(rejected, SIGNED)).toMatchObject({ ok: false, rejection: { code: 'case-closed' } });
    expect(attempt(newMini(), { ...SIGNED, fileSha256: 'not-a-hash' }).ok).toBe(false);
    expect(engine.view(newMini(), { now: '2026-11-03T08:00:00+07:00' }).signed).toEqual([]);
  });
});

describe('adopting a case the portal has already moved on', () => {
  const newFollowUp = () =>
    engine.createCase({ id: 'K-2', permitId: 'mini-follow-up', region: '31', receivedAt: RECEIVED });

  it('opens a fresh case at the stage of its first portal status, the stages before done at the portal', () => {
    const c = drive(newMini(), [{ type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' }]);
    expect(stageOf(c)).toBe('survey');
    expect(c.persisted.context.adopted).toMatchObject({ stageId: 'survey', status: 'Survei' });
    expect(c.persisted.context.portal?.inSync).toBe(true);
    const view = engine.view(c, { now: '2026-11-02T10:00:00+07:00' });
    expect(view.stage?.id).toBe('survey');
    expect(view.adopted).toMatchObject({ stageId: 'survey', stageName: { id: 'Survei Lapangan' } });
    expect(view.stages.map((st) => st.state).slice(0, 2)).toEqual(['done', 'current']);
  });

  it('asks only for the adopted stage’s work before moving on', () => {
    let c = drive(newMini({ storeys: 1 }), [
      { type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' },
    ]);
    const early = attempt(c, { type: 'stage.advance' });
    expect(early.ok).toBe(false);
    if (early.ok) return;
    const details = early.rejection.details?.map((d) => d.en) ?? [];
    expect(details).toContain('Site report');
    // The intake's ID card was the portal's business before the case was recorded.
    expect(details).not.toContain('ID card');
    c = drive(c, [
      { type: 'checklist.tick', itemId: 'bap' },
      { type: 'evidence.attach', stepId: 'site-survey', evidence: EVIDENCE },
      { type: 'step.complete', stepId: 'site-survey' },
      { type: 'stage.advance' },
    ]);
    expect(stageOf(c)).not.toBe('survey');
  });

  it('does not move a case someone has already worked on, nor on a later status', () => {
    const worked = drive(newMini(), [
      { type: 'checklist.tick', itemId: 'photo' },
      { type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' },
    ]);
    expect(stageOf(worked)).toBe('intake');
    expect(worked.persisted.context.adopted).toBeUndefined();
    expect(worked.persisted.context.portal?.inSync).toBe(false);

    const seen = drive(newMini(), [
      { type: 'portal.statusSeen', status: 'Pemeriksaan Berkas', stageId: 'intake' },
      { type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' },
    ]);
    expect(stageOf(seen)).toBe('intake');
    expect(seen.persisted.context.adopted).toBeUndefined();
  });

  it('never adopts past issuance: that takes a decision the checklist backs', () => {
    const c = drive(newFollowUp(), [
      { type: 'portal.statusSeen', status: 'Penilikan', stageId: 'monitoring' },
    ]);
    expect(stageOf(c)).toBe('intake');
    expect(c.persisted.context.adopted).toBeUndefined();
    expect(c.persisted.context.portal?.inSync).toBe(false);
    expect(c.persisted.context.decision).toBeUndefined();
  });

  it('shows a rejected case’s stages as done where the work was done, and not continued after', () => {
    const now = { now: '2026-11-03T10:00:00+07:00' };
    const rejected = drive(throughIntake(newMini()), [
      { type: 'portal.statusSeen', status: 'Ditolak', outcome: 'rejected' },
    ]);
    const states = engine.view(rejected, now).stages.map((st) => [st.id, st.state]);
    expect(states[0]).toEqual(['intake', 'done']);
    expect(states[1]).toEqual(['survey', 'stopped']);
    expect(states.at(-1)).toEqual(['issuance', 'stopped']);
    // Adopted at the survey, then rejected: the intake was the portal's, so it is done.
    const adopted = drive(newMini(), [
      { type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' },
      { type: 'portal.statusSeen', status: 'Ditolak', outcome: 'rejected' },
    ]);
    const adoptedStates = engine.view(adopted, now).stages.map((st) => st.state);
    expect(adoptedStates.slice(0, 2)).toEqual(['done', 'stopped']);
  });

  it('round-trips an adopted case through JSON', () => {
    const c = drive(newMini(), [{ type: 'portal.statusSeen', status: 'Survei', stageId: 'survey' }]);
    const again = engine.restore(JSON.parse(JSON.stringify(c.persisted)));
    expect(again.persisted).toEqual(c.persisted);
    expect(engine.view(again, { now: '2026-11-02T10:00:00+07:00' }).adopted?.stageId).toBe('survey');
  });
});

describe('persistence', () => {
  it('round-trips through JSON at every step of a full case and restores to the same view', () => {
    let c = newMini({ storeys: 1, lowIncome: false });
    for (const e of THROUGH_SURVEY) {
      c = drive(c, [e]);
      const restored = engine.restore(JSON.parse(JSON.stringify(c.persisted)));
      expect(restored.persisted).toEqual(c.persisted);
      expect(restored.snapshot.value).toEqual(c.snapshot.value);
      const now = '2026-11-05T08:00:00+07:00';
      expect(engine.view(restored, { now })).toEqual(engine.view(c, { now }));
    }
  });

  it('migrates an older snapshot with the hook, and refuses when no migration exists', () => {
    const v2: PermitDefinition = { ...MINI, version: 2 };
    const old = newMini().persisted;
    const migrating = createEngine({
      definitions: [v2],
      migrations: {
        mini: { 1: (s) => ({ ...s, context: { ...s.context, facts: { ...s.context.facts, storeys: 1 } } }) },
      },
    });
    const restored = migrating.restore(JSON.parse(JSON.stringify(old)));
    expect(restored.persisted.machineVersion).toBe(2);
    expect(restored.persisted.context.facts.storeys).toBe(1);
    expect(() => createEngine({ definitions: [v2] }).restore(old)).toThrow(
      /No migration for mini from v1 to v2/,
    );
    expect(() => createEngine({ definitions: [MINI] }).restore({ ...old, machineVersion: 3 })).toThrow(
      /Update Pandu Izin/,
    );
  });

  it('refuses damaged data with a CaseError instead of a half-restored case', () => {
    const good = newMini().persisted;
    expect(() => engine.restore({ ...good, context: 'x' })).toThrow(CaseError);
    expect(() => engine.restore({ ...good, value: { processing: 'nowhere' } })).toThrow(/does not have/);
    expect(() => engine.restore(null)).toThrow(CaseError);
    const ctx = good.context;
    expect(() => engine.restore({ ...good, context: { ...ctx, steps: { 'check-files': 5 } } })).toThrow(
      /steps/,
    );
    expect(() => engine.restore({ ...good, context: { ...ctx, stageEnteredAt: '2026-11-02' } })).toThrow(
      CaseError,
    );
    expect(() =>
      engine.restore({ ...good, context: { ...ctx, items: { ktp: { status: 'maybe', at: RECEIVED } } } }),
    ).toThrow(CaseError);
  });

  it('refuses a record whose state contradicts its context', () => {
    const good = newMini().persisted;
    const ctx = good.context;
    const decision = { kind: 'issued' as const, at: RECEIVED };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ value: 'awaitingCorrection' }, /returnedFrom/],
      [{ value: 'awaitingCorrection', context: { ...ctx, returnedFrom: 'survey' } }, /returnedFrom "survey"/],
      [{ value: 'rejected' }, /no rejection/],
      [{ value: 'issued', context: { ...ctx, decision: { ...decision, kind: 'rejected' } } }, /no issue/],
      [{ value: 'closed', context: { ...ctx, decision } }, /closing time/],
      [{ context: { ...ctx, decision } }, /still in "intake"/],
      [{ value: 'nirvana' }, /unknown state/],
      [{ region: '99' }, /Unknown region/],
      [{ context: { ...ctx, facts: { storeys: 'tiga' } } }, /facts: Fact "storeys"/],
      [
        { context: { ...ctx, adopted: { stageId: 'intake', status: 'x', at: RECEIVED } } },
        /adopted at "intake"/,
      ],
      [{ context: { ...ctx, adopted: { stageId: 'moon', status: 'x', at: RECEIVED } } }, /adopted at "moon"/],
    ];
    for (const [patch, message] of cases) {
      expect(() => engine.restore({ ...good, ...patch }), JSON.stringify(patch).slice(0, 60)).toThrow(
        message,
      );
    }
    expect(engine.restore({ ...good, value: 'issued', context: { ...ctx, decision } }).persisted.value).toBe(
      'issued',
    );
  });

  it('checks what a migration returns as strictly as a stored record', () => {
    const v2 = { ...MINI, version: 2 };
    const old = newMini().persisted;
    const broken = createEngine({
      definitions: [v2],
      migrations: { mini: { 1: (s) => ({ ...s, context: { ...s.context, receivedAt: 'kemarin' } }) } },
    });
    expect(() => broken.restore(old)).toThrow(/migration.*receivedAt|receivedAt/);
    const throwing = createEngine({
      definitions: [v2],
      migrations: {
        mini: {
          1: () => {
            throw new Error('boom');
          },
        },
      },
    });
    expect(() => throwing.restore(old)).toThrow(/boom/);
    const empty = createEngine({ definitions: [v2], migrations: { mini: { 1: () => undefined as never } } });
    expect(() => empty.restore(old)).toThrow(/no \{ value, context \}/);
  });
});

describe('SLA in working days', () => {
  it('is on track, then at risk, then overdue, skipping weekends and holidays', () => {
    // Entered Tue 17 Mar 2026 with 2 working days: 18–24 Mar are holidays and cuti bersama.
    const c = engine.createCase({
      id: 'K-2',
      permitId: 'mini',
      region: '31',
      receivedAt: '2026-03-17T08:00:00+07:00',
    });
    const at = (d: string) => engine.view(c, { now: `${d}T09:00:00+07:00` }).sla;
    expect(at('2026-03-17')).toMatchObject({ status: 'on-track', dueDate: '2026-03-26', workingDaysLeft: 2 });
    expect(at('2026-03-25')).toMatchObject({ status: 'at-risk', workingDaysLeft: 1 });
    expect(at('2026-03-27')).toMatchObject({ status: 'overdue', workingDaysLeft: -1 });
  });

  it('refuses to view a case on a time that is not a real zoned timestamp', () => {
    expect(() => engine.view(newMini(), { now: '2026-02-30T08:00:00+07:00' })).toThrow(CaseError);
  });

  it('uses the region’s local date (WIT is UTC+9)', () => {
    const c = engine.createCase({
      id: 'K-3',
      permitId: 'mini',
      region: '97',
      receivedAt: '2026-11-01T16:00:00Z',
    });
    expect(engine.view(c, { now: '2026-11-01T16:00:00Z' }).sla.startedOn).toBe('2026-11-02');
  });

  it('starts a stage’s clock only when the applicant’s leading step (paying the levy) is done', () => {
    const basis = [{ ref: 'Uji', source: 'test fixture' }];
    const levy = MINI.stages[2] as PermitDefinition['stages'][number];
    const calc = levy.steps[0] as PermitDefinition['stages'][number]['steps'][number];
    const pay = { ...calc, id: 'pay-levy', name: { id: 'Bayar retribusi', en: 'Pay the levy' } };
    const withPayment: PermitDefinition = {
      ...MINI,
      id: 'mini-pay',
      stages: MINI.stages.map((s) =>
        s.id === 'levy'
          ? {
              ...s,
              steps: [
                { ...pay, role: 'applicant', slaDays: null, legalBasis: basis, checklist: [] },
                { ...calc, id: 'verify-payment', slaDays: 2 },
              ],
            }
          : s,
      ),
    };
    const local = createEngine({ definitions: [withPayment] });
    const inLevy = drive(
      local.createCase({
        id: 'P-1',
        permitId: 'mini-pay',
        region: '31',
        receivedAt: RECEIVED,
        facts: { storeys: 1 },
      }),
      [...THROUGH_SURVEY],
      Date.parse('2026-11-02T09:00:00+07:00'),
      local,
    );
    expect(stageOf(inLevy)).toBe('levy');
    const waiting = local.view(inLevy, { now: '2026-11-09T09:00:00+07:00' }).sla;
    expect(waiting).toMatchObject({ status: 'waiting', slaDays: 2, dueDate: null, startedOn: null });
    expect(waiting.waitingFor).toEqual([pay.name]);
    expect(inLevy.persisted.context.stageDue.date).toBeNull();
    // The applicant pays a week later (Mon 9 Nov); the office's two working days start then.
    const paid = drive(
      inLevy,
      [{ type: 'step.complete', stepId: 'pay-levy' }],
      Date.parse('2026-11-09T10:00:00+07:00'),
      local,
    );
    expect(local.view(paid, { now: '2026-11-09T11:00:00+07:00' }).sla).toMatchObject({
      status: 'on-track',
      startedOn: '2026-11-09',
      dueDate: '2026-11-11',
    });
    expect(paid.persisted.context.stageDue.date).toBe('2026-11-11');
  });

  it('flags a due date computed past the known calendar years', () => {
    const c = engine.createCase({
      id: 'K-4',
      permitId: 'mini',
      region: '31',
      receivedAt: '2026-12-30T08:00:00+07:00',
    });
    expect(engine.view(c, { now: '2026-12-30T09:00:00+07:00' }).sla.beyondKnownYears).toBe(true);
  });
});

describe('the machine at three levels', () => {
  it('keeps one machine per permit, region and WFA phase, not per date', () => {
    const local = createEngine();
    const start = findRegion('97')?.wfaStart.date as string;
    const before = local.machineFor('pbg', '97', '2026-11-02');
    expect(local.machineFor('pbg', '97', '2026-12-01')).toBe(before);
    const after = local.machineFor('pbg', '97', start);
    expect(after).not.toBe(before);
    expect(local.machineFor('pbg', '97', '2030-06-01')).toBe(after);
    expect(local.machineFor('pbg', '31', '2026-11-02')).not.toBe(before);
  });

  const region = findRegion('31') as MachineRegion;
  const machine = createPermitMachine(MINI, { region, calendar: createCalendar(), date: '2026-11-28' });

  it('pure transition: a refused event returns the same snapshot', () => {
    const c = newMini();
    const [next] = transition(
      c.snapshot.machine as never,
      c.snapshot as never,
      {
        type: 'stage.advance',
        at: '2026-11-02T09:00:00Z',
      } as never,
    );
    expect(next).toBe(c.snapshot);
  });

  it('live actor: tags tell the UI the stage needs the field, and the persisted snapshot restores', () => {
    const actor = createActor(machine, { input: { receivedAt: RECEIVED, facts: { storeys: 1 } } }).start();
    expect(actor.getSnapshot().hasTag('remote')).toBe(true);
    actor.send({ type: 'checklist.tick', itemId: 'ktp', at: RECEIVED });
    actor.send({ type: 'step.complete', stepId: 'check-files', at: RECEIVED });
    actor.send({ type: 'stage.advance', at: RECEIVED });
    expect(actor.getSnapshot().hasTag('field')).toBe(true);
    expect(actor.getSnapshot().getMeta()['permit.processing.survey']).toMatchObject({ stageId: 'survey' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const again = createActor(machine, { snapshot: persisted, input: { receivedAt: RECEIVED } }).start();
    expect(again.getSnapshot().value).toEqual({ processing: 'survey' });
    expect(again.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });

  it('tags the same stage differently in DKI Jakarta and Papua Pegunungan', () => {
    const pbg = CATALOG.find((d) => d.id === 'pbg') as PermitDefinition;
    const tagsIn = (code: string) => {
      const m = createPermitMachine(pbg, {
        region: findRegion(code) as MachineRegion,
        calendar: createCalendar(),
        date: '2027-02-01',
      });
      return pbg.stages.map((s) =>
        [...(m.getStateNodeById(`permit.processing.${s.id}`).tags ?? [])].join('+'),
      );
    };
    expect(tagsIn('31')).not.toEqual(tagsIn('97'));
  });
});

describe('robustness', () => {
  it('turns a failure inside the machine (here: calendar data that breaks) into a refusal; the case is kept', () => {
    const calendar = createCalendar();
    let broken = false;
    const flaky = new Proxy(calendar, {
      get(target, key) {
        if (broken) throw new Error('kalender rusak');
        return Reflect.get(target, key);
      },
    });
    const local = createEngine({ definitions: [MINI], calendar: flaky });
    const ready = drive(
      local.createCase({
        id: 'B-1',
        permitId: 'mini',
        region: '31',
        receivedAt: RECEIVED,
        facts: { storeys: 1 },
      }),
      [
        { type: 'checklist.tick', itemId: 'ktp' },
        { type: 'step.complete', stepId: 'check-files' },
      ],
      undefined,
      local,
    );
    broken = true;
    const r = local.applyEvent(ready, { type: 'stage.advance', at: '2026-11-02T12:00:00+07:00' });
    expect(r).toMatchObject({ ok: false, rejection: { code: 'internal' } });
    if (!r.ok) expect(r.rejection.message.en).toContain('kalender rusak');
    expect(r.case).toBe(ready);
    expect(() =>
      local.createCase({ id: 'B-2', permitId: 'mini', region: '31', receivedAt: RECEIVED }),
    ).toThrow(CaseError);
  });

  it('never throws on arbitrary events: every input is either applied or refused with a reason', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const junk = [
      undefined,
      null,
      0,
      -1,
      1e308,
      Number.NaN,
      '',
      'x'.repeat(5000),
      {},
      [],
      true,
      '2026-13-45T99:99Z',
    ];
    for (const d of [...CATALOG, MINI]) {
      let c = engine.createCase({
        id: `F-${d.id}`,
        permitId: d.id,
        region: pick(['31', '97', '53']),
        receivedAt: RECEIVED,
      });
      const items = d.stages.flatMap((s) => s.steps.flatMap((t) => t.checklist.map((i) => i.id)));
      const steps = d.stages.flatMap((s) => s.steps.map((t) => t.id));
      for (let k = 0; k < 300; k++) {
        const type = pick([...EVENT_TYPES, 'nope']);
        const event: Record<string, unknown> = {
          type,
          at: rnd() < 0.9 ? '2026-11-03T09:00:00+07:00' : pick(junk),
        };
        if (rnd() < 0.8) event.itemId = rnd() < 0.9 ? pick(items) : pick(junk);
        if (rnd() < 0.8) event.stepId = rnd() < 0.9 ? pick(steps) : pick(junk);
        if (type === 'case.setFacts')
          event.facts =
            rnd() < 0.7 ? { [pick(d.facts)?.id ?? 'x']: pick([true, 3, 'UKL-UPL', null]) } : pick(junk);
        if (type === 'evidence.attach')
          event.evidence = rnd() < 0.6 ? { ...EVIDENCE, id: `e${k}` } : pick(junk);
        if (type.includes('reject') || type.includes('return'))
          event.reason = rnd() < 0.8 ? 'alasan' : pick(junk);
        if (type === 'portal.statusSeen') Object.assign(event, { status: 'X', stageId: pick(d.stages).id });
        const r = engine.applyEvent(c, rnd() < 0.05 ? pick(junk) : event);
        if (r.ok) c = r.case;
        else expect(r.rejection.message.id.length).toBeGreaterThan(0);
        expect(() => engine.view(c, { now: '2026-11-04T09:00:00+07:00' })).not.toThrow();
      }
    }
  });
});
