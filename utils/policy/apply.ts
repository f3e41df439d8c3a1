/**
 * How the agency's policy applies to settings: the values it puts over the officer's own, and
 * the settings it closes. Apart from schema.ts (which checks a policy and needs the settings'
 * schemas) so that utils/db/settings.ts can apply it without an import cycle.
 */
import type { SettingKey, SettingValue } from '../db/settings';
import type { Lockable, Policy } from './schema';

/** The policy in the mirrored settings row (utils/policy/store.ts writes it checked), or none. */
export function policyOfRow(row: { value: unknown } | undefined): Policy {
  const policy = (row?.value as { policy?: unknown } | undefined)?.policy;
  return policy && typeof policy === 'object' ? (policy as Policy) : {};
}

/** True when `lock` is closed to the officer: the policy sets its value or locks it. */
export function isLocked(policy: Policy, lock: Lockable): boolean {
  if (policy.locked?.includes(lock)) return true;
  if (lock === 'language') return policy.language !== undefined;
  if (lock === 'dock') return policy.dock !== undefined;
  if (lock === 'targets') return policy.targets !== undefined;
  return false;
}

/** An officer who filled in nothing: where a policy region applies, it goes here. */
export const NO_OFFICER: SettingValue<'officer'> = {
  name: '',
  nip: '',
  unit: '',
  role: 'officer',
  region: '',
};

/** The officer's own value with the policy's value put over it (docs/deployment.md lists which). */
export function withPolicy<K extends SettingKey>(
  key: K,
  local: SettingValue<K> | undefined,
  policy: Policy,
): SettingValue<K> | undefined {
  type Out = SettingValue<K> | undefined;
  switch (key) {
    case 'language':
    case 'dock':
    case 'targets':
      return (policy[key as 'language' | 'dock' | 'targets'] ?? local) as Out;
    case 'officer':
      if (!policy.region) return local;
      return {
        ...((local as SettingValue<'officer'> | undefined) ?? NO_OFFICER),
        region: policy.region,
      } as Out;
    case 'disabledAdapters': {
      if (!policy.disabledAdapters) return local;
      const own = (local as string[] | undefined) ?? [];
      return [...new Set([...own, ...policy.disabledAdapters])].sort() as Out;
    }
    default:
      return local;
  }
}
