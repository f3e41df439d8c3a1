// Each server-rendered built-in adapter against the demo portal page it names (the SIMBG
// single-page app needs a real browser: test/e2e/overlay.spec.ts covers it).
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../../../machines';
import { interpretPage } from '../../../../utils/background/interpret';
import { BUILTIN_ADAPTERS } from '../../../../utils/portals/builtin';
import { mapStatus, readList, recognisePage } from '../../../../utils/portals/recognise';
import { buildDataset } from '../../../fixtures/portal/dataset';
import { REGIONS as PORTAL_REGIONS } from '../../../fixtures/portal/regions';
import { PORTAL_PATHS } from '../../../fixtures/portal/routes';
import { type DemoPortal, startDemoPortal } from '../../../fixtures/portal/server';

const bpsCodeOf = (name: string) => REGIONS.find((r) => r.name.id === name)?.code;

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ today: '2026-11-12' });
});
afterAll(() => portal.close());

async function load(path: string): Promise<Document> {
  const html = await (await fetch(`${portal.url}${path}`)).text();
  // A happy-dom window of its own: the test runs in Node so the server's file URLs stay Node's.
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('built-in adapters on their fixture pages', () => {
  it.each([
    ['sicantik', 'sicantik'],
    ['oss', 'oss-rba'],
  ] as const)(
    '%s: reads every seed case; its permit, province and received date open a case',
    async (portalId, adapterId) => {
      for (const c of buildDataset(portal.today)[portalId].seed) {
        const path = PORTAL_PATHS[portalId].detail(c.id);
        const page = recognisePage(await load(path), new URL(path, portal.url).href, BUILTIN_ADAPTERS, {
          demo: true,
        });
        expect(page, c.id).toMatchObject({ adapterId, caseRef: c.id, missing: [] });
        if (!page) continue;
        expect(page.documents.length, `${c.id} documents`).toBeGreaterThan(0);
        expect(page.statusLabel, c.id).toBe(c.status);
        const meaning = interpretPage(page, { now: '2026-11-30T03:00:00Z' });
        expect(meaning.permit.id, page.permitLabel ?? '').not.toBeNull();
        const adapter = BUILTIN_ADAPTERS.find((a) => a.id === adapterId);
        // Every status the portal shows means something: a stage of this permit or an outcome.
        if (adapter && meaning.permit.id && page.statusLabel)
          expect(
            mapStatus(adapter, meaning.permit.id, page.statusLabel),
            `${c.id} ${c.status}`,
          ).not.toBeNull();
        expect(meaning.opening, c.id).toMatchObject({
          portal: adapterId,
          caseRef: c.id,
          // The portal's data-kode is Kemendagri's code; ours is BPS (they differ in Papua).
          region: bpsCodeOf(PORTAL_REGIONS[c.region].province),
          receivedAt: expect.stringMatching(new RegExp(`^${c.received}T08:00:00\\+0[789]:00$`)),
        });
      }
    },
  );

  it.each([
    ['sicantik', 'sicantik'],
    ['oss', 'oss-rba'],
  ] as const)(
    '%s: reads the list page row by row, and does not take it for a case',
    async (portalId, adapterId) => {
      const list = PORTAL_PATHS[portalId].list;
      const doc = await load(list);
      const href = new URL(list, portal.url).href;
      expect(recognisePage(doc, href, BUILTIN_ADAPTERS, { demo: true })).toBeNull();
      const adapter = BUILTIN_ADAPTERS.find((a) => a.id === adapterId);
      if (!adapter) throw new Error(adapterId);
      const rows = readList(doc, adapter);
      const seed = buildDataset(portal.today)[portalId].seed;
      expect(rows.map((r) => r.caseRef).sort()).toEqual(seed.map((c) => c.id).sort());
      expect(rows.every((r) => r.permitLabel && r.statusLabel && r.receivedLabel)).toBe(true);
    },
  );
});
