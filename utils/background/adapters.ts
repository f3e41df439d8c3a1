/**
 * The adapter registry: built-ins (shipped data) plus the adapters an agency imported, each
 * switchable on and off. Imported ones are validated on import and again on every load (a row
 * that no longer passes, e.g. after a format change, is listed as broken and never used).
 * Imported adapters reach their portals through content scripts registered at runtime, only on
 * origins the officer granted (optional_host_permissions).
 */
import type { DataError } from '../../machines';
import type { AdapterRow, PanduDb } from '../db/schema';
import { getLocalSetting, getSetting, setSetting } from '../db/settings';
import { originsAllowed } from '../policy/schema';
import { readPolicy } from '../policy/store';
import { BUILTIN_ADAPTERS, BUILTIN_IDS } from '../portals/builtin';
import { adapterCovers, pageKindByPath } from '../portals/recognise';
import {
  type AdapterValidation,
  type PortalAdapter,
  parseAdapterText,
  validateAdapter,
} from '../portals/schema';

export interface AdapterEntry {
  id: string;
  /** Null when a stored adapter no longer validates (`errors` says why). */
  adapter: PortalAdapter | null;
  origin: 'builtin' | AdapterRow['source'];
  enabled: boolean;
  updatedAt: string | null;
  errors: DataError[];
  /**
   * What the agency's policy does to it: `disabled` (switched off by policy), `not-allowed`
   * (an imported adapter reaching outside the policy's allowed origins), `managed` (installed
   * by policy), or null. The officer cannot change any of these here.
   */
  policy: 'disabled' | 'not-allowed' | 'managed' | null;
}

const NOT_ALLOWED: DataError = {
  path: 'matches',
  problem: {
    id: 'Adaptor ini menjangkau origin di luar yang diizinkan kebijakan instansi.',
    en: "This adapter reaches origins outside those your agency's policy allows.",
  },
  fix: {
    id: 'Minta pengelola TI menambah origin portalnya ke allowedOrigins, atau hapus adaptor ini.',
    en: 'Ask IT to add its portal origin to allowedOrigins, or delete this adapter.',
  },
};

const managedId = (id: string): DataError => ({
  path: 'id',
  problem: {
    id: `"${id}" adalah adaptor yang dipasang kebijakan instansi.`,
    en: `"${id}" is an adapter installed by your agency's policy.`,
  },
  fix: {
    id: 'Beri id lain; adaptor instansi hanya diubah lewat kebijakan.',
    en: "Give it another id; the agency's adapter changes only through the policy.",
  },
});

export async function listAdapters(db: PanduDb): Promise<AdapterEntry[]> {
  const [disabledList, rows, policy] = await Promise.all([
    getSetting(db, 'disabledAdapters'),
    db.adapters.toArray(),
    readPolicy(db),
  ]);
  const disabled = new Set(disabledList ?? []);
  const byPolicy = new Set(policy.disabledAdapters ?? []);
  const builtins: AdapterEntry[] = BUILTIN_ADAPTERS.map((adapter) => ({
    id: adapter.id,
    adapter,
    origin: 'builtin',
    enabled: !disabled.has(adapter.id),
    updatedAt: null,
    errors: [],
    policy: byPolicy.has(adapter.id) ? 'disabled' : null,
  }));
  const custom = rows
    .filter((row) => !BUILTIN_IDS.has(row.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((row): AdapterEntry => {
      const checked = validateAdapter(row.definition);
      // Only what the officer imported is held to the allow-list; the agency's own are not.
      const allowed =
        !checked.ok ||
        row.source === 'managed' ||
        originsAllowed(checked.adapter.matches, policy.allowedOrigins);
      const errors = checked.ok ? (allowed ? [] : [NOT_ALLOWED]) : checked.errors;
      return {
        id: row.id,
        adapter: checked.ok ? checked.adapter : null,
        origin: row.source,
        enabled: checked.ok && allowed && !disabled.has(row.id),
        updatedAt: row.updatedAt,
        errors,
        policy: byPolicy.has(row.id)
          ? 'disabled'
          : !allowed
            ? 'not-allowed'
            : row.source === 'managed'
              ? 'managed'
              : null,
      };
    });
  return [...builtins, ...custom];
}

/** Enabled adapters that cover `url` (origin pattern and a page path of theirs). */
export function adaptersFor(entries: readonly AdapterEntry[], url: string, demo: boolean): PortalAdapter[] {
  let pathname = '';
  try {
    pathname = new URL(url).pathname;
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.enabled && e.adapter)
    .map((e) => e.adapter as PortalAdapter)
    .filter((a) => adapterCovers(a, url, demo) && pageKindByPath(a, pathname) !== null);
}

export type ImportResult =
  | { ok: true; adapter: PortalAdapter; replaced: boolean }
  | { ok: false; errors: DataError[] };

/** Validates and stores an imported adapter; nothing is written unless all of it passes. */
export async function importAdapter(db: PanduDb, text: string, now: string): Promise<ImportResult> {
  const checked: AdapterValidation = parseAdapterText(text);
  if (!checked.ok) return checked;
  const { adapter } = checked;
  if (BUILTIN_IDS.has(adapter.id)) {
    return {
      ok: false,
      errors: [
        {
          path: 'id',
          problem: {
            id: `"${adapter.id}" adalah id adaptor bawaan.`,
            en: `"${adapter.id}" is a built-in adapter's id.`,
          },
          fix: {
            id: 'Beri id lain, mis. "sicantik-kota-contoh"; adaptor bawaan dapat dimatikan di daftar.',
            en: 'Give it another id, e.g. "sicantik-kota-contoh"; the built-in can be switched off in the list.',
          },
        },
      ],
    };
  }
  const policy = await readPolicy(db);
  if (!originsAllowed(adapter.matches, policy.allowedOrigins)) return { ok: false, errors: [NOT_ALLOWED] };
  const replaced = await db.transaction('rw', db.adapters, async () => {
    const before = await db.adapters.get(adapter.id);
    // The agency's adapter stays as the policy gives it.
    if (before?.source === 'managed') return null;
    const existed = before !== undefined;
    await db.adapters.put({ id: adapter.id, source: 'custom', definition: adapter, updatedAt: now });
    return existed;
  });
  if (replaced === null) return { ok: false, errors: [managedId(adapter.id)] };
  return { ok: true, adapter, replaced };
}

export async function setAdapterEnabled(db: PanduDb, id: string, enabled: boolean): Promise<boolean> {
  const known = BUILTIN_IDS.has(id) || (await db.adapters.get(id)) !== undefined;
  if (!known) return false;
  await db.transaction('rw', db.settings, async () => {
    // The officer's own list: the policy's switched-off adapters are added on read, not stored.
    const disabled = new Set((await getLocalSetting(db, 'disabledAdapters')) ?? []);
    if (enabled) disabled.delete(id);
    else disabled.add(id);
    await setSetting(db, 'disabledAdapters', [...disabled].sort());
  });
  return true;
}

export async function deleteAdapter(db: PanduDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.adapters, db.settings, async () => {
    if (!(await db.adapters.get(id))) return false;
    await db.adapters.delete(id);
    const disabled = (await getLocalSetting(db, 'disabledAdapters')) ?? [];
    if (disabled.includes(id))
      await setSetting(
        db,
        'disabledAdapters',
        disabled.filter((x) => x !== id),
      );
    return true;
  });
}

/** The slice of the WebExtension API that dynamic content scripts need (faked in tests). */
export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<{ id: string }[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  registerContentScripts(
    scripts: {
      id: string;
      matches: string[];
      js: string[];
      runAt: 'document_start';
      persistAcrossSessions: boolean;
    }[],
  ): Promise<void>;
  /** True when the extension may run on all of `origins`. */
  hasAccess(origins: string[]): Promise<boolean>;
}

const SCRIPT_PREFIX = 'pandu-adapter-';

/** What was registered, and which enabled adapters still wait for a host permission. */
export interface SyncResult {
  registered: string[];
  awaitingAccess: string[];
}

/**
 * Makes the registered content scripts match the enabled imported adapters whose origins the
 * officer granted: one script per adapter, the same bundle as the built-in portal script.
 */
export async function syncContentScripts(
  entries: readonly AdapterEntry[],
  api: ScriptingApi,
  { demo, script }: { demo: boolean; script: string },
): Promise<SyncResult> {
  const wanted: { id: string; matches: string[] }[] = [];
  const awaitingAccess: string[] = [];
  for (const entry of entries) {
    if (entry.origin === 'builtin' || !entry.enabled || !entry.adapter) continue;
    const matches = demo
      ? [...entry.adapter.matches, ...(entry.adapter.demoMatches ?? [])]
      : entry.adapter.matches;
    const granted: string[] = [];
    for (const pattern of matches) if (await api.hasAccess([pattern])) granted.push(pattern);
    if (granted.length === 0) {
      awaitingAccess.push(entry.id);
      continue;
    }
    if (granted.length < matches.length) awaitingAccess.push(entry.id);
    wanted.push({ id: `${SCRIPT_PREFIX}${entry.id}`, matches: granted });
  }
  const existing = (await api.getRegisteredContentScripts())
    .map((s) => s.id)
    .filter((id) => id.startsWith(SCRIPT_PREFIX));
  if (existing.length > 0) await api.unregisterContentScripts({ ids: existing });
  if (wanted.length > 0) {
    await api.registerContentScripts(
      wanted.map((w) => ({ ...w, js: [script], runAt: 'document_start', persistAcrossSessions: true })),
    );
  }
  return { registered: wanted.map((w) => w.id.slice(SCRIPT_PREFIX.length)), awaitingAccess };
}
