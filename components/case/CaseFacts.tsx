/**
 * The case facts the officer can set (storeys, independent practice, risk level…). A fact that
 * `matters` changes which steps or items apply from the current stage on; those come first.
 * Each change sends `case.setFacts` with that one fact.
 */
import { useId, useState } from 'preact/hooks';
import type { CaseView } from '../../machines';
import type { Intent } from '../../utils/db/cases';
import { type Language, pick, t } from '../../utils/i18n';

type Fact = CaseView['facts'][number];

export function CaseFacts({
  lang,
  facts,
  onIntent,
  open,
}: {
  lang: Language;
  facts: readonly Fact[];
  onIntent: (intent: Intent) => void;
  open: boolean;
}) {
  if (facts.length === 0) return null;
  const ordered = [...facts.filter((f) => f.matters), ...facts.filter((f) => !f.matters)];
  const openCount = facts.filter((f) => f.matters && f.value === undefined).length;
  return (
    <details class="pi-facts-section" data-testid="pandu-facts" open={open || openCount > 0}>
      <summary>
        <span class="pi-summary-title">{t(lang, 'case.facts')}</span>
        {openCount > 0 ? (
          <span class="pi-tag pi-tag-open">{t(lang, 'case.factsOpen', { count: openCount })}</span>
        ) : null}
      </summary>
      <p class="pi-muted">{t(lang, 'case.factsHint')}</p>
      <ul class="pi-fact-list">
        {ordered.map((fact) => (
          <FactRow key={fact.id} lang={lang} fact={fact} onIntent={onIntent} />
        ))}
      </ul>
    </details>
  );
}

function FactRow({
  lang,
  fact,
  onIntent,
}: {
  lang: Language;
  fact: Fact;
  onIntent: (intent: Intent) => void;
}) {
  const id = useId();
  const hintId = useId();
  const [invalid, setInvalid] = useState(false);
  const send = (value: boolean | number | string) =>
    onIntent({ type: 'case.setFacts', facts: { [fact.id]: value } });
  const hints = [
    fact.help ? pick(lang, fact.help) : null,
    t(lang, fact.matters ? 'case.factMatters' : 'case.factIrrelevant'),
    fact.type === 'number' && fact.min !== undefined && fact.max !== undefined
      ? t(lang, 'case.factRange', { min: fact.min, max: fact.max })
      : null,
  ].filter((h): h is string => h !== null);

  let control: preact.JSX.Element;
  if (fact.type === 'boolean' || fact.values) {
    const options: [string, string][] =
      fact.type === 'boolean'
        ? [
            ['true', t(lang, 'case.yes')],
            ['false', t(lang, 'case.no')],
          ]
        : (fact.values ?? []).map((v) => [v, v]);
    control = (
      <select
        id={id}
        class="pi-input"
        aria-describedby={hintId}
        value={fact.value === undefined ? '' : String(fact.value)}
        onChange={(e) => {
          const raw = (e.currentTarget as HTMLSelectElement).value;
          if (raw === '') return;
          send(fact.type === 'boolean' ? raw === 'true' : raw);
        }}
      >
        {/* A set fact cannot be unset, only changed. */}
        <option value="" disabled={fact.value !== undefined}>
          {t(lang, 'case.unset')}
        </option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    );
  } else if (fact.type === 'number') {
    control = (
      <input
        id={id}
        class="pi-input pi-input-number"
        type="number"
        inputMode="numeric"
        min={fact.min}
        max={fact.max}
        step={1}
        placeholder={t(lang, 'case.unset')}
        aria-describedby={hintId}
        aria-invalid={invalid}
        value={fact.value === undefined ? '' : String(fact.value)}
        onChange={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          const n = Number(raw);
          const ok =
            raw !== '' &&
            Number.isFinite(n) &&
            (fact.min === undefined || n >= fact.min) &&
            (fact.max === undefined || n <= fact.max);
          setInvalid(!ok && raw !== '');
          if (ok && n !== fact.value) send(n);
        }}
      />
    );
  } else {
    control = (
      <input
        id={id}
        class="pi-input"
        type="text"
        maxLength={200}
        placeholder={t(lang, 'case.unset')}
        aria-describedby={hintId}
        value={fact.value === undefined ? '' : String(fact.value)}
        onChange={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          if (raw && raw !== fact.value) send(raw);
        }}
      />
    );
  }

  return (
    <li
      class={fact.matters ? 'pi-fact' : 'pi-fact pi-fact-irrelevant'}
      data-testid="pandu-fact"
      data-fact={fact.id}
      data-matters={String(fact.matters)}
    >
      <label class="pi-fact-label" for={id}>
        {pick(lang, fact.label)}
      </label>
      {control}
      <span class="pi-muted pi-fact-hint" id={hintId}>
        {hints.join(' · ')}
        {invalid ? <span class="pi-invalid"> · {t(lang, 'case.factInvalid')}</span> : null}
      </span>
    </li>
  );
}
