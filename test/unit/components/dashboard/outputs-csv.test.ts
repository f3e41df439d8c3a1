/** Officer outputs against targets (today and Monday–Sunday) and the CSV builder. */
import { describe, expect, it } from 'vitest';
import { csvHeader, csvRow } from '../../../../components/dashboard/labels';
import { prepareRows } from '../../../../components/dashboard/model';
import {
  allMet,
  hasTargets,
  officerLabel,
  outputsView,
  weekRange,
} from '../../../../components/dashboard/outputs';
import { createCalendar } from '../../../../machines';
import { CSV_BOM as BOM, csvCell as csvField, toCsv } from '../../../../utils/export/csv';

const NIP = '198507142010012003';
const event = (officer: string | null, at: string, type: string, caseId = 'c1') => ({
  caseId,
  officer,
  at,
  event: { type },
});
const TARGETS = {
  daily: { steps: 2, advances: 1, visits: 0 },
  weekly: { steps: 5, advances: 2, visits: 1 },
};

describe('outputs against targets', () => {
  // Wednesday 2 December 2026: the week runs Monday 30 November to Sunday 6 December.
  const today = '2026-12-02';
  const events = [
    event(NIP, '2026-12-02T09:00:00+07:00', 'step.complete'),
    event(NIP, '2026-12-02T10:00:00+07:00', 'step.complete'),
    event(NIP, '2026-12-02T11:00:00+07:00', 'stage.advance'),
    event(NIP, '2026-11-30T11:00:00+07:00', 'step.complete'),
    event(NIP, '2026-11-29T11:00:00+07:00', 'step.complete'), // Sunday: last week
    event('Budi', '2026-12-01T08:00:00+08:00', 'evidence.attach'),
    event('Budi', '2026-12-01T08:30:00+08:00', 'item.tick'), // not an output
    event(null, '2026-12-02T08:00:00+07:00', 'case.close'),
  ];

  it('counts today and this week per officer and says whether each target is met', () => {
    expect(weekRange(today)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    const view = outputsView(events, today, TARGETS);
    expect(view.officers.map((o) => o.officer)).toEqual(
      ['', '198507142010012003', 'Budi'].sort((a, b) => a.localeCompare(b)),
    );
    const me = view.officers.find((o) => o.officer === NIP);
    expect(me?.today).toEqual({ steps: 2, advances: 1, visits: 0 });
    expect(me?.week).toEqual({ steps: 3, advances: 1, visits: 0 });
    expect(me?.daily && allMet(me.daily)).toBe(true);
    expect(me?.weekly?.steps).toEqual({ done: 3, target: 5, met: false });
    expect(me?.weekly && allMet(me.weekly)).toBe(false);
    const budi = view.officers.find((o) => o.officer === 'Budi');
    expect(budi?.today).toEqual({ steps: 0, advances: 0, visits: 0 });
    expect(budi?.week.visits).toBe(1);
  });

  it('lists the local officer with nothing done when targets exist, and compares nothing without targets', () => {
    const view = outputsView([], today, TARGETS, { name: 'Sri Rahayu', nip: NIP });
    expect(view.officers).toHaveLength(1);
    expect(view.officers[0]?.daily?.steps).toEqual({ done: 0, target: 2, met: false });
    const none = outputsView(events, today, undefined, { name: 'Sri Rahayu', nip: NIP });
    expect(none.officers.every((o) => o.daily === null && o.weekly === null)).toBe(true);
    expect(hasTargets(undefined)).toBe(false);
    expect(
      hasTargets({
        daily: { steps: 0, advances: 0, visits: 0 },
        weekly: { steps: 0, advances: 0, visits: 0 },
      }),
    ).toBe(false);
    expect(hasTargets(TARGETS)).toBe(true);
  });

  it("shows the local identity's name for its own NIP", () => {
    expect(officerLabel(NIP, { name: 'Sri Rahayu', nip: NIP })).toBe(`Sri Rahayu (${NIP})`);
    expect(officerLabel('Budi', { name: 'Sri Rahayu', nip: NIP })).toBe('Budi');
    expect(officerLabel('', { name: 'Sri Rahayu', nip: NIP })).toBeNull();
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and guards formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+62 21')).toBe("'+62 21");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('starts with a BOM, has a header and ends every line with CRLF', () => {
    const text = toCsv([
      ['A', 'B'],
      ['1', 2],
      ['x,y', null],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}A,B\r\n1,2\r\n"x,y",\r\n`);
  });

  it('writes a case row in the chosen language with working days left as a number', () => {
    const [p] = prepareRows(
      [
        {
          id: 'sicantik:=1+1',
          portal: 'sicantik',
          caseRef: '=1+1',
          permitType: 'pbg',
          region: '31',
          stage: 'x',
          status: 'in-progress',
          mode: 'field',
          modes: ['remote', 'field'],
          slaStatus: 'on-track',
          dueAt: '2026-12-11',
          officer: NIP,
          updatedAt: '2026-12-01T01:00:00.000Z',
        },
      ],
      '2026-12-21',
      createCalendar(),
    );
    if (!p) throw new Error('no row');
    expect(csvHeader('en')).toEqual([
      'Case number',
      'Portal',
      'Permit type',
      'Stage',
      'Way of working',
      'Deadline status',
      'Due date',
      'Working days left',
      'Officer',
      'Region',
      'Updated',
    ]);
    const line = toCsv([
      csvHeader('id'),
      csvRow(
        'id',
        p,
        () => 'SiCantik Cloud',
        (o) => `Sri (${o})`,
      ),
    ]).split('\r\n')[1];
    expect(line).toBe(
      `'=1+1,SiCantik Cloud,Persetujuan Bangunan Gedung (PBG),x,Dari mana saja; Ke lapangan,Melewati batas waktu,2026-12-11,-6,Sri (${NIP}),DKI Jakarta,2026-12-01T01:00:00.000Z`,
    );
  });
});
