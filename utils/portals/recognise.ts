/**
 * Page recognition: which adapter a URL belongs to, and what a case-detail page says.
 * Reads fields by their visible label text, the way an officer would. Never throws for a
 * page it does not understand: it returns null or lists what it could not read.
 */
import type { PermitTypeId } from '../../machines';
import { BUILTIN_ADAPTERS } from './builtin';
import { PAGE_FIELDS, type PageField, type PortalAdapter, type RecognisedPage, type TextRule } from './types';

/** Collapses whitespace, drops a trailing colon and lower-cases: how labels are compared. */
export function normaliseLabel(text: string): string {
  return collapseSpaces(text).replace(/\s*:$/, '').toLowerCase();
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Elements that can carry a visible field label on the portals we know. */
const LABEL_CANDIDATES = 'th, dt, label, td, span, div, strong, b';

/** The value shown next to the first element whose own text is one of `labels`. */
export function readLabelledValue(root: ParentNode, labels: readonly string[]): string | null {
  const wanted = new Set(labels.map(normaliseLabel));
  for (const el of root.querySelectorAll(LABEL_CANDIDATES)) {
    // Only leaf-like elements: a container's text includes its value too.
    if (el.childElementCount > 0) continue;
    if (!wanted.has(normaliseLabel(el.textContent ?? ''))) continue;
    const value = valueElementFor(el);
    const text = value ? collapseSpaces(value.textContent ?? '') : '';
    if (text) return text;
  }
  return null;
}

function valueElementFor(label: Element): Element | null {
  if (label.tagName === 'LABEL') {
    const target = label.getAttribute('for');
    const control = target ? label.ownerDocument.getElementById(target) : null;
    if (control) return control;
  }
  if (label.tagName === 'DT') {
    let next = label.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    return next;
  }
  const next = label.nextElementSibling;
  // A header cell's neighbour in a list's header row is another header, not a value.
  if (label.tagName === 'TH' && next?.tagName !== 'TD') return null;
  return next;
}

/** The adapter whose case-detail path matches, if any. */
export function findAdapter(
  pathname: string,
  adapters: readonly PortalAdapter[] = BUILTIN_ADAPTERS,
): PortalAdapter | undefined {
  return adapters.find((a) => new RegExp(a.detailPath).test(pathname));
}

function ruleMatches(rule: TextRule, text: string): boolean {
  const have = normaliseLabel(text);
  const want = normaliseLabel(rule.text);
  if (rule.how === 'equals') return have === want;
  if (rule.how === 'startsWith') return have.startsWith(want);
  return have.includes(want);
}

/** The catalog id for a portal's permit name, by the adapter's first matching rule. */
export function mapPermit(adapter: PortalAdapter, label: string): PermitTypeId | null {
  return adapter.permits.find((rule) => ruleMatches(rule, label))?.permitType ?? null;
}

/**
 * Recognises a case-detail page. Null when the URL is not a known case-detail page, or when
 * the page shows neither field yet (content still loading); otherwise what it could read.
 */
export function recognisePage(
  doc: Document,
  pathname: string,
  adapters: readonly PortalAdapter[] = BUILTIN_ADAPTERS,
): RecognisedPage | null {
  const adapter = findAdapter(pathname, adapters);
  if (!adapter) return null;
  const caseRef = readLabelledValue(doc, adapter.caseRefLabels);
  const permitLabel = readLabelledValue(doc, adapter.permitLabels);
  if (caseRef === null && permitLabel === null) return null;
  const receivedLabel = readLabelledValue(doc, adapter.receivedLabels);
  const regionLabel = readLabelledValue(doc, adapter.regionLabels);
  const read: Record<PageField, string | null> = {
    caseRef,
    permit: permitLabel,
    received: receivedLabel,
    region: regionLabel,
  };
  const missing = PAGE_FIELDS.filter((f) => read[f] === null);
  return {
    adapterId: adapter.id,
    kind: 'case-detail',
    caseRef,
    permitLabel,
    receivedLabel,
    regionLabel,
    missing,
  };
}
