/**
 * What the agency's browser policy sets (docs/deployment.md), as the options page shows it:
 * each managed setting with its value, the settings it locks, and any policy value ignored
 * because it is not valid. `Locked` wraps a section the policy closes: its controls are
 * disabled (native `fieldset disabled`) and a note says why, so nothing depends on colour.
 */
import type { ComponentChildren } from 'preact';
import { REGIONS } from '../../machines';
import { type Language, pick } from '../../utils/i18n';
import { tDashboard } from '../../utils/i18n/dashboard';
import { tOptions } from '../../utils/i18n/options';
import { OUTPUT_KINDS } from '../../utils/outputs/outputs';
import type { Lockable, Policy } from '../../utils/policy/schema';
import type { StoredPolicy } from '../../utils/policy/store';

const LANGUAGE_NAMES = { id: 'Bahasa Indonesia', en: 'English' } as const;

/** True when the stored policy sets anything or was refused in part (the section shows then). */
export function hasPolicy(stored: StoredPolicy | null | undefined): stored is StoredPolicy {
  return !!stored && (Object.keys(stored.policy).length > 0 || stored.problems.length > 0);
}

function targetsText(lang: Language, targets: NonNullable<Policy['targets']>): string {
  const d = (key: Parameters<typeof tDashboard>[1]) => tDashboard(lang, key);
  return (['daily', 'weekly'] as const)
    .map(
      (period) =>
        `${d(period === 'daily' ? 'targets.daily' : 'targets.weekly')}: ${OUTPUT_KINDS.map(
          (kind) => `${d(`targets.${kind}`)} ${targets[period][kind]}`,
        ).join(', ')}`,
    )
    .join('; ');
}

/** Each key the policy sets, as a label and the value in words. */
function rows(lang: Language, policy: Policy): { key: string; label: string; value: string }[] {
  const o = (key: Parameters<typeof tOptions>[1], params?: Record<string, string | number>) =>
    tOptions(lang, key, params);
  const out: { key: string; label: string; value: string }[] = [];
  if (policy.region) {
    const region = REGIONS.find((r) => r.code === policy.region);
    out.push({
      key: 'region',
      label: o('options.officerRegion'),
      value: region ? `${pick(lang, region.name)} (${policy.region})` : policy.region,
    });
  }
  if (policy.language) {
    out.push({ key: 'language', label: o('options.languageLegend'), value: LANGUAGE_NAMES[policy.language] });
  }
  if (policy.dock) {
    out.push({
      key: 'dock',
      label: o('options.dockLegend'),
      value: o(policy.dock === 'left' ? 'options.dockLeft' : 'options.dockRight'),
    });
  }
  if (policy.targets) {
    out.push({
      key: 'targets',
      label: tDashboard(lang, 'targets.title'),
      value: targetsText(lang, policy.targets),
    });
  }
  if (policy.adapters) {
    out.push({
      key: 'adapters',
      label: o('options.managedAdapters'),
      value: policy.adapters.map((a) => a.id).join(', ') || '—',
    });
  }
  if (policy.disabledAdapters) {
    out.push({
      key: 'disabledAdapters',
      label: o('options.managedDisabledAdapters'),
      value: policy.disabledAdapters.join(', ') || '—',
    });
  }
  if (policy.holidayYears) {
    out.push({
      key: 'holidayYears',
      label: o('options.managedHolidayYears'),
      value: policy.holidayYears.map((y) => String(y.year)).join(', ') || '—',
    });
  }
  if (policy.allowedOrigins) {
    out.push({
      key: 'allowedOrigins',
      label: o('options.managedAllowedOrigins'),
      value: policy.allowedOrigins.join(', ') || o('options.managedNoOrigins'),
    });
  }
  if (policy.locked) {
    out.push({
      key: 'locked',
      label: o('options.managedLockedList'),
      value: policy.locked.map((k) => lockName(lang, k)).join(', ') || '—',
    });
  }
  return out;
}

export function lockName(lang: Language, lock: Lockable): string {
  const o = (key: Parameters<typeof tOptions>[1]) => tOptions(lang, key);
  switch (lock) {
    case 'officer':
      return o('options.identityTitle');
    case 'language':
      return o('options.languageLegend');
    case 'dock':
      return o('options.dockLegend');
    case 'targets':
      return tDashboard(lang, 'targets.title');
    case 'adapters':
      return o('options.adaptersTitle');
  }
}

export function ManagedSection({ lang, stored }: { lang: Language; stored: StoredPolicy }) {
  const list = rows(lang, stored.policy);
  return (
    <section aria-labelledby="pi-managed-title" data-testid="managed-section">
      <h2 id="pi-managed-title">{tOptions(lang, 'options.managedTitle')}</h2>
      <p>{tOptions(lang, 'options.managedHelp')}</p>
      {list.length > 0 ? (
        <dl class="pi-managed-list">
          {list.map((row) => (
            <div key={row.key} data-testid="managed-row" data-key={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {stored.problems.length > 0 ? (
        <div data-testid="managed-problems">
          <p>{tOptions(lang, 'options.managedProblems')}</p>
          <ul>
            {stored.problems.map((p) => (
              <li key={p.key} data-key={p.key}>
                <code>{p.key || '—'}</code>: {pick(lang, p.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** A section the policy closes: every control in it disabled, with a note saying why. */
export function Locked({
  locked,
  lang,
  name,
  children,
}: {
  locked: boolean;
  lang: Language;
  name: Lockable;
  children: ComponentChildren;
}) {
  if (!locked) return <>{children}</>;
  const noteId = `pi-locked-${name}`;
  return (
    <div class="pi-locked" data-testid={`locked-${name}`}>
      <p id={noteId} class="pi-managed-note">
        <span aria-hidden="true">🔒 </span>
        {tOptions(lang, 'options.managedLocked', { name: lockName(lang, name) })}
      </p>
      <fieldset class="pi-bare" disabled aria-describedby={noteId}>
        {children}
      </fieldset>
    </div>
  );
}
