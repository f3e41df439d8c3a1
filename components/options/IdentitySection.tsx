/**
 * The officer identity form: name, NIP, work unit, role and province, stored as the `officer`
 * setting. A value that does not pass is never sent and never cleared: the form keeps what was
 * typed, says what is wrong next to the field (aria-describedby) and moves focus there.
 */
import type { TargetedEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { REGIONS } from '../../machines';
import { type Language, pick } from '../../utils/i18n';
import { tOptions } from '../../utils/i18n/options';
import type { ProtocolError } from '../../utils/messaging/protocol';
import type { Send } from './adapters';
import {
  checkOfficer,
  draftOf,
  EMPTY_OFFICER,
  type FieldProblem,
  type OfficerDraft,
  type OfficerField,
  type OfficerProblems,
  type OfficerRole,
} from './identity';

type Outcome =
  | { kind: 'saved' }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; error: ProtocolError }
  | { kind: 'load-error'; error: ProtocolError }
  | null;

const ROLES: { role: OfficerRole; key: 'options.roleOfficer' | 'options.roleSupervisor' }[] = [
  { role: 'officer', key: 'options.roleOfficer' },
  { role: 'supervisor', key: 'options.roleSupervisor' },
];

const FIELD_IDS: Record<OfficerField, string> = {
  name: 'pi-officer-name',
  nip: 'pi-officer-nip',
  unit: 'pi-officer-unit',
  role: 'pi-officer-role-officer',
  region: 'pi-officer-region',
};

/** The ids a field's `aria-describedby` lists: its hint, then its problem when it has one. */
function describedBy(id: string, hint: boolean, problem: FieldProblem | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldError({
  id,
  problem,
  lang,
  testId,
}: {
  id: string;
  problem?: FieldProblem;
  lang: Language;
  testId: string;
}) {
  if (!problem) return null;
  return (
    <p id={`${id}-error`} class="pi-field-error" data-testid={testId}>
      <span aria-hidden="true">⚠ </span>
      {tOptions(lang, problem.key, problem.params)}
    </p>
  );
}

export function IdentitySection({
  lang,
  send,
  regionManaged = false,
}: {
  lang: Language;
  send: Send;
  /** The agency's policy sets the province: shown, not editable (saving keeps the policy's). */
  regionManaged?: boolean;
}) {
  const [draft, setDraft] = useState<OfficerDraft>({ ...EMPTY_OFFICER });
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<OfficerProblems>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void send('settings.get', { key: 'officer' }).then((answer) => {
      if (!live) return;
      if (answer.ok) setDraft(draftOf(answer.data.value));
      else setOutcome({ kind: 'load-error', error: answer.error });
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [send]);

  const edit = (field: OfficerField) => (e: TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
    if (outcome?.kind === 'saved') setOutcome(null);
  };

  async function submit(e: TargetedSubmitEvent<HTMLFormElement>) {
    e.preventDefault();
    const checked = checkOfficer(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome({ kind: 'invalid', count: Object.keys(checked.problems).length });
      const first = (Object.keys(FIELD_IDS) as OfficerField[]).find((f) => checked.problems[f]);
      if (first) form.current?.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`)?.focus();
      return;
    }
    setProblems({});
    setSaving(true);
    setOutcome(null);
    const answer = await send('settings.set', { key: 'officer', value: checked.value });
    setSaving(false);
    if (!answer.ok) return setOutcome({ kind: 'error', error: answer.error });
    setDraft({ ...checked.value });
    setOutcome({ kind: 'saved' });
  }

  const disabled = !loaded || saving;

  return (
    <section aria-labelledby="pi-identity-title">
      <h2 id="pi-identity-title">{tOptions(lang, 'options.identityTitle')}</h2>
      <p id="pi-identity-help">{tOptions(lang, 'options.identityHelp')}</p>
      <form
        ref={form}
        class="pi-form"
        noValidate
        aria-describedby="pi-identity-help"
        onSubmit={(e) => void submit(e)}
        data-testid="officer-form"
      >
        <div class="pi-field">
          <label for={FIELD_IDS.name}>{tOptions(lang, 'options.officerName')}</label>
          <input
            id={FIELD_IDS.name}
            type="text"
            autocomplete="name"
            value={draft.name}
            disabled={disabled}
            onInput={edit('name')}
            aria-invalid={problems.name ? 'true' : undefined}
            aria-describedby={describedBy(FIELD_IDS.name, false, problems.name)}
            data-testid="officer-name"
          />
          <FieldError id={FIELD_IDS.name} problem={problems.name} lang={lang} testId="officer-name-error" />
        </div>
        <div class="pi-field">
          <label for={FIELD_IDS.nip}>{tOptions(lang, 'options.officerNip')}</label>
          <input
            id={FIELD_IDS.nip}
            type="text"
            inputMode="numeric"
            autocomplete="off"
            spellcheck={false}
            value={draft.nip}
            disabled={disabled}
            onInput={edit('nip')}
            aria-invalid={problems.nip ? 'true' : undefined}
            aria-describedby={describedBy(FIELD_IDS.nip, true, problems.nip)}
            data-testid="officer-nip"
          />
          <p id={`${FIELD_IDS.nip}-hint`} class="pi-hint">
            {tOptions(lang, 'options.officerNipHint')}
          </p>
          <FieldError id={FIELD_IDS.nip} problem={problems.nip} lang={lang} testId="officer-nip-error" />
        </div>
        <div class="pi-field">
          <label for={FIELD_IDS.unit}>{tOptions(lang, 'options.officerUnit')}</label>
          <input
            id={FIELD_IDS.unit}
            type="text"
            autocomplete="organization"
            value={draft.unit}
            disabled={disabled}
            onInput={edit('unit')}
            aria-invalid={problems.unit ? 'true' : undefined}
            aria-describedby={describedBy(FIELD_IDS.unit, true, problems.unit)}
            data-testid="officer-unit"
          />
          <p id={`${FIELD_IDS.unit}-hint`} class="pi-hint">
            {tOptions(lang, 'options.officerUnitHint')}
          </p>
          <FieldError id={FIELD_IDS.unit} problem={problems.unit} lang={lang} testId="officer-unit-error" />
        </div>
        <fieldset class="pi-choices" disabled={disabled}>
          <legend>{tOptions(lang, 'options.officerRole')}</legend>
          {ROLES.map(({ role, key }) => (
            <label key={role} class="pi-choice">
              <input
                id={`pi-officer-role-${role}`}
                type="radio"
                name="pi-officer-role"
                value={role}
                checked={draft.role === role}
                onChange={() => setDraft((d) => ({ ...d, role }))}
                data-testid={`officer-role-${role}`}
              />{' '}
              {tOptions(lang, key)}
            </label>
          ))}
        </fieldset>
        <div class="pi-field">
          <label for={FIELD_IDS.region}>{tOptions(lang, 'options.officerRegion')}</label>
          <select
            id={FIELD_IDS.region}
            value={draft.region}
            disabled={disabled || regionManaged}
            onChange={edit('region')}
            aria-invalid={problems.region ? 'true' : undefined}
            aria-describedby={describedBy(FIELD_IDS.region, regionManaged, problems.region)}
            data-testid="officer-region"
          >
            <option value="">{tOptions(lang, 'options.regionNone')}</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(lang, r.name)}
              </option>
            ))}
          </select>
          {regionManaged ? (
            <p id={`${FIELD_IDS.region}-hint`} class="pi-hint" data-testid="officer-region-managed">
              {tOptions(lang, 'options.managedField')}
            </p>
          ) : null}
          <FieldError
            id={FIELD_IDS.region}
            problem={problems.region}
            lang={lang}
            testId="officer-region-error"
          />
        </div>
        <p>
          <button type="submit" class="pi-button" disabled={disabled} data-testid="officer-save">
            {tOptions(lang, 'options.officerSave')}
          </button>
        </p>
        {outcome?.kind === 'saved' ? (
          <p role="status" class="pi-ok" data-testid="officer-outcome">
            {tOptions(lang, 'options.officerSaved')}
          </p>
        ) : null}
        {outcome?.kind === 'invalid' ? (
          <p role="alert" class="pi-error" data-testid="officer-outcome">
            <span aria-hidden="true">⚠ </span>
            {tOptions(lang, 'options.officerInvalid', { count: outcome.count })}
          </p>
        ) : null}
        {outcome?.kind === 'error' || outcome?.kind === 'load-error' ? (
          <p role="alert" class="pi-error" data-testid="officer-outcome">
            <span aria-hidden="true">⚠ </span>
            {tOptions(
              lang,
              outcome.kind === 'error' ? 'options.officerFailed' : 'options.officerLoadFailed',
              {
                reason: pick(lang, outcome.error.message),
              },
            )}
          </p>
        ) : null}
      </form>
    </section>
  );
}
