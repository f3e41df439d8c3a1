/**
 * Pandu Izin workflow-engine plugin: the only public door to `machines/`.
 *
 * Pure TypeScript with no browser or Node APIs (WebCrypto through `globalThis.crypto` only), so
 * the extension, a server or another agency's tool can import it.
 *
 * @example
 * import { createEngine } from './machines';
 * const engine = createEngine();
 * let c = engine.createCase({ id: 'K-1', permitId: 'pbg', region: '31', receivedAt: '2026-11-02T08:00:00+07:00' });
 * const r = engine.applyEvent(c, { type: 'stage.advance', at: '2026-11-02T09:00:00+07:00' });
 * if (!r.ok) console.log(r.rejection.message.id); // why it was refused, in Indonesian
 * engine.view(c, { now: '2026-11-03T08:00:00+07:00' }).stage?.modes; // e.g. ['remote']
 */

/**
 * Step facts + region readiness + date → `remote` | `office` | `field`, with reasons id/en.
 * @example
 * import { assessStep, findRegion } from './machines';
 * assessStep(step, findRegion('31'), '2026-11-28').mode; // 'remote'
 * assessStep(step, findRegion('97'), '2026-11-28').mode; // 'office' (WFA roadmap not started)
 */
export {
  ASSESSMENT_RULES,
  type Assessment,
  assessStep,
  modesOf,
  type Reason,
  type RegionReadiness,
  type RuleId,
} from './assessment/assess';
/**
 * Working days without weekends, national holidays and cuti bersama; flags unknown years.
 * @example
 * import { createCalendar, addWorkingDays, withYear } from './machines';
 * const cal = createCalendar();
 * addWorkingDays(cal, '2026-03-17', 1); // { date: '2026-03-25', beyondKnownYears: false }
 * withYear(cal, year2027Json); // import a new year as data
 */
export {
  addDays,
  addWorkingDays,
  type CalendarYear,
  createCalendar,
  type DayInfo,
  dayInfo,
  type IsoDate,
  isIsoDate,
  isZonedTimestamp,
  knownYears,
  localDate,
  validateCalendarYear,
  type WorkingCalendar,
  withYear,
  workingDaysBetween,
} from './calendar';
/**
 * The shipped workflows, validated at load; `findDefinition('pbg')` gets one.
 * @example
 * import { CATALOG, findDefinition } from './machines';
 * CATALOG.map((d) => d.id); // ['pbg', 'slf', …]
 * findDefinition('slf')?.stages.length; // 5
 */
export { CATALOG, CATALOG_FILES, type CatalogResult, findDefinition, loadCatalog } from './catalog/index';
/**
 * Stable permit-type ids and names (adapters and storage use the ids).
 * @example
 * import { findPermitType, isPermitTypeId } from './machines';
 * isPermitTypeId('pkkpr'); // true
 * findPermitType('pbg')?.name.en; // 'Building Approval (PBG)'
 */
export {
  findPermitType,
  isPermitTypeId,
  PERMIT_TYPE_IDS,
  PERMIT_TYPES,
  type PermitType,
  type PermitTypeId,
} from './catalog/permit-types';
/**
 * The error shape of every data check, and the exception that carries all of them.
 * @example
 * import { InvalidDataError, parseDefinition } from './machines';
 * try { parseDefinition({}); } catch (e) { if (e instanceof InvalidDataError) e.errors.length; }
 */
/**
 * Where a valibot issue points, as `stages[2].steps[0].id` (`(root)` for the whole input):
 * the one path format of every error message, in the plugin and its hosts.
 * @example
 * import { formatPath } from './machines';
 * formatPath([{ key: 'stages' }, { key: 2 }, { key: 'id' }]); // 'stages[2].id'
 */
export { type DataError, formatPath, InvalidDataError } from './data/errors';
/**
 * Three-valued conditions on case facts: unknown facts never shrink the requirements.
 * @example
 * import { evaluateCondition, applies } from './machines';
 * evaluateCondition({ fact: 'storeys', op: 'gt', value: 2 }, { storeys: 3 }); // true
 * applies({ fact: 'storeys', op: 'gt', value: 2 }, {}); // true (unknown → applicable)
 */
export { applies, describeCondition, evaluateCondition, factsIn, type Truth } from './definition/conditions';
/**
 * The shape of a workflow definition (the catalog's JSON), for programs that build or edit one.
 * @example
 * import type { PermitDefinition, Step } from './machines';
 * const fieldSteps = (d: PermitDefinition): Step[] => d.stages.flatMap((s) => s.steps).filter((t) => t.facts.sitePresence);
 */
export type {
  CaseFactDefinition,
  CaseFacts,
  CaseFactValue,
  ChecklistItem,
  Condition,
  LegalBasis,
  PermitDefinition,
  Provenance,
  Role,
  Stage,
  Step,
  StepFacts,
} from './definition/types';
/**
 * Every role a step can have, in back-office order (lanes in the BPMN export use it).
 * @example
 * import { ROLES } from './machines';
 * ROLES.includes('technical-team'); // true
 */
export { ROLES } from './definition/types';
/**
 * Validates a definition (e.g. an agency's corrected JSON): every error with path and fix.
 * @example
 * import { validateDefinition } from './machines';
 * const r = validateDefinition(JSON.parse(text));
 * if (!r.ok) r.errors.forEach((e) => console.log(e.path, e.problem.en, e.fix.en));
 */
export { parseDefinition, type ValidationResult, validateDefinition } from './definition/validate';
/**
 * What a case remembers (the machine's context): facts, items, steps, notes, returns, decision.
 * @example
 * import type { PermitContext } from './machines';
 * const ticked = (ctx: PermitContext) => Object.values(ctx.items).filter((i) => i.status === 'ticked').length;
 */
export type { CaseNote, ItemState, PermitContext, StageDue, StepState } from './engine/context';
/**
 * Pure case engine: createCase, applyEvent (refusals explained), restore (with migrations), view.
 * @example
 * import { createEngine } from './machines';
 * const engine = createEngine();
 * const c = engine.createCase({ id: 'K-1', permitId: 'slf', region: '34', receivedAt: '2026-11-02T08:00:00+07:00' });
 * const again = engine.restore(JSON.parse(JSON.stringify(c.persisted)));
 * engine.view(again, { now: '2026-11-04T08:00:00+07:00' }).stage?.id; // 'submission'
 */
export {
  type ApplyResult,
  type Case,
  CaseError,
  type CaseSnapshot,
  createEngine,
  type Engine,
  type EngineOptions,
  type Migration,
  type Migrations,
  type NewCase,
  type PersistedCase,
} from './engine/engine';
/**
 * Events a case accepts, and their runtime schema for input from outside.
 * @example
 * import { EVENT_TYPES, permitEventSchema } from './machines';
 * EVENT_TYPES.includes('checklist.tick'); // true
 */
export {
  EVENT_TYPES,
  type FieldEvidence,
  type PermitEvent,
  type PermitEventType,
  type PortalObservation,
  permitEventSchema,
} from './engine/events';
/**
 * The rules behind the guards; `isSufficientEvidence` is what a field step needs.
 * @example
 * import { isSufficientEvidence } from './machines';
 * isSufficientEvidence({ id: 'e', capturedAt: '2026-11-02T10:00:00Z', photos: [], bapRef: 'BAP/1', position: { lat: -6.2, lon: 106.8, source: 'gps' }, result: 'sesuai', inspectors: [] }); // true
 */
export { isSufficientEvidence, type Rejection } from './engine/rules';
/**
 * The view model `engine.view` returns: what a panel, badge or dashboard shows.
 * @example
 * import type { CaseView } from './machines';
 * const badge = (v: CaseView) => `${v.stage?.shortName.id ?? '—'} · ${v.sla.status}`;
 */
export type {
  CaseStatus,
  CaseView,
  ItemView,
  SlaStatus,
  SlaView,
  StageSummary,
  StepView,
} from './engine/view';
/**
 * The SLA status for working days left (our judgement: at risk with ≤ 1 day or ≤ a fifth left).
 * @example
 * import { slaStatusFor } from './machines';
 * slaStatusFor(0, 5); // 'at-risk'
 */
export { slaStatusFor } from './engine/view';
/**
 * The activity map: every workflow step's mode and reasons for regions side by side on a date,
 * with each region's readiness, WFA start and counts; `filterActivityMap` narrows it for a view.
 * @example
 * import { activityMap, filterActivityMap, findRegion } from './machines';
 * const map = activityMap({ regions: [findRegion('31')!, findRegion('97')!], date: '2026-11-28' });
 * map.differing; // steps remote in DKI Jakarta but office in Papua Pegunungan
 * filterActivityMap(map, { permitId: 'pbg', onlyDifferences: true }).permits[0]?.rows.length;
 */
export {
  type ActivityCell,
  type ActivityMap,
  type ActivityMapInput,
  type ActivityPermit,
  type ActivityRegion,
  type ActivityRow,
  activityMap,
  filterActivityMap,
} from './export/activity-map';
/**
 * BPMN 2.0 XML of a workflow: lanes by role, tasks annotated with their mode, gateways for
 * return and reject, with diagram layout. Deterministic for the same input.
 * @example
 * import { exportBpmn, findDefinition, findRegion } from './machines';
 * const xml = exportBpmn(findDefinition('pbg')!, { region: findRegion('97'), date: '2026-11-28' });
 */
export { type BpmnOptions, exportBpmn, ROLE_NAMES } from './export/bpmn';
/**
 * The text of docs/workflows.md: assessment rules, regions and every workflow as tables and Mermaid.
 * @example
 * import { CATALOG, workflowsMarkdown } from './machines';
 * const md = workflowsMarkdown(CATALOG); // what `npm run docs:workflows` writes
 */
export { WORKFLOWS_DOC_DATE, type WorkflowsMarkdownOptions, workflowsMarkdown } from './export/markdown';
/**
 * Hash-chained, append-only log: SHA-256 over the previous hash + canonical JSON of the event.
 * @example
 * import { appendEntry, verifyChain } from './machines';
 * const a = await appendEntry(undefined, { type: 'stage.advance' });
 * const b = await appendEntry(a, { type: 'case.approve' });
 * (await verifyChain([a, b])).ok; // true; false after any edit, removal or reordering
 * // A dropped tail is only visible against what the case records:
 * (await verifyChain([a], { length: 2, headHash: b.hash })).ok; // false
 */
export {
  appendEntry,
  type ChainCheck,
  type ChainEntry,
  type ChainExpectation,
  canonicalJson,
  GENESIS_HASH,
  hashEntry,
  sha256Hex,
  verifyChain,
} from './log/chain';
/**
 * The XState v5 statechart of one workflow in one region (stages as states, tags = modes).
 * @example
 * import { createActor } from 'xstate';
 * import { createCalendar, createPermitMachine, findDefinition, findRegion } from './machines';
 * const m = createPermitMachine(findDefinition('pbg')!, { region: findRegion('31')!, calendar: createCalendar(), date: '2026-11-28' });
 * createActor(m, { input: { receivedAt: '2026-11-02T08:00:00+07:00' } }).start().getSnapshot().hasTag('remote');
 */
export {
  createPermitMachine,
  type MachineRegion,
  type PermitMachine,
  type PermitMachineOptions,
  type StageMeta,
  stageSlaDays,
} from './machine/factory';
/**
 * The 38 provinces by BPS code, with readiness and WFA roadmap dates (data, overridable).
 * @example
 * import { findRegion, applyRegionOverrides, REGIONS } from './machines';
 * findRegion('97')?.connectivity; // 'limited'
 * applyRegionOverrides(REGIONS, { '97': { wfaStart: '2026-07-01' } });
 */
export {
  applyRegionOverrides,
  type Connectivity,
  findRegion,
  type Island,
  loadRegions,
  REGIONS,
  type RegionOverride,
  type RegionProfile,
} from './regions';
/**
 * Shared vocabulary: text in both languages (Indonesian first), and the three work modes.
 * @example
 * import type { LocalizedText, WorkMode } from './machines';
 * const label: Record<WorkMode, LocalizedText> = { remote: { id: 'Jarak jauh', en: 'Remote' }, office: { id: 'Kantor', en: 'Office' }, field: { id: 'Lapangan', en: 'Field' } };
 */
export type { LocalizedText, WorkMode } from './types';
