/**
 * Options › "Target keluaran": daily and weekly output targets (steps completed, cases
 * advanced, field visits with evidence), stored as the `targets` setting through the
 * background. Inputs are text with a numeric keyboard rather than type="number": a number
 * input reports "1,5" or "abc" as an empty value, so the officer's typing could not be kept
 * and named in the message. A bad value is never sent: the form keeps what was typed, says
 * what is wrong beside the field and moves focus there.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Language, pick } from '../../utils/i18n';
import { type DashboardKey, tDashboard } from '../../utils/i18n/dashboard';
import type { ProtocolError } from '../../utils/messaging/protocol';
import { OUTPUT_KINDS, type OutputKind } from '../../utils/outputs/outputs';
import type { Send } from './adapters';
import {
  checkTargets,
  fieldsOf,
  PERIODS,
  type Period,
  type TargetField,
  type TargetProblem,
  type TargetsDraft,
  targetsDraft,
} from './targets';

type Outcome =
  | { kind: 'saved' }
  | { kind: 'invalid'; count: number }
  | { kind: 'error' | 'load-error'; error: ProtocolError }
  | null;

const KIND_KEYS: Record<OutputKind, DashboardKey> = {
  steps: 'targets.steps',
  advances: 'targets.advances',
  visits: 'targets.visits',
};

const inputId = (field: TargetField) => `pi-target-${field.replace('.', '-')}`;

export function TargetsSection({ lang, send }: { lang: Language; send: Send }) {
  const [draft, setDraft] = useState<TargetsDraft>(() => targetsDraft(undefined));
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<TargetField, TargetProblem>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const d = (key: DashboardKey, params?: Record<string, string | number>) => tDashboard(lang, key, params);

  useEffect(() => {
    let live = true;
    void send('settings.get', { key: 'targets' }).then((answer) => {
      if (!live) return;
      if (answer.ok) setDraft(targetsDraft(answer.data.value));
      else setOutcome({ kind: 'load-error', error: answer.error });
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [send]);

  const edit = (period: Period, kind: OutputKind) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setDraft((old) => ({ ...old, [period]: { ...old[period], [kind]: value } }));
    if (outcome?.kind === 'saved') setOutcome(null);
  };

  async function submit(e: TargetedSubmitEvent<HTMLFormElement>) {
    e.preventDefault();
    const checked = checkTargets(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome({ kind: 'invalid', count: Object.keys(checked.problems).length });
      const first = fieldsOf().find((f) => checked.problems[f]);
      if (first) form.current?.querySelector<HTMLElement>(`#${inputId(first)}`)?.focus();
      return;
    }
    setProblems({});
    setSaving(true);
    setOutcome(null);
    const answer = await send('settings.set', { key: 'targets', value: checked.value });
    setSaving(false);
    if (!answer.ok) return setOutcome({ kind: 'error', error: answer.error });
    setDraft(targetsDraft(checked.value));
    setOutcome({ kind: 'saved' });
  }

  const disabled = !loaded || saving;
  return (
    <section aria-labelledby="pi-targets-title" data-testid="targets-section">
      <h2 id="pi-targets-title">{d('targets.title')}</h2>
      <p id="pi-targets-help">{d('targets.help')}</p>
      <form
        ref={form}
        class="pi-form"
        noValidate
        aria-describedby="pi-targets-help"
        onSubmit={(e) => void submit(e)}
        data-testid="targets-form"
      >
        {PERIODS.map((period) => (
          <fieldset key={period} class="pi-choices" disabled={disabled}>
            <legend>{d(period === 'daily' ? 'targets.daily' : 'targets.weekly')}</legend>
            {OUTPUT_KINDS.map((kind) => {
              const field: TargetField = `${period}.${kind}`;
              const id = inputId(field);
              const problem = problems[field];
              return (
                <div class="pi-field" key={field}>
                  <label for={id}>{d(KIND_KEYS[kind])}</label>
                  <input
                    id={id}
                    type="text"
                    inputMode="numeric"
                    autocomplete="off"
                    size={6}
                    value={draft[period][kind]}
                    onInput={edit(period, kind)}
                    aria-invalid={problem ? 'true' : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    data-testid={`target-${period}-${kind}`}
                  />
                  {problem ? (
                    <p
                      id={`${id}-error`}
                      class="pi-field-error"
                      data-testid={`target-${period}-${kind}-error`}
                    >
                      <span aria-hidden="true">⚠ </span>
                      {d(problem.key, problem.params)}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ))}
        <p>
          <button type="submit" class="pi-button" disabled={disabled} data-testid="targets-save">
            {d('targets.save')}
          </button>
        </p>
        {outcome?.kind === 'saved' ? (
          <p role="status" class="pi-ok" data-testid="targets-outcome">
            {d('targets.saved')}
          </p>
        ) : null}
        {outcome?.kind === 'invalid' ? (
          <p role="alert" class="pi-error" data-testid="targets-outcome">
            <span aria-hidden="true">⚠ </span>
            {d('targets.invalid', { count: outcome.count })}
          </p>
        ) : null}
        {outcome?.kind === 'error' || outcome?.kind === 'load-error' ? (
          <p role="alert" class="pi-error" data-testid="targets-outcome">
            <span aria-hidden="true">⚠ </span>
            {d(outcome.kind === 'error' ? 'targets.failed' : 'targets.loadFailed', {
              reason: pick(lang, outcome.error.message),
            })}
          </p>
        ) : null}
      </form>
    </section>
  );
}
