import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, createEngine } from '../../../../machines';
import { listAdapters } from '../../../../utils/background/adapters';
import { indexer } from '../../../../utils/db/cases';
import { openDb } from '../../../../utils/db/schema';
import { getLocalSetting, getSetting, readPrefs, setSetting } from '../../../../utils/db/settings';
import { isLocked } from '../../../../utils/policy/apply';
import { calendarWith, policyCalendar, setHolidayYears } from '../../../../utils/policy/calendar';
import { MANAGED_SCHEMA } from '../../../../utils/policy/managed-schema';
import { checkPolicy, originsAllowed, POLICY_KEYS } from '../../../../utils/policy/schema';
import { readManaged, readPolicy, readStoredPolicy, syncPolicy } from '../../../../utils/policy/store';

const EXAMPLE_POLICY = JSON.parse(
  readFileSync(new URL('../../../../docs/examples/policy.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const EXAMPLE_ADAPTER = readFileSync(
  new URL('../../../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
  'utf8',
);
const NOW = '2026-11-29T02:00:00.000Z';
const freshDb = () => openDb({ name: `policy-${crypto.randomUUID()}`, indexCase: indexer(createEngine()) });

const year2027 = {
  year: 2027,
  source: 'test',
  holidays: [{ date: '2027-01-01', name: { id: 'Tahun Baru', en: 'New Year' } }],
  cutiBersama: [{ date: '2027-01-04', name: { id: 'Cuti bersama', en: 'Collective leave' } }],
};

describe('checking a policy', () => {
  it('keeps every valid key and lists each bad or unknown one with why, in both languages', () => {
    const { policy, problems } = checkPolicy({
      language: 'en',
      region: '99',
      dock: 'left',
      targets: { daily: { steps: 1, advances: 2, visits: 3 }, weekly: { steps: -1, advances: 0, visits: 0 } },
      lockd: ['officer'],
      locked: ['officer', 'officer', 'language'],
    });
    expect(policy).toEqual({ language: 'en', dock: 'left', locked: ['officer', 'language'] });
    expect(problems.map((p) => p.key).sort()).toEqual(['lockd', 'region', 'targets']);
    for (const p of problems) {
      expect(p.message.id).not.toBe('');
      expect(p.message.en).not.toBe(p.message.id);
    }
    expect(problems.find((p) => p.key === 'targets')?.message.en).toContain('weekly.steps');
  });

  it('takes adapters as the text Options imports (or as objects), and refuses built-in ids and repeats', () => {
    const ok = checkPolicy({ adapters: [EXAMPLE_ADAPTER, JSON.parse(EXAMPLE_ADAPTER)] });
    expect(ok.problems.map((p) => p.message.en)).toEqual([expect.stringContaining('appears twice')]);
    expect(checkPolicy({ adapters: [EXAMPLE_ADAPTER] }).policy.adapters?.[0]?.id).toBe('simpel-kota-contoh');
    const builtin = checkPolicy({ adapters: [EXAMPLE_ADAPTER.replace('"simpel-kota-contoh"', '"oss-rba"')] });
    expect(builtin.policy.adapters).toBeUndefined();
    expect(builtin.problems[0]?.message.en).toContain("built-in adapter's id");
    const broken = checkPolicy({ adapters: ['{"id": "x"}'] });
    expect(broken.problems[0]?.message.en).toMatch(/^adapters\[0\]/);
  });

  it('checks holiday years like the shipped calendar files, and origins as scheme and host', () => {
    expect(checkPolicy({ holidayYears: [year2027] }).policy.holidayYears).toEqual([year2027]);
    const wrongYear = checkPolicy({
      holidayYears: [{ ...year2027, holidays: [{ date: '2028-01-01', name: { id: 'a', en: 'b' } }] }],
    });
    expect(wrongYear.policy.holidayYears).toBeUndefined();
    expect(wrongYear.problems[0]?.key).toBe('holidayYears');
    expect(checkPolicy({ allowedOrigins: ['HTTPS://*.KotaContoh.go.id/'] }).policy.allowedOrigins).toEqual([
      'https://*.kotacontoh.go.id',
    ]);
    for (const bad of [
      'kotacontoh.go.id',
      'https://x.go.id/path',
      'ftp://x.go.id',
      'https://*',
      'http://localhost:8080',
    ]) {
      expect(checkPolicy({ allowedOrigins: [bad] }).problems, bad).toHaveLength(1);
    }
    expect(checkPolicy('nonsense').problems).toHaveLength(1);
    expect(checkPolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it('matches adapter patterns against allowed origins, wildcards no wider than allowed', () => {
    const allowed = ['https://*.kotacontoh.go.id', 'http://localhost'];
    expect(originsAllowed(['https://simpel.kotacontoh.go.id/*'], allowed)).toBe(true);
    expect(originsAllowed(['https://kotacontoh.go.id/*'], allowed)).toBe(true);
    expect(originsAllowed(['https://*.a.kotacontoh.go.id/*'], allowed)).toBe(true);
    expect(originsAllowed(['http://simpel.kotacontoh.go.id/*'], allowed)).toBe(false);
    expect(originsAllowed(['*://simpel.kotacontoh.go.id/*'], allowed)).toBe(false);
    expect(originsAllowed(['https://evilkotacontoh.go.id/*'], allowed)).toBe(false);
    expect(originsAllowed(['https://*/*'], allowed)).toBe(false);
    expect(originsAllowed(['http://localhost/x/*'], allowed)).toBe(true);
    expect(originsAllowed(['https://localhost/x/*'], allowed)).toBe(false);
    expect(originsAllowed(['https://a.kotacontoh.go.id/*', 'https://other.go.id/*'], allowed)).toBe(false);
    expect(originsAllowed(['https://anything.example/*'], undefined)).toBe(true);
    expect(originsAllowed(['https://anything.example/*'], [])).toBe(false);
  });

  it('says a setting is locked when the policy sets its value or lists it', () => {
    expect(isLocked({ language: 'id' }, 'language')).toBe(true);
    expect(isLocked({ targets: { daily: z(), weekly: z() } }, 'targets')).toBe(true);
    expect(isLocked({ locked: ['adapters'] }, 'adapters')).toBe(true);
    expect(isLocked({ region: '31' }, 'officer')).toBe(false);
    expect(isLocked({}, 'dock')).toBe(false);
  });

  it('the Chrome and Firefox files in docs/deployment.md carry that same policy, and it passes there too', () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(new URL(`../../../../docs/examples/${name}`, import.meta.url), 'utf8'));
    const chrome = read('chrome-policy.json');
    expect(chrome['3rdparty'].extensions['<extension-id>']).toEqual(EXAMPLE_POLICY);
    expect(chrome.ExtensionInstallForcelist[0]).toMatch(/^<extension-id>;https:\/\//);
    const firefox = read('firefox-policies.json').policies;
    const forFirefox = firefox['3rdparty'].Extensions['pandu-izin@pandu-izin.id'];
    expect(firefox.ExtensionSettings['pandu-izin@pandu-izin.id'].installation_mode).toBe('force_installed');
    // Firefox's file holds the adapter as an object; the same adapter either way.
    const checked = checkPolicy(forFirefox);
    expect(checked.problems).toEqual([]);
    expect(checked.policy).toEqual(checkPolicy(EXAMPLE_POLICY).policy);
  });

  it('the example in docs/examples/policy.json passes whole, with every key we read', () => {
    const { policy, problems } = checkPolicy(EXAMPLE_POLICY);
    expect(problems).toEqual([]);
    expect(Object.keys(policy).length).toBeGreaterThanOrEqual(8);
    expect(policy.adapters?.[0]).toEqual(JSON.parse(EXAMPLE_ADAPTER));
  });
});

const z = () => ({ steps: 0, advances: 0, visits: 0 });

/** The subset of JSON Schema Chrome's policy schemas use, enough to check our examples. */
function conforms(schema: Record<string, unknown>, value: unknown, path = '$'): string[] {
  const type = schema.type as string;
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== actual && !(type === 'number' && actual === 'integer'))
    return [`${path}: ${actual} is not ${type}`];
  const out: string[] = [];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${path}: not in enum`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value as string))
    out.push(`${path}: does not match ${schema.pattern}`);
  if (typeof schema.minimum === 'number' && (value as number) < schema.minimum)
    out.push(`${path}: below minimum`);
  if (typeof schema.maximum === 'number' && (value as number) > schema.maximum)
    out.push(`${path}: above maximum`);
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [k, v] of Object.entries(value as object)) {
      const sub = props[k];
      if (!sub) out.push(`${path}.${k}: not in the schema (Chrome drops it)`);
      else out.push(...conforms(sub, v, `${path}.${k}`));
    }
  }
  if (type === 'array') {
    (value as unknown[]).forEach((item, i) => {
      out.push(...conforms(schema.items as Record<string, unknown>, item, `${path}[${i}]`));
    });
  }
  return out;
}

describe('the Chrome/Edge policy schema', () => {
  it('has a place for every policy key, and only known JSON-schema types', () => {
    expect(Object.keys(MANAGED_SCHEMA.properties).sort()).toEqual([...POLICY_KEYS].sort());
    const types = new Set<string>();
    const walk = (s: Record<string, unknown>) => {
      types.add(s.type as string);
      for (const sub of Object.values((s.properties ?? {}) as Record<string, Record<string, unknown>>))
        walk(sub);
      if (s.items) walk(s.items as Record<string, unknown>);
    };
    walk(MANAGED_SCHEMA as unknown as Record<string, unknown>);
    expect(
      [...types].every((t) => ['object', 'array', 'string', 'integer', 'number', 'boolean'].includes(t)),
    ).toBe(true);
  });

  it('accepts the documented example as it is, and would drop a misspelt key', () => {
    const schema = MANAGED_SCHEMA as unknown as Record<string, unknown>;
    expect(conforms(schema, EXAMPLE_POLICY)).toEqual([]);
    expect(conforms(schema, { ...EXAMPLE_POLICY, langauge: 'en' })).toEqual([
      '$.langauge: not in the schema (Chrome drops it)',
    ]);
    expect(conforms(schema, { region: 31 })).toEqual(['$.region: integer is not string']);
  });
});

describe('the mirrored policy', () => {
  it('is read from storage.managed, and a browser without one (or Firefox without a policy) reads as none', async () => {
    expect(await readManaged({ get: async () => ({ language: 'en' }) })).toEqual({ language: 'en' });
    expect(
      await readManaged({
        get: async () => {
          throw new Error('Managed storage manifest not found');
        },
      }),
    ).toEqual({});
    expect(await readManaged(undefined)).toEqual({});
  });

  it('overrides settings on read, keeps the officer’s own values underneath, and says which prefs are locked', async () => {
    const db = freshDb();
    await setSetting(db, 'language', 'en');
    await setSetting(db, 'officer', { name: 'Dewi', nip: '', unit: 'U', role: 'officer', region: '32' });
    await setSetting(db, 'disabledAdapters', ['sicantik']);
    expect(await readPrefs(db)).toEqual({ language: 'en', dock: 'right' });

    const synced = await syncPolicy(db, { language: 'id', region: '31', disabledAdapters: ['simbg'] }, NOW);
    expect(synced.changed).toBe(true);
    expect(await getSetting(db, 'language')).toBe('id');
    expect(await getLocalSetting(db, 'language')).toBe('en');
    expect(await getSetting(db, 'officer')).toEqual({
      name: 'Dewi',
      nip: '',
      unit: 'U',
      role: 'officer',
      region: '31',
    });
    expect(await getSetting(db, 'disabledAdapters')).toEqual(['sicantik', 'simbg']);
    expect(await readPrefs(db)).toEqual({ language: 'id', dock: 'right', locked: ['language'] });
    const listed = await listAdapters(db);
    expect(listed.find((e) => e.id === 'simbg')).toMatchObject({ enabled: false, policy: 'disabled' });
    expect(listed.find((e) => e.id === 'sicantik')).toMatchObject({ enabled: false, policy: null });

    // The same policy again changes nothing; removing it gives the officer's values back.
    expect(
      (await syncPolicy(db, { language: 'id', region: '31', disabledAdapters: ['simbg'] }, NOW)).changed,
    ).toBe(false);
    await syncPolicy(db, {}, NOW);
    expect(await getSetting(db, 'language')).toBe('en');
    expect((await getSetting(db, 'officer'))?.region).toBe('32');
    expect(await readPrefs(db)).toEqual({ language: 'en', dock: 'right' });
  });

  it('gives a region even to an officer who never filled in the form', async () => {
    const db = freshDb();
    await syncPolicy(db, { region: '97' }, NOW);
    expect(await getSetting(db, 'officer')).toEqual({
      name: '',
      nip: '',
      unit: '',
      role: 'officer',
      region: '97',
    });
    expect(await getLocalSetting(db, 'officer')).toBeUndefined();
  });

  it('installs the policy’s adapters as managed rows, replaces an officer’s one of the same id, removes them with the policy', async () => {
    const db = freshDb();
    await db.adapters.put({
      id: 'simpel-kota-contoh',
      source: 'custom',
      definition: { old: true },
      updatedAt: NOW,
    });
    await syncPolicy(db, { adapters: [EXAMPLE_ADAPTER] }, NOW);
    expect(await db.adapters.get('simpel-kota-contoh')).toMatchObject({
      source: 'managed',
      definition: JSON.parse(EXAMPLE_ADAPTER),
    });
    const entry = (await listAdapters(db)).find((e) => e.id === 'simpel-kota-contoh');
    expect(entry).toMatchObject({ origin: 'managed', enabled: true, policy: 'managed' });

    // An allow-list does not hold back the agency's own adapter, only imported ones.
    await db.adapters.put({
      id: 'elsewhere',
      source: 'custom',
      definition: { ...JSON.parse(EXAMPLE_ADAPTER), id: 'elsewhere', matches: ['https://izin.lain.go.id/*'] },
      updatedAt: NOW,
    });
    await syncPolicy(db, { adapters: [EXAMPLE_ADAPTER], allowedOrigins: ['https://izin.lain.go.id'] }, NOW);
    const both = await listAdapters(db);
    expect(both.find((e) => e.id === 'simpel-kota-contoh')).toMatchObject({
      enabled: true,
      policy: 'managed',
    });
    expect(both.find((e) => e.id === 'elsewhere')).toMatchObject({ enabled: true, policy: null });
    await syncPolicy(db, { allowedOrigins: ['https://*.kotacontoh.go.id'] }, NOW);
    const after = await listAdapters(db);
    expect(after.find((e) => e.id === 'simpel-kota-contoh')).toBeUndefined();
    expect(after.find((e) => e.id === 'elsewhere')).toMatchObject({ enabled: false, policy: 'not-allowed' });
    expect(after.find((e) => e.id === 'elsewhere')?.errors[0]?.problem.en).toContain('outside');
    expect(await readPolicy(db)).toEqual({ allowedOrigins: ['https://*.kotacontoh.go.id'] });
  });

  it('keeps the problems for the options page, and what did pass still applies', async () => {
    const db = freshDb();
    await syncPolicy(db, { language: 'en', region: 'Jakarta' }, NOW);
    const stored = await readStoredPolicy(db);
    expect(stored?.policy).toEqual({ language: 'en' });
    expect(stored?.problems.map((p) => p.key)).toEqual(['region']);
    expect(stored?.syncedAt).toBe(NOW);
  });
});

describe('the working calendar under a policy', () => {
  it('counts the policy’s holiday years, and goes back to weekends only when they are withdrawn', () => {
    // 2026-12-31 (Thursday) + 2 working days: weekends only → Fri 1, Mon 4 January; with 2027's
    // 1 January holiday and 4 January cuti bersama → Tue 5, Wed 6 January.
    try {
      expect(addWorkingDays(policyCalendar, '2026-12-31', 2)).toMatchObject({
        date: '2027-01-04',
        beyondKnownYears: true,
      });
      setHolidayYears([year2027]);
      expect(addWorkingDays(policyCalendar, '2026-12-31', 2)).toMatchObject({
        date: '2027-01-06',
        beyondKnownYears: false,
      });
    } finally {
      setHolidayYears(undefined);
    }
    expect(addWorkingDays(policyCalendar, '2026-12-31', 2).date).toBe('2027-01-04');
    expect(calendarWith(undefined).years.size).toBe(createCalendar().years.size);
  });
});
