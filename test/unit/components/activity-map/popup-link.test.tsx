// @vitest-environment happy-dom
/** The popup's way into the activity map: a labelled button, only where an opener is given. */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupPage } from '../../../../components/workspace/PopupPage';
import type { PanduDb } from '../../../../utils/db/schema';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost } from '../../helpers/extension-page';

let view: Mounted | undefined;
let db: PanduDb | undefined;

afterEach(async () => {
  await view?.unmount();
  view = undefined;
  db?.close();
});

async function popup(openActivityMap?: () => Promise<unknown>) {
  const env = extensionPageHost('popup.html', 'popup-map');
  db = env.db;
  view = await mount(
    <PopupPage
      db={env.db}
      send={env.send}
      source={{ kind: 'active' }}
      tabs={null}
      openSidePanel={null}
      openDashboard={async () => undefined}
      {...(openActivityMap ? { openActivityMap } : {})}
    />,
  );
  await until(() => view?.byTestId('popup-open-dashboard'), 'the popup');
}

describe('the popup’s activity map button', () => {
  it('opens the activity map', async () => {
    const open = vi.fn(async () => undefined);
    await popup(open);
    const button = view?.byTestId('popup-open-activity-map');
    expect(button?.textContent).toBe('Buka peta kegiatan');
    await act(() => button?.click());
    expect(open).toHaveBeenCalledOnce();
    expect(view?.byTestId('popup-problem')).toBeNull();
  });

  it('says why the page did not open', async () => {
    await popup(async () => {
      throw new Error('tabs.create refused');
    });
    await act(() => view?.byTestId('popup-open-activity-map')?.click());
    await until(() => view?.byTestId('popup-problem'), 'the problem');
    expect(view?.text('popup-problem')).toContain('tabs.create refused');
  });

  it('is absent without an opener', async () => {
    await popup();
    expect(view?.byTestId('popup-open-activity-map')).toBeNull();
  });
});
