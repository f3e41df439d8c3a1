/**
 * The options page. For now: what this browser holds (live), and backup export/import. The
 * [Overlay] work adds identity, language default and adapters here.
 */
import { useState } from 'preact/hooks';
import { useLiveQuery } from '../utils/db/live';
import type { PanduDb } from '../utils/db/schema';
import { type Language, pick } from '../utils/i18n';
import { tOptions } from '../utils/i18n/options';
import { sendRequest } from '../utils/messaging/client';
import type { ProtocolError } from '../utils/messaging/protocol';
import { LanguageToggle } from './LanguageToggle';

export interface OptionsPageProps {
  db: PanduDb;
  send?: typeof sendRequest;
  /** Saves a file for the officer (a download link by default). */
  save?: (fileName: string, text: string) => void;
  initialLanguage?: Language;
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; error: ProtocolError } | null;

function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OptionsPage({
  db,
  send = sendRequest,
  save = downloadText,
  initialLanguage = 'id',
}: OptionsPageProps) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [working, setWorking] = useState(false);
  const counts = useLiveQuery(
    async () => ({
      cases: await db.cases.count(),
      events: await db.events.count(),
      evidence: await db.evidence.count(),
    }),
    [db],
  );

  async function exportBackup() {
    setWorking(true);
    setOutcome(null);
    const answer = await send('backup.export', {});
    setWorking(false);
    if (!answer.ok) return setOutcome({ kind: 'error', error: answer.error });
    save(answer.data.fileName, answer.data.text);
    setOutcome({ kind: 'ok', text: tOptions(lang, 'options.exported', { file: answer.data.fileName }) });
  }

  async function importBackup(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setWorking(true);
    setOutcome(null);
    const answer = await send('backup.import', { text: await file.text() });
    setWorking(false);
    input.value = '';
    if (!answer.ok) return setOutcome({ kind: 'error', error: answer.error });
    const c = answer.data;
    setOutcome({
      kind: 'ok',
      text: tOptions(lang, 'options.imported', {
        cases: c.cases,
        events: c.events,
        evidence: c.evidence,
        unchanged: c.unchanged,
      }),
    });
  }

  return (
    <main class="pi-options" lang={lang}>
      <header class="pi-options-header">
        <h1>{tOptions(lang, 'options.title')}</h1>
        <LanguageToggle lang={lang} onChange={setLang} testId="options-language" />
      </header>
      <section aria-labelledby="pi-data-title">
        <h2 id="pi-data-title">{tOptions(lang, 'options.dataTitle')}</h2>
        <p data-testid="options-counts" aria-live="polite">
          {counts
            ? tOptions(lang, 'options.counts', {
                cases: counts.cases,
                events: counts.events,
                evidence: counts.evidence,
              })
            : tOptions(lang, 'options.loading')}
        </p>
      </section>
      <section aria-labelledby="pi-backup-title">
        <h2 id="pi-backup-title">{tOptions(lang, 'options.backupTitle')}</h2>
        <p>{tOptions(lang, 'options.backupHelp')}</p>
        <p>
          <button
            type="button"
            class="pi-button"
            disabled={working}
            onClick={() => void exportBackup()}
            data-testid="options-export"
          >
            {tOptions(lang, 'options.export')}
          </button>
        </p>
        <p>
          <label for="pi-import">{tOptions(lang, 'options.import')}</label>{' '}
          <input
            id="pi-import"
            type="file"
            accept="application/json,.json"
            disabled={working}
            data-testid="options-import"
            onChange={(e) => void importBackup(e.currentTarget)}
          />
        </p>
        {outcome?.kind === 'ok' ? (
          <p role="status" class="pi-ok" data-testid="options-outcome">
            {outcome.text}
          </p>
        ) : null}
        {outcome?.kind === 'error' ? (
          <div role="alert" class="pi-error" data-testid="options-outcome">
            <p>{tOptions(lang, 'options.failed', { reason: pick(lang, outcome.error.message) })}</p>
            {outcome.error.details?.map((d) => (
              <p key={d.id}>{pick(lang, d)}</p>
            ))}
          </div>
        ) : null}
      </section>
    </main>
  );
}
