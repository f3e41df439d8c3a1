/**
 * The dashboard's numbers: filters in the URL, working days from the calendar (weekends,
 * holidays, cuti bersama), aging buckets, urgency order, stage × mode counts, and the same
 * aggregates over 20,000 synthetic rows checked against a plain recount.
 */
import { describe, expect, it } from 'vitest';
import {
  filtersFromQuery,
  filtersToQuery,
  NO_FILTERS,
  NO_OFFICER,
} from '../../../../components/dashboard/filters';
import {
  AGING_BUCKETS,
  bucketOf,
  type DashboardRow,
  filterOptions,
  prepareRows,
  slaToday,
  summarize,
} from '../../../../components/dashboard/model';
import { CATALOG, createCalendar, workingDaysBetween } from '../../../../machines';

const calendar = createCalendar();

let serial = 0;
function row(patch: Partial<DashboardRow> = {}): DashboardRow {
  serial += 1;
  return {
    id: `sicantik:K-${serial}`,
    portal: 'sicantik',
    caseRef: `K-${serial}`,
    permitType: 'pbg',
    region: '31',
    stage: 'consultation',
    status: 'in-progress',
    mode: 'remote',
    modes: ['remote'],
    slaStatus: 'on-track',
    dueAt: '2026-12-31',
    officer: '198507142010012003',
    updatedAt: '2026-12-01T01:00:00.000Z',
    ...patch,
  };
}

describe('filters in the URL', () => {
  it('round-trip through the query and keep other parameters', () => {
    const filters = {
      ...NO_FILTERS,
      permitType: 'pbg',
      stage: 'pbg:consultation',
      sla: 'overdue' as const,
      region: '31',
    };
    const query = filtersToQuery(filters, '?lang=id');
    expect(query).toBe('?lang=id&izin=pbg&tahap=pbg%3Aconsultation&sla=overdue&wilayah=31');
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(filtersToQuery(NO_FILTERS)).toBe('');
  });

  it('drop values that cannot be right instead of failing', () => {
    expect(filtersFromQuery(`?sla=soon&cara=boat&wilayah=Jakarta&petugas=${'x'.repeat(300)}`)).toEqual(
      NO_FILTERS,
    );
  });
});

describe('working days and aging', () => {
  // Monday 21 December 2026: 24 Dec is cuti bersama, 25 Dec Christmas, 26–27 a weekend.
  const today = '2026-12-21';

  it('counts working days with the calendar, not calendar days', () => {
    const prepared = prepareRows(
      [
        row({ id: 'a', dueAt: '2026-12-28' }),
        row({ id: 'b', dueAt: '2026-12-11' }),
        row({ id: 'c', dueAt: '2026-12-14' }),
        row({ id: 'd', dueAt: '2026-12-22' }),
        row({ id: 'e', dueAt: '2026-12-21' }),
        row({ id: 'f', dueAt: '2026-12-18', slaStatus: 'at-risk' }),
        row({ id: 'g', dueAt: '', slaStatus: 'paused' }),
        row({ id: 'h', dueAt: '2026-12-31' }),
      ],
      today,
      calendar,
    );
    const byId = Object.fromEntries(prepared.map((p) => [p.row.id, p]));
    // 7 calendar days, but only 22, 23 and 28 December are working days.
    expect(byId.a).toMatchObject({ left: 3, bucket: 'soon', sla: 'on-track' });
    expect(byId.b).toMatchObject({ left: -6, bucket: 'late-long', sla: 'overdue' });
    expect(byId.c).toMatchObject({ left: -5, bucket: 'late', sla: 'overdue' });
    expect(byId.d).toMatchObject({ left: 1, bucket: 'due', sla: 'at-risk' });
    expect(byId.e).toMatchObject({ left: 0, bucket: 'due', sla: 'at-risk' });
    // Stored "at risk" on Friday; on Monday it is one working day late.
    expect(byId.f).toMatchObject({ left: -1, bucket: 'late', sla: 'overdue' });
    expect(byId.g).toMatchObject({ left: null, bucket: 'no-clock', sla: 'paused' });
    expect(byId.h).toMatchObject({ left: 6, bucket: 'later', estimate: false });
  });

  it('says when a count runs into a year without holiday data', () => {
    const [p] = prepareRows([row({ dueAt: '2027-01-05' })], today, calendar);
    expect(p?.estimate).toBe(true);
  });

  it('maps days to buckets at their edges', () => {
    expect([-6, -5, -1, 0, 1, 2, 5, 6, null].map(bucketOf)).toEqual([
      'late-long',
      'late',
      'late',
      'due',
      'due',
      'soon',
      'soon',
      'later',
      'no-clock',
    ]);
    expect(slaToday('on-track', 4)).toBe('on-track');
    expect(slaToday('overdue', 4)).toBe('at-risk');
    expect(slaToday('stopped', -3)).toBe('stopped');
  });
});

describe('urgency order', () => {
  it('puts the most late first, then at risk, then by due date, clocks not running last', () => {
    const prepared = prepareRows(
      [
        row({ id: 'later', dueAt: '2026-12-31' }),
        row({ id: 'none', dueAt: '', slaStatus: 'none', mode: 'none', modes: [] }),
        row({ id: 'late1', dueAt: '2026-12-18' }),
        row({ id: 'paused', dueAt: '', slaStatus: 'paused' }),
        row({ id: 'late6', dueAt: '2026-12-11' }),
        row({ id: 'soon', dueAt: '2026-12-28' }),
        row({ id: 'risk', dueAt: '2026-12-22' }),
        row({ id: 'soon-newer', dueAt: '2026-12-28', updatedAt: '2026-12-02T01:00:00.000Z' }),
      ],
      '2026-12-21',
      calendar,
    );
    expect(prepared.map((p) => p.row.id)).toEqual([
      'late6',
      'late1',
      'risk',
      'soon-newer',
      'soon',
      'later',
      'paused',
      'none',
    ]);
  });
});

describe('summarize', () => {
  const rows = [
    row({ permitType: 'pbg', stage: 'consultation', mode: 'remote', officer: 'A' }),
    row({
      permitType: 'pbg',
      stage: 'consultation',
      mode: 'field',
      modes: ['remote', 'field'],
      officer: 'B',
    }),
    row({ permitType: 'pbg', stage: 'technicalReview', mode: 'office', modes: ['office'], region: '94' }),
    row({
      permitType: 'slf',
      stage: 'issued',
      status: 'issued',
      mode: 'none',
      modes: [],
      slaStatus: 'stopped',
      dueAt: '',
      officer: '',
    }),
  ];
  const prepared = prepareRows(rows, '2026-12-21', calendar);

  it('counts stage × strictest mode with totals that add up', () => {
    const s = summarize(prepared, NO_FILTERS);
    expect(s.rows).toHaveLength(4);
    expect(
      s.stages.map((c) => [c.key, c.byMode.field, c.byMode.office, c.byMode.remote, c.byMode.none, c.total]),
    ).toEqual([
      ['pbg:consultation', 1, 0, 1, 0, 2],
      ['pbg:technicalReview', 0, 1, 0, 0, 1],
      ['slf:issued', 0, 0, 0, 1, 1],
    ]);
    expect(s.totals).toEqual({ field: 1, office: 1, remote: 1, none: 1 });
    expect(Object.values(s.aging).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('applies every filter, officer "-" meaning no identity', () => {
    expect(summarize(prepared, { ...NO_FILTERS, mode: 'field' }).rows.map((p) => p.row.officer)).toEqual([
      'B',
    ]);
    expect(
      summarize(prepared, { ...NO_FILTERS, officer: NO_OFFICER }).rows.map((p) => p.row.permitType),
    ).toEqual(['slf']);
    expect(summarize(prepared, { ...NO_FILTERS, region: '94' }).stages.map((c) => c.key)).toEqual([
      'pbg:technicalReview',
    ]);
    expect(summarize(prepared, { ...NO_FILTERS, sla: 'stopped' }).aging['no-clock']).toBe(1);
    expect(summarize(prepared, { ...NO_FILTERS, stage: 'pbg:consultation', officer: 'A' }).rows).toHaveLength(
      1,
    );
    expect(summarize(prepared, { ...NO_FILTERS, permitType: 'oss-rba' }).rows).toHaveLength(0);
  });

  it('offers the values present among all rows', () => {
    const o = filterOptions(prepared);
    expect(o.permitTypes).toEqual(['pbg', 'slf']);
    expect(o.officers).toEqual([NO_OFFICER, 'A', 'B', '198507142010012003'].sort());
    expect(o.regions).toEqual(['31', '94']);
    expect(o.stages.map((s) => s.key)).toEqual(['pbg:consultation', 'pbg:technicalReview', 'slf:issued']);
  });
});

describe('20,000 cases', () => {
  it('aggregates every row exactly once, as a plain recount does', () => {
    const permits = CATALOG.map((d) => d.id);
    const modes = ['field', 'office', 'remote', 'none'] as const;
    const statuses = ['on-track', 'at-risk', 'overdue', 'paused', 'waiting', 'stopped', 'none'] as const;
    const regions = ['31', '32', '94', '95', '97'];
    const rows: DashboardRow[] = [];
    for (let i = 0; i < 20_000; i++) {
      const permit = CATALOG[i % permits.length];
      const stage = permit?.stages[i % (permit.stages.length || 1)]?.id ?? 'closed';
      const sla = statuses[i % statuses.length] ?? 'none';
      const timed = sla === 'on-track' || sla === 'at-risk' || sla === 'overdue';
      const day = 1 + (i % 28);
      rows.push(
        row({
          id: `p:${i}`,
          permitType: permit?.id ?? 'pbg',
          stage,
          mode: modes[i % 4] ?? 'none',
          slaStatus: sla,
          dueAt: timed ? `2026-12-${String(day).padStart(2, '0')}` : '',
          region: regions[i % regions.length] ?? '31',
          officer: `officer-${i % 40}`,
        }),
      );
    }
    const started = performance.now();
    const prepared = prepareRows(rows, '2026-12-15', calendar);
    const first = summarize(prepared, NO_FILTERS);
    const firstMs = performance.now() - started;
    const filterStarted = performance.now();
    const filtered = summarize(prepared, { ...NO_FILTERS, region: '94', mode: 'field' });
    const filterMs = performance.now() - filterStarted;
    // Reported, not asserted (timings are never pass/fail here).
    console.info(
      `[dashboard model] 20,000 rows: prepare+summarize ${firstMs.toFixed(1)} ms; filter ${filterMs.toFixed(1)} ms`,
    );

    expect(first.rows).toHaveLength(20_000);
    expect(new Set(first.rows.map((p) => p.row.id)).size).toBe(20_000);
    const recount = { late: 0, stages: new Map<string, number>() };
    for (const r of rows) {
      const key = `${r.permitType}:${r.stage}`;
      recount.stages.set(key, (recount.stages.get(key) ?? 0) + 1);
      const timed = r.slaStatus === 'on-track' || r.slaStatus === 'at-risk' || r.slaStatus === 'overdue';
      if (timed && workingDaysBetween(calendar, '2026-12-15', r.dueAt).days < 0) recount.late += 1;
    }
    expect(first.aging['late-long'] + first.aging.late).toBe(recount.late);
    expect(Object.fromEntries(first.stages.map((s) => [s.key, s.total]))).toEqual(
      Object.fromEntries(recount.stages),
    );
    expect(AGING_BUCKETS.reduce((n, b) => n + first.aging[b], 0)).toBe(20_000);
    expect(Object.values(first.totals).reduce((a, b) => a + b, 0)).toBe(20_000);

    const expected = rows.filter((r) => r.region === '94' && r.mode === 'field').length;
    expect(expected).toBeGreaterThan(0);
    expect(filtered.rows).toHaveLength(expected);
    expect(filtered.totals.field).toBe(expected);
    // Urgency order holds after filtering: no row is more urgent than the one before it.
    const groups = { overdue: 0, 'at-risk': 1, 'on-track': 2, waiting: 3, paused: 3, stopped: 4, none: 4 };
    for (let i = 1; i < filtered.rows.length; i++) {
      const a = filtered.rows[i - 1];
      const b = filtered.rows[i];
      if (!a || !b) continue;
      expect(groups[a.sla]).toBeLessThanOrEqual(groups[b.sla]);
    }
  });
});
