/**
 * What the demo portal's cases must look like in Pandu Izin, worked out outside the browser,
 * and which E2E spec works on which case.
 *
 * The test side knows which catalog permit each fixture permit kind is (our reading, stated
 * below), maps the portal's status with the built-in adapter's data, and asks the engine for a
 * case of that permit in the case's province that has seen that status. Specs compare the
 * browser with that, so a wrong mapping, region reading or status handling fails them.
 */
import { readFileSync } from 'node:fs';
import { createEngine, findDefinition } from '../../machines';
import { mapStatus } from '../../utils/portals/recognise';
import { parseAdapterOrThrow } from '../../utils/portals/schema';
import { buildDataset, type Dataset } from '../fixtures/portal/dataset';
import { REGIONS } from '../fixtures/portal/regions';
import { type PermitKind, simbgPermitOf } from '../fixtures/portal/vocabulary';

/** Which catalog permit each fixture permit kind is: what a correct adapter must conclude. */
export const CATALOG_PERMIT: Record<PermitKind, string> = {
  'sip-dokter': 'sip-nakes',
  'sip-bidan': 'sip-nakes',
  reklame: 'izin-reklame',
  'sertifikat-standar': 'oss-rba',
  izin: 'oss-rba',
  pkkpr: 'pkkpr',
  'ukl-upl': 'persetujuan-lingkungan',
  pbg: 'pbg',
  slf: 'slf',
};

export interface PortalCase {
  id: string;
  kind: PermitKind;
  province: string;
  /** The status text the portal shows. */
  status: string;
}

export type Portal = 'sicantik' | 'oss' | 'simbg';

interface PortalUnderTest {
  name: string;
  adapterId: string;
  spa: boolean;
  /** Every hand-written case, newest first, as the test side sees it. */
  all(d: Dataset): PortalCase[];
  /** The cases portals.spec works on: in process, oldest first, no other spec uses them. */
  cases(d: Dataset): PortalCase[];
}

const HOSTILE = /<|\{\{/;

type Listed = PortalCase & { inProcess: boolean; hostile: boolean };

/** A hand-written case as the test side sees it: who it is for is only checked for payloads. */
const listed = (
  c: { id: string; region: keyof typeof REGIONS; status: string; outcome: string },
  kind: PermitKind,
  shownName: string,
): Listed => ({
  id: c.id,
  kind,
  province: REGIONS[c.region].provinceCode,
  status: c.status,
  inProcess: c.outcome === 'proses',
  hostile: HOSTILE.test(shownName),
});
const sicantikCases = (d: Dataset) => d.sicantik.seed.map((c) => listed(c, c.permit, c.applicant));
const ossCases = (d: Dataset) => d.oss.seed.map((c) => listed(c, c.permit, c.business));
const simbgCases = (d: Dataset) => d.simbg.seed.map((c) => listed(c, simbgPermitOf(c.application), c.owner));
const quiet = (list: Listed[]) => list.filter((c) => c.inProcess && !c.hostile).reverse();

export const PORTALS: Record<Portal, PortalUnderTest> = {
  sicantik: {
    name: 'SiCantik Cloud',
    adapterId: 'sicantik',
    spa: false,
    all: sicantikCases,
    cases: (d) => quiet(sicantikCases(d)),
  },
  oss: {
    name: 'OSS RBA',
    adapterId: 'oss-rba',
    spa: false,
    all: ossCases,
    // The other specs work on OSS RBA cases (ossFiveItemCases); these are PKKPR and
    // environmental approvals.
    cases: (d) => quiet(ossCases(d)).filter((c) => c.kind === 'pkkpr' || c.kind === 'ukl-upl'),
  },
  simbg: {
    name: 'SIMBG',
    adapterId: 'simbg',
    spa: true,
    all: simbgCases,
    cases: (d) => quiet(simbgCases(d)),
  },
};

const engine = createEngine();

/** The built-in adapter's data, read as the extension bundles it. */
function builtinAdapter(id: string) {
  const url = new URL(`../../utils/portals/adapters/${id}.json`, import.meta.url);
  return parseAdapterOrThrow(JSON.parse(readFileSync(url, 'utf8')));
}

/** What the overlay must show for a case that has just been recognised. */
export function expected(portal: Portal, c: PortalCase, today: string) {
  const permitId = CATALOG_PERMIT[c.kind];
  const definition = findDefinition(permitId);
  const adapter = builtinAdapter(PORTALS[portal].adapterId);
  if (!definition) throw new Error(`the catalog has no ${permitId}`);
  const fresh = engine.createCase({
    id: `test:${c.id}`,
    permitId,
    region: c.province,
    receivedAt: `${today}T08:00:00+07:00`,
  });
  const mapped = mapStatus(adapter, permitId, c.status);
  const seen = mapped
    ? engine.applyEvent(fresh, {
        type: 'portal.statusSeen',
        status: c.status,
        ...mapped,
        at: `${today}T08:30:00+07:00`,
      })
    : null;
  const view = engine.view(seen?.ok ? seen.case : fresh, { now: `${today}T09:00:00+07:00` });
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
 *    or only ticks the first two items, which none of the others needs pending).
 */
export function ossFiveItemCases(today: string): [string, string, string, string] {
  const ids = PORTALS.oss
    .all(buildDataset(today))
    .filter((c) => CATALOG_PERMIT[c.kind] === 'oss-rba' && expected('oss', c, today).items.length === 5)
    .map((c) => c.id);
  const [a, b, c, d] = ids;
  if (!a || !b || !c || !d) throw new Error(`the demo data has ${ids.length} OSS five-item cases, not 4`);
  return [a, b, c, d];
}
