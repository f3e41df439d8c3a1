import { describe, expect, it } from 'vitest';
import { createCalendar, createEngine, findDefinition, findRegion } from '../../../../machines';
import { computeBadge, createBadgeCache, deadline } from '../../../../utils/badges/compute';
import { presentBadge, slaChip } from '../../../../utils/badges/present';
import { BUILTIN_ADAPTERS } from '../../../../utils/portals/builtin';
import type { ListRow, PortalAdapter } from '../../../../utils/portals/types';

const calendar = createCalendar();
const sicantik = BUILTIN_ADAPTERS.find((a) => a.id === 'sicantik') as PortalAdapter;
const bali = findRegion('51');
const papua = findRegion('97');
if (!bali || !papua) throw new Error('regions 51 and 97 are shipped');

const row = (over: Partial<ListRow> = {}): ListRow => ({
  caseRef: '0142',
  permitLabel: 'IZIN REKLAME',
  receivedLabel: '17/03/2026',
  // izin-reklame "Sedang Diproses" → siteReview: SLAs 0 (application) + 1 + 1 + 2 = 4 working days.
  statusLabel: 'Sedang Diproses',
  regionLabel: null,
  ...over,
});

const input = (today: string, over: Partial<Parameters<typeof computeBadge>[1]> = {}) => ({
  adapter: sicantik,
  known: new Map(),
  fallbackRegion: bali,
  today,
  calendar,
  ...over,
});

const chipText = (b: ReturnType<typeof computeBadge>, lang: 'id' | 'en' = 'id') => slaChip(b.sla)?.text[lang];

describe('SLA chip across holidays and weekends (2026 calendar, counted by hand)', () => {
  // Received Tue 17 Mar 2026. Off: 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti Idul Fitri), 21–22
  // (Idul Fitri, weekend), 23–24 (cuti). Working days: 25 (1), 26 (2), 27 (3), 30 (4) → due 30 Mar.
  it('counts the estimate from receipt, skipping Nyepi, Idul Fitri and cuti bersama', () => {
    const b = computeBadge(row(), input('2026-03-18'));
    expect(b.sla).toMatchObject({
      basis: 'estimate',
      days: 4,
      from: '2026-03-17',
      due: '2026-03-30',
      left: 4,
    });
    expect(chipText(b)).toBe('sisa 4 HK');
    expect(chipText(b, 'en')).toBe('4 WD left');
    expect(b.sla?.status).toBe('on-track');
  });

  it('says "hari ini" on the due date and "lewat" after it, in working days', () => {
    expect(chipText(computeBadge(row(), input('2026-03-30')))).toBe('jatuh tempo hari ini');
    // 31 Mar and 1 Apr are working days after the due date.
    const late = computeBadge(row(), input('2026-04-01'));
    expect(late.sla).toMatchObject({ left: -2, status: 'overdue' });
    expect(chipText(late)).toBe('lewat 2 HK');
    expect(chipText(late, 'en')).toBe('2 WD late');
    // 2 Apr counts; 3 Apr (Good Friday) and the weekend do not: 3 late on Sat 4 Apr, 4 on Mon 6 Apr.
    expect(chipText(computeBadge(row(), input('2026-04-04')))).toBe('lewat 3 HK');
    expect(chipText(computeBadge(row(), input('2026-04-06')))).toBe('lewat 4 HK');
  });

  // Received Tue 22 Dec 2026: 23 (1), 24 cuti, 25 Natal, 26–27 weekend, 28 (2), 29 (3), 30 (4).
  it('skips Christmas and its cuti bersama', () => {
    const b = computeBadge(row({ receivedLabel: '22-12-2026' }), input('2026-12-23'));
    expect(b.sla).toMatchObject({ due: '2026-12-30', left: 3 });
    expect(chipText(b)).toBe('sisa 3 HK');
    // One working day left is "at risk" (our judgement in slaStatusFor), shown as its own tone.
    const risk = computeBadge(row({ receivedLabel: '22-12-2026' }), input('2026-12-29'));
    expect(slaChip(risk.sla)).toEqual({ text: { id: 'sisa 1 HK', en: '1 WD left' }, tone: 'risk' });
  });

  it('caches deadlines per (received, days, today)', () => {
    const cache = createBadgeCache();
    const a = deadline(calendar, '2026-03-17', 4, '2026-03-18', cache);
    expect(deadline(calendar, '2026-03-17', 4, '2026-03-18', cache)).toBe(a);
    expect(cache.deadlines.size).toBe(1);
  });
});

describe('computeBadge for rows not recorded locally', () => {
  it('gives the stage, its modes with reasons, and marks the SLA as our estimate', () => {
    const b = computeBadge(row(), input('2026-03-18'));
    const stage = findDefinition('izin-reklame')?.stages.find((s) => s.id === 'siteReview');
    expect(b.stage?.shortName).toEqual(stage?.shortName);
    expect(b.known).toBe(false);
    expect(b.modes?.map((m) => m.mode)).toContain('field');
    expect(b.modes?.every((m) => m.reasons.length > 0)).toBe(true);
    expect(b.region).toMatchObject({ code: '51', from: 'officer' });
    const view = presentBadge(b);
    expect(view.parts.map((p) => p.kind)).toEqual(['stage', ...(b.modes ?? []).map(() => 'mode'), 'sla']);
    expect(view.parts.find((p) => p.mode === 'field')?.text).toEqual({ id: 'Lapangan', en: 'Field' });
    expect(view.explain.map((l) => l.en).join(' ')).toMatch(
      /estimated \(Pandu Izin's judgement.*due 30-03-2026/,
    );
    expect(view.label.id).toMatch(/^Status Pandu Izin 0142: .*Lapangan.*sisa 4 HK/);
  });

  it('assesses modes for the region: Papua Pegunungan before its WFA roadmap is office, not remote', () => {
    const fileCheck = row({ statusLabel: 'PEMERIKSAAN' });
    const inBali = computeBadge(fileCheck, input('2026-03-18'));
    const inPapua = computeBadge(fileCheck, input('2026-03-18', { fallbackRegion: papua }));
    expect(inBali.modes?.map((m) => m.mode)).not.toEqual(inPapua.modes?.map((m) => m.mode));
  });

  it('shows the outcome instead of an SLA for issued, rejected and returned rows', () => {
    for (const [status, outcome] of [
      ['Disetujui', 'issued'],
      ['Ditolak', 'rejected'],
      ['Perlu Perbaikan', 'returned'],
    ] as const) {
      const b = computeBadge(row({ statusLabel: status }), input('2026-03-18'));
      expect(b).toMatchObject({ outcome, sla: null, stage: null });
      const view = presentBadge(b);
      expect(view.parts).toEqual([expect.objectContaining({ kind: 'outcome', tone: outcome })]);
    }
  });

  it('explains an unknown permit, an unknown status and a missing date without guessing', () => {
    const permit = computeBadge(row({ permitLabel: 'IZIN TRAYEK' }), input('2026-03-18'));
    expect(permit).toMatchObject({ permitId: null, stage: null, sla: null, problems: ['unknown-permit'] });
    expect(presentBadge(permit).explain[0]?.en).toBe(
      'Permit type "IZIN TRAYEK" is not mapped to the Pandu Izin catalog yet.',
    );
    const status = computeBadge(row({ statusLabel: 'Diarsipkan' }), input('2026-03-18'));
    expect(status).toMatchObject({ permitId: 'izin-reklame', stage: null, problems: ['unknown-status'] });
    const noDate = computeBadge(row({ receivedLabel: 'kemarin' }), input('2026-03-18'));
    expect(noDate).toMatchObject({ sla: null, problems: ['no-date'] });
    expect(noDate.stage).not.toBeNull();
  });

  it('omits the modes and says to set the province when no region is known', () => {
    const b = computeBadge(row(), input('2026-03-18', { fallbackRegion: null }));
    expect(b.modes).toBeNull();
    expect(b.problems).toEqual(['no-region']);
    expect(b.sla?.left).toBe(4);
    const view = presentBadge(b);
    expect(view.parts.some((p) => p.kind === 'mode')).toBe(false);
    expect(view.explain.map((l) => l.id).join(' ')).toMatch(/Isi provinsi Anda di halaman Opsi/);
  });

  it("prefers the row's own region column over the officer's province", () => {
    const b = computeBadge(
      row({ regionLabel: 'Papua Pegunungan' }),
      input('2026-03-18', { regionOf: (label) => (label === 'Papua Pegunungan' ? papua : null) }),
    );
    expect(b.region).toMatchObject({ code: '97', from: 'row' });
  });

  it('computes each (permit, stage, region, date) once for many rows', () => {
    const cache = createBadgeCache();
    for (let i = 0; i < 1000; i += 1)
      computeBadge(row({ caseRef: String(i) }), input('2026-03-18', { cache }));
    expect(cache.stages.size).toBe(1);
    expect(cache.deadlines.size).toBe(1);
  });
});

describe('computeBadge for rows recorded locally', () => {
  const engine = createEngine();
  const opened = () =>
    engine.createCase({
      id: 'sicantik:0142',
      permitId: 'izin-reklame',
      region: '97',
      receivedAt: '2026-03-17T08:00:00+09:00',
    });

  it("uses the case's own stage, region, SLA and checklist progress", () => {
    const seen = engine.applyEvent(opened(), {
      type: 'portal.statusSeen',
      status: 'PEMERIKSAAN',
      stageId: 'fileVerification',
      at: '2026-03-18T08:30:00+09:00',
    });
    if (!seen.ok) throw new Error(seen.rejection.message.en);
    let c = seen.case;
    const first = engine.view(c, { now: '2026-03-18T09:00:00+09:00' });
    const itemId = first.steps.flatMap((s) => s.items)[0]?.id;
    const ticked = engine.applyEvent(c, {
      type: 'checklist.tick',
      itemId: itemId ?? '',
      at: '2026-03-18T09:00:00+09:00',
    });
    if (!ticked.ok) throw new Error(ticked.rejection.message.en);
    c = ticked.case;
    const view = engine.view(c, { now: '2026-03-18T09:00:00+09:00' });
    // The row says the portal is further on; the recorded case is what the badge shows.
    const b = computeBadge(row(), input('2026-03-18', { known: new Map([['0142', view]]) }));
    expect(b.known).toBe(true);
    expect(b.stage?.id).toBe(view.stage?.id);
    expect(b.region).toMatchObject({ code: '97', from: 'case' });
    expect(b.progress).toEqual({ ticked: 1, total: view.checklist.total });
    expect(b.sla?.basis).toBe('case');
    const shown = presentBadge(b);
    expect(shown.parts.find((p) => p.kind === 'progress')?.text.id).toBe(`1/${view.checklist.total}`);
    expect(shown.explain.at(-1)?.en).toBe('This case is recorded in Pandu Izin.');
  });

  it("lets the portal's outcome win over a case still in progress here", () => {
    const view = engine.view(opened(), { now: '2026-03-18T09:00:00+09:00' });
    const b = computeBadge(
      row({ statusLabel: 'Ditolak' }),
      input('2026-03-18', { known: new Map([['0142', view]]) }),
    );
    expect(b).toMatchObject({ known: true, outcome: 'rejected', sla: null });
  });
});
