// @vitest-environment happy-dom
/**
 * Options › Cadangan against the real background host (fake IndexedDB): exporting saves the file,
 * and when a stored case is damaged the officer is told which case was left out and that the
 * rest can be restored.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupSection } from '../../../../components/options/BackupSection';
import type { PanduDb } from '../../../../utils/db/schema';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost, openFixtureCase } from '../../helpers/extension-page';

let page: Mounted | undefined;
let db: PanduDb | undefined;
afterEach(async () => {
  await page?.unmount();
  db?.close();
});

async function exportWith(damage: boolean) {
  const env = extensionPageHost('options.html', 'backup-ui');
  db = env.db;
  const kept = await openFixtureCase(env, 'I-1');
  const broken = await openFixtureCase(env, 'I-2');
  if (damage) await env.db.cases.update(broken.id, { snapshot: { garbage: true } as never });
  const saved: { fileName: string; text: string }[] = [];
  page = await mount(
    <BackupSection lang="en" send={env.send} save={(fileName, text) => saved.push({ fileName, text })} />,
  );
  const button = page.byTestId('options-export') as HTMLButtonElement;
  await act(() => button.click());
  await until(() => page?.byTestId('options-outcome'), 'the export outcome');
  return { saved, kept, broken };
}

describe('exporting a backup', () => {
  it('names a damaged case left out of the file, and says every other case can be restored', async () => {
    const { saved, kept, broken } = await exportWith(true);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.text).toContain(kept.id);
    expect(saved[0]?.text).not.toContain(broken.id);
    const warning = page?.byTestId('options-export-skipped');
    expect(warning?.textContent).toBe(
      `Cases left out because their stored data is damaged (1): ${broken.id}. Every other case can be restored from this file.`,
    );
  });

  it('says nothing of the kind when no case is damaged', async () => {
    const { saved } = await exportWith(false);
    expect(saved).toHaveLength(1);
    expect(page?.byTestId('options-outcome')?.textContent).toContain('Backup saved as');
    expect(page?.byTestId('options-export-skipped')).toBeNull();
  });
});
