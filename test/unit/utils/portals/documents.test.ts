import { describe, expect, it } from 'vitest';
import { findDefinition } from '../../../../machines';
import {
  type SuggestableItem,
  similarity,
  suggestDocuments,
  tokenise,
} from '../../../../utils/portals/documents';
import { uploadedDocuments } from '../../../fixtures/portal/documents';
import { REQUIREMENTS } from '../../../fixtures/portal/requirements';
import type { PermitKind } from '../../../fixtures/portal/vocabulary';

/** Every checklist item of a catalog permit, all pending. */
function itemsOf(permitId: string): SuggestableItem[] {
  const definition = findDefinition(permitId);
  if (!definition) throw new Error(`no catalog permit ${permitId}`);
  return definition.stages.flatMap((stage) =>
    stage.steps.flatMap((step) =>
      step.checklist.map((item) => ({ id: item.id, label: item.label, status: 'pending' as const })),
    ),
  );
}

/** The documents list as the built-in adapters read it from the demo portal's pages. */
function portalDocuments(kind: PermitKind): string[] {
  const simbg = kind === 'pbg' || kind === 'slf';
  return uploadedDocuments(kind, {
    id: 'P-0001',
    name: 'Budi Santoso',
    company: false,
    received: '2026-11-20',
    storeys: 4,
  }).map((d) => (simbg ? `${d.requirement}: ${d.fileName}` : d.requirement));
}

const pairs = (suggestions: ReturnType<typeof suggestDocuments>) =>
  Object.fromEntries(suggestions.map((s) => [s.itemId, s.document]));

describe('tokenise', () => {
  it('normalises case, accents, punctuation and file extensions, and drops stop-words', () => {
    expect(tokenise('Surat Permohonan Izin Reklame')).toEqual(['surat', 'permohonan', 'izin', 'reklame']);
    expect(tokenise('KTP / Akta Pendirian dan SK')).toEqual(['ktp', 'akta', 'pendirian', 'sk']);
    expect(tokenise('KTP Pemilik: ktp_pemilik.pdf')).toEqual(['ktp', 'pemilik']);
    expect(tokenise('Dokumen Lingkungan (SPPL/UKL-UPL)')).toEqual([
      'dokumen',
      'lingkungan',
      'sppl',
      'ukl',
      'upl',
    ]);
    expect(tokenise('Pengésahan')).toEqual(['pengesahan']);
  });

  it('writes known variants one way', () => {
    expect(tokenise('e-KTP')).toEqual(['ktp']);
    expect(tokenise('Ijazah yang dilegalisasi')).toEqual(tokenise('Ijazah (legalisir)'));
    expect(tokenise('PKKPR')).toEqual(['kkpr']);
    expect(tokenise('beserta perhitungannya')).toEqual(['perhitungan']);
  });

  it('ignores case ids in file names', () => {
    expect(tokenise('Berita_Acara_Konsultasi_2025110400123.pdf')).toEqual(['berita', 'acara', 'konsultasi']);
  });
});

describe('similarity', () => {
  it('is zero when only generic words are shared', () => {
    expect(similarity(tokenise('Surat permohonan'), tokenise('Surat Keterangan Sehat'))).toBe(0);
    expect(similarity(tokenise('KTP pemohon'), tokenise('Surat Pernyataan Pemohon'))).toBe(0);
  });

  it('finds a short name inside a long one', () => {
    expect(similarity(tokenise('Nomor Induk Berusaha (NIB)'), tokenise('NIB'))).toBeGreaterThan(0.5);
  });
});

describe('suggestDocuments on the demo portals’ requirement lists', () => {
  it('SiCantik, SIP dokter: matches the catalog items a doctor’s file shows', () => {
    const got = pairs(suggestDocuments(portalDocuments('sip-dokter'), itemsOf('sip-nakes')));
    expect(got).toMatchObject({
      'sip-application-letter': 'Surat Permohonan SIP',
      'sip-ektp': 'KTP Elektronik',
      'sip-npwp': 'NPWP',
      'sip-diploma': 'Ijazah Dokter (legalisir)',
      'sip-str': 'Surat Tanda Registrasi (STR)',
      'sip-health-certificate': 'Surat Keterangan Sehat',
      'sip-organisation-recommendation': 'Rekomendasi Organisasi Profesi (IDI)',
      'sip-photos': 'Pas Foto 4x6',
    });
    // Nothing on the page is a practice photo or a CPD proof: no suggestion rather than a guess.
    expect(got['sip-practice-photos']).toBeUndefined();
    expect(got['sip-cpd-statement']).toBeUndefined();
  });

  it('SiCantik, reklame: every uploaded requirement finds its item, the agent’s letter (not uploaded) none', () => {
    const got = pairs(suggestDocuments(portalDocuments('reklame'), itemsOf('izin-reklame')));
    expect(got).toEqual({
      'reklame-npwp': 'NPWPD',
      'reklame-application-letter': 'Surat Permohonan Izin Reklame',
      'reklame-identity': 'KTP / Akta Pendirian',
      'reklame-nib': 'NIB',
      'reklame-land-consent': 'Persetujuan Pemilik Lahan / Perjanjian Sewa',
      'reklame-design': 'Desain Reklame',
      'reklame-construction-drawings': 'Gambar Konstruksi 1:100 dan Perhitungan',
      'reklame-site-map': 'Peta Lokasi 1:1000 dengan Koordinat',
      'reklame-site-photos': 'Foto Lokasi dari Tiga Arah',
      'reklame-dismantle-undertaking': 'Surat Pernyataan Kesanggupan Membongkar',
    });
  });

  it('SIMBG, PBG: reads "name: file" entries and keeps owner and applicant documents apart', () => {
    const got = pairs(suggestDocuments(portalDocuments('pbg'), itemsOf('pbg')));
    expect(got).toMatchObject({
      'pbg-ktp': 'KTP Pemilik: ktp_pemilik.pdf',
      'pbg-kkpr': 'KKPR / KRK: kkpr.pdf',
      'pbg-statement-form': 'Surat Pernyataan Pemohon: surat_pernyataan.pdf',
      'pbg-structure-drawings': 'Gambar Struktur (Pondasi, Kolom, Balok, Pelat, Atap): gambar_struktur.pdf',
      'pbg-soil-investigation': 'Laporan Penyelidikan Tanah: penyelidikan_tanah.pdf',
    });
    // Electrical drawings share only "gambar" with the MEP item: not enough to suggest.
    expect(got['pbg-mep-drawings']).toBeUndefined();
  });

  it('OSS RBA: the company’s NPWP and the PKKPR upload', () => {
    const got = pairs(suggestDocuments(portalDocuments('izin'), itemsOf('oss-rba')));
    expect(got).toMatchObject({ 'oss-npwp': 'NPWP Badan Usaha', 'oss-kkpr': 'PKKPR' });
    expect(got['oss-email']).toBeUndefined();
  });

  it('uses each document and each item once, the closest pair first', () => {
    const documents = REQUIREMENTS['sip-bidan'].map((r) => r.name);
    const suggestions = suggestDocuments(documents, itemsOf('sip-nakes'));
    const docs = suggestions.map((s) => s.document);
    expect(new Set(docs).size).toBe(docs.length);
    expect(new Set(suggestions.map((s) => s.itemId)).size).toBe(suggestions.length);
    expect(pairs(suggestions)).toMatchObject({
      'sip-room-layout': 'Denah Ruang Praktik',
      'sip-equipment-list': 'Daftar Peralatan Praktik',
    });
  });

  it('suggests only for pending items, in checklist order', () => {
    const items = itemsOf('izin-reklame').map((item) =>
      item.id === 'reklame-nib'
        ? { ...item, status: 'ticked' as const }
        : item.id === 'reklame-design'
          ? { ...item, status: 'missing' as const }
          : item,
    );
    const suggestions = suggestDocuments(portalDocuments('reklame'), items);
    const ids = suggestions.map((s) => s.itemId);
    expect(ids).not.toContain('reklame-nib');
    expect(ids).not.toContain('reklame-design');
    const order = items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const s of suggestions) expect(s.score).toBeGreaterThanOrEqual(0.5);
  });

  it('passes hostile names through untouched for the view to render as text', () => {
    const hostile = '<img src=x onerror=alert(1)> NPWP';
    const [s] = suggestDocuments([hostile], itemsOf('sip-nakes'));
    expect(s).toEqual({ itemId: 'sip-npwp', document: hostile, score: expect.any(Number) });
  });

  it('returns nothing for no documents, blank names or no items', () => {
    expect(suggestDocuments([], itemsOf('pbg'))).toEqual([]);
    expect(suggestDocuments(['', '  ', '.pdf'], itemsOf('pbg'))).toEqual([]);
    expect(suggestDocuments(['NPWP'], [])).toEqual([]);
  });
});
