/**
 * The verify page: checks a signed checklist PDF in this browser with verifyPdf, the same check
 * `npm run verify-pdf` runs. The officer picks a file (a labelled input, so keyboards work) or
 * drops one on the drop zone; nothing is sent or stored. The report leads with the verdict in
 * words and an icon, then each signature as a description list, whether the file was changed
 * after signing, and the QR payload. Focus moves to the verdict when a result is in.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { usePrefs } from '../../utils/db/prefs';
import type { PanduDb } from '../../utils/db/schema';
import type { Language } from '../../utils/i18n';
import { tVerify } from '../../utils/i18n/verify';
import type { sendRequest } from '../../utils/messaging/client';
import { type VerifyReport, verifyPdf } from '../../utils/pdf/verify';
import { useFileDrop } from '../workspace/file-drop';
import { PageShell } from '../workspace/PageShell';
import { MAX_BYTES, MAX_MEGABYTES, megabytes, signatureFacts, signerName, verdictText } from './report';

export interface VerifyPageProps {
  db: PanduDb;
  send: typeof sendRequest;
  /** The check itself (default: verifyPdf); tests may hold it to see the "checking" state. */
  verify?: (bytes: Uint8Array) => Promise<VerifyReport>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; file: string }
  | { kind: 'done'; file: string; report: VerifyReport }
  | { kind: 'too-big'; file: string; size: number }
  | { kind: 'unreadable'; file: string }
  | { kind: 'failed'; file: string; reason: string };

export function VerifyPage({ db, send, verify = verifyPdf }: VerifyPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang = prefs.language;
  const [state, setState] = useState<State>({ kind: 'idle' });
  // Only the latest file's outcome is shown: an earlier, slower check is dropped.
  const latest = useRef(0);
  const verdict = useRef<HTMLParagraphElement>(null);
  const w = (key: Parameters<typeof tVerify>[1], params?: Record<string, string | number>) =>
    tVerify(lang, key, params);

  useEffect(() => {
    if (state.kind === 'done') verdict.current?.focus();
  }, [state]);

  // A file dropped beside the zone would make the browser open it in place of this page.
  useEffect(() => {
    const keep = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  async function check(file: File) {
    const run = ++latest.current;
    if (file.size > MAX_BYTES) return setState({ kind: 'too-big', file: file.name, size: file.size });
    setState({ kind: 'checking', file: file.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      if (run === latest.current) setState({ kind: 'unreadable', file: file.name });
      return;
    }
    try {
      const report = await verify(bytes);
      if (run === latest.current) setState({ kind: 'done', file: file.name, report });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (run === latest.current) setState({ kind: 'failed', file: file.name, reason });
    }
  }

  // The drop listener, attached once, always runs the current render's check.
  const { zone, dragging } = useFileDrop((files) => {
    const file = files[0];
    if (file) void check(file);
  });

  function onPick(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    void check(file);
    // The same file can be chosen again (after fixing it, say) and is checked again.
    input.value = '';
  }

  return (
    <PageShell
      lang={lang}
      title={w('verify.title')}
      heading={w('verify.heading')}
      variant="verify"
      onLanguage={(language) => void changePrefs({ language })}
      languageLocked={prefs.locked?.includes('language')}
    >
      <p class="pv-help">{w('verify.help')}</p>
      <div ref={zone} class={`pv-drop${dragging ? ' pv-drop-over' : ''}`} data-testid="verify-drop">
        <label for="pv-file" class="pv-label">
          {w('verify.fileLabel')}
        </label>
        <input
          id="pv-file"
          type="file"
          accept="application/pdf,.pdf"
          class="pv-file"
          aria-describedby="pv-file-hint"
          data-testid="verify-file-input"
          onChange={(e) => onPick(e.currentTarget)}
        />
        <p id="pv-file-hint" class="pv-hint">
          {w('verify.fileHint', { max: MAX_MEGABYTES })} {w('verify.dropHint')}
        </p>
      </div>
      <p role="status" class="pv-status" data-testid="verify-status">
        {state.kind === 'checking' ? w('verify.checking', { file: state.file }) : ''}
      </p>
      {state.kind === 'too-big' ? (
        <ErrorLine>
          {w('verify.tooBig', { file: state.file, size: megabytes(state.size, lang), max: MAX_MEGABYTES })}
        </ErrorLine>
      ) : state.kind === 'unreadable' ? (
        <ErrorLine>{w('verify.unreadable', { file: state.file })}</ErrorLine>
      ) : state.kind === 'failed' ? (
        <ErrorLine>{w('verify.failed', { file: state.file, reason: state.reason })}</ErrorLine>
      ) : null}
      {state.kind === 'done' ? (
        <Report lang={lang} file={state.file} report={state.report} verdictRef={verdict} />
      ) : null}
    </PageShell>
  );
}

function ErrorLine({ children }: { children: string }) {
  return (
    <p role="alert" class="pw-error" data-testid="verify-error">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

/** A yes/no answer in words with an icon; `good` says whether this answer is the wanted one. */
function Answer({ lang, yes, good }: { lang: Language; yes: boolean; good: boolean }) {
  return (
    <span class={`pv-answer ${good ? 'pv-good' : 'pv-bad'}`} data-ok={String(good)}>
      <span aria-hidden="true">{good ? '✓' : '✗'} </span>
      {tVerify(lang, yes ? 'verify.yes' : 'verify.no')}
    </span>
  );
}

function Report({
  lang,
  file,
  report,
  verdictRef,
}: {
  lang: Language;
  file: string;
  report: VerifyReport;
  verdictRef: RefObject<HTMLParagraphElement | null>;
}) {
  const w = (key: Parameters<typeof tVerify>[1], params?: Record<string, string | number>) =>
    tVerify(lang, key, params);
  const signed = report.signatures.length > 0;
  return (
    <section class="pv-report" aria-labelledby="pv-report-title" data-testid="verify-report">
      <h2 id="pv-report-title" class="pw-section-heading">
        {w('verify.resultTitle', { file })}
      </h2>
      <p
        ref={verdictRef}
        tabIndex={-1}
        class={`pv-verdict ${report.valid ? 'pv-verdict-valid' : 'pv-verdict-invalid'}`}
        data-testid="verify-verdict"
        data-valid={String(report.valid)}
        data-problem={report.problem}
      >
        <span class="pv-icon" aria-hidden="true">
          {report.valid ? '✓' : '✗'}{' '}
        </span>
        {verdictText(report, lang)}
      </p>
      {report.signatures.map((s, i) => (
        <section
          key={i}
          class="pv-signature"
          aria-labelledby={`pv-signature-${i}`}
          data-testid="verify-signature"
        >
          <h3 id={`pv-signature-${i}`} class="pv-signature-title">
            {w('verify.signatureTitle', { n: i + 1, who: signerName(s, lang) })}
          </h3>
          <dl class="pv-facts">
            {signatureFacts(s, lang).map((row) => (
              <div key={row.key} class="pv-fact" data-row={row.key}>
                <dt>{row.term}</dt>
                <dd>
                  {row.ok === undefined ? (
                    row.code ? (
                      <code class="pv-code">{row.value}</code>
                    ) : (
                      row.value
                    )
                  ) : (
                    <Answer lang={lang} yes={row.ok} good={row.ok} />
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {signed ? (
        <p class="pv-line" data-testid="verify-modified" data-modified={String(report.modified)}>
          {w('verify.modified')} <Answer lang={lang} yes={report.modified} good={!report.modified} />
        </p>
      ) : null}
      {report.problem === 'not-a-pdf' ? null : report.payload.found ? (
        <p
          class="pv-line"
          data-testid="verify-payload"
          data-found="true"
          data-matches={String(report.payload.matches === true)}
        >
          {w('verify.payloadFound', { caseRef: report.payload.caseRef ?? '—' })}{' '}
          <Answer lang={lang} yes={report.payload.matches === true} good={report.payload.matches === true} />
        </p>
      ) : (
        <p class="pv-line" data-testid="verify-payload" data-found="false">
          {w('verify.payloadMissing')}
        </p>
      )}
      {signed ? <p class="pv-note">{w('verify.trustNote')}</p> : null}
    </section>
  );
}
