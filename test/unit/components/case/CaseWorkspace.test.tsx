// @vitest-environment happy-dom
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseWorkspace, type CaseWorkspaceProps } from '../../../../components/case/CaseWorkspace';
import type { CaseView } from '../../../../machines';
import { t } from '../../../../utils/i18n';
import type { CaseState } from '../../../../utils/messaging/protocol';
import { caseAfter, ossFirstStage, pbgInCompleteness, sipInVerification } from './cases';

let host: HTMLElement;
function mount(ui: ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(ui, host));
}
const rerender = (ui: ComponentChild) => act(() => render(ui, host));
const all = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];
const byTestId = (id: string, root: ParentNode = host) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allByTestId = (id: string, root: ParentNode = host) => [
  ...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
];
const item = (id: string) => host.querySelector<HTMLElement>(`[data-testid="pandu-item"][data-item="${id}"]`);
const click = (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
};
const type = (el: Element | null, value: string) => {
  const field = el as HTMLInputElement;
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const change = (el: Element | null, value: string) => {
  const field = el as HTMLInputElement | HTMLSelectElement;
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
};
const submit = (form: Element | null) =>
  act(() => {
    (form as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

function workspace(state: CaseState, props: Partial<CaseWorkspaceProps> = {}) {
  const onIntent = vi.fn();
  mount(<CaseWorkspace lang="id" state={state} variant="overlay" onIntent={onIntent} {...props} />);
  return onIntent;
}

const withView = (state: CaseState, patch: Partial<CaseView>): CaseState => ({
  ...state,
  view: { ...state.view, ...patch },
});

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('CaseWorkspace: where the case is', () => {
  it('shows every stage in order, the current one marked as the current step, state in words', () => {
    const state = sipInVerification();
    workspace(state);
    const stages = allByTestId('pandu-stage-item', byTestId('pandu-timeline') as HTMLElement);
    expect(stages.map((s) => s.dataset.stage)).toEqual(state.view.stages.map((s) => s.id));
    expect(stages.map((s) => s.dataset.state)).toEqual([
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    const current = stages[1] as HTMLElement;
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(stages.filter((s) => s.hasAttribute('aria-current'))).toHaveLength(1);
    expect(current.textContent).toContain('Verifikasi Berkas');
    expect(current.textContent).toContain('sedang berjalan');
    expect(stages[0]?.textContent).toContain('selesai');
    // Each stage names its ways of working in words, the field review both of them.
    const review = stages[2]?.querySelectorAll('[data-testid="pandu-mode"]') ?? [];
    expect([...review].map((m) => m.textContent)).toEqual([
      'Cara kerja: Ke lapangan',
      'Cara kerja: Dari mana saja',
    ]);
  });

  it('marks void stages as not applying', () => {
    const state = sipInVerification();
    const stages = state.view.stages.map((s, i) => (i === 3 ? { ...s, state: 'void' as const } : s));
    workspace(withView(state, { stages }));
    const voided = allByTestId('pandu-stage-item')[3] as HTMLElement;
    expect(voided.dataset.state).toBe('void');
    expect(voided.textContent).toContain('tidak berlaku');
  });

  it('says the stage, the progress and the SLA in words', () => {
    workspace(sipInVerification());
    expect(byTestId('pandu-stage')?.textContent).toBe('Tahap 2 dari 5: Verifikasi Berkas');
    expect(byTestId('pandu-progress')?.textContent).toBe('Daftar periksa: 0 dari 14 dicentang');
    const sla = byTestId('pandu-sla') as HTMLElement;
    expect(sla.dataset.status).toBe('at-risk');
    expect(sla.textContent).toBe(
      'Tenggat layanan: Mendekati batas waktu — sisa 1 hari kerja, jatuh tempo 24 November 2026',
    );
  });

  it('says when a deadline has passed, in English too', () => {
    const state = sipInVerification();
    const sla = { ...state.view.sla, status: 'overdue' as const, workingDaysLeft: -3 };
    workspace(withView(state, { sla }), { lang: 'en' });
    expect(byTestId('pandu-sla')?.textContent).toBe(
      'Service deadline: Past the deadline — 3 working days late, was due 24 November 2026',
    );
  });

  it('shows the portal status and warns when the portal and the record differ', () => {
    const state = sipInVerification();
    workspace(
      withView(state, {
        portal: { status: 'Penerbitan Izin', seenAt: '2026-11-23T08:00:00+07:00', inSync: false },
      }),
      { portalStatus: { label: 'Penerbitan Izin' } },
    );
    const status = byTestId('pandu-portal-status') as HTMLElement;
    expect(status.dataset.inSync).toBe('false');
    expect(status.textContent).toContain('Status di portal: Penerbitan Izin');
    expect(byTestId('pandu-portal-differs')?.textContent).toContain('berbeda dengan catatan Pandu Izin');
  });

  it('shows the portal status alone when the record agrees', () => {
    workspace(sipInVerification(), { portalStatus: { label: 'Verifikasi Berkas' } });
    expect(byTestId('pandu-portal-status')?.textContent).toBe('Status di portal: Verifikasi Berkas');
    expect(byTestId('pandu-portal-differs')).toBeNull();
  });
});

describe('CaseWorkspace: steps, modes and why', () => {
  it('gives each step a mode badge with an icon and words, not colour alone', () => {
    const state = ossFirstStage();
    workspace(state);
    const steps = allByTestId('pandu-step');
    expect(steps.map((s) => s.dataset.step)).toEqual(state.view.steps.map((s) => s.id));
    for (const step of steps) {
      const badge = byTestId('pandu-mode', step) as HTMLElement;
      const mode = step.dataset.mode as 'remote' | 'office' | 'field';
      expect(badge.dataset.mode).toBe(mode);
      expect(badge.textContent).toContain(t('id', `mode.${mode}`));
      expect(badge.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    }
  });

  it('names all three modes in both languages', () => {
    const state = ossFirstStage();
    const modes = ['remote', 'office', 'field'] as const;
    const steps = modes.map((mode, i) => ({
      ...(state.view.steps[0] as CaseView['steps'][number]),
      id: `step-${i}`,
      mode,
    }));
    workspace(withView(state, { steps }));
    const text = () => allByTestId('pandu-step').map((s) => byTestId('pandu-mode', s)?.textContent);
    expect(text()).toEqual([
      'Cara kerja: Dari mana saja',
      'Cara kerja: Di kantor',
      'Cara kerja: Ke lapangan',
    ]);
    rerender(
      <CaseWorkspace lang="en" state={withView(state, { steps })} variant="overlay" onIntent={vi.fn()} />,
    );
    expect(text()).toEqual([
      'Way of working: From anywhere',
      'Way of working: At the office',
      'Way of working: On site',
    ]);
  });

  it('explains the mode with its reasons and legal basis, marking our own judgement', () => {
    const state = ossFirstStage();
    const step = state.view.steps[0] as CaseView['steps'][number];
    const steps = [
      {
        ...step,
        legalBasis: [
          ...step.legalBasis,
          { ref: 'Kebiasaan DPMPTSP', source: 'DOMAIN.md §2', judgement: true },
        ],
      },
    ];
    workspace(withView(state, { steps }));
    const reasons = byTestId('pandu-reasons') as HTMLDetailsElement;
    expect(reasons.tagName).toBe('DETAILS');
    expect(reasons.querySelector('summary')?.textContent).toBe('Mengapa “Dari mana saja”?');
    expect(reasons.textContent).toContain('Dikerjakan oleh pemohon secara daring; petugas cukup memantau.');
    const basis = [...reasons.querySelectorAll('.pi-basis li')];
    expect(basis[0]?.textContent).toContain(
      'PP 28/2025 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko',
    );
    expect(basis[0]?.textContent).not.toContain('penilaian');
    expect(basis[1]?.textContent).toBe(
      'Kebiasaan DPMPTSP (sumber: DOMAIN.md §2)penilaian Pandu Izin, bukan bunyi aturan',
    );
  });

  it('opens the reasons in the side panel and names the permit there', () => {
    workspace(ossFirstStage(), { variant: 'workspace' });
    expect((byTestId('pandu-reasons') as HTMLDetailsElement).open).toBe(true);
    expect(byTestId('pandu-permit')?.textContent).toBeTruthy();
    expect(host.querySelector('h2')?.textContent).toBe(byTestId('pandu-permit')?.textContent);
  });

  it('leaves the permit to the overlay header and folds the reasons there', () => {
    workspace(ossFirstStage());
    expect(byTestId('pandu-permit')).toBeNull();
    expect((byTestId('pandu-reasons') as HTMLDetailsElement).open).toBe(false);
  });

  it('says a field step needs on-site evidence', () => {
    const state = ossFirstStage();
    const steps = [
      { ...(state.view.steps[0] as CaseView['steps'][number]), mode: 'field' as const, needsEvidence: true },
    ];
    workspace(withView(state, { steps }));
    expect(byTestId('pandu-evidence')?.textContent).toContain('bukti kunjungan');
  });
});

describe('CaseWorkspace: the checklist', () => {
  it('tells mandatory, optional and conditional items apart in words', () => {
    workspace(sipInVerification());
    const tags = (id: string) => [...(item(id)?.querySelectorAll('.pi-tag') ?? [])].map((t) => t.textContent);
    expect(tags('sip-ektp')).toEqual(['wajib']);
    expect(tags('sip-superior-consent')).toEqual(['tidak wajib']);
    expect(tags('sip-npwp')).toEqual(['wajib', 'bersyarat: Praktik mandiri = ya']);
    expect(tags('sip-practice-place-letter')).toEqual(['wajib', 'bersyarat: Praktik mandiri = tidak']);
    expect(item('sip-ektp')?.dataset.mandatory).toBe('true');
    // The tags describe the checkbox for screen readers.
    const box = item('sip-npwp')?.querySelector('input') as HTMLInputElement;
    expect(
      host.querySelector(`#${CSS.escape(box.getAttribute('aria-describedby') ?? '')}`)?.textContent,
    ).toContain('bersyarat');
  });

  it('shows items the facts rule out as not applying, with no controls', () => {
    workspace(pbgInCompleteness());
    const na = allByTestId('pandu-item-na');
    expect(na.map((n) => n.dataset.item)).toEqual(['pbg-soil-investigation', 'pbg-designer-data']);
    expect(na[0]?.textContent).toContain('tidak berlaku untuk perkara ini');
    expect(na[0]?.textContent).toContain('bersyarat: Jumlah lantai bangunan > 2');
    expect(na[0]?.querySelector('input, button')).toBeNull();
    expect(item('pbg-soil-investigation')).toBeNull();
  });

  it('turns ticks and unticks into intents and shows the click at once', () => {
    const onIntent = workspace(ossFirstStage());
    const box = (id: string) => item(id)?.querySelector('input') as HTMLInputElement;
    click(box('oss-email'));
    click(box('oss-nik'));
    expect(onIntent.mock.calls).toEqual([
      [{ type: 'checklist.tick', itemId: 'oss-email' }],
      [{ type: 'checklist.untick', itemId: 'oss-nik' }],
    ]);
    expect(box('oss-email').checked).toBe(true);
    expect(box('oss-nik').checked).toBe(false);
    // Every checkbox is labelled by its item.
    for (const input of all('[data-testid="pandu-item"] input')) {
      expect(host.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent).toBeTruthy();
    }
  });

  it('marks an item missing with a note, or without one', () => {
    const onIntent = workspace(ossFirstStage());
    click(byTestId('pandu-mark-missing', item('oss-email') as HTMLElement));
    const form = byTestId('pandu-missing-form') as HTMLFormElement;
    expect(form.querySelector('label')?.textContent).toBe(
      'Catatan untuk “Alamat email aktif” (boleh kosong)',
    );
    type(form.querySelector('input'), '  email pemohon tidak aktif  ');
    submit(form);
    expect(onIntent).toHaveBeenLastCalledWith({
      type: 'checklist.markMissing',
      itemId: 'oss-email',
      note: 'email pemohon tidak aktif',
    });
    expect(byTestId('pandu-missing-form')).toBeNull();
    click(byTestId('pandu-mark-missing', item('oss-npwp') as HTMLElement));
    submit(byTestId('pandu-missing-form'));
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'checklist.markMissing', itemId: 'oss-npwp' });
  });

  it('focuses the form’s field in the same task that opens it, so no key typed next is lost', async () => {
    workspace(ossFirstStage());
    // Outside act(): Preact renders in a microtask, and only effects that wait for a frame
    // would leave the field unfocused here.
    (byTestId('pandu-mark-missing', item('oss-email') as HTMLElement) as HTMLElement).click();
    await Promise.resolve();
    await Promise.resolve();
    const input = byTestId('pandu-missing-form')?.querySelector('input');
    expect(input).toBeTruthy();
    expect(document.activeElement).toBe(input);
  });

  it('cancels a form with Escape without sending anything', () => {
    const onIntent = workspace(ossFirstStage());
    const button = byTestId('pandu-mark-missing', item('oss-email') as HTMLElement) as HTMLButtonElement;
    click(button);
    const input = byTestId('pandu-missing-form')?.querySelector('input') as HTMLInputElement;
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(byTestId('pandu-missing-form')).toBeNull();
    expect(onIntent).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button);
  });

  it('shows a missing item as missing, with its note and a way back', () => {
    const onIntent = workspace(
      (() => {
        const state = ossFirstStage();
        const steps = state.view.steps.map((s) => ({
          ...s,
          items: s.items.map((i) =>
            i.id === 'oss-email' ? { ...i, status: 'missing' as const, note: 'belum ada' } : i,
          ),
        }));
        return withView(state, { steps });
      })(),
    );
    const row = item('oss-email') as HTMLElement;
    expect(row.dataset.status).toBe('missing');
    expect(row.textContent).toContain('tidak ada');
    expect(row.textContent).toContain('Catatan: belum ada');
    expect(byTestId('pandu-mark-missing', row)).toBeNull();
    click(byTestId('pandu-unmark-missing', row));
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'checklist.untick', itemId: 'oss-email' });
  });

  it('adds a note to an item, refusing an empty one', () => {
    const onIntent = workspace(ossFirstStage());
    click(byTestId('pandu-note', item('oss-npwp') as HTMLElement));
    const form = byTestId('pandu-note-form') as HTMLFormElement;
    expect((form.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);
    submit(form);
    expect(onIntent).not.toHaveBeenCalled();
    type(form.querySelector('textarea'), 'NPWP atas nama direktur');
    submit(form);
    expect(onIntent).toHaveBeenCalledWith({
      type: 'note.add',
      text: 'NPWP atas nama direktur',
      itemId: 'oss-npwp',
      stepId: 'oss-account-registration',
    });
    expect(item('oss-npwp')?.textContent).toContain('Catatan dikirim.');
  });

  it('adds a note to a step and completes it', () => {
    const onIntent = workspace(ossFirstStage());
    click(byTestId('pandu-step-note'));
    const form = byTestId('pandu-step-note-form') as HTMLFormElement;
    type(form.querySelector('textarea'), 'Pemohon dihubungi lewat telepon');
    submit(form);
    expect(onIntent).toHaveBeenLastCalledWith({
      type: 'note.add',
      text: 'Pemohon dihubungi lewat telepon',
      stepId: 'oss-account-registration',
    });
    const complete = byTestId('pandu-complete-step') as HTMLButtonElement;
    expect(complete.getAttribute('aria-label')).toBe(
      'Tandai langkah selesai: Pembuatan akun OSS oleh pelaku usaha',
    );
    click(complete);
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'step.complete', stepId: 'oss-account-registration' });
  });
});

describe('CaseWorkspace: document suggestions', () => {
  const documents = ['Surat Permohonan SIP', 'KTP Elektronik', 'Pas Foto 4x6', 'Sertifikat Pelatihan ACLS'];

  it('offers portal documents for pending items without ticking anything', () => {
    const onIntent = workspace(sipInVerification(), { documents });
    const suggestions = allByTestId('pandu-suggestion');
    expect(suggestions.map((s) => s.dataset.item)).toEqual([
      'sip-application-letter',
      'sip-ektp',
      'sip-photos',
    ]);
    expect(suggestions[1]?.textContent).toContain('Di portal: KTP Elektronik');
    expect(byTestId('pandu-suggestions')?.textContent).toContain('3');
    expect(onIntent).not.toHaveBeenCalled();
    expect(all('[data-testid="pandu-item"] input:checked')).toHaveLength(0);
  });

  it('ticks the item only when the officer confirms the match', () => {
    const onIntent = workspace(sipInVerification(), { documents });
    const confirm = byTestId(
      'pandu-suggestion-confirm',
      item('sip-ektp') as HTMLElement,
    ) as HTMLButtonElement;
    expect(confirm.textContent).toBe('Cocokkan');
    expect(confirm.getAttribute('aria-label')).toBe(
      'Cocokkan dokumen portal “KTP Elektronik” dengan “e-KTP” dan centang',
    );
    click(confirm);
    expect(onIntent.mock.calls).toEqual([[{ type: 'checklist.tick', itemId: 'sip-ektp' }]]);
    expect((item('sip-ektp') as HTMLElement).querySelector('input')?.checked).toBe(true);
    expect(byTestId('pandu-suggestion', item('sip-ektp') as HTMLElement)).toBeNull();
  });

  it('drops a dismissed suggestion and sends nothing', () => {
    const onIntent = workspace(sipInVerification(), { documents });
    click(byTestId('pandu-suggestion-dismiss', item('sip-photos') as HTMLElement));
    expect(allByTestId('pandu-suggestion').map((s) => s.dataset.item)).toEqual([
      'sip-application-letter',
      'sip-ektp',
    ]);
    expect(onIntent).not.toHaveBeenCalled();
  });

  it('offers nothing for items already ticked or missing', () => {
    const state = sipInVerification();
    const steps = state.view.steps.map((s) => ({
      ...s,
      items: s.items.map((i) =>
        i.id === 'sip-ektp'
          ? { ...i, status: 'ticked' as const }
          : i.id === 'sip-photos'
            ? { ...i, status: 'missing' as const }
            : i,
      ),
    }));
    workspace(withView(state, { steps }), { documents });
    expect(allByTestId('pandu-suggestion').map((s) => s.dataset.item)).toEqual(['sip-application-letter']);
  });
});

describe('CaseWorkspace: facts and what to do next', () => {
  it('lists the facts that change the case first and sends a changed one', () => {
    const onIntent = workspace(pbgInCompleteness());
    const facts = allByTestId('pandu-fact');
    expect(facts.map((f) => f.dataset.fact).sort()).toEqual(
      ['storeys', 'floodZone', 'neighbourConsentRequired', 'lowIncome', 'hearingInPerson'].sort(),
    );
    const mattering = facts.filter((f) => f.dataset.matters === 'true').map((f) => f.dataset.fact);
    expect(facts.slice(0, mattering.length).map((f) => f.dataset.fact)).toEqual(mattering);
    const flood = host.querySelector('[data-fact="floodZone"] select') as HTMLSelectElement;
    expect(host.querySelector(`label[for="${CSS.escape(flood.id)}"]`)?.textContent).toBe(
      'Lokasi di kawasan rawan banjir (perlu rekomendasi peil banjir)',
    );
    change(flood, 'true');
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'case.setFacts', facts: { floodZone: true } });
    const storeys = host.querySelector('[data-fact="storeys"] input') as HTMLInputElement;
    expect(storeys.value).toBe('1');
    change(storeys, '3');
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'case.setFacts', facts: { storeys: 3 } });
    onIntent.mockClear();
    change(storeys, '9999');
    expect(onIntent).not.toHaveBeenCalled();
    expect(storeys.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers the values of a text fact as choices', () => {
    const onIntent = workspace(ossFirstStage());
    const risk = host.querySelector('[data-fact="riskLevel"] select') as HTMLSelectElement;
    expect([...risk.options].map((o) => o.value)).toEqual([
      '',
      'rendah',
      'menengah-rendah',
      'menengah-tinggi',
      'tinggi',
    ]);
    change(risk, 'tinggi');
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'case.setFacts', facts: { riskLevel: 'tinggi' } });
  });

  it('lists what blocks the stage, folding the long tail', () => {
    workspace(sipInVerification());
    const next = byTestId('pandu-next') as HTMLElement;
    expect(next.textContent).toContain('Yang masih harus diselesaikan:');
    expect(allByTestId('pandu-blocker', next)).toHaveLength(14);
    expect(next.querySelector('details summary')?.textContent).toBe('dan 11 lainnya');
    expect(byTestId('pandu-advance')).toBeNull();
  });

  it('says the case is finished when nothing blocks and nothing moves', () => {
    const state = withView(ossFirstStage(), {
      status: 'issued',
      stage: null,
      steps: [],
      blockers: [],
      canMoveOn: false,
    });
    workspace(state);
    expect(byTestId('pandu-stage')?.textContent).toBe('Izin terbit');
    expect(byTestId('pandu-next')?.textContent).toContain('Izin terbit');
    expect(byTestId('pandu-progress')).toBeNull();
    expect(byTestId('pandu-advance')).toBeNull();
  });

  it('leaves out the progress line of a stage without a checklist', () => {
    workspace(caseAfter('sip-nakes'));
    expect(byTestId('pandu-stage')?.textContent).toBe('Tahap 1 dari 5: Pendaftaran');
    expect(byTestId('pandu-progress')).toBeNull();
  });

  it('offers to move on when the case can, with the intent the stage needs', () => {
    const state = withView(ossFirstStage(), { blockers: [], canMoveOn: true });
    const onIntent = workspace(state);
    const advance = byTestId('pandu-advance') as HTMLButtonElement;
    expect(advance.textContent).toBe('Lanjut ke tahap berikutnya');
    click(advance);
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'stage.advance' });
    const stage = state.view.stage as NonNullable<CaseView['stage']>;
    rerender(
      <CaseWorkspace
        lang="id"
        state={withView(state, { stage: { ...stage, issuesPermit: true } })}
        variant="overlay"
        onIntent={onIntent}
      />,
    );
    click(byTestId('pandu-advance'));
    expect(onIntent).toHaveBeenLastCalledWith({ type: 'case.approve' });
    expect(byTestId('pandu-advance')?.textContent).toBe('Setujui dan terbitkan izin');
  });
});

describe('CaseWorkspace: portal text is text', () => {
  it('renders hostile document names and statuses as text, never as markup', () => {
    const payload = '<img src=x onerror=alert(1)> KTP Elektronik';
    workspace(sipInVerification(), {
      documents: [payload],
      portalStatus: { label: '<script>alert(2)</script>' },
    });
    expect(host.querySelector('img, script')).toBeNull();
    expect(byTestId('pandu-suggestion')?.textContent).toContain(`Di portal: ${payload}`);
    expect(byTestId('pandu-portal-status')?.textContent).toBe('Status di portal: <script>alert(2)</script>');
  });
});
