/**
 * Pandu Izin workflow-engine plugin: the only public door to `machines/`.
 *
 * Pure TypeScript with no browser or Node APIs, so the extension, a server or another
 * agency's tool can import it.
 *
 * @example
 * import { findPermitType } from './machines';
 * findPermitType('pbg')?.name.id; // 'Persetujuan Bangunan Gedung (PBG)'
 */
export type { PermitType, PermitTypeId } from './catalog/permit-types';
export {
  findPermitType,
  isPermitTypeId,
  PERMIT_TYPE_IDS,
  PERMIT_TYPES,
} from './catalog/permit-types';
export type { LocalizedText, WorkMode } from './types';
