// @vitest-environment happy-dom
/**
 * Options › Target keluaran against the real background host (fake IndexedDB): valid targets
 * are saved as the `targets` setting and shown again; bad values are named beside their
 * fields, kept as typed, and never sent.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetsSection } from '../../../../components/options/TargetsSection';
import { checkTargets, targetsDraft } from '../../../../components/options/targets';
import type { PanduDb } from '../../../../utils/db/schema';
import { getSetting } from '../../../../utils/db/settings';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost } from '../../helpers/extension-page';

let page: Mounted | undefined;
let db: PanduDb | undefined;
afterEach(async () => {
  await page?.unmount();
  db?.close();
});

async function setup() {
  const env = extensionPageHost('options.html', 'targets');
  db = env.db;
  page = await mount(<TargetsSection lang="id" send={env.send} />);
  await until(() => !page?.byTestId('targets-save')?.hasAttribute('disabled'), 'the form to load');
  return env;
}

async function type(testId: string, value: string) {
  const input = page?.byTestId(testId) as HTMLInputElement | null;
  if (!input) throw new Error(`no ${testId}`);
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the targets rules', () => {
  it('accept whole numbers (spaces around are fine) and refuse the rest per field', () => {
    const draft = targetsDraft(undefined);
    expect(draft.daily.steps).toBe('0');
    draft.daily.steps = ' 4 ';
    draft.weekly.visits = '1,5';
    draft.weekly.steps = '';
    draft.daily.advances = '20000';
    const checked = checkTargets(draft);
    expect(checked).toEqual({
      ok: false,
      problems: {
        'daily.advances': { key: 'targets.tooBig', params: { max: 10_000 } },
        'weekly.steps': { key: 'targets.empty' },
        'weekly.visits': { key: 'targets.notWhole' },
      },
    });
    draft.weekly.visits = '2';
    draft.weekly.steps = '20';
    draft.daily.advances = '1';
    expect(checkTargets(draft)).toEqual({
      ok: true,
      value: { daily: { steps: 4, advances: 1, visits: 0 }, weekly: { steps: 20, advances: 0, visits: 2 } },
    });
  });
});

describe('the targets section', () => {
  it('saves the targets through the background and shows them again', async () => {
    const env = await setup();
    await type('target-daily-steps', '5');
    await type('target-weekly-steps', '25');
    await type('target-weekly-visits', '3');
    await act(() => page?.byTestId('targets-save')?.click());
    await until(() => page?.text('targets-outcome'), 'the outcome');
    expect(page?.text('targets-outcome')).toBe('Target tersimpan.');
    expect(page?.byTestId('targets-outcome')?.getAttribute('role')).toBe('status');
    expect(await getSetting(env.db, 'targets')).toEqual({
      daily: { steps: 5, advances: 0, visits: 0 },
      weekly: { steps: 25, advances: 0, visits: 3 },
    });
    await page?.unmount();
    page = await mount(<TargetsSection lang="en" send={env.send} />);
    await until(
      () => (page?.byTestId('target-weekly-steps') as HTMLInputElement)?.value === '25',
      'stored value',
    );
    expect(
      page?.byTestId('targets-form')?.querySelector('label[for="pi-target-weekly-visits"]')?.textContent,
    ).toBe('Field visits with evidence');
  });

  it('names a bad value beside its field, keeps it, focuses it and sends nothing', async () => {
    const env = await setup();
    await type('target-daily-visits', 'dua');
    env.sent.length = 0;
    await act(() => page?.byTestId('targets-save')?.click());
    const input = page?.byTestId('target-daily-visits') as HTMLInputElement;
    const error = page?.byTestId('target-daily-visits-error');
    expect(error?.textContent).toContain('Isi bilangan bulat 0 atau lebih');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error?.id);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('dua');
    expect(page?.text('targets-outcome')).toContain('1 isian perlu diperbaiki');
    expect(page?.byTestId('targets-outcome')?.getAttribute('role')).toBe('alert');
    expect(env.sent.filter((m) => m.type === 'settings.set')).toEqual([]);
    expect(await getSetting(env.db, 'targets')).toBeUndefined();
  });
});
