/**
 * The activity map page (activity-map.html): two provinces and a date chosen with labelled
 * controls, their readiness side by side, then every permit's steps with the mode in each and
 * why, optionally narrowed to one permit or to the steps that differ; CSV and PDF exports of
 * what is shown. The choice lives in the URL so a reload keeps it. Nothing is stored or sent.
 *
 * The PDF code (pdf-lib, fontkit, fonts) is imported on the first press, so the page opens fast.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { activityMap, CATALOG, filterActivityMap, findRegion } from '../../machines';
import { usePrefs } from '../../utils/db/prefs';
import type { PanduDb } from '../../utils/db/schema';
import { CSV_MIME } from '../../utils/export/csv';
import { saveFile } from '../../utils/export/download';
import { type Language, pick } from '../../utils/i18n';
import { type ActivityMapKey, tMap } from '../../utils/i18n/activity-map';
import type { sendRequest } from '../../utils/messaging/client';
import type { PdfFonts } from '../../utils/pdf/types';
import { browserTime } from '../../utils/time/zoned';
import { PageShell } from '../workspace/PageShell';
import { MapControls } from './MapControls';
import { activityMapCsv, activityMapFileName } from './map-csv';
import type { MapPdfOptions } from './map-pdf';
import { PermitTable } from './PermitTable';
import { RegionCard } from './RegionCard';
import { type MapSelection, selectionFromQuery, selectionToQuery } from './selection';

export interface ActivityMapPageProps {
  db: PanduDb;
  send: typeof sendRequest;
  /** The query the page opened with (default: `location.search`). */
  search?: string;
  /** Today as `YYYY-MM-DD` in the officer's zone (default: the browser's). */
  today?: string;
  /** The clock for the PDF's "generated" line (default: now). */
  now?: () => Date;
  /** Hands a file over (default: an anchor download); tests capture it. */
  save?: (data: Uint8Array | string, fileName: string, type: string) => void;
  /** The PDF's fonts (default: fetched from the extension when first needed). */
  fonts?: () => Promise<PdfFonts>;
}

type ExportState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; file: string }
  | { kind: 'failed'; reason: string };

async function loadFonts(): Promise<PdfFonts> {
  const { loadPdfFonts } = await import('../signing/pdf-fonts');
  return loadPdfFonts();
}

/** `2026-11-29 10:15 +07:00`: the officer's local time with its zone written out. */
function generatedAt(at: Date): string {
  const { timestamp } = browserTime(at);
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 16)} ${timestamp.slice(19)}`;
}

export function ActivityMapPage({
  db,
  send,
  search = location.search,
  today = browserTime(new Date()).date,
  now = () => new Date(),
  save = saveFile,
  fonts = loadFonts,
}: ActivityMapPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang: Language = prefs.language;
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);

  const [selection, setSelection] = useState<MapSelection>(() => selectionFromQuery(search, today));
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const change = (patch: Partial<MapSelection>) => setSelection((s) => ({ ...s, ...patch }));

  useEffect(() => {
    history.replaceState(history.state, '', `?${selectionToQuery(selection)}`);
  }, [selection]);

  const regionA = findRegion(selection.a);
  const regionB = findRegion(selection.b);
  const full = useMemo(
    () => (regionA && regionB ? activityMap({ regions: [regionA, regionB], date: selection.date }) : null),
    [regionA, regionB, selection.date],
  );
  const shown = useMemo(
    () =>
      full
        ? filterActivityMap(full, { permitId: selection.permit, onlyDifferences: selection.onlyDifferences })
        : null,
    [full, selection.permit, selection.onlyDifferences],
  );
  if (!full || !shown) return null;
  const [a, b] = full.regions;
  if (!a || !b) return null;

  const filterNote = (): string | undefined => {
    const parts = [
      selection.permit ? pick(lang, findPermitName(selection.permit)) : '',
      selection.onlyDifferences ? m('map.onlyDifferences') : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  };

  function exportCsv() {
    if (!shown) return;
    const file = activityMapFileName(shown, 'csv');
    try {
      save(activityMapCsv(shown, lang), file, CSV_MIME);
      setExported({ kind: 'done', file });
    } catch (error) {
      setExported({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  async function exportPdf() {
    if (!shown) return;
    setExported({ kind: 'working' });
    try {
      const [{ activityMapPdf }, bytes] = await Promise.all([import('./map-pdf'), fonts()]);
      const note = filterNote();
      const options: MapPdfOptions = {
        lang,
        fonts: bytes,
        generatedAt: generatedAt(now()),
        ...(note ? { filterNote: note } : {}),
      };
      const pdf = await activityMapPdf(shown, options);
      const file = activityMapFileName(shown, 'pdf');
      save(pdf, file, 'application/pdf');
      setExported({ kind: 'done', file });
    } catch (error) {
      setExported({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <PageShell
      lang={lang}
      title={m('map.title')}
      heading={m('map.heading')}
      variant="activity-map"
      onLanguage={(language) => void changePrefs({ language })}
      languageLocked={prefs.locked?.includes('language')}
    >
      <p class="am-help">{m('map.help')}</p>
      <MapControls lang={lang} selection={selection} onChange={change} />

      <p class="am-summary" aria-live="polite" data-testid="map-summary">
        {m('map.summary', {
          differing: full.differing,
          steps: full.steps,
          a: pick(lang, a.name),
          b: pick(lang, b.name),
          date: full.date,
        })}
        {shown.steps !== full.steps ? ` ${m('map.shown', { shown: shown.steps, steps: full.steps })}` : ''}
      </p>

      <section aria-labelledby="am-regions-heading">
        <h2 id="am-regions-heading" class="pw-section-heading">
          {m('map.regionsHeading')}
        </h2>
        <div class="am-regions">
          <RegionCard
            lang={lang}
            region={a}
            label={m('map.regionA')}
            date={full.date}
            testId="map-region-card-a"
          />
          <RegionCard
            lang={lang}
            region={b}
            label={m('map.regionB')}
            date={full.date}
            testId="map-region-card-b"
          />
        </div>
        <p class="am-note">{m('map.rules')}</p>
      </section>

      <section aria-labelledby="am-export-heading" class="am-export">
        <h2 id="am-export-heading" class="pw-section-heading">
          {m('map.exportHeading')}
        </h2>
        <p class="am-note">{m('map.exportHelp')}</p>
        <div class="am-buttons">
          <button type="button" class="pi-button" data-testid="map-export-csv" onClick={exportCsv}>
            {m('map.csv')}
          </button>
          <button
            type="button"
            class="pi-button"
            data-testid="map-export-pdf"
            // aria-disabled, not disabled: the button keeps the keyboard focus while the PDF is made.
            aria-disabled={exported.kind === 'working' ? 'true' : undefined}
            onClick={() => {
              if (exported.kind !== 'working') void exportPdf();
            }}
          >
            {m('map.pdf')}
          </button>
        </div>
        <div role="status" data-testid="map-export-status" data-state={exported.kind}>
          {exported.kind === 'working' ? <p>{m('map.pdfWorking')}</p> : null}
          {exported.kind === 'done' ? (
            <p>
              <span aria-hidden="true">✓ </span>
              {m('map.downloaded', { file: exported.file })}
            </p>
          ) : null}
        </div>
        {exported.kind === 'failed' ? (
          <p class="pw-error" role="alert" data-testid="map-export-error">
            {m('map.exportFailed', { reason: exported.reason })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="am-tables-heading">
        <h2 id="am-tables-heading" class="pw-section-heading">
          {m('map.tablesHeading')}
        </h2>
        {shown.permits.length === 0 ? (
          <p data-testid="map-empty">{m('map.empty')}</p>
        ) : (
          shown.permits.map((permit) => (
            <PermitTable key={permit.id} lang={lang} permit={permit} regions={full.regions} />
          ))
        )}
      </section>
    </PageShell>
  );
}

function findPermitName(id: string) {
  return CATALOG.find((d) => d.id === id)?.name ?? { id, en: id };
}
