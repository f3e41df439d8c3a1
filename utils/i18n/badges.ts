/**
 * Strings of the stage badges on portal case lists. The background composes them in both
 * languages (utils/badges/present.ts) and the content script only picks a side, so the
 * content-script bundle carries no catalog for the badges. Indonesian first; `en` must have
 * the same keys (a compile error otherwise, and a test).
 */
import { translator } from './core';

export const id = {
  'badge.mode.remote': 'Jarak jauh',
  'badge.mode.office': 'Kantor',
  'badge.mode.field': 'Lapangan',
  'badge.sla.left': 'sisa {n} HK',
  'badge.sla.over': 'lewat {n} HK',
  'badge.sla.today': 'jatuh tempo hari ini',
  'badge.sla.paused': 'SLA berhenti',
  'badge.sla.waiting': 'SLA menunggu',
  'badge.outcome.issued': 'Terbit',
  'badge.outcome.rejected': 'Ditolak',
  'badge.outcome.returned': 'Dikembalikan ke pemohon',
  'badge.progress': '{done}/{total}',
  'badge.progressLong': 'Daftar periksa tahap ini: {done} dari {total} butir tercentang.',
  'badge.unknownPermit': 'Jenis izin "{label}" belum dipetakan ke katalog Pandu Izin.',
  'badge.unknownStatus': 'Status portal "{label}" belum dipetakan ke tahap alur.',
  'badge.noStatus': 'Status tidak terbaca di baris ini.',
  'badge.noRegion':
    'Cara kerja tidak ditampilkan: provinsi perkara tidak diketahui. Isi provinsi Anda di halaman Opsi Pandu Izin.',
  'badge.region': 'Wilayah: {region}.',
  'badge.regionOfficer': 'Wilayah: {region} (provinsi Anda di Opsi; daftar ini tidak menyebut provinsi).',
  'badge.stage': 'Tahap: {name}.',
  'badge.modeLine': '{mode}: {reasons}',
  'badge.slaEstimate':
    'Batas waktu diperkirakan (penilaian Pandu Izin, bukan data portal): jumlah SLA tahap sampai tahap ini, {days} hari kerja dihitung dari tanggal terima {received}; jatuh tempo {due}.',
  'badge.slaCase':
    'Batas waktu tahap dari perkara yang dicatat di Pandu Izin: {days} hari kerja sejak {start}; jatuh tempo {due}.',
  'badge.slaNone': 'Tahap ini tidak memiliki batas waktu dalam katalog.',
  'badge.slaNoDate': 'Tanggal terima tidak terbaca, jadi batas waktu tidak dihitung.',
  'badge.slaBeyond': 'Kalender libur tahun itu belum ada: hanya akhir pekan yang dihitung libur.',
  'badge.slaPaused': 'Berkas ada pada pemohon untuk diperbaiki; waktu SLA berhenti.',
  'badge.slaWaiting': 'Waktu SLA belum mulai: menunggu langkah pemohon.',
  'badge.outcomeLine': 'Hasil di portal: {outcome}.',
  'badge.known': 'Perkara ini dicatat di Pandu Izin.',
  'badge.damaged':
    'Catatan Pandu Izin untuk perkara ini rusak dan tidak terbaca: lencana ini perkiraan dari baris portal. Buka perkaranya untuk keterangan.',
  'badge.name': 'Status Pandu Izin {ref}: {summary}',
} as const;

export const en: Record<keyof typeof id, string> = {
  'badge.mode.remote': 'Remote',
  'badge.mode.office': 'Office',
  'badge.mode.field': 'Field',
  'badge.sla.left': '{n} WD left',
  'badge.sla.over': '{n} WD late',
  'badge.sla.today': 'due today',
  'badge.sla.paused': 'SLA paused',
  'badge.sla.waiting': 'SLA waiting',
  'badge.outcome.issued': 'Issued',
  'badge.outcome.rejected': 'Rejected',
  'badge.outcome.returned': 'Returned to applicant',
  'badge.progress': '{done}/{total}',
  'badge.progressLong': "This stage's checklist: {done} of {total} items ticked.",
  'badge.unknownPermit': 'Permit type "{label}" is not mapped to the Pandu Izin catalog yet.',
  'badge.unknownStatus': 'Portal status "{label}" is not mapped to a workflow stage yet.',
  'badge.noStatus': 'No status could be read on this row.',
  'badge.noRegion':
    "Way of working not shown: the case's province is unknown. Set your province on the Pandu Izin Options page.",
  'badge.region': 'Region: {region}.',
  'badge.regionOfficer': 'Region: {region} (your province in Options; this list names none).',
  'badge.stage': 'Stage: {name}.',
  'badge.modeLine': '{mode}: {reasons}',
  'badge.slaEstimate':
    "Deadline estimated (Pandu Izin's judgement, not portal data): the stage SLAs up to this stage, {days} working days counted from receipt on {received}; due {due}.",
  'badge.slaCase':
    'The stage deadline from the case recorded in Pandu Izin: {days} working days from {start}; due {due}.',
  'badge.slaNone': 'This stage has no deadline in the catalog.',
  'badge.slaNoDate': 'The date received could not be read, so no deadline is counted.',
  'badge.slaBeyond': "That year's holiday calendar is missing: only weekends count as days off.",
  'badge.slaPaused': 'The file is with the applicant for correction; the SLA clock is stopped.',
  'badge.slaWaiting': "The SLA clock has not started: waiting for the applicant's step.",
  'badge.outcomeLine': 'Outcome on the portal: {outcome}.',
  'badge.known': 'This case is recorded in Pandu Izin.',
  'badge.damaged':
    "This case's Pandu Izin record is damaged and cannot be read: this badge is an estimate from the portal row. Open the case for details.",
  'badge.name': 'Pandu Izin status {ref}: {summary}',
};

export type BadgeKey = keyof typeof id;

/** `t` for badge text. */
export const tBadge = translator({ id, en });
