/**
 * Strings of signing: the side panel's signed checklist and the options page's keys section
 * (extension pages only). Indonesian first; `en` has the same keys (a compile error
 * otherwise, and a test).
 */
import { translator } from './core';

export const id = {
  'sign.title': 'Checklist bertanda tangan',
  'sign.help':
    'Daftar periksa tahap yang sedang berjalan sebagai PDF A4, ditandatangani di peramban ini dengan kunci Anda. Setiap perubahan pada berkas sesudahnya akan terdeteksi.',
  'sign.button': 'Cetak checklist bertanda tangan',
  'sign.working': 'Menyusun dan menandatangani PDF…',
  'sign.done': 'Berkas {file} sudah diunduh dan tanda tangannya dicatat di riwayat perkara.',
  'sign.signer': 'Ditandatangani oleh {name}: {kind}.',
  'sign.certified': 'tanda tangan elektronik tersertifikasi (penerbit: {issuer})',
  'sign.uncertified': 'tanda tangan elektronik tidak tersertifikasi (kunci dibuat di peramban ini)',
  'sign.hash': 'SHA-256 berkas: {hash}',
  'sign.keyCreated': 'Kunci tanda tangan baru dibuat atas nama {name}; rinciannya ada di Opsi.',
  'sign.failed': 'PDF tidak dibuat. {reason}',
  'sign.notRecorded': 'PDF tidak diunduh karena tanda tangannya tidak dapat dicatat. {reason}',
  'sign.noStage': 'Perkara ini sudah selesai; tidak ada tahap berjalan yang daftar periksanya bisa dicetak.',
  'sign.previous': 'Berkas yang sudah ditandatangani untuk perkara ini',
  'sign.previousEntry': '{time} · {signer} · SHA-256 {hash}…',
  'sign.verifyLink': 'Periksa berkas PDF bertanda tangan',
  'sign.keysLink': 'Kunci dan sertifikat (Opsi)',
  'sign.newTab': '(tab baru)',

  'keys.title': 'Kunci tanda tangan',
  'keys.help':
    'Checklist PDF ditandatangani dengan kunci yang dipakai di sini. Kunci yang dibuat di peramban ini menghasilkan tanda tangan elektronik tidak tersertifikasi; untuk tanda tangan tersertifikasi, impor berkas PKCS#12 (.p12 atau .pfx) dari penerbit sertifikat Anda (mis. BSrE). Kunci tidak pernah keluar dari peramban ini dan tidak ikut dalam cadangan.',
  'keys.loading': 'Memuat kunci…',
  'keys.none':
    'Belum ada kunci. Kunci dibuat otomatis saat Anda pertama kali mencetak checklist bertanda tangan, atau buat sekarang.',
  'keys.generate': 'Buat kunci baru dari identitas petugas',
  'keys.generated': 'Kunci baru atas nama {name} dibuat dan dipakai.',
  'keys.generateFailed': 'Kunci tidak dibuat. {reason}',
  'keys.listLabel': 'Kunci tersimpan',
  'keys.active': 'Dipakai untuk menandatangani',
  'keys.use': 'Pakai kunci ini',
  'keys.used': 'Kunci "{name}" sekarang dipakai.',
  'keys.delete': 'Hapus',
  'keys.deleteConfirm':
    'Hapus kunci "{name}"? Berkas yang sudah ditandatangani tetap dapat diperiksa, tetapi kunci ini tidak dapat dipulihkan.',
  'keys.deleteYes': 'Ya, hapus',
  'keys.deleteNo': 'Batal',
  'keys.deleted': 'Kunci "{name}" dihapus.',
  'keys.subject': 'Atas nama',
  'keys.nip': 'NIP',
  'keys.unit': 'Unit',
  'keys.issuer': 'Penerbit',
  'keys.kind': 'Jenis',
  'keys.kindCertified': 'Tersertifikasi (diterbitkan oleh {issuer})',
  'keys.kindSelf': 'Tidak tersertifikasi (dibuat di peramban ini)',
  'keys.kindSelfImported': 'Tidak tersertifikasi (sertifikat buatan sendiri, diimpor)',
  'keys.validity': 'Berlaku',
  'keys.validRange': '{from} s.d. {to}',
  'keys.keyType': 'Jenis kunci',
  'keys.fingerprint': 'Sidik jari SHA-256 sertifikat',
  'keys.unusable': 'Tidak dapat dipakai: {reason}',
  'keys.importLegend': 'Impor berkas PKCS#12',
  'keys.importFile': 'Berkas .p12 atau .pfx',
  'keys.importPassword': 'Kata sandi berkas',
  'keys.importSubmit': 'Impor kunci',
  'keys.importNoFile': 'Pilih berkas .p12 atau .pfx dulu.',
  'keys.importTooBig': 'Berkas terlalu besar untuk PKCS#12 (lebih dari {max} KB).',
  'keys.importReadFailed': 'Berkas {file} tidak dapat dibaca.',
  'keys.imported': 'Kunci "{name}" diimpor dan dipakai.',
  'keys.importFailed': 'Kunci tidak diimpor dan tidak ada yang disimpan. {reason}',
};

export type SigningKey = keyof typeof id;

export const en: Record<SigningKey, string> = {
  'sign.title': 'Signed checklist',
  'sign.help':
    "The running stage's checklist as an A4 PDF, signed in this browser with your key. Any later change to the file is detected.",
  'sign.button': 'Print signed checklist',
  'sign.working': 'Laying out and signing the PDF…',
  'sign.done': "File {file} was downloaded and its signature recorded in the case's history.",
  'sign.signer': 'Signed by {name}: {kind}.',
  'sign.certified': 'certified electronic signature (issuer: {issuer})',
  'sign.uncertified': 'uncertified electronic signature (key made in this browser)',
  'sign.hash': 'File SHA-256: {hash}',
  'sign.keyCreated': 'A new signing key was made in the name of {name}; its details are in Options.',
  'sign.failed': 'No PDF was made. {reason}',
  'sign.notRecorded': 'The PDF was not downloaded because its signature could not be recorded. {reason}',
  'sign.noStage': 'This case is finished; there is no running stage whose checklist could be printed.',
  'sign.previous': 'Files already signed for this case',
  'sign.previousEntry': '{time} · {signer} · SHA-256 {hash}…',
  'sign.verifyLink': 'Check a signed PDF',
  'sign.keysLink': 'Keys and certificates (Options)',
  'sign.newTab': '(new tab)',

  'keys.title': 'Signing keys',
  'keys.help':
    'Checklist PDFs are signed with the key in use here. A key made in this browser gives an uncertified electronic signature; for a certified signature, import a PKCS#12 file (.p12 or .pfx) from your certificate issuer (e.g. BSrE). Keys never leave this browser and are not part of backups.',
  'keys.loading': 'Loading keys…',
  'keys.none':
    'No key yet. One is made automatically the first time you print a signed checklist, or make one now.',
  'keys.generate': 'Make a new key from the officer identity',
  'keys.generated': 'A new key in the name of {name} was made and is in use.',
  'keys.generateFailed': 'No key was made. {reason}',
  'keys.listLabel': 'Stored keys',
  'keys.active': 'Used for signing',
  'keys.use': 'Use this key',
  'keys.used': 'Key "{name}" is now in use.',
  'keys.delete': 'Delete',
  'keys.deleteConfirm':
    'Delete key "{name}"? Files already signed stay verifiable, but this key cannot be recovered.',
  'keys.deleteYes': 'Yes, delete',
  'keys.deleteNo': 'Cancel',
  'keys.deleted': 'Key "{name}" deleted.',
  'keys.subject': 'In the name of',
  'keys.nip': 'NIP',
  'keys.unit': 'Unit',
  'keys.issuer': 'Issuer',
  'keys.kind': 'Kind',
  'keys.kindCertified': 'Certified (issued by {issuer})',
  'keys.kindSelf': 'Uncertified (made in this browser)',
  'keys.kindSelfImported': 'Uncertified (self-signed certificate, imported)',
  'keys.validity': 'Valid',
  'keys.validRange': '{from} to {to}',
  'keys.keyType': 'Key type',
  'keys.fingerprint': 'Certificate SHA-256 fingerprint',
  'keys.unusable': 'Cannot be used: {reason}',
  'keys.importLegend': 'Import a PKCS#12 file',
  'keys.importFile': '.p12 or .pfx file',
  'keys.importPassword': 'File password',
  'keys.importSubmit': 'Import key',
  'keys.importNoFile': 'Choose a .p12 or .pfx file first.',
  'keys.importTooBig': 'The file is too large for PKCS#12 (over {max} KB).',
  'keys.importReadFailed': 'File {file} could not be read.',
  'keys.imported': 'Key "{name}" imported and in use.',
  'keys.importFailed': 'The key was not imported and nothing was saved. {reason}',
};

/** `t` for signing. */
export const tSigning = translator({ id, en });
