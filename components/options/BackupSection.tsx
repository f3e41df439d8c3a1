/**
 * What this browser holds (live counts) and backup export/import: the file is checked whole by
 * the background before anything is written, and a refusal lists why.
 */
import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../utils/db/live';
import type { PanduDb } from '../../utils/db/schema';
import { type Language, pick } from '../../utils/i18n';
import { tOptions } from '../../utils/i18n/options';
import type { ProtocolError } from '../../utils/messaging/protocol';
import type { Send } from './adapters';

type Outcome =
  | { kind: 'exported'; file: string; skipped: string[] }
  | { kind: 'imported'; cases: number; events: number; evidence: number; unchanged: number }
  | { kind: 'error'; error: ProtocolError }
  | null;

export function DataSection({ db, lang }: { db: PanduDb; lang: Language }) {
  const counts = useLiveQuery(
    async () => ({
      cases: await db.cases.count(),
      events: await db.events.count(),
      evidence: await db.evidence.count(),
    }),
    [db],
  );
  return (
    <section aria-labelledby="pi-data-title">
      <h2 id="pi-data-title">{tOptions(lang, 'options.dataTitle')}</h2>
      <p data-testid="options-counts" aria-live="polite">
        {counts ? tOptions(lang, 'options.counts', counts) : tOptions(lang, 'options.loading')}
      </p>
    </section>
  );
}

export function BackupSection({
  lang,
  send,
  save,
}: {
  lang: Language;
  send: Send;
  save: (fileName: string, text: string) => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [working, setWorking] = useState(false);

  async function exportBackup() {
    setWorking(true);
    setOutcome(null);
    const answer = await send('backup.export', {});
    setWorking(false);
    if (!answer.ok) return setOutcome({ kind: 'error', error: answer.error });
    save(answer.data.fileName, answer.data.text);
    setOutcome({ kind: 'exported', file: answer.data.fileName, skipped: answer.data.skipped });
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
    setOutcome({ kind: 'imported', ...answer.data });
  }

  return (
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
      {outcome?.kind === 'exported' ? (
        <div role="status" data-testid="options-outcome">
          <p class="pi-ok">{tOptions(lang, 'options.exported', { file: outcome.file })}</p>
          {outcome.skipped.length > 0 ? (
            <p class="pi-warning" data-testid="options-export-skipped">
              {tOptions(lang, 'options.exportSkipped', {
                count: outcome.skipped.length,
                list: outcome.skipped.join(', '),
              })}
            </p>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'imported' ? (
        <p role="status" class="pi-ok" data-testid="options-outcome">
          {tOptions(lang, 'options.imported', outcome)}
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
  );
}
