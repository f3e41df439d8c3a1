/**
 * Strings of the options page (extension page only: never bundled into the content script).
 * Indonesian first; `en` must have the same keys (a compile error otherwise, and a test).
 */
import { translator } from './core';

export const id = {
  'options.title': 'Pandu Izin — Opsi',
  'options.dataTitle': 'Data di peramban ini',
  'options.counts': '{cases} perkara, {events} catatan riwayat, {evidence} berkas bukti',
  'options.loading': 'Memuat…',
  'options.backupTitle': 'Cadangan',
  'options.backupHelp':
    'Satu berkas berisi perkara, riwayat, bukti lapangan dan pengaturan, dengan sidik SHA-256. Kunci tanda tangan tidak pernah ikut diekspor. Memulihkan cadangan menambahkan data yang belum ada dan tidak menghapus apa pun; berkas diperiksa utuh sebelum apa pun ditulis.',
  'options.export': 'Ekspor cadangan',
  'options.import': 'Pulihkan dari berkas cadangan',
  'options.exported': 'Cadangan disimpan sebagai {file}.',
  'options.imported':
    'Cadangan dipulihkan: {cases} perkara, {events} catatan riwayat, {evidence} berkas bukti ditambahkan; {unchanged} perkara sudah mutakhir.',
  'options.failed': 'Tidak ada yang diubah. {reason}',
} as const;

export type OptionsKey = keyof typeof id;

export const en: Record<OptionsKey, string> = {
  'options.title': 'Pandu Izin — Options',
  'options.dataTitle': 'Data in this browser',
  'options.counts': '{cases} cases, {events} history entries, {evidence} evidence files',
  'options.loading': 'Loading…',
  'options.backupTitle': 'Backup',
  'options.backupHelp':
    'One file holding cases, history, field evidence and settings, with a SHA-256 digest. Signing keys are never exported. Restoring a backup adds what is missing and deletes nothing; the file is checked whole before anything is written.',
  'options.export': 'Export backup',
  'options.import': 'Restore from a backup file',
  'options.exported': 'Backup saved as {file}.',
  'options.imported':
    'Backup restored: {cases} cases, {events} history entries, {evidence} evidence files added; {unchanged} cases were already up to date.',
  'options.failed': 'Nothing was changed. {reason}',
};

/** `t` for the options page. */
export const tOptions = translator({ id, en });
