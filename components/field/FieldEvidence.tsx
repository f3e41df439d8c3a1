/**
 * Field evidence for one field step, in the side panel: what was recorded (time, result,
 * position, who was there, photos) and the form to record more. Everything works offline:
 * GPS comes from the device, photos are scaled down and stored in this browser as soon as they
 * are chosen, and the case log gets the hashes through the background.
 *
 * A refusal or a full disk keeps the form as it was; nothing already stored is lost.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldEvidence, LocalizedText, StepView } from '../../machines';
import { discardPhoto, EvidenceStoreError, storePhoto } from '../../utils/db/evidence';
import { useLiveQuery } from '../../utils/db/live';
import type { PanduDb } from '../../utils/db/schema';
import { INDONESIA_BOUNDS } from '../../utils/evidence/coordinates';
import {
  checkDraft,
  type DraftField,
  type DraftProblem,
  EMPTY_DRAFT,
  type EvidenceDraft,
  MAX_BAP,
  MAX_INSPECTORS,
  MAX_NAME,
  MAX_NOTE,
  MAX_PHOTOS,
  RESULTS,
  round,
} from '../../utils/evidence/draft';
import {
  downscalePhoto,
  MAX_PHOTO_FILE_BYTES,
  PhotoError,
  type StoredPhoto,
} from '../../utils/evidence/photo';
import { type Language, pick } from '../../utils/i18n';
import { type FieldKey, tField } from '../../utils/i18n/field';
import type { sendRequest } from '../../utils/messaging/client';
import { formatTime } from '../workspace/history';

export interface FieldEvidenceProps {
  lang: Language;
  db: PanduDb;
  send: typeof sendRequest;
  caseId: string;
  step: StepView;
  /** The step's evidence as the case log holds it. */
  evidence: readonly FieldEvidence[];
  /** `navigator.geolocation` (null where there is none). */
  geolocation?: Pick<Geolocation, 'getCurrentPosition'> | null;
  downscale?: (file: File) => Promise<StoredPhoto>;
  now?: () => Date;
}

type Say = (key: FieldKey, params?: Record<string, string | number>) => string;

export function FieldEvidencePanel(props: FieldEvidenceProps) {
  const { lang, step, evidence } = props;
  const say: Say = (key, params) => tField(lang, key, params);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  // Kept here, not in the form: closing the form and opening it again loses nothing typed.
  const [draft, setDraft] = useState<EvidenceDraft>(EMPTY_DRAFT);
  const stepName = pick(lang, step.name);

  return (
    <section class="pf-evidence" aria-labelledby={headingId} data-testid="field-evidence" data-step={step.id}>
      <h5 id={headingId} class="pf-heading">
        {say('field.title')}
      </h5>
      {evidence.length === 0 ? (
        <p class="pi-muted">{say('field.none')}</p>
      ) : (
        <ol class="pf-list" aria-label={say('field.listTitle')} data-testid="field-evidence-list">
          {evidence.map((e) => (
            <EvidenceEntry key={e.id} lang={lang} db={props.db} evidence={e} say={say} />
          ))}
        </ol>
      )}
      <p class="pf-status" role="status" data-testid="field-saved">
        {saved !== null ? say('field.saved', { count: saved }) : ''}
      </p>
      {step.completed ? null : open ? (
        <EvidenceForm
          {...props}
          say={say}
          title={say('field.formTitle', { step: stepName })}
          draft={draft}
          setDraft={setDraft}
          onClose={() => setOpen(false)}
          onSaved={(count) => {
            setSaved(count);
            setDraft(EMPTY_DRAFT);
            setOpen(false);
          }}
        />
      ) : (
        <button
          type="button"
          class="pi-button"
          data-testid="field-open"
          aria-label={say('field.openLabel', { step: stepName })}
          onClick={() => {
            setSaved(null);
            setOpen(true);
          }}
        >
          {say('field.open')}
        </button>
      )}
    </section>
  );
}

function EvidenceEntry({
  lang,
  db,
  evidence,
  say,
}: {
  lang: Language;
  db: PanduDb;
  evidence: FieldEvidence;
  say: Say;
}) {
  const p = evidence.position;
  const position = p
    ? p.source === 'gps'
      ? say('field.positionGps', { lat: p.lat, lon: p.lon, accuracy: p.accuracyM ?? '?' })
      : say('field.positionManual', { lat: p.lat, lon: p.lon })
    : '—';
  return (
    <li class="pf-entry" data-testid="field-evidence-entry" data-result={evidence.result}>
      <p class="pf-entry-title">
        {say('field.entry', {
          time: formatTime(lang, evidence.capturedAt),
          result: say(`field.result.${evidence.result}` as FieldKey),
        })}
      </p>
      <p>{say('field.entryPosition', { position })}</p>
      <p>{say('field.entryInspectors', { names: evidence.inspectors.join(', ') })}</p>
      {evidence.bapRef ? <p>{say('field.entryBap', { ref: evidence.bapRef })}</p> : null}
      {evidence.note ? <p class="pf-note">{say('field.entryNote', { note: evidence.note })}</p> : null}
      {evidence.photos.length > 0 ? (
        <>
          <p>{say('field.entryPhotos', { count: evidence.photos.length })}</p>
          <Thumbnails db={db} hashes={evidence.photos.map((ph) => ph.sha256)} say={say} />
        </>
      ) : null}
    </li>
  );
}

/** Stored photos as small images (object URLs, released when no longer shown). */
function Thumbnails({
  db,
  hashes,
  say,
  onRemove,
}: {
  db: PanduDb;
  hashes: readonly string[];
  say: Say;
  onRemove?: (sha256: string, name: string) => void;
}) {
  const key = hashes.join(',');
  const rows = useLiveQuery(() => db.evidence.bulkGet([...hashes]), [db, key]);
  const urls = useMemo(
    () =>
      (rows ?? []).map((r) =>
        r ? { sha256: r.sha256, name: r.name, url: URL.createObjectURL(r.blob) } : null,
      ),
    [rows],
  );
  useEffect(
    () => () => {
      for (const u of urls) if (u) URL.revokeObjectURL(u.url);
    },
    [urls],
  );
  return (
    <ul class="pf-photos" data-testid="field-photos">
      {hashes.map((sha256, i) => {
        const shown = urls[i];
        return (
          <li key={sha256} data-sha256={sha256}>
            {shown ? (
              <img src={shown.url} alt={say('field.photoAlt', { n: i + 1, name: shown.name })} width={96} />
            ) : (
              <span class="pi-muted">{say('field.photoMissing', { hash: sha256.slice(0, 12) })}</span>
            )}
            {onRemove ? (
              <button
                type="button"
                class="pi-button"
                data-testid="field-photo-remove"
                onClick={() => onRemove(sha256, shown?.name ?? sha256.slice(0, 12))}
              >
                {say('field.photoRemove', { name: shown?.name ?? sha256.slice(0, 12) })}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

type GpsState = { kind: 'idle' } | { kind: 'working' } | { kind: 'failed'; key: FieldKey };

function EvidenceForm(
  props: FieldEvidenceProps & {
    say: Say;
    title: string;
    draft: EvidenceDraft;
    setDraft: (update: (d: EvidenceDraft) => EvidenceDraft) => void;
    onClose: () => void;
    onSaved: (photos: number) => void;
  },
) {
  const { say, db, caseId, step } = props;
  const now = props.now ?? (() => new Date());
  const geolocation =
    props.geolocation === undefined
      ? typeof navigator !== 'undefined'
        ? navigator.geolocation
        : null
      : props.geolocation;
  const downscale = props.downscale ?? downscalePhoto;
  const { draft, setDraft } = props;
  const [gps, setGps] = useState<GpsState>({ kind: 'idle' });
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [photoNotes, setPhotoNotes] = useState<LocalizedText[]>([]);
  const [photoWorking, setPhotoWorking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<LocalizedText | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = {
    title: useId(),
    lat: useId(),
    lon: useId(),
    photos: useId(),
    inspectors: useId(),
    note: useId(),
    bap: useId(),
  };
  const lang = props.lang;
  const offline = useOffline();

  const change = (patch: Partial<EvidenceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problemOf = (field: DraftField) => problems.find((p) => p.field === field);

  function locate() {
    if (!geolocation) return setGps({ kind: 'failed', key: 'field.gpsUnsupported' });
    setGps({ kind: 'working' });
    geolocation.getCurrentPosition(
      (position) => {
        change({
          gps: {
            lat: position.coords.latitude,
            lon: position.coords.longitude,
            accuracyM: position.coords.accuracy,
            at: position.timestamp || now().getTime(),
          },
        });
        setGps({ kind: 'idle' });
      },
      (error) =>
        setGps({
          kind: 'failed',
          key:
            error.code === 1
              ? 'field.gpsDenied'
              : error.code === 3
                ? 'field.gpsTimeout'
                : 'field.gpsUnavailable',
        }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  async function addPhotos(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setPhotoWorking(true);
    const notes: LocalizedText[] = [];
    const added: { sha256: string; name: string }[] = [];
    for (const file of files) {
      try {
        const photo = await downscale(file);
        await storePhoto(db, { ...photo, name: file.name }, { caseId, stepId: step.id }, now());
        added.push({ sha256: photo.sha256, name: file.name });
      } catch (error) {
        if (error instanceof EvidenceStoreError) {
          notes.push(error.text);
          break; // a full disk stays full for the next photo
        }
        const code = error instanceof PhotoError ? error.code : 'not-an-image';
        const params = { file: file.name, max: MAX_PHOTO_FILE_BYTES / 1024 / 1024 };
        const key: FieldKey = code === 'too-large' ? 'field.photoTooLarge' : 'field.photoNotImage';
        notes.push({ id: tField('id', key, params), en: tField('en', key, params) });
      }
    }
    setDraft((d) => ({
      ...d,
      photos: [...d.photos, ...added.filter((a) => !d.photos.some((p) => p.sha256 === a.sha256))],
    }));
    if (added.length > 0) {
      const params = { count: added.length };
      notes.unshift({
        id: tField('id', 'field.photoAdded', params),
        en: tField('en', 'field.photoAdded', params),
      });
    }
    setPhotoNotes(notes);
    setPhotoWorking(false);
  }

  async function removePhoto(sha256: string) {
    setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.sha256 !== sha256) }));
    await discardPhoto(db, caseId, sha256).catch(() => false);
  }

  async function save(event: Event) {
    event.preventDefault();
    setRefusal(null);
    const checked = checkDraft(draft, { id: crypto.randomUUID(), now: now() });
    if (!checked.ok) {
      setProblems(checked.problems);
      // The first field to fix gets the focus, so keyboard and screen-reader users land on it.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setProblems([]);
    setSaving(true);
    const answer = await props.send('case.intent', {
      caseId,
      eventId: crypto.randomUUID(),
      intent: { type: 'evidence.attach', stepId: step.id, evidence: checked.evidence },
    });
    setSaving(false);
    if (!answer.ok) {
      const details = answer.error.details?.map((d) => pick(lang, d)).join(' ') ?? '';
      const reason = {
        id: `${answer.error.message.id} ${details}`.trim(),
        en: `${answer.error.message.en} ${details}`.trim(),
      };
      return setRefusal(reason);
    }
    props.onSaved(checked.evidence.photos.length);
  }

  const coordText = (code: string) =>
    say(`field.coord.${code}` as FieldKey, {
      south: INDONESIA_BOUNDS.south,
      north: INDONESIA_BOUNDS.north,
      west: INDONESIA_BOUNDS.west,
      east: INDONESIA_BOUNDS.east,
    });
  const message = (p: DraftProblem | undefined): string | null => {
    if (!p) return null;
    switch (p.field) {
      case 'lat':
      case 'lon':
        return coordText(p.code);
      case 'gps':
        return say('field.gpsOutside');
      case 'photos':
        return p.code === 'too-many'
          ? say('field.photoTooMany', { max: MAX_PHOTOS })
          : say('field.photoOrBap');
      case 'result':
        return say('field.resultRequired');
      case 'inspectors':
        return p.code === 'required'
          ? say('field.inspectorsRequired')
          : p.code === 'too-many'
            ? say('field.inspectorsTooMany', { max: MAX_INSPECTORS })
            : say('field.tooLong', { max: MAX_NAME });
      case 'note':
        return say('field.tooLong', { max: MAX_NOTE });
      case 'bapRef':
        return say('field.tooLong', { max: MAX_BAP });
    }
  };
  const errorFor = (field: DraftField, id: string) => {
    const text = message(problemOf(field));
    return text ? (
      <p id={`${id}-error`} class="pf-error" data-testid={`field-error-${field}`}>
        <span aria-hidden="true">⚠ </span>
        {text}
      </p>
    ) : null;
  };
  const invalid = (field: DraftField) => (problemOf(field) ? 'true' : undefined);
  const described = (field: DraftField, id: string, hint?: string) =>
    [problemOf(field) ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <form
      ref={formRef}
      class="pf-form"
      aria-labelledby={ids.title}
      data-testid="field-form"
      onSubmit={(e) => void save(e)}
      noValidate
    >
      <h6 id={ids.title} class="pf-form-title">
        {props.title}
      </h6>
      {offline ? <p class="pi-muted">{say('field.offline')}</p> : null}

      <fieldset class="pf-fieldset">
        <legend>{say('field.position')}</legend>
        <p>
          <button
            type="button"
            class="pi-button"
            data-testid="field-gps"
            disabled={gps.kind === 'working'}
            onClick={locate}
          >
            {draft.gps ? say('field.gpsAgain') : say('field.gps')}
          </button>
        </p>
        <p role="status" data-testid="field-gps-status" data-state={draft.gps ? 'fix' : gps.kind}>
          {gps.kind === 'working'
            ? say('field.gpsWorking')
            : draft.gps
              ? say('field.gpsFix', {
                  lat: round(draft.gps.lat),
                  lon: round(draft.gps.lon),
                  accuracy: Math.round(draft.gps.accuracyM),
                  time: formatTime(lang, new Date(draft.gps.at).toISOString()),
                })
              : gps.kind === 'failed'
                ? say(gps.key)
                : ''}
        </p>
        {errorFor('gps', 'pf-gps')}
        {draft.gps ? (
          <p>
            <button
              type="button"
              class="pi-link"
              data-testid="field-use-manual"
              onClick={() => change({ gps: null })}
            >
              {say('field.useManual')}
            </button>
          </p>
        ) : (
          <fieldset class="pf-fieldset pf-manual">
            <legend>{say('field.manual')}</legend>
            <p>
              <label for={ids.lat}>{say('field.lat')}</label>
              <input
                id={ids.lat}
                class="pi-input"
                inputMode="decimal"
                autocomplete="off"
                data-testid="field-lat"
                value={draft.lat}
                aria-invalid={invalid('lat')}
                aria-describedby={described('lat', ids.lat, `${ids.lat}-hint`)}
                onInput={(e) => change({ lat: e.currentTarget.value })}
              />
              <span id={`${ids.lat}-hint`} class="pi-muted">
                {say('field.latHint')}
              </span>
            </p>
            {errorFor('lat', ids.lat)}
            <p>
              <label for={ids.lon}>{say('field.lon')}</label>
              <input
                id={ids.lon}
                class="pi-input"
                inputMode="decimal"
                autocomplete="off"
                data-testid="field-lon"
                value={draft.lon}
                aria-invalid={invalid('lon')}
                aria-describedby={described('lon', ids.lon, `${ids.lon}-hint`)}
                onInput={(e) => change({ lon: e.currentTarget.value })}
              />
              <span id={`${ids.lon}-hint`} class="pi-muted">
                {say('field.lonHint')}
              </span>
            </p>
            {errorFor('lon', ids.lon)}
          </fieldset>
        )}
      </fieldset>

      <p>
        <label for={ids.photos}>{say('field.photos')}</label>
        <input
          id={ids.photos}
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          data-testid="field-photo-input"
          disabled={photoWorking}
          aria-invalid={invalid('photos')}
          aria-describedby={described('photos', ids.photos, `${ids.photos}-hint`)}
          onChange={(e) => void addPhotos(e.currentTarget)}
        />
        <span id={`${ids.photos}-hint`} class="pi-muted">
          {say('field.photosHint')}
        </span>
      </p>
      <div role="status" data-testid="field-photo-status">
        {photoWorking ? (
          <p>{say('field.photoWorking')}</p>
        ) : (
          photoNotes.map((n) => <p key={n.en}>{pick(lang, n)}</p>)
        )}
      </div>
      {draft.photos.length > 0 ? (
        <Thumbnails
          db={db}
          hashes={draft.photos.map((p) => p.sha256)}
          say={say}
          onRemove={(sha) => void removePhoto(sha)}
        />
      ) : null}
      {errorFor('photos', ids.photos)}

      <fieldset
        class="pf-fieldset"
        aria-invalid={invalid('result')}
        aria-describedby={described('result', 'pf-result')}
        data-testid="field-result"
      >
        <legend>{say('field.result')}</legend>
        {RESULTS.map((r) => (
          <label key={r} class="pf-radio">
            <input
              type="radio"
              name={`${ids.title}-result`}
              value={r}
              checked={draft.result === r}
              aria-invalid={invalid('result')}
              onChange={() => change({ result: r })}
            />{' '}
            {say(`field.result.${r}` as FieldKey)}
          </label>
        ))}
        {errorFor('result', 'pf-result')}
      </fieldset>

      <p>
        <label for={ids.inspectors}>{say('field.inspectors')}</label>
        <textarea
          id={ids.inspectors}
          class="pi-input"
          rows={3}
          data-testid="field-inspectors"
          value={draft.inspectors}
          aria-invalid={invalid('inspectors')}
          aria-describedby={described('inspectors', ids.inspectors, `${ids.inspectors}-hint`)}
          onInput={(e) => change({ inspectors: e.currentTarget.value })}
        />
        <span id={`${ids.inspectors}-hint`} class="pi-muted">
          {say('field.inspectorsHint')}
        </span>
      </p>
      {errorFor('inspectors', ids.inspectors)}

      <p>
        <label for={ids.bap}>{say('field.bapRef')}</label>
        <input
          id={ids.bap}
          class="pi-input"
          data-testid="field-bap"
          value={draft.bapRef}
          aria-invalid={invalid('bapRef')}
          aria-describedby={described('bapRef', ids.bap)}
          onInput={(e) => change({ bapRef: e.currentTarget.value })}
        />
      </p>
      {errorFor('bapRef', ids.bap)}

      <p>
        <label for={ids.note}>{say('field.note')}</label>
        <textarea
          id={ids.note}
          class="pi-input"
          rows={3}
          data-testid="field-note"
          value={draft.note}
          aria-invalid={invalid('note')}
          aria-describedby={described('note', ids.note)}
          onInput={(e) => change({ note: e.currentTarget.value })}
        />
      </p>
      {errorFor('note', ids.note)}

      {problems.length > 0 ? (
        <p class="pf-error" role="alert" data-testid="field-invalid">
          {say('field.invalid', { count: problems.length })}
        </p>
      ) : null}
      {refusal ? (
        <p class="pf-error" role="alert" data-testid="field-refused">
          {say('field.refused', { reason: pick(lang, refusal) })}
        </p>
      ) : null}
      <p class="pf-actions">
        <button
          type="submit"
          class="pi-button pi-primary"
          data-testid="field-save"
          disabled={saving || photoWorking}
        >
          {saving ? say('field.saving') : say('field.save')}
        </button>{' '}
        <button type="button" class="pi-button" data-testid="field-close" onClick={props.onClose}>
          {say('field.cancel')}
        </button>
      </p>
    </form>
  );
}

/** Whether the browser says it is offline, following the online/offline events while the form is open. */
function useOffline(): boolean {
  const read = () => typeof navigator !== 'undefined' && navigator.onLine === false;
  const [offline, setOffline] = useState(read);
  useEffect(() => {
    const update = () => setOffline(read());
    globalThis.addEventListener?.('online', update);
    globalThis.addEventListener?.('offline', update);
    return () => {
      globalThis.removeEventListener?.('online', update);
      globalThis.removeEventListener?.('offline', update);
    };
  }, []);
  return offline;
}
