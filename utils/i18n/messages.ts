/**
 * User-facing strings, Indonesian first. Every key must exist in both catalogs; the type
 * of `en` is derived from `id`, so a missing English string is a compile error.
 */
export const id = {
  'panel.label': 'Panduan Pandu Izin untuk perkara ini',
  'panel.title': 'Pandu Izin',
  'panel.permit': 'Jenis izin',
  'panel.caseRef': 'Nomor perkara',
  'panel.portal': 'Portal',
  'panel.permitUnknown': 'Belum dikenali: {label}',
  'panel.missing': 'Tidak terbaca di halaman ini: {fields}',
  'panel.collapse': 'Sembunyikan panel',
  'panel.expand': 'Tampilkan panel Pandu Izin',
  'panel.switchLanguage': 'Ganti bahasa ke English',
  'panel.languageButton': 'EN',
  'panel.error': 'Pandu Izin tidak dapat memuat data perkara: {reason}',
  'field.caseRef': 'nomor perkara',
  'field.permit': 'jenis izin',
  'error.invalidMessage': 'Pesan tidak valid: {detail}',
  'error.forbiddenSender': 'Pengirim pesan tidak diizinkan',
  'error.unknownType': 'Jenis pesan tidak dikenal: {type}',
  'error.internal': 'Terjadi kesalahan internal: {detail}',
  'error.noAnswer': 'Latar belakang ekstensi tidak menjawab',
} as const;

export type MessageKey = keyof typeof id;

export const en: Record<MessageKey, string> = {
  'panel.label': 'Pandu Izin guidance for this case',
  'panel.title': 'Pandu Izin',
  'panel.permit': 'Permit type',
  'panel.caseRef': 'Case number',
  'panel.portal': 'Portal',
  'panel.permitUnknown': 'Not recognised yet: {label}',
  'panel.missing': 'Could not read on this page: {fields}',
  'panel.collapse': 'Hide panel',
  'panel.expand': 'Show the Pandu Izin panel',
  'panel.switchLanguage': 'Ganti bahasa ke Bahasa Indonesia',
  'panel.languageButton': 'ID',
  'panel.error': 'Pandu Izin could not load the case: {reason}',
  'field.caseRef': 'case number',
  'field.permit': 'permit type',
  'error.invalidMessage': 'Invalid message: {detail}',
  'error.forbiddenSender': 'Message sender not allowed',
  'error.unknownType': 'Unknown message type: {type}',
  'error.internal': 'Internal error: {detail}',
  'error.noAnswer': 'The extension background did not answer',
};
