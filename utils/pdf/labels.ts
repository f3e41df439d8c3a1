/**
 * The words a checklist PDF prints around the officer's data, in Indonesian and English. Kept
 * apart from the extension's catalogs: the PDF is a record that has to read the same whichever
 * screen produced it, and it bundles with pdf-lib, away from the content script.
 */
import { translator } from '../i18n/core';
import type { EvidenceEntry, ItemStatus, Officer } from './types';

type Lang = 'id' | 'en';

const id = {
  title: 'Daftar Periksa Berkas',
  continued: '{title} {caseRef} (lanjutan)',
  caseRef: 'Nomor perkara',
  permit: 'Jenis izin',
  applicant: 'Pemohon',
  region: 'Wilayah',
  stage: 'Tahap',
  stageValue: 'Tahap {index} dari {count}: {name}',
  date: 'Tanggal',
  portal: 'Portal',
  colNo: 'No',
  colItem: 'Persyaratan',
  colStep: 'Langkah',
  colStatus: 'Status',
  colNote: 'Catatan',
  mandatory: '(wajib)',
  conditional: '(bersyarat)',
  present: '✓ Ada',
  missing: '✗ Tidak ada',
  notApplicable: '– Tidak berlaku',
  pending: '○ Belum diperiksa',
  summary: 'Ringkasan',
  summaryValue:
    '{present} ada, {missing} tidak ada, {notApplicable} tidak berlaku, {pending} belum diperiksa; persyaratan wajib yang belum ada: {mandatoryOpen}',
  evidence: 'Bukti verifikasi lapangan',
  evidenceStep: 'Langkah',
  evidenceTime: 'Waktu',
  evidencePosition: 'Lokasi',
  positionNone: 'tidak direkam',
  sourceGps: 'GPS perangkat',
  sourceManual: 'dimasukkan manual',
  evidenceResult: 'Hasil',
  sesuai: 'Sesuai',
  tidakSesuai: 'Tidak sesuai',
  perluTindakLanjut: 'Perlu tindak lanjut',
  inspectors: 'Pemeriksa',
  notes: 'Catatan',
  bap: 'Berita acara (BAP)',
  photos: 'Foto (SHA-256)',
  photosNone: 'tidak ada',
  thumbnailUnreadable: 'pratinjau tidak terbaca',
  officer: 'Petugas',
  officerName: 'Nama',
  nip: 'NIP',
  role: 'Peran',
  roleOfficer: 'Petugas',
  roleSupervisor: 'Penyelia',
  unit: 'Unit kerja',
  signatureHeading: 'Tanda tangan elektronik',
  uncertifiedStatement:
    'Dokumen ini ditandatangani dengan tanda tangan elektronik tidak tersertifikasi. Kuncinya dibuat di peramban petugas; sertifikatnya tidak diterbitkan oleh Penyelenggara Sertifikasi Elektronik (PSrE) seperti BSrE. Tanda tangan ini menunjukkan siapa yang menandatangani dan bahwa berkas tidak berubah sejak itu, tetapi bukan tanda tangan elektronik tersertifikasi menurut PP 71/2019.',
  certifiedStatement:
    'Dokumen ini ditandatangani dengan tanda tangan elektronik tersertifikasi; sertifikatnya diterbitkan oleh {issuer}. Keabsahannya dapat diperiksa dengan pembaca PDF atau layanan verifikasi penerbit.',
  changeWarning: 'Perubahan apa pun pada berkas setelah ditandatangani membatalkan tanda tangan.',
  verifyHeading: 'Verifikasi',
  verifyText:
    'Kode QR memuat nomor perkara dan SHA-256 isi daftar periksa, yaitu lampiran {file} di dalam berkas PDF ini. Cocokkan dengan berkas PDF bertanda tangan: cetakan saja tidak membuktikan keaslian.',
  signedBy: 'Ditandatangani secara elektronik oleh',
  uncertified: 'Tidak tersertifikasi',
  certified: 'Tersertifikasi: {issuer}',
  issuerUnknown: 'penerbit tidak disebut',
  page: 'Halaman {page} dari {pages}',
} as const;

export type LabelKey = keyof typeof id;

const en: Record<LabelKey, string> = {
  title: 'File Checklist',
  continued: '{title} {caseRef} (continued)',
  caseRef: 'Case number',
  permit: 'Permit type',
  applicant: 'Applicant',
  region: 'Region',
  stage: 'Stage',
  stageValue: 'Stage {index} of {count}: {name}',
  date: 'Date',
  portal: 'Portal',
  colNo: 'No',
  colItem: 'Requirement',
  colStep: 'Step',
  colStatus: 'Status',
  colNote: 'Note',
  mandatory: '(mandatory)',
  conditional: '(conditional)',
  present: '✓ Present',
  missing: '✗ Missing',
  notApplicable: '– Not applicable',
  pending: '○ Not checked yet',
  summary: 'Summary',
  summaryValue:
    '{present} present, {missing} missing, {notApplicable} not applicable, {pending} not checked yet; mandatory requirements still open: {mandatoryOpen}',
  evidence: 'Field verification evidence',
  evidenceStep: 'Step',
  evidenceTime: 'Time',
  evidencePosition: 'Location',
  positionNone: 'not recorded',
  sourceGps: 'device GPS',
  sourceManual: 'entered manually',
  evidenceResult: 'Result',
  sesuai: 'Conforms',
  tidakSesuai: 'Does not conform',
  perluTindakLanjut: 'Needs follow-up',
  inspectors: 'Inspectors',
  notes: 'Notes',
  bap: 'Inspection report (BAP)',
  photos: 'Photos (SHA-256)',
  photosNone: 'none',
  thumbnailUnreadable: 'preview unreadable',
  officer: 'Officer',
  officerName: 'Name',
  nip: 'NIP',
  role: 'Role',
  roleOfficer: 'Officer',
  roleSupervisor: 'Supervisor',
  unit: 'Unit',
  signatureHeading: 'Electronic signature',
  uncertifiedStatement:
    "This document carries an uncertified electronic signature. The key was created in the officer's browser; its certificate was not issued by an Indonesian electronic certification authority (PSrE) such as BSrE. The signature shows who signed and that the file has not changed since, but it is not a certified electronic signature under PP 71/2019.",
  certifiedStatement:
    'This document carries a certified electronic signature; the certificate was issued by {issuer}. It can be checked in a PDF reader or with the issuer’s verification service.',
  changeWarning: 'Any change to the file after signing invalidates the signature.',
  verifyHeading: 'Verification',
  verifyText:
    'The QR code holds the case number and the SHA-256 of the checklist’s content, the {file} attachment inside this PDF. Compare it with the signed PDF file: a printout alone does not prove authenticity.',
  signedBy: 'Electronically signed by',
  uncertified: 'Uncertified',
  certified: 'Certified: {issuer}',
  issuerUnknown: 'issuer not stated',
  page: 'Page {page} of {pages}',
};

export const label = translator<LabelKey>({ id, en });

const STATUS: Record<ItemStatus, LabelKey> = {
  present: 'present',
  missing: 'missing',
  'not-applicable': 'notApplicable',
  pending: 'pending',
};
export const statusLabel = (lang: Lang, status: ItemStatus) => label(lang, STATUS[status]);

const RESULT: Record<EvidenceEntry['result'], LabelKey> = {
  sesuai: 'sesuai',
  'tidak-sesuai': 'tidakSesuai',
  'perlu-tindak-lanjut': 'perluTindakLanjut',
};
export const resultLabel = (lang: Lang, result: EvidenceEntry['result']) => label(lang, RESULT[result]);

export const roleLabel = (lang: Lang, role: Officer['role']) =>
  label(lang, role === 'supervisor' ? 'roleSupervisor' : 'roleOfficer');

const MONTHS = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "2026-11-21" as "21 November 2026"; anything else is printed as given. */
export function formatDate(lang: Lang, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m && MONTHS[lang][Number(m[2]) - 1];
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

/** Indonesia's three zones by their UTC offset; other offsets print as UTC±hh:mm. */
const ZONES: Record<string, string> = { '+07:00': 'WIB', '+08:00': 'WITA', '+09:00': 'WIT', Z: 'UTC' };

/**
 * A timestamp as the wall-clock time it was written in, with the zone's name: "29 November
 * 2026, 10.00 WIB" (Indonesian writes hours with a dot). Not converted to the reader's zone:
 * the document must print the same time wherever it is generated.
 */
export function formatTimestamp(lang: Lang, timestamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(timestamp);
  if (!m?.[1]) return timestamp;
  const zone = m[4] ? (ZONES[m[4]] ?? `UTC${m[4]}`) : '';
  const time = `${m[2]}${lang === 'id' ? '.' : ':'}${m[3]}`;
  return `${formatDate(lang, m[1])}, ${time}${zone ? ` ${zone}` : ''}`;
}
