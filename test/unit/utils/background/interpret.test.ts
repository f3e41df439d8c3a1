import { describe, expect, it } from 'vitest';
import { findRegion } from '../../../../machines';
import { interpretPage, matchRegion, receivedAtFor } from '../../../../utils/background/interpret';
import { parsePortalDate } from '../../../../utils/portals/dates';
import type { RecognisedPage } from '../../../../utils/portals/types';

describe('parsePortalDate', () => {
  it.each([
    ['12/11/2026', '2026-11-12'],
    ['1-2-2026', '2026-02-01'],
    ['2026-11-12', '2026-11-12'],
    ['2026-11-12T08:30', '2026-11-12'],
    ['12 Nov 2026', '2026-11-12'],
    ['12 Agu 2026', '2026-08-12'],
    ['3 Mei 2026', '2026-05-03'],
    ['Kamis, 12 Nopember 2026', '2026-11-12'],
    ['12 December 2026', '2026-12-12'],
    ['12/11/2026 14:05', '2026-11-12'],
  ])('reads %s as %s', (text, iso) => {
    expect(parsePortalDate(text)).toBe(iso);
  });

  it.each(['31/02/2026', '12 Foo 2026', 'kemarin', '', '13/13/2026', '00/01/2026'])(
    'reads "%s" as no date',
    (text) => {
      expect(parsePortalDate(text)).toBeNull();
    },
  );
});

describe('matchRegion', () => {
  it.each([
    ['DKI Jakarta', '31'],
    ['Provinsi Jawa Barat', '32'],
    ['PAPUA PEGUNUNGAN', '97'],
    ['D.I. Yogyakarta', '34'],
    ['Daerah Istimewa Yogyakarta', '34'],
    ['Prov. Bali', '51'],
    ['West Papua', '91'],
    ['Atlantis', undefined],
  ])('%s → %s', (label, code) => {
    expect(matchRegion(label)?.code).toBe(code);
  });
});

describe('receivedAtFor', () => {
  const papua = findRegion('97');
  if (!papua) throw new Error('no region 97');

  it('starts the clock at 08:00 local time', () => {
    expect(receivedAtFor('2026-11-12', papua, '2026-11-28T00:00:00Z')).toBe('2026-11-12T08:00:00+09:00');
  });

  it('never puts reception after now', () => {
    expect(receivedAtFor('2026-11-28', papua, '2026-11-27T22:30:00.000Z')).toBe('2026-11-27T22:30:00.000Z');
  });
});

describe('interpretPage', () => {
  const page: RecognisedPage = {
    adapterId: 'sicantik',
    kind: 'case-detail',
    caseRef: '0142307703072025',
    permitLabel: 'IZIN PRAKTEK DOKTER UMUM',
    receivedLabel: '12/11/2026',
    regionLabel: 'Jawa Tengah',
    statusLabel: null,
    applicantLabel: null,
    documents: [],
    missing: [],
  };
  const now = '2026-11-28T03:00:00.000Z';

  it('names the catalog permit and opens the case', () => {
    expect(interpretPage(page, { now })).toEqual({
      portal: { id: 'sicantik', name: 'SiCantik Cloud' },
      caseRef: '0142307703072025',
      permit: {
        id: 'sip-nakes',
        label: 'IZIN PRAKTEK DOKTER UMUM',
        name: { id: 'Surat Izin Praktik Tenaga Kesehatan (SIP)', en: 'Health Worker Practice Licence (SIP)' },
      },
      missing: [],
      opening: {
        portal: 'sicantik',
        caseRef: '0142307703072025',
        permitId: 'sip-nakes',
        region: '33',
        receivedAt: '2026-11-12T08:00:00+07:00',
      },
      notice: null,
    });
  });

  it('keeps the portal label and says why when the permit is not in the catalog', () => {
    const meaning = interpretPage({ ...page, permitLabel: 'IZIN TRAYEK' }, { now });
    expect(meaning.permit).toEqual({ id: null, label: 'IZIN TRAYEK', name: null });
    expect(meaning.opening).toBeNull();
    expect(meaning.notice?.id).toMatch(/belum ada di katalog/);
  });

  it('cannot keep a case without its number', () => {
    const meaning = interpretPage({ ...page, caseRef: null, missing: ['caseRef'] }, { now });
    expect(meaning.opening).toBeNull();
    expect(meaning.notice?.en).toMatch(/case number could not be read/);
  });

  it('falls back to the officer’s province, and says so when there is none', () => {
    const unread = { ...page, regionLabel: null, missing: ['region' as const] };
    expect(interpretPage(unread, { now, fallbackRegion: '51' }).opening?.region).toBe('51');
    const refused = interpretPage({ ...page, regionLabel: 'Atlantis' }, { now });
    expect(refused.opening).toBeNull();
    expect(refused.notice?.id).toBe(
      'Provinsi perkara tidak dikenali ("Atlantis"). Isi provinsi Anda di halaman Opsi agar perkara dapat disimpan.',
    );
  });

  it('starts the clock now when the received date cannot be read', () => {
    const meaning = interpretPage({ ...page, receivedLabel: 'kemarin' }, { now });
    expect(meaning.opening?.receivedAt).toBe(now);
  });

  it('refuses an adapter id we never issued', () => {
    expect(() => interpretPage({ ...page, adapterId: 'nope' }, { now })).toThrow('unknown adapter "nope"');
  });
});
