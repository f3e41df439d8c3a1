/**
 * Page recognition: which adapter and page kind a URL is, and what a case page says. Reads
 * fields by their visible label text, the way an officer would, with the adapter's CSS selector
 * as the fallback. Never throws for a page it does not understand (a bad selector in an
 * imported adapter included): it returns null or lists what it could not read.
 */
import type { PermitTypeId } from '../../machines';
import { matchesPattern } from './patterns';
import {
  type FieldRule,
  type ListRow,
  MAX_PAGE_DOCUMENTS,
  PAGE_FIELDS,
  type PageField,
  type PortalAdapter,
  type RecognisedPage,
  type StatusRule,
  type TextRule,
} from './types';

/** Collapses whitespace, drops a trailing colon and lower-cases: how labels are compared. */
export function normaliseLabel(text: string): string {
  return collapseSpaces(text).replace(/\s*:$/, '').toLowerCase();
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const MAX_VALUE = 500;
const FORM_CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** querySelectorAll that treats an invalid selector as matching nothing. */
function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Elements that can carry a visible field label on the portals we know. */
const LABEL_CANDIDATES = 'th, dt, label, td, span, div, strong, b';

/** The value shown next to the first element whose own text is one of `labels`. */
export function readLabelledValue(root: ParentNode, labels: readonly string[]): string | null {
  const wanted = new Set(labels.map(normaliseLabel));
  for (const el of queryAll(root, LABEL_CANDIDATES)) {
    // Only leaf-like elements: a container's text includes its value too.
    if (el.childElementCount > 0) continue;
    if (!wanted.has(normaliseLabel(el.textContent ?? ''))) continue;
    const value = valueElementFor(el);
    const text = value ? textOf(value) : '';
    if (text) return text;
  }
  return null;
}

function textOf(el: Element): string {
  const own = FORM_CONTROLS.has(el.tagName) ? (el as HTMLInputElement).value : el.textContent;
  return collapseSpaces(own ?? '').slice(0, MAX_VALUE);
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

/** A field by its labels, else by its selector; null when neither shows a value. */
export function readField(root: ParentNode, rule: FieldRule | undefined): string | null {
  if (!rule) return null;
  const byLabel = readLabelledValue(root, rule.labels);
  if (byLabel) return byLabel;
  if (!rule.selector) return null;
  const el = queryAll(root, rule.selector)[0];
  const text = el ? textOf(el) : '';
  return text || null;
}

/** The adapter for a URL: its origin patterns (and, in the demo build, demo patterns) and a page path. */
export function findAdapter(
  url: string,
  adapters: readonly PortalAdapter[],
  { demo = false }: { demo?: boolean } = {},
): PortalAdapter | undefined {
  return adapters.find((a) => adapterCovers(a, url, demo) && pageKindByPath(a, pathOf(url)) !== null);
}

/** True when the adapter's patterns cover the URL's origin and path. */
export function adapterCovers(adapter: PortalAdapter, url: string, demo = false): boolean {
  const patterns = demo ? [...adapter.matches, ...(adapter.demoMatches ?? [])] : adapter.matches;
  return patterns.some((p) => matchesPattern(p, url));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function testPath(source: string, pathname: string): boolean {
  try {
    return new RegExp(source).test(pathname);
  } catch {
    return false;
  }
}

export type PageKind = 'case-detail' | 'case-list';

/** The page kind a pathname is, by the adapter's path patterns alone. */
export function pageKindByPath(adapter: PortalAdapter, pathname: string): PageKind | null {
  if (testPath(adapter.pages.caseDetail.path, pathname)) return 'case-detail';
  const list = adapter.pages.caseList;
  if (list && testPath(list.path, pathname)) return 'case-list';
  return null;
}

/** The page kind once its DOM marker (when the adapter names one) is present. */
export function pageKind(adapter: PortalAdapter, pathname: string, doc: ParentNode): PageKind | null {
  const kind = pageKindByPath(adapter, pathname);
  if (!kind) return null;
  const marker = kind === 'case-detail' ? adapter.pages.caseDetail.marker : adapter.pages.caseList?.marker;
  if (marker && queryAll(doc, marker).length === 0) return null;
  return kind;
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

/** What a portal status means for a permit: a stage, an outcome, or nothing known. */
export function mapStatus(
  adapter: PortalAdapter,
  permitType: string,
  status: string,
): Pick<StatusRule, 'stageId' | 'outcome'> | null {
  const rule = (adapter.statuses ?? []).find(
    (r) => (r.permitType === undefined || r.permitType === permitType) && ruleMatches(r, status),
  );
  if (!rule) return null;
  return rule.outcome ? { outcome: rule.outcome } : { stageId: rule.stageId };
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Elements after a heading up to the next heading of the same or a higher level. */
function sectionAfter(heading: Element): Element[] {
  const level = Number(heading.tagName.slice(1));
  const out: Element[] = [];
  for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
    if (matches(el, HEADINGS) && Number(el.tagName.slice(1)) <= level) break;
    out.push(el);
  }
  return out;
}

/** The names of the documents the page lists, per the adapter's `documents` rule. */
export function readDocuments(doc: ParentNode, adapter: PortalAdapter): string[] {
  const rule = adapter.pages.caseDetail.documents;
  if (!rule) return [];
  let containers: Element[] = [];
  if (rule.heading) {
    const wanted = normaliseLabel(rule.heading);
    const heading = queryAll(doc, HEADINGS).find((h) => normaliseLabel(h.textContent ?? '') === wanted);
    if (heading) containers = sectionAfter(heading);
  }
  if (containers.length === 0 && rule.selector) containers = queryAll(doc, rule.selector);
  const names: string[] = [];
  for (const container of containers) {
    const items = matches(container, rule.item) ? [container] : queryAll(container, rule.item);
    for (const item of items) {
      const nameEl = rule.name ? queryAll(item, rule.name)[0] : item;
      const name = nameEl ? textOf(nameEl).slice(0, 200) : '';
      if (name) names.push(name);
      if (names.length >= MAX_PAGE_DOCUMENTS) return names;
    }
  }
  return names;
}

/**
 * Reads a case-detail page. Null while the page shows neither the case number nor the permit
 * (content still loading); otherwise what it could read, with the rest listed as missing.
 */
export function recogniseDetail(doc: ParentNode, adapter: PortalAdapter): RecognisedPage | null {
  const fields = adapter.pages.caseDetail.fields;
  const caseRef = readField(doc, fields.caseRef);
  const permitLabel = readField(doc, fields.permit);
  if (caseRef === null && permitLabel === null) return null;
  const read: Record<PageField, string | null> = {
    caseRef,
    permit: permitLabel,
    received: readField(doc, fields.received),
    region: readField(doc, fields.region),
    status: readField(doc, fields.status),
  };
  // A field the adapter does not describe is not "missing": it was never asked for.
  const described: Record<PageField, boolean> = {
    caseRef: true,
    permit: true,
    received: fields.received !== undefined,
    region: fields.region !== undefined,
    status: fields.status !== undefined,
  };
  const missing = PAGE_FIELDS.filter((f) => described[f] && read[f] === null);
  return {
    adapterId: adapter.id,
    kind: 'case-detail',
    caseRef,
    permitLabel,
    receivedLabel: read.received,
    regionLabel: read.region,
    statusLabel: read.status,
    applicantLabel: readField(doc, fields.applicant),
    documents: readDocuments(doc, adapter),
    missing,
  };
}

/** Reads a case-detail page once the adapter's DOM marker (if any) is there; null before. */
export function readDetail(doc: ParentNode, adapter: PortalAdapter): RecognisedPage | null {
  const marker = adapter.pages.caseDetail.marker;
  if (marker && queryAll(doc, marker).length === 0) return null;
  return recogniseDetail(doc, adapter);
}

/**
 * Recognises a case-detail page for a URL among `adapters`. Null when the URL is not a known
 * case-detail page, its marker is not there yet, or it shows nothing readable yet.
 */
export function recognisePage(
  doc: Document,
  url: string,
  adapters: readonly PortalAdapter[],
  { demo = false }: { demo?: boolean } = {},
): RecognisedPage | null {
  const adapter = findAdapter(url, adapters, { demo });
  if (!adapter || pageKind(adapter, pathOf(url), doc) !== 'case-detail') return null;
  return recogniseDetail(doc, adapter);
}

/** Column index of each wanted header text in a table's header row. */
function columnIndexes(
  table: Element,
  columns: Record<string, string[] | undefined>,
): Record<string, number> {
  const headerCells = queryAll(table, 'thead th, thead td');
  const cells = headerCells.length > 0 ? headerCells : queryAll(table, 'tr:first-child th');
  const texts = cells.map((c) => normaliseLabel(c.textContent ?? ''));
  const out: Record<string, number> = {};
  for (const [key, labels] of Object.entries(columns)) {
    if (!labels) continue;
    const wanted = new Set(labels.map(normaliseLabel));
    const index = texts.findIndex((t) => wanted.has(t));
    if (index >= 0) out[key] = index;
  }
  return out;
}

/** Reads one row of a case list in `table` (columns found once, by header text); null without a case number. */
export function listRowReader(
  table: Element,
  adapter: PortalAdapter,
): ((row: Element) => ListRow | null) & { statusColumn?: number } {
  const columns = adapter.pages.caseList?.columns ?? { caseRef: [] };
  const index = columnIndexes(table, columns);
  const cell = (row: Element, key: string): string | null => {
    const i = index[key];
    const el = i === undefined ? undefined : row.children[i];
    return (el && textOf(el)) || null;
  };
  return Object.assign(
    (row: Element): ListRow | null => {
      const caseRef = cell(row, 'caseRef');
      if (!caseRef) return null;
      return {
        caseRef,
        permitLabel: cell(row, 'permit'),
        receivedLabel: cell(row, 'received'),
        statusLabel: cell(row, 'status'),
        regionLabel: cell(row, 'region'),
      };
    },
    { statusColumn: index.status },
  );
}

/** The rows of a case-list page with their columns read by header text; rows without a case number are skipped. */
export function readList(doc: ParentNode, adapter: PortalAdapter): ListRow[] {
  const list = adapter.pages.caseList;
  if (!list) return [];
  const rows = queryAll(doc, list.rows);
  const table = rows[0]?.closest('table');
  if (!table) return [];
  const read = listRowReader(table, adapter);
  const out: ListRow[] = [];
  for (const row of rows) {
    const listed = read(row);
    if (listed) out.push(listed);
  }
  return out;
}
