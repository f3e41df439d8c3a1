// @vitest-environment happy-dom
/**
 * The team section on a real database: exporting my report (and what happens without an
 * identity), importing several files with a verdict each and focus on the results, the same
 * file again, the list with confirmed removal, the per-officer aggregate, the language.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamSection } from '../../../../components/team/TeamSection';
import type { PanduDb } from '../../../../utils/db/schema';
import { setSetting } from '../../../../utils/db/settings';
import type { Language } from '../../../../utils/i18n';
import { verifyReport } from '../../../../utils/team/sign';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost, FIXTURE_OFFICER, openFixtureCase } from '../../helpers/extension-page';
import { BUDI, caseRow, entry, payloadOf, reportText, SARI, signerFor } from '../../utils/team/fixtures';

let view: Mounted | undefined;
let db: PanduDb | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  db?.close();
});

const saved: { text: string; name: string }[] = [];

async function mountSection(lang: Language = 'id') {
  const env = extensionPageHost('dashboard.html', 'team');
  db = env.db;
  saved.length = 0;
  const ui = (l: Language) => (
    <TeamSection db={env.db} send={env.send} lang={l} save={(text, name) => saved.push({ text, name })} />
  );
  view = await mount(ui(lang));
  return { ...env, relang: (l: Language) => view?.rerender(ui(l)) };
}

const byTestId = (id: string) => view?.byTestId(id) ?? null;
const all = (id: string) => view?.allByTestId(id) ?? [];
const click = (el: HTMLElement | null | undefined) =>
  act(() => {
    el?.click();
  });

async function choose(files: File[]) {
  const input = byTestId('team-import-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const WEEK = { from: '2026-11-23', to: '2026-11-27' };
async function reports() {
  const sari = await reportText(
    payloadOf(
      SARI,
      WEEK,
      [
        entry(SARI.nip, 'a:1', '2026-11-24', 'step.complete'),
        entry(SARI.nip, 'a:1', '2026-11-25', 'step.complete'),
      ],
      [caseRow('a:1', { slaStatus: 'overdue' })],
    ),
    await signerFor(SARI),
  );
  const budi = await reportText(
    payloadOf(BUDI, WEEK, [entry(BUDI.nip, 'b:1', '2026-11-25', 'evidence.attach')], [caseRow('b:1')]),
    await signerFor(BUDI),
  );
  const file = JSON.parse(budi) as { payload: string };
  const tampered = JSON.stringify({ ...file, payload: file.payload.replace('"visits":1', '"visits":4') });
  const json = (text: string, name: string) => new File([text], name, { type: 'application/json' });
  return {
    sari: json(sari, 'laporan-sari.json'),
    budi: json(budi, 'laporan-budi.json'),
    tampered: json(tampered, 'laporan-budi-diubah.json'),
  };
}

describe('TeamSection', () => {
  it('exports my report signed with my key, with the cases I acted on', async () => {
    const env = await mountSection();
    await setSetting(env.db, 'officer', FIXTURE_OFFICER);
    const state = await openFixtureCase(env, 'TEAM-1');
    // The opening is dated when the portal received it (20 Nov); a note today is acting on it.
    const note = await env.repo.apply(
      state.id,
      { type: 'note.add', text: 'Dicek.' },
      { eventId: crypto.randomUUID() },
    );
    expect(note.ok).toBe(true);
    await openFixtureCase(env, 'TEAM-2');
    await until(() => !byTestId('team-export-identity'), 'identity read');
    await click(byTestId('team-export-button'));
    await until(() => saved.length === 1, 'the download');
    expect(saved[0]?.name).toMatch(
      new RegExp(
        `^laporan-kegiatan-${FIXTURE_OFFICER.nip}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.json$`,
      ),
    );
    const outcome = await verifyReport(saved[0]?.text ?? '');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.report.payload.officer.nip).toBe(FIXTURE_OFFICER.nip);
    expect(outcome.report.payload.cases.map((c) => c.caseRef)).toEqual(['TEAM-1']);
    await until(() => byTestId('team-export-status')?.textContent?.includes('✓'), 'the done line');
    expect(byTestId('team-export-status')?.textContent).toContain('1 perkara');
    expect(await env.db.keys.count()).toBe(1);
    // My own log joins the per-officer table, marked as such.
    await until(() => all('team-aggregate-row').length === 1, 'my row');
    const mine = all('team-aggregate-row')[0];
    expect(mine?.dataset.officer).toBe(FIXTURE_OFFICER.nip);
    expect(mine?.textContent).toContain('catatan peramban ini');
  });

  it('without an identity says where to set it, and exports nothing', async () => {
    await mountSection();
    await until(() => byTestId('team-export-identity'), 'the identity notice');
    expect(byTestId('team-export-identity')?.querySelector('a')?.getAttribute('href')).toBe('options.html');
    await click(byTestId('team-export-button'));
    await until(() => byTestId('team-export-error'), 'the refusal');
    expect(byTestId('team-export-error')?.textContent).toContain('Identitas petugas');
    expect(saved).toHaveLength(0);
  });

  it('imports several files with a verdict each, refuses a tampered one, aggregates per officer', async () => {
    const env = await mountSection();
    const files = await reports();
    await choose([files.sari, files.tampered, files.budi]);
    await until(() => all('team-verdict').length === 3, 'three verdicts');
    const verdicts = all('team-verdict');
    expect(verdicts.map((v) => [v.dataset.status, v.dataset.reason ?? ''])).toEqual([
      ['imported', ''],
      ['refused', 'data-changed'],
      ['imported', ''],
    ]);
    expect(verdicts[1]?.textContent).toContain('Ditolak, tidak ada yang disimpan');
    expect(verdicts[1]?.textContent).toContain('diubah setelah ditandatangani');
    expect(verdicts[1]?.textContent).toContain('✗');
    expect(document.activeElement).toBe(byTestId('team-import-results-heading'));
    expect(byTestId('team-import-results-heading')?.textContent).toContain(
      '2 diimpor, 0 sudah ada, 1 ditolak',
    );

    await until(
      () => all('team-report-row').length === 2 && all('team-aggregate-row').length === 2,
      'list and table',
    );
    expect(all('team-report-row').map((r) => r.dataset.officer)).toEqual([BUDI.nip, SARI.nip]);
    const agg = (nip: string, kind: string) =>
      all('team-aggregate-row')
        .find((r) => r.dataset.officer === nip)
        ?.querySelector(`[data-testid="team-aggregate-${kind}"]`)?.textContent;
    expect([agg(SARI.nip, 'steps'), agg(SARI.nip, 'visits'), agg(BUDI.nip, 'visits')]).toEqual([
      '2',
      '0',
      '1',
    ]);
    expect(agg(SARI.nip, 'cases')).toContain('Melewati batas waktu: 1');
    expect(await env.db.reports.count()).toBe(2);

    // The same file again changes nothing.
    await choose([files.sari]);
    await until(() => all('team-verdict')[0]?.dataset.status === 'duplicate', 'the duplicate verdict');
    expect(all('team-verdict')).toHaveLength(1);
    expect(await env.db.reports.count()).toBe(2);

    // A file past the size limit is refused by its size, unread.
    const big = new File(['{}'], 'besar.json');
    Object.defineProperty(big, 'size', { value: 5 * 1024 * 1024 });
    await choose([big]);
    await until(() => all('team-verdict')[0]?.dataset.reason === 'too-big', 'the size refusal');
    expect(all('team-verdict')[0]?.textContent).toContain('terlalu besar');
    expect(await env.db.reports.count()).toBe(2);
  });

  it('removes a report only after confirmation', async () => {
    const env = await mountSection();
    const files = await reports();
    await choose([files.sari, files.budi]);
    await until(() => all('team-report-row').length === 2, 'two rows');
    const remove = () =>
      all('team-report-row')[0]?.querySelector<HTMLButtonElement>('[data-testid="team-report-remove"]');
    expect(remove()?.getAttribute('aria-label')).toContain('Budi Santoso');
    await click(remove());
    await until(() => byTestId('team-remove-confirm'), 'the question');
    expect(document.activeElement).toBe(byTestId('team-remove-no'));
    await click(byTestId('team-remove-no'));
    expect(byTestId('team-remove-confirm')).toBeNull();
    expect(await env.db.reports.count()).toBe(2);
    await click(remove());
    await until(() => byTestId('team-remove-yes'), 'the question again');
    await click(byTestId('team-remove-yes'));
    await until(() => all('team-report-row').length === 1, 'one row left');
    expect(all('team-report-row')[0]?.dataset.officer).toBe(SARI.nip);
    await until(
      () => byTestId('team-list-status')?.textContent?.includes('Budi Santoso'),
      'the removed line',
    );
    expect(document.activeElement).toBe(byTestId('team-list-status'));
    expect(await env.db.reports.where('officer').equals(BUDI.nip).count()).toBe(0);
  });

  it('switches language', async () => {
    const env = await mountSection();
    await until(() => byTestId('team-reports-empty'), 'the empty list');
    expect(byTestId('team-section')?.querySelector('h2')?.textContent).toBe(
      'Tim: laporan kegiatan bertanda tangan',
    );
    await env.relang('en');
    expect(byTestId('team-section')?.querySelector('h2')?.textContent).toBe('Team: signed activity reports');
    expect(byTestId('team-export-button')?.textContent).toBe('Export my activity report');
  });
});
