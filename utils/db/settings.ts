/**
 * Named settings with a runtime check per key: a value that does not pass is never stored, and
 * a stored value that no longer passes (older build, hand-edited backup) reads as unset.
 */
import * as v from 'valibot';
import { formatPath } from '../../machines';
import type { Prefs } from '../messaging/protocol';
import { isLocked, policyOfRow, withPolicy } from '../policy/apply';
import type { Author } from './cases';
import type { PanduDb } from './schema';

const shortText = v.pipe(v.string(), v.trim(), v.maxLength(200));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));

export const SETTING_SCHEMAS = {
  /** Who the officer is; `nip` (or `name` when empty) attributes their events. */
  officer: v.strictObject({
    name: shortText,
    nip: v.pipe(v.string(), v.trim(), v.regex(/^(\d{18})?$/, 'nip')),
    unit: shortText,
    role: v.picklist(['officer', 'supervisor']),
    region: v.pipe(v.string(), v.regex(/^(\d{2})?$/, 'province-code')),
  }),
  language: v.picklist(['id', 'en']),
  /** Which side of the portal page the overlay docks to. */
  dock: v.picklist(['left', 'right']),
  /** Adapters (built-in or imported) the officer switched off, by id. */
  disabledAdapters: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(200)),
  /**
   * A supervisor's daily and weekly output targets per officer (set in Options; the dashboard
   * compares each officer's outputs with them). Counts as in utils/outputs/outputs.ts.
   */
  targets: v.strictObject({
    daily: v.strictObject({ steps: count, advances: count, visits: count }),
    weekly: v.strictObject({ steps: count, advances: count, visits: count }),
  }),
  /** A random id made once per browser profile; never imported from a backup. */
  deviceId: v.pipe(v.string(), v.uuid()),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;

/** Language and dock side before the officer chose: Indonesian, docked right. */
export const DEFAULT_PREFS = { language: 'id', dock: 'right' } as const satisfies {
  language: 'id' | 'en';
  dock: 'left' | 'right';
};
export type SettingValue<K extends SettingKey> = v.InferOutput<(typeof SETTING_SCHEMAS)[K]>;

/** Settings that belong to this browser and never travel in a backup. */
export const LOCAL_ONLY_SETTINGS: ReadonlySet<SettingKey> = new Set(['deviceId']);

export function isSettingKey(key: unknown): key is SettingKey {
  return typeof key === 'string' && Object.hasOwn(SETTING_SCHEMAS, key);
}

/** Checks a value for a key; the first problem as text, or null when it is fine. */
export function settingProblem(key: SettingKey, value: unknown): string | null {
  const result = v.safeParse(SETTING_SCHEMAS[key], value);
  if (result.success) return null;
  const issue = result.issues[0];
  return `${issue.path ? `${formatPath(issue.path)}: ` : ''}${issue.message}`;
}

/**
 * The settings row that mirrors the agency's browser policy (utils/policy/store.ts writes it
 * from `storage.managed`). It is not a setting: no message can set it, no backup carries it.
 */
export const POLICY_ROW = 'policy';

function parseSetting<K extends SettingKey>(key: K, row: { value: unknown } | undefined) {
  if (!row) return undefined;
  const parsed = v.safeParse(SETTING_SCHEMAS[key], row.value);
  return parsed.success ? (parsed.output as SettingValue<K>) : undefined;
}

/** A setting as it applies: the officer's own value, with the agency's policy over it. */
export async function getSetting<K extends SettingKey>(
  db: PanduDb,
  key: K,
): Promise<SettingValue<K> | undefined> {
  const [row, policy] = await db.settings.bulkGet([key, POLICY_ROW]);
  return withPolicy(key, parseSetting(key, row), policyOfRow(policy));
}

/**
 * Language and dock side as they apply, and which of them the agency's policy sets or locks.
 * The background pushes these to portal tabs; extension pages read them live.
 */
export async function readPrefs(db: PanduDb): Promise<Prefs> {
  const [language, dock, policyRow] = await db.settings.bulkGet(['language', 'dock', POLICY_ROW]);
  const policy = policyOfRow(policyRow);
  const locked = (['language', 'dock'] as const).filter((key) => isLocked(policy, key));
  return {
    language: withPolicy('language', parseSetting('language', language), policy) ?? DEFAULT_PREFS.language,
    dock: withPolicy('dock', parseSetting('dock', dock), policy) ?? DEFAULT_PREFS.dock,
    ...(locked.length > 0 ? { locked } : {}),
  };
}

/** The officer's own value, as stored here, without the policy (for read-modify-write). */
export async function getLocalSetting<K extends SettingKey>(
  db: PanduDb,
  key: K,
): Promise<SettingValue<K> | undefined> {
  return parseSetting(key, await db.settings.get(key));
}

export async function setSetting<K extends SettingKey>(
  db: PanduDb,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const problem = settingProblem(key, value);
  if (problem) throw new TypeError(`Setting ${key} refused: ${problem}`);
  await db.settings.put({ key, value });
}

/** This browser's device id, made and stored on first use. */
export async function deviceId(
  db: PanduDb,
  newId: () => string = () => crypto.randomUUID(),
): Promise<string> {
  const known = await getLocalSetting(db, 'deviceId');
  if (known) return known;
  return db.transaction('rw', db.settings, async () => {
    const again = await getLocalSetting(db, 'deviceId');
    if (again) return again;
    const id = newId();
    await db.settings.put({ key: 'deviceId', value: id });
    return id;
  });
}

/** Who is acting now, from the stored settings. */
export async function currentAuthor(db: PanduDb): Promise<Author> {
  const [officer, device] = await Promise.all([getSetting(db, 'officer'), deviceId(db)]);
  const who = officer?.nip || officer?.name || null;
  return { officer: who, device };
}
