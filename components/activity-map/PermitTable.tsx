/**
 * One permit's steps as a table: step, stage, role, the mode in each region (icon and text),
 * whether they differ (in words and a sign, the row tinted as well), and the reasons behind
 * each mode on demand (a details disclosure, keyboard operable without script).
 */
import type { ActivityPermit, ActivityRegion } from '../../machines';
import { type Language, pick, t } from '../../utils/i18n';
import { type ActivityMapKey, tMap } from '../../utils/i18n/activity-map';
import { ROLE_KEYS } from '../case/format';
import { ModeBadge } from '../case/ModeBadge';

export function PermitTable({
  lang,
  permit,
  regions,
}: {
  lang: Language;
  permit: ActivityPermit;
  regions: readonly ActivityRegion[];
}) {
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);
  return (
    <table class="am-table" data-testid="map-table" data-permit={permit.id}>
      <caption class="am-caption">{pick(lang, permit.name)}</caption>
      <thead>
        <tr>
          <th scope="col">{m('map.col.step')}</th>
          <th scope="col">{m('map.col.stage')}</th>
          <th scope="col">{m('map.col.role')}</th>
          {regions.map((r, i) => (
            <th scope="col" key={`${r.code}-${i}`}>
              {m('map.col.modeIn', { region: pick(lang, r.name) })}
            </th>
          ))}
          <th scope="col">{m('map.col.difference')}</th>
          <th scope="col">{m('map.col.reasons')}</th>
        </tr>
      </thead>
      <tbody>
        {permit.rows.map((row) => (
          <tr
            key={row.stepId}
            class={row.differs ? 'am-differs' : undefined}
            data-testid="map-row"
            data-step={row.stepId}
            data-differs={String(row.differs)}
          >
            <th scope="row" class="am-step">
              {pick(lang, row.stepName)}
              {row.condition ? (
                <span class="am-note">{m('map.condition', { condition: row.condition })}</span>
              ) : null}
            </th>
            <td>{pick(lang, row.stageName)}</td>
            <td>{t(lang, ROLE_KEYS[row.role])}</td>
            {row.cells.map((cell, i) => (
              <td key={i} data-testid="map-mode" data-mode={cell.mode} data-rule={cell.decidedBy}>
                <ModeBadge lang={lang} mode={cell.mode} />
              </td>
            ))}
            <td data-testid="map-difference">
              {row.differs ? (
                <strong>
                  <span aria-hidden="true">≠ </span>
                  {m('map.differs')}
                </strong>
              ) : (
                <>
                  <span aria-hidden="true">= </span>
                  {m('map.same')}
                </>
              )}
            </td>
            <td>
              <details class="am-reasons" data-testid="map-reasons">
                <summary>{m('map.reasonsShow')}</summary>
                {row.cells.map((cell, i) => (
                  <div key={i}>
                    <p class="am-reasons-where">
                      {m('map.reasonsIn', { region: pick(lang, regions[i]?.name ?? { id: '', en: '' }) })}
                    </p>
                    <ul>
                      {cell.reasons.map((reason, j) => (
                        <li key={j} data-rule={reason.rule}>
                          {pick(lang, reason.text)}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
