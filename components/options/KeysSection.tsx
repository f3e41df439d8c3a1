/**
 * Signing keys in the options page: the certificate of every stored key (who it names, who
 * issued it, validity, key type, fingerprint), which one signs, and making, importing,
 * choosing and deleting keys. The page stores keys itself (utils/db/keys.ts says why).
 * A PKCS#12 file that cannot be used is refused with the reason and stores nothing.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { LocalizedText } from '../../machines';
import {
  addGeneratedKey,
  addImportedKey,
  deleteKey,
  describeKeys,
  type StoredKey,
  selectKey,
} from '../../utils/db/keys';
import { useLiveQuery } from '../../utils/db/live';
import type { PanduDb } from '../../utils/db/schema';
import { getSetting } from '../../utils/db/settings';
import { type Language, pick } from '../../utils/i18n';
import { type SigningKey, tSigning } from '../../utils/i18n/signing';
import { KeyError } from '../../utils/pdf/keys';

/** PKCS#12 files are a few KB; anything much larger is not one. */
const MAX_P12_KB = 256;

type Outcome =
  | { kind: 'ok'; key: SigningKey; name: string }
  | { kind: 'error'; key: SigningKey; reason: LocalizedText }
  | null;

/** A catalog message in both languages, to keep as a reason. */
const both = (key: SigningKey, params?: Record<string, string | number>): LocalizedText => ({
  id: tSigning('id', key, params),
  en: tSigning('en', key, params),
});

const reasonOf = (error: unknown): LocalizedText => {
  if (error instanceof KeyError) return error.text;
  const why = error instanceof Error ? error.message : String(error);
  return { id: why, en: why };
};

export function KeysSection({
  lang,
  db,
  now = () => new Date(),
}: {
  lang: Language;
  db: PanduDb;
  now?: () => Date;
}) {
  const s = (key: SigningKey, params?: Record<string, string | number>) => tSigning(lang, key, params);
  const rows = useLiveQuery(() => db.keys.toArray(), [db]);
  const [keys, setKeys] = useState<StoredKey[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [working, setWorking] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const ids = { title: useId(), file: useId(), password: useId() };

  useEffect(() => {
    if (!rows) return undefined;
    let current = true;
    describeKeys(rows, now())
      .then((described) => current && setKeys(described))
      .catch(
        (error: unknown) =>
          current && setOutcome({ kind: 'error', key: 'keys.describeFailed', reason: reasonOf(error) }),
      );
    return () => {
      current = false;
    };
  }, [rows]);

  async function act(run: () => Promise<Outcome>) {
    setWorking(true);
    setOutcome(null);
    try {
      setOutcome(await run());
    } finally {
      setWorking(false);
    }
  }

  const generate = () =>
    act(async () => {
      const officer = await getSetting(db, 'officer');
      try {
        const row = await addGeneratedKey(db, officer ?? { name: '', nip: '', unit: '' }, now());
        return { kind: 'ok', key: 'keys.generated', name: row.label };
      } catch (error) {
        return { kind: 'error', key: 'keys.generateFailed', reason: reasonOf(error) };
      }
    });

  const importFile = (form: HTMLFormElement) =>
    act(async () => {
      const input = form.elements.namedItem('p12') as HTMLInputElement | null;
      const file = input?.files?.[0];
      if (!file) return { kind: 'error', key: 'keys.importFailed', reason: both('keys.importNoFile') };
      if (file.size > MAX_P12_KB * 1024) {
        return {
          kind: 'error',
          key: 'keys.importFailed',
          reason: both('keys.importTooBig', { max: MAX_P12_KB }),
        };
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        return {
          kind: 'error',
          key: 'keys.importFailed',
          reason: both('keys.importReadFailed', { file: file.name }),
        };
      }
      try {
        const row = await addImportedKey(db, { name: file.name, bytes }, password, now());
        // The password is not kept anywhere, not even in the form.
        setPassword('');
        if (input) input.value = '';
        return { kind: 'ok', key: 'keys.imported', name: row.label };
      } catch (error) {
        return { kind: 'error', key: 'keys.importFailed', reason: reasonOf(error) };
      }
    });

  return (
    <section aria-labelledby={ids.title} data-testid="keys-section">
      <h2 id={ids.title}>{s('keys.title')}</h2>
      <p>{s('keys.help')}</p>
      {keys === null ? (
        <p class="pi-muted">{s('keys.loading')}</p>
      ) : keys.length === 0 ? (
        <p data-testid="keys-none">{s('keys.none')}</p>
      ) : (
        <ul class="pi-keys" aria-label={s('keys.listLabel')} data-testid="keys-list">
          {keys.map((k) => (
            <li
              key={k.row.id}
              class="pi-key"
              data-testid="key"
              data-active={String(k.active)}
              data-sha256={k.info.sha256}
            >
              <KeyDetails lang={lang} stored={k} />
              <p class="pi-key-actions">
                {k.active ? (
                  <strong data-testid="key-active">
                    <span aria-hidden="true">✓ </span>
                    {s('keys.active')}
                  </strong>
                ) : (
                  <button
                    type="button"
                    class="pi-button"
                    disabled={working}
                    data-testid="key-use"
                    onClick={() =>
                      void act(async () => {
                        await selectKey(db, k.row.id, now());
                        return { kind: 'ok', key: 'keys.used', name: k.row.label };
                      })
                    }
                  >
                    {s('keys.use')}
                  </button>
                )}{' '}
                {confirming === k.row.id ? (
                  <span data-testid="key-delete-confirm">
                    <span>{s('keys.deleteConfirm', { name: k.row.label })}</span>{' '}
                    <button
                      type="button"
                      class="pi-button"
                      data-testid="key-delete-yes"
                      onClick={() =>
                        void act(async () => {
                          setConfirming(null);
                          await deleteKey(db, k.row.id);
                          return { kind: 'ok', key: 'keys.deleted', name: k.row.label };
                        })
                      }
                    >
                      {s('keys.deleteYes')}
                    </button>{' '}
                    <button type="button" class="pi-button" onClick={() => setConfirming(null)}>
                      {s('keys.deleteNo')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    class="pi-button"
                    disabled={working}
                    data-testid="key-delete"
                    aria-label={`${s('keys.delete')}: ${k.row.label}`}
                    onClick={() => setConfirming(k.row.id)}
                  >
                    {s('keys.delete')}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button
          type="button"
          class="pi-button"
          disabled={working}
          data-testid="keys-generate"
          onClick={() => void generate()}
        >
          {s('keys.generate')}
        </button>
      </p>
      <form
        class="pi-key-import"
        data-testid="keys-import"
        onSubmit={(e) => {
          e.preventDefault();
          void importFile(e.currentTarget);
        }}
      >
        <fieldset>
          <legend>{s('keys.importLegend')}</legend>
          <p>
            <label for={ids.file}>{s('keys.importFile')}</label>{' '}
            <input
              id={ids.file}
              name="p12"
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              disabled={working}
              data-testid="keys-import-file"
            />
          </p>
          <p>
            <label for={ids.password}>{s('keys.importPassword')}</label>{' '}
            <input
              id={ids.password}
              type="password"
              autocomplete="off"
              class="pi-input"
              value={password}
              disabled={working}
              data-testid="keys-import-password"
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </p>
          <p>
            <button type="submit" class="pi-button" disabled={working} data-testid="keys-import-submit">
              {s('keys.importSubmit')}
            </button>
          </p>
        </fieldset>
      </form>
      {outcome?.kind === 'ok' ? (
        <p role="status" class="pi-ok" data-testid="keys-outcome">
          {s(outcome.key, { name: outcome.name })}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div role="alert" class="pi-error" data-testid="keys-outcome" data-error="true">
          <p>{s(outcome.key, { reason: pick(lang, outcome.reason) })}</p>
        </div>
      ) : null}
    </section>
  );
}

function KeyDetails({ lang, stored }: { lang: Language; stored: StoredKey }) {
  const s = (key: SigningKey, params?: Record<string, string | number>) => tSigning(lang, key, params);
  const { info, row, problem } = stored;
  const issuer = info.issuer.CN ?? info.issuer.O ?? '—';
  const kind = !info.selfSigned
    ? s('keys.kindCertified', { issuer })
    : row.origin === 'imported'
      ? s('keys.kindSelfImported')
      : s('keys.kindSelf');
  const day = (iso: string) => iso.slice(0, 10);
  const rows: [SigningKey, string][] = [
    ['keys.subject', info.subject.CN ?? row.label],
    ...(info.subject.serialNumber ? [['keys.nip', info.subject.serialNumber] as [SigningKey, string]] : []),
    ...(info.subject.O ? [['keys.unit', info.subject.O] as [SigningKey, string]] : []),
    ['keys.kind', kind],
    ['keys.issuer', issuer],
    ['keys.validity', s('keys.validRange', { from: day(info.notBefore), to: day(info.notAfter) })],
    ['keys.keyType', info.keyType],
    ['keys.fingerprint', info.sha256],
  ];
  return (
    <>
      <dl class="pi-key-details" data-testid="key-details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{s(label)}</dt>
            <dd class={label === 'keys.fingerprint' ? 'pi-key-hash' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      {problem ? (
        <p class="pi-error" data-testid="key-problem">
          <span aria-hidden="true">⚠ </span>
          {s('keys.unusable', { reason: pick(lang, problem.text) })}
        </p>
      ) : null}
    </>
  );
}
