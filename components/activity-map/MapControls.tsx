/**
 * The activity map's choices: region A and B (every province, labelled), the date (what is
 * typed is kept even while it is not a date yet, and said to be wrong in words), one permit
 * type or all, and "only the steps that differ".
 */
import { useState } from 'preact/hooks';
import { CATALOG, isIsoDate, REGIONS } from '../../machines';
import { type Language, pick } from '../../utils/i18n';
import { type ActivityMapKey, tMap } from '../../utils/i18n/activity-map';
import type { MapSelection } from './selection';

export function MapControls({
  lang,
  selection,
  onChange,
}: {
  lang: Language;
  selection: MapSelection;
  onChange: (patch: Partial<MapSelection>) => void;
}) {
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);
  // What is typed in the date field, kept even while it is not a date (nothing typed is lost).
  const [dateText, setDateText] = useState(selection.date);
  const regionOptions = REGIONS.map((r) => (
    <option key={r.code} value={r.code}>
      {pick(lang, r.name)} ({r.code})
    </option>
  ));

  return (
    <>
      <fieldset class="am-controls" data-testid="map-controls">
        <legend>{m('map.controls')}</legend>
        <div class="am-control">
          <label for="am-a">{m('map.regionA')}</label>
          <select
            id="am-a"
            data-testid="map-region-a"
            value={selection.a}
            onChange={(e) => onChange({ a: e.currentTarget.value })}
          >
            {regionOptions}
          </select>
        </div>
        <div class="am-control">
          <label for="am-b">{m('map.regionB')}</label>
          <select
            id="am-b"
            data-testid="map-region-b"
            value={selection.b}
            onChange={(e) => onChange({ b: e.currentTarget.value })}
          >
            {regionOptions}
          </select>
        </div>
        <div class="am-control">
          <label for="am-date">{m('map.date')}</label>
          <input
            id="am-date"
            type="date"
            data-testid="map-date"
            value={dateText}
            aria-invalid={dateText !== selection.date ? 'true' : undefined}
            aria-describedby={dateText !== selection.date ? 'am-date-error' : undefined}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setDateText(value);
              if (isIsoDate(value)) onChange({ date: value });
            }}
          />
        </div>
        <div class="am-control">
          <label for="am-permit">{m('map.permit')}</label>
          <select
            id="am-permit"
            data-testid="map-permit"
            value={selection.permit}
            onChange={(e) => onChange({ permit: e.currentTarget.value })}
          >
            <option value="">{m('map.allPermits')}</option>
            {CATALOG.map((d) => (
              <option key={d.id} value={d.id}>
                {pick(lang, d.name)}
              </option>
            ))}
          </select>
        </div>
        <div class="am-control am-check">
          <input
            id="am-diff"
            type="checkbox"
            data-testid="map-only-differences"
            checked={selection.onlyDifferences}
            onChange={(e) => onChange({ onlyDifferences: e.currentTarget.checked })}
          />
          <label for="am-diff">{m('map.onlyDifferences')}</label>
        </div>
      </fieldset>
      {dateText !== selection.date ? (
        <p id="am-date-error" class="pw-error" role="alert" data-testid="map-date-error">
          {m('map.dateInvalid', { date: selection.date })}
        </p>
      ) : null}
    </>
  );
}
