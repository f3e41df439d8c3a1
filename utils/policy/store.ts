/**
 * The agency's policy, mirrored into the database so every page (and every test) reads it the
 * way it reads settings. The background writes it from `storage.managed` when it starts and
 * whenever the browser reports a policy change; a row edited by hand is overwritten then.
 */
import { canonicalJson } from '../../machines';
import type { PanduDb } from '../db/schema';
import { POLICY_ROW } from '../db/settings';
import { policyOfRow } from './apply';
import { type CheckedPolicy, checkPolicy, type Policy, type PolicyProblem } from './schema';

export interface StoredPolicy extends CheckedPolicy {
  /** When the background last read `storage.managed`. */
  syncedAt: string;
}

/** The slice of `storage.managed` we use (faked in tests). */
export interface ManagedStorage {
  get(): Promise<Record<string, unknown>>;
}

/**
 * What the browser's policy holds for us, or `{}` when there is none. Firefox throws when no
 * policy names the extension; a browser without `storage.managed` has none either.
 */
export async function readManaged(storage: ManagedStorage | undefined): Promise<Record<string, unknown>> {
  if (!storage) return {};
  try {
    const value = await storage.get();
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** The mirrored policy with its problems, or null when none was ever read. */
export async function readStoredPolicy(db: PanduDb): Promise<StoredPolicy | null> {
  const value = (await db.settings.get(POLICY_ROW))?.value as Partial<StoredPolicy> | undefined;
  return value?.policy && typeof value.policy === 'object' && Array.isArray(value.problems)
    ? (value as StoredPolicy)
    : null;
}

/** The policy that applies now (empty when there is none). */
export async function readPolicy(db: PanduDb): Promise<Policy> {
  return policyOfRow(await db.settings.get(POLICY_ROW));
}

export interface SyncedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
  /** True when something the pages show changed (the mirrored row or the managed adapters). */
  changed: boolean;
}

/**
 * Checks `raw` and mirrors it: the policy row, and the policy's adapters as `managed` rows
 * (an officer's adapter with the same id gives way; managed rows the policy no longer lists
 * are removed). One transaction: pages never see half of a policy.
 */
export async function syncPolicy(db: PanduDb, raw: unknown, now: string): Promise<SyncedPolicy> {
  const { policy, problems } = checkPolicy(raw);
  return db.transaction('rw', db.settings, db.adapters, async () => {
    const before = await readStoredPolicy(db);
    const same =
      before !== null &&
      canonicalJson([before.policy, before.problems]) === canonicalJson([policy, problems]);
    if (!same) {
      await db.settings.put({ key: POLICY_ROW, value: { policy, problems, syncedAt: now } });
    }
    const wanted = new Map((policy.adapters ?? []).map((a) => [a.id, a]));
    const rows = new Map((await db.adapters.toArray()).map((r) => [r.id, r]));
    const stale = [...rows.values()].filter((r) => r.source === 'managed' && !wanted.has(r.id));
    let adaptersChanged = stale.length > 0;
    if (stale.length > 0) await db.adapters.bulkDelete(stale.map((r) => r.id));
    for (const adapter of wanted.values()) {
      const row = rows.get(adapter.id);
      if (row?.source === 'managed' && canonicalJson(row.definition) === canonicalJson(adapter)) continue;
      await db.adapters.put({ id: adapter.id, source: 'managed', definition: adapter, updatedAt: now });
      adaptersChanged = true;
    }
    return { policy, problems, changed: !same || adaptersChanged };
  });
}
