import { describe, expect, it } from 'vitest';
import { buildCaseView } from '../../../../utils/background/case-view';

describe('buildCaseView', () => {
  it('names the catalog permit type for a recognised portal permit', () => {
    const view = buildCaseView({
      adapterId: 'sicantik',
      kind: 'case-detail',
      caseRef: '0142307703072025',
      permitLabel: 'IZIN PRAKTEK DOKTER UMUM',
      missing: [],
    });
    expect(view).toEqual({
      portal: { id: 'sicantik', name: 'SiCantik Cloud' },
      caseRef: '0142307703072025',
      permit: {
        id: 'sip-nakes',
        label: 'IZIN PRAKTEK DOKTER UMUM',
        name: { id: 'Surat Izin Praktik Tenaga Kesehatan (SIP)', en: 'Health Worker Practice Licence (SIP)' },
      },
      missing: [],
    });
  });

  it('keeps the portal label when the permit is not in the catalog', () => {
    const view = buildCaseView({
      adapterId: 'oss-rba',
      kind: 'case-detail',
      caseRef: 'X',
      permitLabel: 'PB UMKU',
      missing: [],
    });
    expect(view.permit).toEqual({ id: null, label: 'PB UMKU', name: null });
  });

  it('rejects an adapter id it does not know', () => {
    expect(() =>
      buildCaseView({
        adapterId: 'nope',
        kind: 'case-detail',
        caseRef: null,
        permitLabel: null,
        missing: [],
      }),
    ).toThrow('unknown adapter "nope"');
  });
});
