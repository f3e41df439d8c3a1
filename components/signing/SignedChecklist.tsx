/**
 * The side panel's signed-checklist section: the button that lays out, signs, records and
 * downloads the running stage's checklist, what happened in words, and the files already
 * signed for the case (from the `signatures` register, live).
 *
 * The signing code is imported on the first press, so the side panel's first load does not
 * carry pdf-lib, fontkit and PKIjs.
 */
import { useId, useState } from 'preact/hooks';
import type { LocalizedText } from '../../machines';
import { useLiveQuery } from '../../utils/db/live';
import type { PanduDb } from '../../utils/db/schema';
import { type Language, pick } from '../../utils/i18n';
import { type SigningKey, tSigning } from '../../utils/i18n/signing';
import type { sendRequest } from '../../utils/messaging/client';
import type { CaseState } from '../../utils/messaging/protocol';
import type { SignatureStatement } from '../../utils/pdf/types';
import { formatTime } from '../workspace/history';
import type { SignOutcome } from './sign-checklist';

export interface SignedChecklistProps {
  lang: Language;
  db: PanduDb;
  send: typeof sendRequest;
  state: CaseState;
  caseRef: string;
  portal: string;
  /** Links to the verify page and the options page. */
  verifyUrl: string;
  optionsUrl: string;
  /** Replaces the real signer (tests). */
  sign?: (request: {
    state: CaseState;
    caseRef: string;
    portal: string;
    language: Language;
  }) => Promise<SignOutcome>;
}

type Shown =
  | { kind: 'idle' }
  | { kind: 'working' }
  | {
      kind: 'done';
      fileName: string;
      fileSha256: string;
      statement: Omit<SignatureStatement, 'signedAt'>;
      keyCreated: boolean;
    }
  | { kind: 'failed'; key: 'sign.failed' | 'sign.notRecorded'; reason: LocalizedText };

async function realSign(
  props: Pick<SignedChecklistProps, 'db' | 'send'>,
  request: Parameters<NonNullable<SignedChecklistProps['sign']>>[0],
) {
  const [{ signChecklist, downloadFile }, { loadPdfFonts }] = await Promise.all([
    import('./sign-checklist'),
    import('./pdf-fonts'),
  ]);
  return signChecklist({ db: props.db, send: props.send, fonts: loadPdfFonts, save: downloadFile }, request);
}

export function SignedChecklist(props: SignedChecklistProps) {
  const { lang, db, state, caseRef, portal } = props;
  const headingId = useId();
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const signed = useLiveQuery(
    async () =>
      (await db.signatures.where('caseId').equals(state.id).toArray()).sort((a, b) =>
        b.signedAt.localeCompare(a.signedAt),
      ),
    [db, state.id],
  );
  const s = (key: SigningKey, params?: Record<string, string | number>) => tSigning(lang, key, params);
  const running = state.view.stage !== null && state.view.stage !== undefined;

  async function press() {
    setShown({ kind: 'working' });
    const request = { state, caseRef, portal, language: lang };
    try {
      const outcome = await (props.sign ? props.sign(request) : realSign(props, request));
      if (outcome.ok) {
        const { fileName, fileSha256, statement, keyCreated } = outcome;
        setShown({ kind: 'done', fileName, fileSha256, statement, keyCreated });
      } else {
        setShown({
          kind: 'failed',
          key: outcome.step === 'record' ? 'sign.notRecorded' : 'sign.failed',
          reason: outcome.reason,
        });
      }
    } catch (error) {
      // The lazy chunk itself may fail to load (an extension updated under the open panel).
      const why = error instanceof Error ? error.message : String(error);
      setShown({ kind: 'failed', key: 'sign.failed', reason: { id: why, en: why } });
    }
  }

  return (
    <section class="pw-sign" aria-labelledby={headingId} data-testid="sign-section">
      <h2 id={headingId} class="pw-section-heading">
        {s('sign.title')}
      </h2>
      <p class="pi-muted">{s('sign.help')}</p>
      {running ? (
        <button
          type="button"
          class="pi-button pi-primary"
          data-testid="sign-button"
          disabled={shown.kind === 'working'}
          aria-describedby={`${headingId}-status`}
          onClick={() => void press()}
        >
          {s('sign.button')}
        </button>
      ) : (
        <p data-testid="sign-no-stage">{s('sign.noStage')}</p>
      )}
      <div id={`${headingId}-status`} role="status" data-testid="sign-status" data-state={shown.kind}>
        {shown.kind === 'working' ? <p>{s('sign.working')}</p> : null}
        {shown.kind === 'done' ? (
          <>
            <p>
              <span aria-hidden="true">✓ </span>
              {s('sign.done', { file: shown.fileName })}
            </p>
            <p data-testid="sign-signer">
              {s('sign.signer', {
                name: shown.statement.signerName,
                kind:
                  shown.statement.kind === 'certified'
                    ? s('sign.certified', { issuer: shown.statement.issuer ?? '' })
                    : s('sign.uncertified'),
              })}
            </p>
            <p class="pw-hash" data-testid="sign-hash" data-sha256={shown.fileSha256}>
              {s('sign.hash', { hash: shown.fileSha256 })}
            </p>
            {shown.keyCreated ? <p>{s('sign.keyCreated', { name: shown.statement.signerName })}</p> : null}
          </>
        ) : null}
      </div>
      {shown.kind === 'failed' ? (
        <div class="pw-error" role="alert" data-testid="sign-error">
          <p>
            <span aria-hidden="true">⚠ </span>
            {s(shown.key, { reason: pick(lang, shown.reason) })}
          </p>
        </div>
      ) : null}
      {signed && signed.length > 0 ? (
        <>
          <h3 class="pw-sign-subheading">{s('sign.previous')}</h3>
          <ul class="pw-sign-list" data-testid="sign-list">
            {signed.map((row) => (
              <li key={row.id} data-sha256={row.fileSha256}>
                {s('sign.previousEntry', {
                  time: formatTime(lang, row.signedAt),
                  signer: row.signer,
                  hash: row.fileSha256.slice(0, 16),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="pw-sign-links">
        <a href={props.verifyUrl} target="_blank" rel="noopener" data-testid="sign-verify-link">
          {s('sign.verifyLink')} <span class="pi-sr">{s('sign.newTab')}</span>
        </a>
        {' · '}
        <a href={props.optionsUrl} target="_blank" rel="noopener" data-testid="sign-options-link">
          {s('sign.keysLink')} <span class="pi-sr">{s('sign.newTab')}</span>
        </a>
      </p>
    </section>
  );
}
