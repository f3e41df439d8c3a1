/**
 * The background's answer to a recognised page: the case's view model. For now it maps the
 * portal's permit name to the catalog; the [Store] and [Engine] work add the stored case,
 * stage, steps and checklist behind this same function.
 */
import { findPermitType } from '../../machines';
import type { CaseView } from '../messaging/protocol';
import { BUILTIN_ADAPTERS } from '../portals/builtin';
import { mapPermit } from '../portals/recognise';
import type { PortalAdapter, RecognisedPage } from '../portals/types';

export function buildCaseView(
  page: RecognisedPage,
  adapters: readonly PortalAdapter[] = BUILTIN_ADAPTERS,
): CaseView {
  const adapter = adapters.find((a) => a.id === page.adapterId);
  if (!adapter) throw new Error(`unknown adapter "${page.adapterId}"`);
  const permitId = page.permitLabel ? mapPermit(adapter, page.permitLabel) : null;
  const permitType = permitId ? findPermitType(permitId) : undefined;
  return {
    portal: { id: adapter.id, name: adapter.name },
    caseRef: page.caseRef,
    permit: { id: permitId, label: page.permitLabel, name: permitType?.name ?? null },
    missing: page.missing,
  };
}
