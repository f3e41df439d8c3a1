/**
 * Strings of the verify page (verify.html, an extension page only: never bundled into the
 * content script). Indonesian first; `en` must have the same keys (a compile error otherwise,
 * and a test). The reasons a file is not valid come from VERIFY_PROBLEMS (utils/pdf/verify.ts),
 * which the command line says too.
 */
import { translator } from './core';

export const id = {
  'verify.title': 'Pandu Izin — Periksa PDF bertanda tangan',
  'verify.heading': 'Periksa PDF bertanda tangan',
  'verify.help':
    'Pemeriksaan berjalan di peramban ini: berkas tidak dikirim ke mana pun dan tidak disimpan. Yang diperiksa: setiap tanda tangan, apakah berkas diubah sesudah ditandatangani, dan muatan QR daftar periksa.',
  'verify.fileLabel': 'Pilih berkas PDF yang akan diperiksa',
  'verify.fileHint': 'Paling besar {max} MB.',
  'verify.dropHint': 'Atau seret berkas PDF ke kotak ini dan lepaskan di sini.',
  'verify.checking': 'Memeriksa {file}…',
  'verify.tooBig':
    'Berkas {file} terlalu besar ({size} MB); paling besar {max} MB. Berkas ini tidak diperiksa.',
  'verify.unreadable':
    'Berkas {file} tidak dapat dibaca. Pilih berkasnya lagi, atau salin dulu ke komputer ini lalu pilih salinannya.',
  'verify.failed': 'Berkas {file} tidak dapat diperiksa: {reason}',
  'verify.resultTitle': 'Hasil pemeriksaan: {file}',
  'verify.valid': 'SAH: semua tanda tangan dan muatan QR cocok.',
  'verify.validNoPayload': 'SAH: semua tanda tangan cocok.',
  'verify.invalid': 'TIDAK SAH: {reason}',
  'verify.signatureTitle': 'Tanda tangan {n}: {who}',
  'verify.noCertificate': '(tanpa sertifikat)',
  'verify.signer': 'Penanda tangan',
  'verify.nip': 'NIP',
  'verify.unit': 'Unit kerja',
  'verify.signedAt': 'Waktu tanda tangan',
  'verify.signedAtValue': '{written} (waktu setempat: {local})',
  'verify.noTime': 'tidak tercantum',
  'verify.reason': 'Alasan',
  'verify.location': 'Lokasi',
  'verify.kind': 'Jenis',
  'verify.certified': 'tanda tangan elektronik tersertifikasi (penerbit: {issuer})',
  'verify.uncertified': 'tanda tangan elektronik tidak tersertifikasi (sertifikat dibuat sendiri)',
  'verify.kindUnknown': 'tidak dapat ditentukan: tanda tangan ini tidak membawa sertifikat',
  'verify.issuerUnknown': 'tidak disebut',
  'verify.digestMatches': 'Isi cocok dengan yang ditandatangani',
  'verify.signatureValid': 'Tanda tangan CMS sah',
  'verify.certificateValid': 'Sertifikat berlaku saat menandatangani',
  'verify.coversWhole': 'Mencakup seluruh dokumen',
  'verify.fingerprint': 'Sidik SHA-256 sertifikat',
  'verify.yes': 'ya',
  'verify.no': 'tidak',
  'verify.modified': 'Diubah setelah ditandatangani:',
  'verify.payloadFound': 'Muatan QR: perkara {caseRef}; cocok dengan isi daftar periksa yang dilampirkan:',
  'verify.payloadMissing': 'Muatan QR Pandu Izin tidak ditemukan di berkas ini.',
  'verify.trustNote':
    'Kepercayaan pada penerbit sertifikat tidak dinilai di sini: “tersertifikasi” hanya berarti sertifikatnya diterbitkan pihak lain, bukan dibuat sendiri oleh penanda tangan.',
} as const;

export type VerifyKey = keyof typeof id;

export const en: Record<VerifyKey, string> = {
  'verify.title': 'Pandu Izin — Check a signed PDF',
  'verify.heading': 'Check a signed PDF',
  'verify.help':
    'The check runs in this browser: the file is sent nowhere and is not stored. It checks every signature, whether the file was changed after signing, and the checklist’s QR payload.',
  'verify.fileLabel': 'Choose the PDF file to check',
  'verify.fileHint': 'At most {max} MB.',
  'verify.dropHint': 'Or drag a PDF file onto this box and drop it here.',
  'verify.checking': 'Checking {file}…',
  'verify.tooBig': 'The file {file} is too large ({size} MB); at most {max} MB. It was not checked.',
  'verify.unreadable':
    'The file {file} cannot be read. Choose it again, or first copy it to this computer and choose the copy.',
  'verify.failed': 'The file {file} could not be checked: {reason}',
  'verify.resultTitle': 'Result of the check: {file}',
  'verify.valid': 'VALID: every signature and the QR payload hold.',
  'verify.validNoPayload': 'VALID: every signature holds.',
  'verify.invalid': 'NOT VALID: {reason}',
  'verify.signatureTitle': 'Signature {n}: {who}',
  'verify.noCertificate': '(no certificate)',
  'verify.signer': 'Signer',
  'verify.nip': 'NIP (civil servant number)',
  'verify.unit': 'Work unit',
  'verify.signedAt': 'Time signed',
  'verify.signedAtValue': '{written} (local time: {local})',
  'verify.noTime': 'not given',
  'verify.reason': 'Reason',
  'verify.location': 'Location',
  'verify.kind': 'Kind',
  'verify.certified': 'certified electronic signature (issuer: {issuer})',
  'verify.uncertified': 'uncertified electronic signature (self-signed certificate)',
  'verify.kindUnknown': 'cannot be told: this signature carries no certificate',
  'verify.issuerUnknown': 'not named',
  'verify.digestMatches': 'Content matches what was signed',
  'verify.signatureValid': 'CMS signature valid',
  'verify.certificateValid': 'Certificate valid when signing',
  'verify.coversWhole': 'Covers the whole document',
  'verify.fingerprint': 'Certificate SHA-256 fingerprint',
  'verify.yes': 'yes',
  'verify.no': 'no',
  'verify.modified': 'Modified after signing:',
  'verify.payloadFound': 'QR payload: case {caseRef}; matches the attached checklist content:',
  'verify.payloadMissing': 'No Pandu Izin QR payload was found in this file.',
  'verify.trustNote':
    'Trust in the certificate’s issuer is not judged here: “certified” only means the certificate was issued by someone else rather than made by the signer.',
};

/** `t` for the verify page. */
export const tVerify = translator({ id, en });
