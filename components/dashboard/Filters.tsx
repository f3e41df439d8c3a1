/**
 * The dashboard's filter form: one labelled select per index field and a reset button. Every
 * change applies at once (no submit); the page keeps the values in its URL.
 */
import { useId } from 'preact/hooks';
import { type Language, t } from '../../utils/i18n';
import { type DashboardKey, tDashboard } from '../../utils/i18n/dashboard';
import { SLA_KEYS } from '../case/format';
import { permitName } from '../workspace/dashboard';
import {
  activeFilters,
  type DashboardFilters,
  type FilterKey,
  MODE_FILTERS,
  NO_FILTERS,
  NO_OFFICER,
  SLA_STATUSES,
} from './filters';
import { modeName, regionName, stageOptionLabel } from './labels';
import type { FilterOptions } from './model';

export interface FiltersProps {
  lang: Language;
  filters: DashboardFilters;
  options: FilterOptions;
  officerName: (officer: string) => string;
  onChange: (next: DashboardFilters) => void;
}

export function Filters({ lang, filters, options, officerName, onChange }: FiltersProps) {
  const id = useId();
  const d = (key: DashboardKey) => tDashboard(lang, key);
  const set = (key: FilterKey) => (e: Event) => {
    const value = (e.currentTarget as HTMLSelectElement).value;
    const next = { ...filters, [key]: value };
    // A stage belongs to one permit: choosing another permit drops a stage of a different one.
    if (key === 'permitType' && value && next.stage && !next.stage.startsWith(`${value}:`)) next.stage = '';
    onChange(next);
  };
  const stages = options.stages.filter((s) => !filters.permitType || s.permitType === filters.permitType);
  const choices: Record<FilterKey, { value: string; label: string }[]> = {
    permitType: options.permitTypes.map((p) => ({ value: p, label: permitName(lang, p) })),
    stage: stages.map((s) => ({ value: s.key, label: stageOptionLabel(lang, s) })),
    mode: MODE_FILTERS.map((m) => ({ value: m, label: modeName(lang, m) })),
    sla: SLA_STATUSES.map((s) => ({ value: s, label: t(lang, SLA_KEYS[s]) })),
    officer: options.officers.map((o) => ({
      value: o,
      label: o === NO_OFFICER ? d('dash.filter.noOfficer') : officerName(o),
    })),
    region: options.regions.map((r) => ({ value: r, label: regionName(lang, r) })),
  };
  const keys = Object.keys(choices) as FilterKey[];
  return (
    <form
      class="pd-filters"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-help`}
      onSubmit={(e) => e.preventDefault()}
      data-testid="dash-filters"
    >
      <h2 id={`${id}-title`} class="pd-heading">
        {d('dash.filters')}
      </h2>
      <p id={`${id}-help`} class="pi-muted">
        {d('dash.filtersHelp')}
      </p>
      <div class="pd-filter-grid">
        {keys.map((key) => {
          const value = filters[key];
          const list = choices[key];
          // A value from the URL that no row has (yet) stays selectable, so it can be seen and cleared.
          const known = !value || list.some((c) => c.value === value);
          return (
            <div class="pd-filter" key={key}>
              <label for={`${id}-${key}`}>{d(`dash.filter.${key}`)}</label>
              <select
                id={`${id}-${key}`}
                value={value}
                onChange={set(key)}
                data-testid={`dash-filter-${key}`}
              >
                <option value="">{d('dash.filter.any')}</option>
                {list.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
                {known ? null : <option value={value}>{value}</option>}
              </select>
            </div>
          );
        })}
      </div>
      <p>
        <button
          type="button"
          class="pi-button"
          disabled={activeFilters(filters).length === 0}
          onClick={() => onChange({ ...NO_FILTERS })}
          data-testid="dash-reset"
        >
          {d('dash.reset')}
        </button>
      </p>
    </form>
  );
}
