/**
 * What the demo portal's cases must look like in Pandu Izin, worked out outside the browser,
 * and which E2E spec works on which case.
 *
 * The test side knows which catalog permit each fixture permit kind is (fixtures/portal/
 * as-case.ts), maps the portal's status with the built-in adapter's data, and asks the engine
 * for a case of that permit in the case's province that has seen that status. Specs compare
 * the browser with that, so a wrong mapping, region reading or status handling fails them.
 */
import { createEngine, findDefinition } from '../../machines';
import { type DemoCase, demoCases, recordedCase } from '../fixtures/portal/as-case';
import { buildDataset, type Dataset } from '../fixtures/portal/dataset';

export type PortalCase = DemoCase & { hostile: boolean };

export type Portal = 'sicantik' | 'oss' | 'simbg';

interface PortalUnderTest {
  name: string;
  spa: boolean;
  /** Every hand-written case, newest first, as the test side sees it. */
  all(d: Dataset): PortalCase[];
  /** The cases portals.spec works on: in process, oldest first, no other spec uses them. */
  cases(d: Dataset): PortalCase[];
}

const HOSTILE = /<|\{\{/;

/** A portal's cases, each marked when the name it shows carries markup or template payloads. */
const listed = (portal: Portal) => (d: Dataset) =>
  demoCases(d, portal).map((c) => ({ ...c, hostile: HOSTILE.test(c.applicant) }));
const sicantikCases = listed('sicantik');
const ossCases = listed('oss');
const simbgCases = listed('simbg');
const quiet = (list: PortalCase[]) => list.filter((c) => c.inProcess && !c.hostile).reverse();

export const PORTALS: Record<Portal, PortalUnderTest> = {
  sicantik: {
    name: 'SiCantik Cloud',
    spa: false,
    all: sicantikCases,
    cases: (d) => quiet(sicantikCases(d)),
  },
  oss: {
    name: 'OSS RBA',
    spa: false,
    all: ossCases,
    // The other specs work on OSS RBA cases (ossFiveItemCases); these are PKKPR and
    // environmental approvals.
    cases: (d) => quiet(ossCases(d)).filter((c) => c.kind === 'pkkpr' || c.kind === 'ukl-upl'),
  },
  simbg: {
    name: 'SIMBG',
    spa: true,
    all: simbgCases,
    cases: (d) => quiet(simbgCases(d)),
  },
};

const engine = createEngine();

/** What the overlay must show for a case that has just been recognised. */
export function expected(c: PortalCase, today: string) {
  const definition = findDefinition(c.permitId);
  if (!definition) throw new Error(`the catalog has no ${c.permitId}`);
  const view = engine.view(recordedCase(engine, c, today, `test:${c.id}`), {
    now: `${today}T09:00:00+07:00`,
  });
  const items = view.steps.filter((s) => s.applicable).flatMap((s) => s.items.filter((i) => i.applicable));
  return { definition, view, stage: view.stage, items };
}

/**
 * OSS cases that open on a five-item checklist (the first stage of OSS RBA: the portal's
 * "Dikembalikan" and "Terverifikasi" are not followed into a later stage), newest first.
 * One browser serves the whole run, so the specs share them by this plan:
 *  - store.spec: the first three (the second must stay untouched until it runs);
 *  - popup.spec: the third (ticks one pending item; store.spec's test there is relative);
 *  - options.spec, overlay.spec, sidepanel.spec: the fourth (each puts back what it changes,
 *    or only ticks the first two items, which none of the others needs pending);
 *  - field.spec: not these, but the two OSS RBA cases at "Sertifikat Standar" (their site-check
 *    step gets evidence and is completed) and the SIMBG SLF case at its inspection (only the
 *    overlay's button is pressed);
 *  - signing.spec: the fourth too (a signature only adds an entry to its log, and the others
 *    count history entries relative to what they find);
 *  - activity-map.spec: none (the map is computed from the catalog and regions, not cases; it
 *    switches the language and puts it back);
 *  - team.spec: no portal case (its reports carry their own cases); it sets the officer
 *    identity and puts the previous one back;
 *  - reload.spec: the first two, in a browser and profile of its own (it reloads and removes the
 *    extension), so what it ticks reaches no other spec.
 */
export function ossFiveItemCases(today: string): [string, string, string, string] {
  const ids = PORTALS.oss
    .all(buildDataset(today))
    .filter((c) => c.permitId === 'oss-rba' && expected(c, today).items.length === 5)
    .map((c) => c.id);
  const [a, b, c, d] = ids;
  if (!a || !b || !c || !d) throw new Error(`the demo data has ${ids.length} OSS five-item cases, not 4`);
  return [a, b, c, d];
}

/**
 * dashboard.spec's cases, which no other spec opens: the two OSS RBA cases at "Verifikasi
 * Teknis" (permit verification, a stage with a field step) in two provinces, and a SiCantik
 * case the portal shows as approved ("Disetujui"): another portal and permit.
 */
export function dashboardCases(today: string): { field: [PortalCase, PortalCase]; other: PortalCase } {
  const d = buildDataset(today);
  const field = PORTALS.oss
    .all(d)
    .filter((c) => c.permitId === 'oss-rba' && c.status === 'Verifikasi Teknis' && !c.hostile);
  const other = PORTALS.sicantik.all(d).find((c) => c.status === 'Disetujui' && !c.hostile);
  const [a, b] = field;
  if (!a || !b || a.province === b.province || !other) {
    throw new Error('the demo data no longer has the cases dashboard.spec needs');
  }
  return { field: [a, b], other };
}

/**
 * badges.spec works on synthetic rows only (`?n=BADGE_ROWS` on each list; no other spec opens
 * synthetic cases), and records one in-process synthetic SiCantik case of that list (ticking
 * its first item) to see the progress of a known case. badges-scale.spec opens `?n=BADGE_SCALE_ROWS`.
 */
export const BADGE_ROWS = 60;
export const BADGE_SCALE_ROWS = 5000;
