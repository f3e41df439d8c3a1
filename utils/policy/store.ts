/**
 * The agency's policy, mirrored into the database so every page (and every test) reads it the
 * way it reads settings. The background writes it from `storage.managed` when it starts and
 * whenever the browser reports a policy change; a row edited by hand is overwritten then.
 */
import type { PanduDb } from '../db/schema';
import { POLICY_ROW } from '../db/settings';
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

function isStored(value: unknown): value is StoredPolicy {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StoredPolicy>;
  return !!v.policy && typeof v.policy === 'object' && Array.isArray(v.problems);
}

/** The mirrored policy with its problems, or null when none was ever read. */
export async function readStoredPolicy(db: PanduDb): Promise<StoredPolicy | null> {
  const row = await db.settings.get(POLICY_ROW);
  return isStored(row?.value) ? row.value : null;
}

/** The policy that applies now (empty when there is none). */
export async function readPolicy(db: PanduDb): Promise<Policy> {
  return (await readStoredPolicy(db))?.policy ?? {};
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
      JSON.stringify({ p: before.policy, q: before.problems }) === JSON.stringify({ p: policy, q: problems });
    if (!same) {
      await db.settings.put({ key: POLICY_ROW, value: { policy, problems, syncedAt: now } });
    }
    const wanted = new Map((policy.adapters ?? []).map((a) => [a.id, a]));
    const managed = await db.adapters
      .where('id')
      .anyOf([...wanted.keys()])
      .toArray();
    const stale = (await db.adapters.toArray()).filter((r) => r.source === 'managed' && !wanted.has(r.id));
    let adaptersChanged = stale.length > 0;
    if (stale.length > 0) await db.adapters.bulkDelete(stale.map((r) => r.id));
    for (const adapter of wanted.values()) {
      const row = managed.find((r) => r.id === adapter.id);
      if (row?.source === 'managed' && JSON.stringify(row.definition) === JSON.stringify(adapter)) continue;
      await db.adapters.put({ id: adapter.id, source: 'managed', definition: adapter, updatedAt: now });
      adaptersChanged = true;
    }
    return { policy, problems, changed: !same || adaptersChanged };
  });
}
