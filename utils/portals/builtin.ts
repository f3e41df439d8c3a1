/**
 * Built-in adapters for the three portals, modelled on DOMAIN.md §9 and written against the
 * demo portal (test/fixtures/portal). Data only; test/unit/portals checks each against its
 * fixture pages.
 */
import type { PortalAdapter } from './types';

export const BUILTIN_ADAPTERS: readonly PortalAdapter[] = [
  {
    id: 'sicantik',
    name: 'SiCantik Cloud',
    detailPath: '^/sicantik/permohonan/[^/]+$',
    caseRefLabels: ['No. Pendaftaran'],
    permitLabels: ['Jenis Izin'],
    receivedLabels: ['Tgl Terima Berkas', 'Tanggal Terima Berkas'],
    regionLabels: ['Provinsi'],
    permits: [
      { how: 'contains', text: 'praktek dokter', permitType: 'sip-nakes' },
      { how: 'contains', text: 'praktik dokter', permitType: 'sip-nakes' },
      { how: 'contains', text: 'praktik bidan', permitType: 'sip-nakes' },
      { how: 'contains', text: 'reklame', permitType: 'izin-reklame' },
    ],
    fixtures: ['/sicantik/permohonan', '/sicantik/permohonan/<No. Pendaftaran>'],
  },
  {
    id: 'oss-rba',
    name: 'OSS RBA',
    detailPath: '^/oss/perizinan/[^/]+$',
    caseRefLabels: ['No. Permohonan'],
    permitLabels: ['Jenis Perizinan'],
    receivedLabels: ['Tgl Pengajuan', 'Tanggal Pengajuan'],
    regionLabels: ['Provinsi'],
    permits: [
      { how: 'startsWith', text: 'pkkpr', permitType: 'pkkpr' },
      { how: 'contains', text: 'ukl-upl', permitType: 'persetujuan-lingkungan' },
      { how: 'contains', text: 'persetujuan lingkungan', permitType: 'persetujuan-lingkungan' },
      { how: 'equals', text: 'sertifikat standar', permitType: 'oss-rba' },
      { how: 'equals', text: 'izin', permitType: 'oss-rba' },
    ],
    fixtures: ['/oss/perizinan', '/oss/perizinan/<No. Permohonan>'],
  },
  {
    id: 'simbg',
    name: 'SIMBG',
    detailPath: '^/simbg/app/permohonan/[^/]+$',
    caseRefLabels: ['No. Registrasi'],
    permitLabels: ['Jenis Permohonan'],
    receivedLabels: ['Tgl Pengajuan', 'Tanggal Pengajuan'],
    regionLabels: ['Provinsi'],
    permits: [
      { how: 'startsWith', text: 'pbg', permitType: 'pbg' },
      { how: 'startsWith', text: 'slf', permitType: 'slf' },
    ],
    fixtures: ['/simbg/app/permohonan (SPA)', '/simbg/app/permohonan/<No. Registrasi> (SPA)'],
  },
];
