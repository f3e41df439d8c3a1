/**
 * The team view without a server (issue 8, point 4), a section of the dashboard: export my
 * signed activity report; import team reports (several files, by picking or dropping), each
 * with its own verdict; the imported reports, each removable after confirmation; and outputs
 * per officer across the reports and this browser's own log.
 *
 * The page reads the database live and writes the `reports` table itself (utils/db/reports.ts).
 * Verifying and signing (PKIjs) load on first use, so the dashboard's first view does not wait.
 * Verdicts are text with an icon, never colour alone; focus moves to the results heading.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SlaStatus } from '../../machines';
import { useLiveQuery } from '../../utils/db/live';
import type { ImportVerdict, ReportInput } from '../../utils/db/reports';
import type { PanduDb, ReportRow } from '../../utils/db/schema';
import { getSetting } from '../../utils/db/settings';
import { saveFile } from '../../utils/export/download';
import { type Language, pick, t } from '../../utils/i18n';
import { type TeamKey, tTeam } from '../../utils/i18n/team';
import type { sendRequest } from '../../utils/messaging/client';
import { OUTPUT_KINDS, weekOf } from '../../utils/outputs/outputs';
import { type AggregateSource, aggregateTeam, type OfficerAggregate } from '../../utils/team/aggregate';
import { buildPayload, REFUSALS, REPORT_LIMITS } from '../../utils/team/report';
import { browserTime } from '../../utils/time/zoned';
import { formatDate, SLA_KEYS } from '../case/format';
import { useFileDrop } from '../workspace/file-drop';
import { formatTime } from '../workspace/history';
import type { ExportOutcome } from './export-report';
import './team.css';

export interface TeamSectionProps {
  db: PanduDb;
  send: typeof sendRequest;
  lang: Language;
  /** Hands the exported file over (default: a download). */
  save?: (text: string, fileName: string) => void;
  now?: () => Date;
  /** Where the officer identity is set. */
  optionsUrl?: string;
}

type Params = Record<string, string | number>;

export function TeamSection({
  db,
  lang,
  save = (text: string, fileName: string) => saveFile(text, fileName, 'application/json'),
  now = () => new Date(),
  optionsUrl = 'options.html',
}: TeamSectionProps) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const today = browserTime(now()).date;
  return (
    <section class="pt-team" aria-labelledby="pt-team-heading" data-testid="team-section">
      <h2 id="pt-team-heading" class="pw-section-heading">
        {w('team.heading')}
      </h2>
      <p>{w('team.help')}</p>
      <ExportPanel db={db} lang={lang} save={save} now={now} today={today} optionsUrl={optionsUrl} />
      <ImportPanel db={db} lang={lang} now={now} />
      <ReportList db={db} lang={lang} />
      <Aggregate db={db} lang={lang} now={now} today={today} />
    </section>
  );
}

// --- export ----------------------------------------------------------------------------------

function ExportPanel({
  db,
  lang,
  save,
  now,
  today,
  optionsUrl,
}: {
  db: PanduDb;
  lang: Language;
  save: (text: string, fileName: string) => void;
  now: () => Date;
  today: string;
  optionsUrl: string;
}) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const officer = useLiveQuery(async () => (await getSetting(db, 'officer')) ?? null, [db]);
  const [from, setFrom] = useState(weekOf(today));
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const hasIdentity = officer ? Boolean(officer.name && /^\d{18}$/.test(officer.nip)) : false;

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      // PKIjs and the signing code load only when asked for, not with the dashboard.
      const { exportMyReport } = await import('./export-report');
      setOutcome(await exportMyReport({ db, save, now }, { from, to }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="pt-panel" aria-labelledby="pt-export-heading" data-testid="team-export">
      <h3 id="pt-export-heading" class="pt-heading">
        {w('team.export.heading')}
      </h3>
      <p class="pi-muted">{w('team.export.help')}</p>
      {officer !== undefined && !hasIdentity ? (
        <p class="pt-notice" data-testid="team-export-identity">
          <span aria-hidden="true">⚠ </span>
          {w('team.export.noIdentity')}{' '}
          <a href={optionsUrl} target="_blank" rel="noopener">
            {w('team.export.openOptions')}
          </a>
        </p>
      ) : null}
      <form
        class="pt-period"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {w('team.export.from')}{' '}
          <input
            type="date"
            value={from}
            required
            data-testid="team-export-from"
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          {w('team.export.to')}{' '}
          <input
            type="date"
            value={to}
            required
            data-testid="team-export-to"
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy} data-testid="team-export-button">
          {w('team.export.button')}
        </button>
      </form>
      <p role="status" class="pw-busy" data-testid="team-export-status">
        {busy
          ? w('team.export.busy')
          : outcome?.ok
            ? `✓ ${w('team.export.done', { file: outcome.fileName, cases: outcome.cases })}${
                outcome.keyCreated ? ` ${w('team.export.keyCreated')}` : ''
              }`
            : ''}
      </p>
      {outcome && !outcome.ok ? (
        <p role="alert" class="pw-error" data-testid="team-export-error">
          <span aria-hidden="true">⚠ </span>
          {w('team.export.failed', { reason: pick(lang, outcome.reason) })}
          {outcome.where === 'identity' ? (
            <>
              {' '}
              <a href={optionsUrl} target="_blank" rel="noopener">
                {w('team.export.openOptions')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

// --- import ----------------------------------------------------------------------------------

type Verdict = ImportVerdict | { file: string; status: 'unreadable' };

function ImportPanel({ db, lang, now }: { db: PanduDb; lang: Language; now: () => Date }) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const [busy, setBusy] = useState(0);
  const [verdicts, setVerdicts] = useState<Verdict[] | null>(null);
  const results = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (verdicts) results.current?.focus();
  }, [verdicts]);

  async function load(files: File[]) {
    if (files.length === 0) return;
    setBusy(files.length);
    const inputs: ReportInput[] = [];
    const unreadable: Verdict[] = [];
    const tooBig: Verdict[] = [];
    for (const file of files) {
      // A file past the limit is refused by its size, without reading it.
      if (file.size > REPORT_LIMITS.fileBytes) {
        tooBig.push({ file: file.name, status: 'refused', reason: 'too-big', message: REFUSALS['too-big'] });
        continue;
      }
      try {
        inputs.push({ name: file.name, content: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        unreadable.push({ file: file.name, status: 'unreadable' });
      }
    }
    try {
      const { importReports } = await import('../../utils/db/reports');
      setVerdicts([...(await importReports(db, inputs, now())), ...tooBig, ...unreadable]);
    } finally {
      setBusy(0);
    }
  }
  const { zone, dragging } = useFileDrop((files) => void load(files));

  const tally = (status: string) => verdicts?.filter((v) => v.status === status).length ?? 0;
  return (
    <section class="pt-panel" aria-labelledby="pt-import-heading" data-testid="team-import">
      <h3 id="pt-import-heading" class="pt-heading">
        {w('team.import.heading')}
      </h3>
      <div ref={zone} class={`pt-drop${dragging ? ' pt-drop-over' : ''}`} data-testid="team-drop">
        <label for="pt-files">{w('team.import.label')}</label>{' '}
        <input
          id="pt-files"
          type="file"
          multiple
          accept="application/json,.json"
          aria-describedby="pt-files-hint"
          data-testid="team-import-input"
          onChange={(e) => {
            const input = e.currentTarget;
            const files = [...(input.files ?? [])];
            input.value = '';
            void load(files);
          }}
        />
        <p id="pt-files-hint" class="pi-muted">
          {w('team.import.dropHint')}
        </p>
      </div>
      <p role="status" class="pw-busy" data-testid="team-import-status">
        {busy ? w('team.import.busy', { count: busy }) : ''}
      </p>
      {verdicts ? (
        <div data-testid="team-import-results">
          <h4 ref={results} tabIndex={-1} class="pt-heading" data-testid="team-import-results-heading">
            {w('team.import.resultsHeading')}:{' '}
            {w('team.import.summary', {
              imported: tally('imported'),
              duplicate: tally('duplicate'),
              refused: tally('refused') + tally('unreadable'),
            })}
          </h4>
          <ul class="pt-verdicts">
            {verdicts.map((v, i) => (
              <VerdictLine key={`${i}-${v.file}`} lang={lang} verdict={v} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function VerdictLine({ lang, verdict }: { lang: Language; verdict: Verdict }) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const good = verdict.status === 'imported' || verdict.status === 'duplicate';
  let text: string;
  let reason: string | undefined;
  if (verdict.status === 'unreadable') {
    text = w('team.verdict.refused', { reason: w('team.unreadable') });
  } else if (verdict.status === 'refused') {
    reason = verdict.reason;
    text = w('team.verdict.refused', { reason: pick(lang, verdict.message) });
  } else {
    const { row } = verdict;
    text = w(verdict.status === 'imported' ? 'team.verdict.imported' : 'team.verdict.duplicate', {
      name: row.name,
      nip: row.officer,
      from: formatDate(lang, row.from),
      to: formatDate(lang, row.to),
    });
  }
  return (
    <li
      class={`pt-verdict ${good ? 'pt-good' : 'pt-bad'}`}
      data-testid="team-verdict"
      data-status={verdict.status}
      data-reason={reason}
    >
      <span aria-hidden="true">{verdict.status === 'imported' ? '✓ ' : good ? 'ℹ ' : '✗ '}</span>
      <strong>{verdict.file}</strong>: {text}
      {verdict.status === 'refused' && verdict.detail ? (
        <span class="pi-muted"> ({w('team.verdict.detail', { detail: verdict.detail.slice(0, 200) })})</span>
      ) : null}
    </li>
  );
}

// --- imported reports ------------------------------------------------------------------------

function ReportList({ db, lang }: { db: PanduDb; lang: Language }) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const rows = useLiveQuery(
    async () =>
      (await db.reports.toArray()).sort(
        (a, b) => a.name.localeCompare(b.name) || b.generatedAt.localeCompare(a.generatedAt),
      ),
    [db],
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState('');
  const status = useRef<HTMLParagraphElement>(null);

  async function remove(row: ReportRow) {
    // deleteReport's one line, without loading reports.ts (and PKIjs) for it.
    await db.reports.delete(row.id);
    setConfirming(null);
    setRemoved(w('team.removed', { name: row.name }));
    status.current?.focus();
  }

  const period = (row: ReportRow) =>
    w('team.period', { from: formatDate(lang, row.from), to: formatDate(lang, row.to) });
  return (
    <section class="pt-panel" aria-labelledby="pt-list-heading" data-testid="team-reports">
      <h3 id="pt-list-heading" class="pt-heading">
        {w('team.list.heading')}
      </h3>
      <p ref={status} tabIndex={-1} role="status" class="pw-busy" data-testid="team-list-status">
        {removed}
      </p>
      {rows === undefined ? null : rows.length === 0 ? (
        <p data-testid="team-reports-empty">{w('team.list.empty')}</p>
      ) : (
        <div class="pw-table-wrap">
          <table class="pw-table" data-testid="team-reports-table">
            <caption>{w('team.list.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{w('team.col.officer')}</th>
                <th scope="col">{w('team.col.nip')}</th>
                <th scope="col">{w('team.col.period')}</th>
                <th scope="col">{w('team.col.signedAt')}</th>
                <th scope="col">{w('team.col.kind')}</th>
                <th scope="col">{w('team.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="team-report-row" data-officer={row.officer}>
                  <th scope="row">{row.name}</th>
                  <td>{row.officer}</td>
                  <td>{period(row)}</td>
                  <td>
                    <time dateTime={row.generatedAt}>{formatTime(lang, row.generatedAt)}</time>
                  </td>
                  <td data-kind={row.certified ? 'certified' : 'uncertified'}>
                    <span aria-hidden="true">{row.certified ? '🛡 ' : '✎ '}</span>
                    {w(row.certified ? 'team.kind.certified' : 'team.kind.uncertified')}
                  </td>
                  <td>
                    {confirming === row.id ? (
                      <ConfirmRemove
                        text={w('team.removeConfirm', {
                          name: row.name,
                          from: formatDate(lang, row.from),
                          to: formatDate(lang, row.to),
                        })}
                        yes={w('team.removeYes')}
                        no={w('team.removeNo')}
                        onYes={() => void remove(row)}
                        onNo={() => setConfirming(null)}
                      />
                    ) : (
                      <button
                        type="button"
                        aria-label={w('team.remove', {
                          name: row.name,
                          from: formatDate(lang, row.from),
                          to: formatDate(lang, row.to),
                        })}
                        data-testid="team-report-remove"
                        onClick={() => {
                          setRemoved('');
                          setConfirming(row.id);
                        }}
                      >
                        {w('team.removeShort')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** An inline confirmation: the question, then "cancel" focused so Enter does no harm. */
function ConfirmRemove(props: {
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <fieldset class="pt-confirm" data-testid="team-remove-confirm">
      <legend>{props.text}</legend>
      <button type="button" data-testid="team-remove-yes" onClick={props.onYes}>
        {props.yes}
      </button>{' '}
      <button type="button" ref={cancel} data-testid="team-remove-no" onClick={props.onNo}>
        {props.no}
      </button>
    </fieldset>
  );
}

// --- aggregate -------------------------------------------------------------------------------

function Aggregate({
  db,
  lang,
  now,
  today,
}: {
  db: PanduDb;
  lang: Language;
  now: () => Date;
  today: string;
}) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const rows = useLiveQuery(async () => {
    const reports = await db.reports.toArray();
    const [officer, targets] = await Promise.all([getSetting(db, 'officer'), getSetting(db, 'targets')]);
    const sources: AggregateSource[] = reports.map((r) => ({ payload: r.payload }));
    const who = officer?.nip || officer?.name;
    if (officer && who) {
      // The local log, as a report made now over the imported reports' span and this week.
      const from = [weekOf(today), ...reports.map((r) => r.from)].sort()[0] ?? today;
      const storedFrom = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString();
      const events = await db.events
        .where('storedAt')
        .aboveOrEqual(storedFrom)
        .filter((e) => e.officer === who)
        .toArray();
      if (events.length > 0) {
        const cases = (await db.cases.bulkGet([...new Set(events.map((e) => e.caseId))])).filter(
          (c) => c !== undefined,
        );
        const payload = buildPayload({
          officer,
          period: { from, to: today },
          generatedAt: browserTime(now()).timestamp,
          device: '',
          cases,
          events,
        });
        sources.push({ payload, local: true });
      }
    }
    return aggregateTeam(sources, targets);
  }, [db, today]);

  return (
    <section class="pt-panel" aria-labelledby="pt-agg-heading" data-testid="team-aggregate">
      <h3 id="pt-agg-heading" class="pt-heading">
        {w('team.agg.heading')}
      </h3>
      <p class="pi-muted">{w('team.agg.help')}</p>
      {rows === undefined ? null : rows.length === 0 ? (
        <p data-testid="team-aggregate-empty">{w('team.agg.empty')}</p>
      ) : (
        <div class="pw-table-wrap">
          <table class="pw-table" data-testid="team-aggregate-table">
            <caption>{w('team.agg.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{w('team.agg.officer')}</th>
                <th scope="col">{w('team.agg.period')}</th>
                <th scope="col">{w('team.agg.steps')}</th>
                <th scope="col">{w('team.agg.advances')}</th>
                <th scope="col">{w('team.agg.visits')}</th>
                <th scope="col">{w('team.agg.week')}</th>
                <th scope="col">{w('team.agg.daily')}</th>
                <th scope="col">{w('team.agg.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <AggregateRow key={row.officer} lang={lang} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const KIND_LABEL: Record<(typeof OUTPUT_KINDS)[number], TeamKey> = {
  steps: 'team.agg.steps',
  advances: 'team.agg.advances',
  visits: 'team.agg.visits',
};

function AggregateRow({ lang, row }: { lang: Language; row: OfficerAggregate }) {
  const w = (key: TeamKey, params?: Params) => tTeam(lang, key, params);
  const sources = [
    ...(row.reports > 0 ? [w('team.agg.reports', { count: row.reports })] : []),
    ...(row.local ? [w('team.agg.local')] : []),
  ].join(', ');
  const sla = Object.entries(row.bySla) as [SlaStatus, number][];
  return (
    <tr data-testid="team-aggregate-row" data-officer={row.officer}>
      <th scope="row">
        {row.name}
        <br />
        <span class="pi-muted">
          {row.officer !== row.name ? `NIP ${row.officer} · ` : ''}
          {sources}
        </span>
      </th>
      <td>
        {w('team.period', { from: formatDate(lang, row.period.from), to: formatDate(lang, row.period.to) })}
      </td>
      {OUTPUT_KINDS.map((kind) => (
        <td key={kind} data-testid={`team-aggregate-${kind}`}>
          {row.total[kind]}
        </td>
      ))}
      <td data-testid="team-aggregate-week">
        {row.latestWeek?.against ? (
          <ul class="pt-targets">
            <li class="pi-muted">{w('team.agg.weekOf', { date: formatDate(lang, row.latestWeek.week) })}</li>
            {OUTPUT_KINDS.map((kind) => {
              const k = row.latestWeek?.against?.[kind];
              if (!k) return null;
              return (
                <li key={kind} data-met={String(k.met)}>
                  <span aria-hidden="true">{k.met ? '✓ ' : '✗ '}</span>
                  {w('team.agg.kindValue', { label: w(KIND_LABEL[kind]), done: k.done, target: k.target })} (
                  {w(k.met ? 'team.agg.met' : 'team.agg.notMet')})
                </li>
              );
            })}
          </ul>
        ) : (
          w('team.agg.noTargets')
        )}
      </td>
      <td>
        {row.daily
          ? w('team.agg.dailyValue', { met: row.daily.met, of: row.daily.of })
          : w('team.agg.noTargets')}
      </td>
      <td data-testid="team-aggregate-cases">
        {sla.length === 0 ? (
          w('team.agg.casesNone')
        ) : (
          <ul class="pt-targets">
            {sla.map(([status, n]) => (
              <li key={status}>
                {t(lang, SLA_KEYS[status] ?? 'sla.none')}: {n}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
