/**
 * Managed configuration: what an agency's IT may set by browser policy (Chrome/Edge
 * `3rdparty` extension policy, checked against public/managed_schema.json; Firefox
 * policies.json `3rdparty.Extensions`, which Firefox does not check at all). Either way the
 * value reaches us through `storage.managed` and is checked here, key by key: a key that does
 * not pass is ignored and listed as a problem (the options page shows it), the others apply.
 * docs/deployment.md has complete examples.
 */
import * as v from 'valibot';
import {
  type CalendarYear,
  type DataError,
  formatPath,
  type LocalizedText,
  REGIONS,
  validateCalendarYear,
} from '../../machines';
import { SETTING_SCHEMAS } from '../db/settings';
import { BUILTIN_IDS } from '../portals/builtin';
import { MATCH_PATTERN } from '../portals/patterns';
import { type PortalAdapter, parseAdapterText } from '../portals/schema';

/** Settings an agency can lock so the officer cannot change them here. */
export const LOCKABLE = ['officer', 'language', 'dock', 'targets', 'adapters'] as const;
export type Lockable = (typeof LOCKABLE)[number];

/**
 * An allowed custom portal origin: scheme and host, a leading `*.` for every subdomain. No port:
 * match patterns have none (utils/portals/patterns.ts), so a port could not be held to.
 */
const ORIGIN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)*)\/?$/i;

/** The checked policy: only the keys that passed. */
export interface Policy {
  region?: string;
  language?: 'id' | 'en';
  dock?: 'left' | 'right';
  targets?: v.InferOutput<(typeof SETTING_SCHEMAS)['targets']>;
  disabledAdapters?: string[];
  /** Adapters the agency installs for everyone (each checked like an import). */
  adapters?: PortalAdapter[];
  /** Holiday and cuti bersama years beyond (or correcting) the shipped ones. */
  holidayYears?: CalendarYear[];
  /** When set, imported adapters may only cover these origins. */
  allowedOrigins?: string[];
  locked?: Lockable[];
}

export type PolicyKey = keyof Policy;
export const POLICY_KEYS: readonly PolicyKey[] = [
  'region',
  'language',
  'dock',
  'targets',
  'disabledAdapters',
  'adapters',
  'holidayYears',
  'allowedOrigins',
  'locked',
];

/** One key the policy sets but we could not use, with why. */
export interface PolicyProblem {
  key: string;
  message: LocalizedText;
}

export interface CheckedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
}

const say = (id: string, en: string): LocalizedText => ({ id, en });
const REGION_CODES: ReadonlySet<string> = new Set(REGIONS.map((r) => r.code));
const MAX_LIST = 200;

type KeyCheck = (value: unknown) => { ok: true; value: unknown } | { ok: false; message: LocalizedText };

function bySchema<T>(schema: v.GenericSchema<unknown, T>): KeyCheck {
  return (value) => {
    const result = v.safeParse(schema, value);
    if (result.success) return { ok: true, value: result.output };
    const issue = result.issues[0];
    const where = issue.path ? `${formatPath(issue.path)}: ` : '';
    return {
      ok: false,
      message: say(
        `nilai tidak valid (${where}${issue.message})`,
        `invalid value (${where}${issue.message})`,
      ),
    };
  };
}

const firstError = (errors: readonly DataError[], at: string): LocalizedText => {
  const e = errors[0];
  const path = e?.path ? `${at}.${e.path}` : at;
  return e
    ? say(`${path}: ${e.problem.id} ${e.fix.id}`, `${path}: ${e.problem.en} ${e.fix.en}`)
    : say(`${at}: tidak valid`, `${at}: not valid`);
};

const CHECKS: Record<PolicyKey, KeyCheck> = {
  region: (value) =>
    typeof value === 'string' && REGION_CODES.has(value)
      ? { ok: true, value }
      : {
          ok: false,
          message: say(
            'bukan kode provinsi BPS yang dikenal (dua angka, mis. "31")',
            'not a known BPS province code (two digits, e.g. "31")',
          ),
        },
  language: bySchema(SETTING_SCHEMAS.language),
  dock: bySchema(SETTING_SCHEMAS.dock),
  targets: bySchema(SETTING_SCHEMAS.targets),
  disabledAdapters: bySchema(SETTING_SCHEMAS.disabledAdapters),
  adapters: (value) => {
    if (!Array.isArray(value) || value.length > MAX_LIST) {
      return {
        ok: false,
        message: say(
          'harus berupa daftar teks JSON adaptor (paling banyak 200)',
          'must be a list of adapter JSON texts (at most 200)',
        ),
      };
    }
    const adapters: PortalAdapter[] = [];
    for (const [i, item] of value.entries()) {
      // Each item is an adapter file's text, as Options → Import takes it; an object is
      // accepted too (Firefox's policies.json can hold one as it is).
      const text = typeof item === 'string' ? item : JSON.stringify(item);
      const checked = parseAdapterText(text ?? '');
      if (!checked.ok) return { ok: false, message: firstError(checked.errors, `adapters[${i}]`) };
      if (BUILTIN_IDS.has(checked.adapter.id)) {
        return {
          ok: false,
          message: say(
            `adapters[${i}]: "${checked.adapter.id}" adalah id adaptor bawaan; beri id lain (bawaan dimatikan lewat disabledAdapters)`,
            `adapters[${i}]: "${checked.adapter.id}" is a built-in adapter's id; give another (built-ins are switched off with disabledAdapters)`,
          ),
        };
      }
      if (adapters.some((a) => a.id === checked.adapter.id)) {
        return {
          ok: false,
          message: say(
            `adapters[${i}]: id "${checked.adapter.id}" muncul dua kali`,
            `adapters[${i}]: id "${checked.adapter.id}" appears twice`,
          ),
        };
      }
      adapters.push(checked.adapter);
    }
    return { ok: true, value: adapters };
  },
  holidayYears: (value) => {
    if (!Array.isArray(value) || value.length > 50) {
      return {
        ok: false,
        message: say('harus berupa daftar berkas tahun libur', 'must be a list of holiday year files'),
      };
    }
    const years: CalendarYear[] = [];
    for (const [i, item] of value.entries()) {
      const checked = validateCalendarYear(typeof item === 'string' ? safeJson(item) : item);
      if (!checked.ok) return { ok: false, message: firstError(checked.errors, `holidayYears[${i}]`) };
      if (years.some((y) => y.year === checked.value.year)) {
        return {
          ok: false,
          message: say(
            `holidayYears[${i}]: tahun ${checked.value.year} muncul dua kali`,
            `holidayYears[${i}]: year ${checked.value.year} appears twice`,
          ),
        };
      }
      years.push(checked.value);
    }
    return { ok: true, value: years };
  },
  allowedOrigins: (value) => {
    if (!Array.isArray(value) || value.length > MAX_LIST) {
      return { ok: false, message: say('harus berupa daftar origin', 'must be a list of origins') };
    }
    const bad = value.findIndex((o) => typeof o !== 'string' || !ORIGIN.test(o));
    if (bad >= 0) {
      return {
        ok: false,
        message: say(
          `allowedOrigins[${bad}] bukan origin seperti "https://izin.kotacontoh.go.id" atau "https://*.kotacontoh.go.id"`,
          `allowedOrigins[${bad}] is not an origin like "https://izin.kotacontoh.go.id" or "https://*.kotacontoh.go.id"`,
        ),
      };
    }
    return { ok: true, value: (value as string[]).map((o) => o.toLowerCase().replace(/\/$/, '')) };
  },
  locked: (value) => {
    const result = v.safeParse(
      v.pipe(v.array(v.picklist(LOCKABLE)), v.maxLength(LOCKABLE.length * 2)),
      value,
    );
    if (result.success) return { ok: true, value: [...new Set(result.output)] };
    return {
      ok: false,
      message: say(
        `harus berupa daftar dari: ${LOCKABLE.join(', ')}`,
        `must be a list of: ${LOCKABLE.join(', ')}`,
      ),
    };
  },
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Checks what `storage.managed` holds, key by key. Unknown keys are listed as problems (a typo
 * in a policy should not pass unnoticed); a key that fails is left out, the rest apply.
 *
 * @example
 * checkPolicy({ language: 'en', region: '99' });
 * // { policy: { language: 'en' }, problems: [{ key: 'region', message: … }] }
 */
export function checkPolicy(raw: unknown): CheckedPolicy {
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  if (raw === null || raw === undefined) return { policy: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      policy: {},
      problems: [{ key: '', message: say('kebijakan bukan objek', 'the policy is not an object') }],
    };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      problems.push({
        key,
        message: say(
          `kunci tidak dikenal; yang dikenal: ${POLICY_KEYS.join(', ')}`,
          `unknown key; known keys: ${POLICY_KEYS.join(', ')}`,
        ),
      });
      continue;
    }
    const checked = CHECKS[key as PolicyKey](value);
    if (checked.ok) policy[key] = checked.value;
    else problems.push({ key, message: checked.message });
  }
  return { policy: policy as Policy, problems };
}

/**
 * True when every pattern of `matches` lies inside an allowed origin (no allow-list: all do).
 * `https://*.x.go.id` allows x.go.id and its subdomains; a pattern with a wildcard host needs
 * an allowed wildcard at least as wide.
 *
 * @example
 * originsAllowed(['https://izin.kota.go.id/*'], ['https://*.kota.go.id']); // true
 */
export function originsAllowed(matches: readonly string[], allowed: readonly string[] | undefined): boolean {
  if (!allowed) return true;
  return matches.every((pattern) => {
    const m = MATCH_PATTERN.exec(pattern);
    if (!m) return false;
    // `*://` stands for both http and https: each must be allowed.
    const schemes = m[1] === '*' ? ['http', 'https'] : [m[1] ?? ''];
    const host = m[2] ?? '';
    return schemes.every((scheme) =>
      allowed.some((origin) => {
        const o = ORIGIN.exec(origin);
        if (!o || (o[1] ?? '').toLowerCase() !== scheme) return false;
        const base = (o[3] ?? '').toLowerCase();
        if (!o[2]) return host === base;
        const bare = host.startsWith('*.') ? host.slice(2) : host;
        return bare === base || bare.endsWith(`.${base}`);
      }),
    );
  });
}
