/**
 * The permit types Pandu Izin models, by catalog id. This is the seam the full catalog
 * (stages, steps, checklists — see the [Engine] issue) grows from; ids are stable.
 */
import type { LocalizedText } from '../types';

export interface PermitType {
  /** Stable catalog id, used by adapters, storage and exports. */
  id: PermitTypeId;
  name: LocalizedText;
  /** Where the name and scope come from (DOMAIN.md §3 section and its sources). */
  source: string;
}

export const PERMIT_TYPE_IDS = [
  'pbg',
  'slf',
  'oss-rba',
  'pkkpr',
  'izin-reklame',
  'sip-nakes',
  'persetujuan-lingkungan',
  'dpmptsp-generic',
] as const;

export type PermitTypeId = (typeof PERMIT_TYPE_IDS)[number];

export const PERMIT_TYPES: readonly PermitType[] = [
  {
    id: 'pbg',
    name: { id: 'Persetujuan Bangunan Gedung (PBG)', en: 'Building Approval (PBG)' },
    source: 'DOMAIN.md §3.1; PP 16/2021, UU 6/2023 [S1–S5]',
  },
  {
    id: 'slf',
    name: { id: 'Sertifikat Laik Fungsi (SLF)', en: 'Certificate of Fitness for Use (SLF)' },
    source: 'DOMAIN.md §3.2; PP 16/2021, PermenPUPR 27/2018 [S5][S9][S10]',
  },
  {
    id: 'oss-rba',
    name: {
      id: 'Perizinan Berusaha Berbasis Risiko (OSS RBA)',
      en: 'Risk-Based Business Licensing (OSS RBA)',
    },
    source: 'DOMAIN.md §3.3; PP 28/2025 [S16–S24]',
  },
  {
    id: 'pkkpr',
    name: {
      id: 'Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang (PKKPR)',
      en: 'Spatial-Use Conformity Approval (PKKPR)',
    },
    source: 'DOMAIN.md §3.4; PP 21/2021, Permen ATR/BPN 13/2021 [S28–S30]',
  },
  {
    id: 'izin-reklame',
    name: { id: 'Izin Reklame', en: 'Advertising Permit' },
    source: 'DOMAIN.md §3.5; regional regulations [S35–S39]',
  },
  {
    id: 'sip-nakes',
    name: {
      id: 'Surat Izin Praktik Tenaga Kesehatan (SIP)',
      en: 'Health Worker Practice Licence (SIP)',
    },
    source: 'DOMAIN.md §3.6; UU 17/2023, PP 28/2024 [S41–S45]',
  },
  {
    id: 'persetujuan-lingkungan',
    name: {
      id: 'Persetujuan Lingkungan (UKL-UPL / SPPL)',
      en: 'Environmental Approval (UKL-UPL / SPPL)',
    },
    source: 'DOMAIN.md §3.7; PP 22/2021, PermenLHK 4/2021 [S12][S32][S33]',
  },
  {
    id: 'dpmptsp-generic',
    name: { id: 'Layanan Umum DPMPTSP', en: 'Generic DPMPTSP Back Office' },
    source: 'DOMAIN.md §3.8 [S48–S53]',
  },
];

/** The permit type with this id, or undefined. */
export function findPermitType(id: string): PermitType | undefined {
  return PERMIT_TYPES.find((p) => p.id === id);
}

/** Narrows an arbitrary string to a known catalog id. */
export function isPermitTypeId(id: string): id is PermitTypeId {
  return (PERMIT_TYPE_IDS as readonly string[]).includes(id);
}
