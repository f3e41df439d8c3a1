/**
 * Portal adapters: every built-in and imported adapter with its switch, deleting imported ones
 * (after a confirm step), importing a new one from a file or pasted text, and granting host
 * access to an imported adapter's portal. The text is checked here first and nothing is sent
 * while it has problems; the background checks again and its refusal is listed the same way.
 */
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdapterEntry } from '../../utils/background/adapters';
import { type Language, pick } from '../../utils/i18n';
import { type OptionsKey, tOptions } from '../../utils/i18n/options';
import type { ProtocolError } from '../../utils/messaging/protocol';
import {
  type AccessOutcome,
  entryName,
  grantAccess,
  type ImportOutcome,
  importAdapterText,
  MAX_ADAPTER_TEXT,
  missingOrigins,
  needsAccessCheck,
  type PermissionsApi,
  problemLine,
  type Send,
} from './adapters';

/** A list-level message: kept as a key (and its values) so it follows a language switch. */
type Notice =
  | { kind: 'ok'; key: OptionsKey; params: Record<string, string> }
  | { kind: 'error'; error: ProtocolError }
  | null;

/** Demo-portal patterns mean something only in the demo build; real officers are not shown them. */
const SHOW_DEMO_MATCHES = import.meta.env.MODE === 'demo';

const ORIGIN_KEYS: Record<AdapterEntry['origin'], OptionsKey> = {
  builtin: 'options.originBuiltin',
  custom: 'options.originCustom',
  managed: 'options.originManaged',
};

export interface AdaptersSectionProps {
  lang: Language;
  send: Send;
  permissions: PermissionsApi;
}

export function AdaptersSection({ lang, send, permissions }: AdaptersSectionProps) {
  const [entries, setEntries] = useState<AdapterEntry[] | null>(null);
  const [loadError, setLoadError] = useState<ProtocolError | null>(null);
  /** Per imported adapter: its match patterns without host access yet. */
  const [missing, setMissing] = useState<Record<string, string[]>>({});
  const [access, setAccess] = useState<Record<string, AccessOutcome>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  async function checkAccess(list: AdapterEntry[]) {
    const next: Record<string, string[]> = {};
    for (const entry of list)
      if (needsAccessCheck(entry)) next[entry.id] = await missingOrigins(permissions, entry);
    setMissing(next);
  }

  async function refresh(): Promise<void> {
    const answer = await send('adapters.list', {});
    if (!answer.ok) {
      setLoadError(answer.error);
      return;
    }
    setLoadError(null);
    setEntries(answer.data.adapters);
    await checkAccess(answer.data.adapters);
  }

  useEffect(() => {
    void refresh();
  }, []);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function replaceEntry(changed: AdapterEntry) {
    setEntries((list) => list?.map((e) => (e.id === changed.id ? changed : e)) ?? null);
  }

  async function setEnabled(entry: AdapterEntry, enabled: boolean) {
    // The switch shows the officer's choice at once (a controlled checkbox would otherwise
    // spring back while the background answers) and returns to the stored state on refusal.
    replaceEntry({ ...entry, enabled });
    setBusy(entry.id);
    setNotice(null);
    const answer = await send('adapters.setEnabled', { id: entry.id, enabled });
    setBusy(null);
    if (!answer.ok) {
      replaceEntry(entry);
      return setNotice({ kind: 'error', error: answer.error });
    }
    const changed = answer.data.entry;
    replaceEntry(changed);
    setNotice({
      kind: 'ok',
      key: enabled ? 'options.adapterSwitchedOn' : 'options.adapterSwitchedOff',
      params: { name: entryName(changed) },
    });
  }

  async function remove(entry: AdapterEntry) {
    setBusy(entry.id);
    setNotice(null);
    const answer = await send('adapters.delete', { id: entry.id });
    setBusy(null);
    setConfirming(null);
    if (!answer.ok) return setNotice({ kind: 'error', error: answer.error });
    setNotice({ kind: 'ok', key: 'options.adapterDeleted', params: { name: entryName(entry) } });
    // The row and its buttons are gone: keep the keyboard in the section.
    heading.current?.focus();
    await refresh();
  }

  function grant(entry: AdapterEntry, origins: string[]) {
    // First, inside the click: the browser shows its prompt only during a user gesture.
    const pending = grantAccess(permissions, send, origins);
    setBusy(entry.id);
    void pending.then(async (outcome) => {
      setBusy(null);
      setAccess((a) => ({ ...a, [entry.id]: outcome }));
      await refresh();
    });
  }

  async function imported(entry: AdapterEntry) {
    setAccess((a) => {
      const { [entry.id]: _old, ...rest } = a;
      return rest;
    });
    await refresh();
  }

  return (
    <section aria-labelledby="pi-adapters-title">
      <h2 id="pi-adapters-title" ref={heading} tabIndex={-1}>
        {tOptions(lang, 'options.adaptersTitle')}
      </h2>
      <p>{tOptions(lang, 'options.adaptersHelp')}</p>
      {loadError ? (
        <p role="alert" class="pi-error" data-testid="adapters-outcome">
          <span aria-hidden="true">⚠ </span>
          {tOptions(lang, 'options.adaptersFailed', { reason: pick(lang, loadError.message) })}
        </p>
      ) : null}
      {entries === null && !loadError ? <p>{tOptions(lang, 'options.adaptersLoading')}</p> : null}
      {notice?.kind === 'ok' ? (
        <p role="status" class="pi-ok" data-testid="adapters-outcome">
          {tOptions(lang, notice.key, notice.params)}
        </p>
      ) : null}
      {notice?.kind === 'error' ? (
        <p role="alert" class="pi-error" data-testid="adapters-outcome">
          <span aria-hidden="true">⚠ </span>
          {tOptions(lang, 'options.failed', { reason: pick(lang, notice.error.message) })}
        </p>
      ) : null}
      {entries ? (
        <ul class="pi-adapters" data-testid="adapters-list">
          {entries.map((entry) => (
            <AdapterRow
              key={entry.id}
              entry={entry}
              lang={lang}
              busy={busy === entry.id}
              missing={missing[entry.id] ?? []}
              access={access[entry.id]}
              confirming={confirming === entry.id}
              confirmRef={confirmButton}
              onToggle={(enabled) => void setEnabled(entry, enabled)}
              onDelete={() => setConfirming(entry.id)}
              onCancelDelete={() => setConfirming(null)}
              onConfirmDelete={() => void remove(entry)}
              onGrant={(origins) => grant(entry, origins)}
            />
          ))}
        </ul>
      ) : null}
      <ImportForm lang={lang} send={send} onImported={(entry) => void imported(entry)} />
    </section>
  );
}

interface AdapterRowProps {
  entry: AdapterEntry;
  lang: Language;
  busy: boolean;
  missing: string[];
  access: AccessOutcome | undefined;
  confirming: boolean;
  confirmRef: { current: HTMLButtonElement | null };
  onToggle: (enabled: boolean) => void;
  onDelete: () => void;
  onCancelDelete: () => void;
  onConfirmDelete: () => void;
  onGrant: (origins: string[]) => void;
}

function AdapterRow({
  entry,
  lang,
  busy,
  missing,
  access,
  confirming,
  confirmRef,
  onToggle,
  onDelete,
  onCancelDelete,
  onConfirmDelete,
  onGrant,
}: AdapterRowProps) {
  const name = entryName(entry);
  const nameId = `pi-adapter-${entry.id}`;
  const deleteButton = useRef<HTMLButtonElement>(null);
  const { adapter } = entry;
  const cancel = () => {
    onCancelDelete();
    // Back to where the officer was.
    setTimeout(() => deleteButton.current?.focus(), 0);
  };
  return (
    <li
      class={`pi-adapter${entry.enabled ? '' : ' pi-adapter-off'}`}
      data-testid="adapter-row"
      data-adapter-id={entry.id}
      data-origin={entry.origin}
      data-enabled={String(entry.enabled)}
    >
      <h3 id={nameId}>
        {name}{' '}
        <span class="pi-badge" data-testid="adapter-origin">
          {tOptions(lang, ORIGIN_KEYS[entry.origin])}
        </span>{' '}
        <span class="pi-badge" data-testid="adapter-state">
          {tOptions(lang, entry.enabled ? 'options.adapterOn' : 'options.adapterOff')}
        </span>
        {entry.policy === 'disabled' ? (
          <>
            {' '}
            <span class="pi-badge" data-testid="adapter-policy">
              {tOptions(lang, 'options.adapterPolicyOff')}
            </span>
          </>
        ) : null}
      </h3>
      <dl class="pi-adapter-facts">
        <dt>{tOptions(lang, 'options.adapterId')}</dt>
        <dd>
          <code>{entry.id}</code>
        </dd>
        {adapter ? (
          <>
            <dt>{tOptions(lang, 'options.adapterMatches')}</dt>
            <dd data-testid="adapter-matches">
              {adapter.matches.map((m, i) => (
                <span key={m}>
                  {i > 0 ? ', ' : ''}
                  <code>{m}</code>
                </span>
              ))}
            </dd>
            {SHOW_DEMO_MATCHES && adapter.demoMatches?.length ? (
              <>
                <dt>{tOptions(lang, 'options.adapterDemoMatches')}</dt>
                <dd>
                  {adapter.demoMatches.map((m, i) => (
                    <span key={m}>
                      {i > 0 ? ', ' : ''}
                      <code>{m}</code>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {entry.errors.length > 0 ? (
        <div class="pi-error" data-testid="adapter-errors">
          <p>
            <span aria-hidden="true">⚠ </span>
            {tOptions(
              lang,
              entry.policy === 'not-allowed' ? 'options.adapterNotAllowed' : 'options.adapterBroken',
            )}
          </p>
          <ul>
            {entry.errors.map((e) => (
              <li key={`${e.path}|${e.problem.en}`}>{pick(lang, problemLine(e))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="pi-adapter-actions">
        <label class="pi-choice">
          <input
            type="checkbox"
            checked={entry.enabled}
            disabled={
              busy || adapter === null || entry.policy === 'disabled' || entry.policy === 'not-allowed'
            }
            onChange={(e) => onToggle(e.currentTarget.checked)}
            data-testid="adapter-enabled"
          />{' '}
          {tOptions(lang, 'options.adapterEnabled')}
          <span class="pi-sr"> {name}</span>
        </label>
        {entry.origin === 'custom' && !confirming ? (
          <button
            ref={deleteButton}
            type="button"
            class="pi-button"
            disabled={busy}
            onClick={onDelete}
            data-testid="adapter-delete"
          >
            {tOptions(lang, 'options.adapterDelete')}
            <span class="pi-sr"> {name}</span>
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div class="pi-confirm" data-testid="adapter-delete-step">
          <p id={`${nameId}-confirm`}>{tOptions(lang, 'options.adapterDeleteConfirm', { name })}</p>
          <button
            ref={confirmRef}
            type="button"
            class="pi-button pi-danger"
            disabled={busy}
            onClick={onConfirmDelete}
            aria-describedby={`${nameId}-confirm`}
            data-testid="adapter-delete-confirm"
          >
            {tOptions(lang, 'options.adapterDeleteYes')}
          </button>{' '}
          <button
            type="button"
            class="pi-button"
            disabled={busy}
            onClick={cancel}
            data-testid="adapter-delete-cancel"
          >
            {tOptions(lang, 'options.adapterDeleteNo')}
          </button>
        </div>
      ) : null}
      {missing.length > 0 ? (
        <div class="pi-access" data-testid="adapter-access">
          <p>
            <span aria-hidden="true">⚠ </span>
            {tOptions(lang, 'options.accessMissing', { origins: missing.join(', ') })}
          </p>
          <button
            type="button"
            class="pi-button"
            disabled={busy}
            onClick={() => onGrant(missing)}
            data-testid="adapter-grant"
          >
            {tOptions(lang, 'options.accessGrant')}
            <span class="pi-sr"> {name}</span>
          </button>
        </div>
      ) : null}
      {access ? <AccessMessage outcome={access} lang={lang} /> : null}
    </li>
  );
}

function AccessMessage({ outcome, lang }: { outcome: AccessOutcome; lang: Language }) {
  if (outcome.kind === 'granted') {
    return (
      <p role="status" class="pi-ok" data-testid="adapter-access-outcome">
        {tOptions(lang, 'options.accessGranted')}
      </p>
    );
  }
  return (
    <p role="alert" class="pi-error" data-testid="adapter-access-outcome">
      <span aria-hidden="true">⚠ </span>
      {outcome.kind === 'denied'
        ? tOptions(lang, 'options.accessDenied')
        : tOptions(lang, 'options.accessSyncFailed', { reason: pick(lang, outcome.error.message) })}
    </p>
  );
}

type FileNote = { kind: 'loaded' | 'unreadable'; file: string } | null;

function ImportForm({
  lang,
  send,
  onImported,
}: {
  lang: Language;
  send: Send;
  onImported: (entry: AdapterEntry) => void;
}) {
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<FileNote>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [working, setWorking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function load(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    // Characters are at most four bytes: a larger file cannot fit the limit.
    if (file.size > MAX_ADAPTER_TEXT * 4) {
      setFileNote(null);
      return setOutcome({ kind: 'too-big' });
    }
    try {
      setText(await file.text());
      setFileNote({ kind: 'loaded', file: file.name });
    } catch {
      setFileNote({ kind: 'unreadable', file: file.name });
    }
  }

  async function submit(e: TargetedSubmitEvent<HTMLFormElement>) {
    e.preventDefault();
    setWorking(true);
    setOutcome(null);
    const result = await importAdapterText(send, text);
    setWorking(false);
    setOutcome(result);
    if (result.kind === 'imported') {
      setText('');
      setFileNote(null);
      if (fileInput.current) fileInput.current.value = '';
      onImported(result.entry);
    }
  }

  const invalid = outcome !== null && outcome.kind !== 'imported';

  return (
    <form class="pi-form" noValidate onSubmit={(e) => void submit(e)} data-testid="adapter-import">
      <fieldset>
        <legend>{tOptions(lang, 'options.importLegend')}</legend>
        <div class="pi-field">
          <label for="pi-adapter-file">{tOptions(lang, 'options.importFile')}</label>
          <input
            ref={fileInput}
            id="pi-adapter-file"
            type="file"
            accept="application/json,.json"
            disabled={working}
            onChange={(e) => void load(e.currentTarget)}
            data-testid="adapter-import-file"
          />
          {fileNote ? (
            <p
              role={fileNote.kind === 'loaded' ? 'status' : 'alert'}
              class={fileNote.kind === 'loaded' ? 'pi-hint' : 'pi-field-error'}
              data-testid="adapter-import-file-note"
            >
              {tOptions(
                lang,
                fileNote.kind === 'loaded' ? 'options.importLoaded' : 'options.importReadFailed',
                {
                  file: fileNote.file,
                },
              )}
            </p>
          ) : null}
        </div>
        <div class="pi-field">
          <label for="pi-adapter-text">{tOptions(lang, 'options.importText')}</label>
          <textarea
            id="pi-adapter-text"
            rows={10}
            spellcheck={false}
            autocomplete="off"
            value={text}
            disabled={working}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setFileNote(null);
            }}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? 'pi-adapter-import-outcome' : undefined}
            data-testid="adapter-import-text"
          />
        </div>
        <p>
          <button type="submit" class="pi-button" disabled={working} data-testid="adapter-import-submit">
            {tOptions(lang, 'options.importSubmit')}
          </button>
        </p>
        {outcome ? <ImportMessage outcome={outcome} lang={lang} /> : null}
      </fieldset>
    </form>
  );
}

function ImportMessage({ outcome, lang }: { outcome: ImportOutcome; lang: Language }) {
  const id = 'pi-adapter-import-outcome';
  switch (outcome.kind) {
    case 'imported': {
      const name = entryName(outcome.entry);
      return (
        <p id={id} role="status" class="pi-ok" data-testid="adapter-import-outcome">
          {tOptions(lang, outcome.replaced ? 'options.importReplaced' : 'options.importDone', { name })}
        </p>
      );
    }
    case 'invalid':
      return (
        <div id={id} role="alert" class="pi-error" data-testid="adapter-import-outcome">
          <p>
            <span aria-hidden="true">⚠ </span>
            {tOptions(lang, 'options.importInvalid', { count: outcome.problems.length })}
          </p>
          <ul data-testid="adapter-import-errors" data-checked-by={outcome.checkedBy}>
            {outcome.problems.map((p) => (
              <li key={p.en} data-testid="adapter-import-error">
                {pick(lang, p)}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'failed':
      return (
        <div id={id} role="alert" class="pi-error" data-testid="adapter-import-outcome">
          <p>
            <span aria-hidden="true">⚠ </span>
            {tOptions(lang, 'options.importFailed', { reason: pick(lang, outcome.error.message) })}
          </p>
          {outcome.error.details?.length ? (
            <ul data-testid="adapter-import-errors">
              {outcome.error.details.map((d) => (
                <li key={d.en} data-testid="adapter-import-error">
                  {pick(lang, d)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    default:
      return (
        <p id={id} role="alert" class="pi-error" data-testid="adapter-import-outcome">
          <span aria-hidden="true">⚠ </span>
          {outcome.kind === 'empty'
            ? tOptions(lang, 'options.importEmpty')
            : tOptions(lang, 'options.importTooBig', { max: MAX_ADAPTER_TEXT / 1024 })}
        </p>
      );
  }
}
