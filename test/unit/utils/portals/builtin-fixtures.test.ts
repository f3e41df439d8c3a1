// Each server-rendered built-in adapter against the demo portal page it names (the SIMBG
// single-page app needs a real browser: test/e2e/overlay.spec.ts covers it).
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseView } from '../../../../utils/background/case-view';
import { recognisePage } from '../../../../utils/portals/recognise';
import { buildDataset } from '../../../fixtures/portal/dataset';
import { PORTAL_PATHS } from '../../../fixtures/portal/routes';
import { type DemoPortal, startDemoPortal } from '../../../fixtures/portal/server';

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
  ] as const)('%s: reads every seed case and maps its permit to the catalog', async (portalId, adapterId) => {
    for (const c of buildDataset(portal.today)[portalId].seed) {
      const path = PORTAL_PATHS[portalId].detail(c.id);
      const page = recognisePage(await load(path), new URL(path, portal.url).pathname);
      expect(page, c.id).toMatchObject({ adapterId, caseRef: c.id, missing: [] });
      if (!page) continue;
      expect(buildCaseView(page).permit.id, page.permitLabel ?? '').not.toBeNull();
    }
  });

  it('ignores the list pages', async () => {
    expect(recognisePage(await load(PORTAL_PATHS.sicantik.list), PORTAL_PATHS.sicantik.list)).toBeNull();
    expect(recognisePage(await load(PORTAL_PATHS.oss.list), PORTAL_PATHS.oss.list)).toBeNull();
  });
});
