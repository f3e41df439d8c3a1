// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../../../utils/portals/builtin';
import {
  findAdapter,
  mapPermit,
  normaliseLabel,
  readLabelledValue,
  recognisePage,
} from '../../../../utils/portals/recognise';

const adapter = (id: string) => {
  const found = BUILTIN_ADAPTERS.find((a) => a.id === id);
  if (!found) throw new Error(`no adapter ${id}`);
  return found;
};

describe('normaliseLabel', () => {
  it('ignores case, extra spaces and a trailing colon', () => {
    expect(normaliseLabel('  No.   Pendaftaran :\n')).toBe('no. pendaftaran');
  });
});

describe('readLabelledValue', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads a table row by its header cell', () => {
    document.body.innerHTML =
      '<table><tr><th>Nama Pemohon</th><td>Siti</td></tr><tr><th>No. Pendaftaran</th><td> 0142 </td></tr></table>';
    expect(readLabelledValue(document, ['No. Pendaftaran'])).toBe('0142');
  });

  it('reads a definition list, skipping to the matching dd', () => {
    document.body.innerHTML = '<dl><dt>No. Registrasi:</dt><dd>PBG-1</dd><dt>Status</dt><dd>Terbit</dd></dl>';
    expect(readLabelledValue(document, ['no. registrasi'])).toBe('PBG-1');
  });

  it('reads a label/value span pair', () => {
    document.body.innerHTML =
      '<div class="field"><span class="label">No. Permohonan</span><span class="value">OSS-9</span></div>';
    expect(readLabelledValue(document, ['No. Permohonan'])).toBe('OSS-9');
  });

  it('reads a form control named by <label for>', () => {
    document.body.innerHTML = '<label for="x">Jenis Izin</label><output id="x">IZIN REKLAME</output>';
    expect(readLabelledValue(document, ['Jenis Izin'])).toBe('IZIN REKLAME');
  });

  it('does not treat a container holding the label as the label', () => {
    document.body.innerHTML = '<div><span>No. Pendaftaran</span></div>';
    expect(readLabelledValue(document, ['No. Pendaftaran'])).toBeNull();
  });

  it('returns null when the label is absent', () => {
    document.body.innerHTML = '<p>Tidak ada data</p>';
    expect(readLabelledValue(document, ['No. Pendaftaran'])).toBeNull();
  });
});

describe('findAdapter and mapPermit', () => {
  it('picks the adapter by its case-detail path only', () => {
    expect(findAdapter('/sicantik/permohonan/0142307703072025')?.id).toBe('sicantik');
    expect(findAdapter('/simbg/app/permohonan/PBG-1')?.id).toBe('simbg');
    expect(findAdapter('/sicantik/permohonan')).toBeUndefined();
    expect(findAdapter('/elsewhere/permohonan/1')).toBeUndefined();
  });

  it.each([
    ['sicantik', 'IZIN PRAKTEK DOKTER UMUM', 'sip-nakes'],
    ['sicantik', 'SURAT IZIN PRAKTIK BIDAN', 'sip-nakes'],
    ['sicantik', 'IZIN REKLAME', 'izin-reklame'],
    ['oss-rba', 'Izin', 'oss-rba'],
    ['oss-rba', 'Sertifikat Standar', 'oss-rba'],
    ['oss-rba', 'PKKPR', 'pkkpr'],
    ['oss-rba', 'Persetujuan Lingkungan (UKL-UPL)', 'persetujuan-lingkungan'],
    ['simbg', 'PBG - Bangunan Gedung Baru', 'pbg'],
    ['simbg', 'SLF - Bangunan Gedung Eksisting', 'slf'],
  ])('maps %s permit name "%s" to %s', (id, label, expected) => {
    expect(mapPermit(adapter(id), label)).toBe(expected);
  });

  it('leaves an unknown permit name unmapped', () => {
    expect(mapPermit(adapter('sicantik'), 'IZIN TRAYEK')).toBeNull();
  });
});

describe('recognisePage', () => {
  it('returns null off the case-detail routes', () => {
    document.body.innerHTML = '<table><tr><th>No. Pendaftaran</th><td>1</td></tr></table>';
    expect(recognisePage(document, '/sicantik/permohonan')).toBeNull();
  });

  it('returns null while the page shows neither field (still loading)', () => {
    document.body.innerHTML = '<p>Memuat data…</p>';
    expect(recognisePage(document, '/simbg/app/permohonan/PBG-1')).toBeNull();
  });

  it('says which field it could not read on a half-recognised page', () => {
    document.body.innerHTML =
      '<table><tr><th>No. Pendaftaran</th><td>0142</td></tr><tr><th>Provinsi</th><td>Bali</td></tr></table>';
    expect(recognisePage(document, '/sicantik/permohonan/0142')).toEqual({
      adapterId: 'sicantik',
      kind: 'case-detail',
      caseRef: '0142',
      permitLabel: null,
      receivedLabel: null,
      regionLabel: 'Bali',
      missing: ['permit', 'received'],
    });
  });
});

describe('readLabelledValue on list pages', () => {
  it('does not read a neighbouring column header as a value', () => {
    document.body.innerHTML =
      '<table><thead><tr><th>No. Registrasi</th><th>Nama Pemilik</th></tr></thead><tbody><tr><td>PBG-1</td><td>Siti</td></tr></tbody></table>';
    expect(readLabelledValue(document, ['No. Registrasi'])).toBeNull();
  });
});
