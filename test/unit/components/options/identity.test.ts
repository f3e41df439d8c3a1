import { describe, expect, it } from 'vitest';
import {
  checkOfficer,
  draftOf,
  EMPTY_OFFICER,
  type OfficerDraft,
} from '../../../../components/options/identity';
import { settingProblem } from '../../../../utils/db/settings';

const draft = (patch: Partial<OfficerDraft> = {}): OfficerDraft => ({
  name: 'Siti Rahmawati',
  nip: '198503122010012003',
  unit: 'DPMPTSP Kota Contoh',
  role: 'officer',
  region: '31',
  ...patch,
});

describe('checkOfficer', () => {
  it('accepts a complete identity and gives exactly what the setting stores', () => {
    const checked = checkOfficer(draft({ name: '  Siti Rahmawati ', unit: ' DPMPTSP Kota Contoh' }));
    expect(checked).toEqual({
      ok: true,
      value: {
        name: 'Siti Rahmawati',
        nip: '198503122010012003',
        unit: 'DPMPTSP Kota Contoh',
        role: 'officer',
        region: '31',
      },
    });
    if (checked.ok) expect(settingProblem('officer', checked.value)).toBeNull();
  });

  it('accepts an empty identity (nothing known yet) and a NIP typed in its usual groups', () => {
    expect(checkOfficer({ ...EMPTY_OFFICER }).ok).toBe(true);
    const grouped = checkOfficer(draft({ nip: '19850312 201001 2 003' }));
    expect(grouped.ok && grouped.value.nip).toBe('198503122010012003');
  });

  it('refuses a NIP that is not 18 digits, saying how many were typed', () => {
    expect(checkOfficer(draft({ nip: '1985031220100120' }))).toEqual({
      ok: false,
      problems: { nip: { key: 'options.nipLength', params: { count: 16 } } },
    });
    expect(checkOfficer(draft({ nip: '1985031220100120031' }))).toMatchObject({
      ok: false,
      problems: { nip: { params: { count: 19 } } },
    });
  });

  it('refuses a NIP with anything but digits and spaces', () => {
    expect(checkOfficer(draft({ nip: '19850312-2010012003' }))).toEqual({
      ok: false,
      problems: { nip: { key: 'options.nipDigits' } },
    });
    expect(checkOfficer(draft({ nip: '1985031220100120O3' })).ok).toBe(false);
  });

  it('refuses over-long text and a province that is not in the list, one problem per field', () => {
    const checked = checkOfficer(draft({ name: 'x'.repeat(201), unit: 'y'.repeat(300), region: '99' }));
    expect(checked).toEqual({
      ok: false,
      problems: {
        name: { key: 'options.tooLong', params: { max: 200 } },
        unit: { key: 'options.tooLong', params: { max: 200 } },
        region: { key: 'options.regionUnknown' },
      },
    });
  });

  it('accepts every one of the 38 province codes', () => {
    for (const code of ['11', '31', '51', '94', '97'])
      expect(checkOfficer(draft({ region: code })).ok).toBe(true);
  });
});

describe('draftOf', () => {
  it('reads a stored identity and falls back to an empty one for nothing or junk', () => {
    const stored = { name: 'A', nip: '', unit: 'B', role: 'supervisor', region: '' };
    expect(draftOf(stored)).toEqual(stored);
    expect(draftOf(undefined)).toEqual(EMPTY_OFFICER);
    expect(draftOf({ name: 'A', nip: '123' })).toEqual(EMPTY_OFFICER);
  });
});
