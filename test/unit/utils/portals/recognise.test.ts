// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../../../utils/portals/builtin';
import {
  findAdapter,
  mapPermit,
  mapStatus,
  normaliseLabel,
  pageKind,
  readDocuments,
  readField,
  readLabelledValue,
  readList,
  recognisePage,
} from '../../../../utils/portals/recognise';
import type { PortalAdapter } from '../../../../utils/portals/types';

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

const demo = { demo: true };
const at = (path: string) => `http://127.0.0.1:4000${path}`;

describe('findAdapter and mapPermit', () => {
  it('picks the adapter by origin pattern and page path', () => {
    expect(findAdapter(at('/sicantik/permohonan/0142307703072025'), BUILTIN_ADAPTERS, demo)?.id).toBe(
      'sicantik',
    );
    expect(findAdapter(at('/simbg/app/permohonan/PBG-1'), BUILTIN_ADAPTERS, demo)?.id).toBe('simbg');
    expect(findAdapter(at('/sicantik/permohonan'), BUILTIN_ADAPTERS, demo)?.id).toBe('sicantik');
    expect(findAdapter(at('/elsewhere/permohonan/1'), BUILTIN_ADAPTERS, demo)).toBeUndefined();
    expect(findAdapter('https://kab.sicantik.go.id/sicantik/permohonan/1', BUILTIN_ADAPTERS)?.id).toBe(
      'sicantik',
    );
  });

  it('ignores the demo portal patterns outside the demo build', () => {
    expect(findAdapter(at('/sicantik/permohonan/1'), BUILTIN_ADAPTERS)).toBeUndefined();
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
  const url = (path: string) => at(path);
  it('returns null off the case-detail routes', () => {
    document.body.innerHTML = '<table class="detail"><tr><th>No. Pendaftaran</th><td>1</td></tr></table>';
    expect(recognisePage(document, url('/sicantik/permohonan'), BUILTIN_ADAPTERS, demo)).toBeNull();
  });

  it('returns null while the page shows neither field (still loading)', () => {
    document.body.innerHTML = '<div id="simbg-app" data-state="ready"><dl class="simbg-detail"></dl></div>';
    expect(recognisePage(document, url('/simbg/app/permohonan/PBG-1'), BUILTIN_ADAPTERS, demo)).toBeNull();
  });

  it('waits for the DOM marker before reading', () => {
    document.body.innerHTML =
      '<div id="simbg-app" data-state="loading"><dl class="simbg-detail"><dt>No. Registrasi</dt><dd>PBG-0</dd></dl></div>';
    expect(recognisePage(document, url('/simbg/app/permohonan/PBG-1'), BUILTIN_ADAPTERS, demo)).toBeNull();
  });

  it('says which field it could not read on a half-recognised page', () => {
    document.body.innerHTML =
      '<table class="detail"><tr><th>No. Pendaftaran</th><td>0142</td></tr><tr><th>Provinsi</th><td>Bali</td></tr></table>';
    expect(recognisePage(document, url('/sicantik/permohonan/0142'), BUILTIN_ADAPTERS, demo)).toEqual({
      adapterId: 'sicantik',
      kind: 'case-detail',
      caseRef: '0142',
      permitLabel: null,
      receivedLabel: null,
      regionLabel: 'Bali',
      statusLabel: null,
      applicantLabel: null,
      documents: [],
      missing: ['permit', 'received', 'status'],
    });
  });
});

/** A minimal adapter for the rules below; only what each test needs differs. */
function custom(detail: Partial<PortalAdapter['pages']['caseDetail']> = {}): PortalAdapter {
  const base = adapter('sicantik');
  return {
    ...base,
    id: 'custom',
    pages: {
      ...base.pages,
      caseDetail: { ...base.pages.caseDetail, marker: undefined, ...detail },
    },
  };
}

describe('field rules', () => {
  it('falls back to the CSS selector when no label matches', () => {
    document.body.innerHTML = '<h1 class="nomor">REG-9</h1>';
    expect(readField(document, { labels: ['No. Pendaftaran'], selector: 'h1.nomor' })).toBe('REG-9');
  });

  it('treats an invalid selector in an imported adapter as reading nothing, never throwing', () => {
    document.body.innerHTML = '<p>x</p>';
    expect(readField(document, { labels: ['Nomor'], selector: 'p[[' })).toBeNull();
    const broken = custom({ marker: 'div[[', documents: { selector: ':::', item: 'li(' } });
    expect(pageKind(broken, '/sicantik/permohonan/1', document)).toBeNull();
    expect(readDocuments(document, broken)).toEqual([]);
  });

  it('reads an input control by its label', () => {
    document.body.innerHTML = '<label for="n">Nomor Berkas</label><input id="n" value=" SPL-3 ">';
    expect(readLabelledValue(document, ['Nomor Berkas'])).toBe('SPL-3');
  });
});

describe('readDocuments', () => {
  it('reads the list under its heading, up to the next heading', () => {
    document.body.innerHTML = `
      <h2>Berkas Persyaratan</h2>
      <table><tbody><tr><td>1</td><td>KTP Pemohon</td></tr><tr><td>2</td><td>Surat Tanda Registrasi (STR)</td></tr></tbody></table>
      <h2>Tahapan Proses</h2>
      <table><tbody><tr><td>1</td><td>Pendaftaran</td></tr></tbody></table>`;
    expect(readDocuments(document, adapter('sicantik'))).toEqual([
      'KTP Pemohon',
      'Surat Tanda Registrasi (STR)',
    ]);
  });

  it('reads items inside a container found by selector', () => {
    document.body.innerHTML =
      '<div id="simbg-app"><section class="kelompok-dokumen"><ul><li>Gambar arsitektur: <span>a.pdf</span></li></ul></section></div>';
    expect(readDocuments(document, adapter('simbg'))).toEqual(['Gambar arsitektur: a.pdf']);
  });

  it('caps what a page can report', () => {
    document.body.innerHTML = `<h2>Berkas Persyaratan</h2><table><tbody>${'<tr><td>1</td><td>Berkas</td></tr>'.repeat(150)}</tbody></table>`;
    expect(readDocuments(document, adapter('sicantik'))).toHaveLength(100);
  });
});

describe('mapStatus', () => {
  it("maps a status to the permit's stage, or to an outcome for every permit", () => {
    expect(mapStatus(adapter('simbg'), 'pbg', 'Perhitungan Retribusi')).toEqual({
      stageId: 'levyCalculation',
    });
    expect(mapStatus(adapter('simbg'), 'slf', 'Penilaian Teknis')).toEqual({ stageId: 'verification' });
    expect(mapStatus(adapter('simbg'), 'slf', 'Perlu Perbaikan')).toEqual({ outcome: 'returned' });
    expect(mapStatus(adapter('simbg'), 'pbg', 'Status Baru')).toBeNull();
  });
});

describe('readList', () => {
  it('reads rows by header text, whatever the column order', () => {
    document.body.innerHTML = `<table id="tabel-permohonan">
      <thead><tr><th>Status</th><th>No. Pendaftaran</th><th>Jenis Izin</th><th>Tgl Terima Berkas</th></tr></thead>
      <tbody><tr><td>PEMERIKSAAN</td><td>0142</td><td>IZIN REKLAME</td><td>12/11/2026</td></tr>
      <tr><td>Ditolak</td><td></td><td>IZIN REKLAME</td><td>12/11/2026</td></tr></tbody></table>`;
    expect(readList(document, adapter('sicantik'))).toEqual([
      {
        caseRef: '0142',
        permitLabel: 'IZIN REKLAME',
        receivedLabel: '12/11/2026',
        statusLabel: 'PEMERIKSAAN',
        regionLabel: null,
      },
    ]);
  });

  it('reads nothing when the case-number column is not there', () => {
    document.body.innerHTML =
      '<table id="tabel-permohonan"><thead><tr><th>Nomor</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
    expect(readList(document, adapter('sicantik'))).toEqual([]);
  });
});

describe('readLabelledValue on list pages', () => {
  it('does not read a neighbouring column header as a value', () => {
    document.body.innerHTML =
      '<table><thead><tr><th>No. Registrasi</th><th>Nama Pemilik</th></tr></thead><tbody><tr><td>PBG-1</td><td>Siti</td></tr></tbody></table>';
    expect(readLabelledValue(document, ['No. Registrasi'])).toBeNull();
  });
});
