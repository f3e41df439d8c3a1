/**
 * The permit types Pandu Izin models, by catalog id. Ids are stable (adapters and storage use
 * them); names and sources come from the catalog definitions.
 */
import type { LocalizedText } from '../types';
import { CATALOG } from './index';

export interface PermitType {
  /** Stable catalog id, used by adapters, storage and exports. */
  id: PermitTypeId;
  name: LocalizedText;
  /** Where the workflow comes from (DOMAIN.md section and its sources). */
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

/** Narrows an arbitrary string to a known catalog id. */
export function isPermitTypeId(id: string): id is PermitTypeId {
  return (PERMIT_TYPE_IDS as readonly string[]).includes(id);
}

export const PERMIT_TYPES: readonly PermitType[] = CATALOG.filter((d) => isPermitTypeId(d.id)).map((d) => ({
  id: d.id as PermitTypeId,
  name: d.name,
  source: d.source,
}));

/** The permit type with this id, or undefined. */
export function findPermitType(id: string): PermitType | undefined {
  return PERMIT_TYPES.find((p) => p.id === id);
}
