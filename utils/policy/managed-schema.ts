/**
 * Chrome's and Edge's schema for the agency's policy (`storage.managed_schema`), written out
 * as managed_schema.json at build time (wxt.config.ts). The browser drops a value that does not
 * fit it before we see it; utils/policy/schema.ts checks every key again (Firefox checks
 * nothing). Keep the two in step: test/unit/utils/policy/managed-schema.test.ts compares them.
 */
import { LOCKABLE, POLICY_KEYS } from './schema';

const count = { type: 'integer', minimum: 0, maximum: 10000 } as const;
const counts = {
  type: 'object',
  properties: { steps: count, advances: count, visits: count },
} as const;
const entry = {
  type: 'object',
  properties: {
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    name: { type: 'object', properties: { id: { type: 'string' }, en: { type: 'string' } } },
  },
} as const;

export const MANAGED_SCHEMA = {
  type: 'object',
  properties: {
    region: {
      title: 'Province / Provinsi',
      description: 'BPS province code of the office, e.g. "31" (DKI Jakarta). Overrides the officer\'s own.',
      type: 'string',
      pattern: '^\\d{2}$',
    },
    language: {
      title: 'Language / Bahasa',
      description: 'Interface language: "id" or "en". The officer cannot switch it.',
      type: 'string',
      enum: ['id', 'en'],
    },
    dock: {
      title: 'Panel side / Sisi panel',
      description: 'Side of the portal page the overlay docks to: "left" or "right".',
      type: 'string',
      enum: ['left', 'right'],
    },
    targets: {
      title: 'Output targets / Target keluaran',
      description: "Each officer's daily and weekly output targets, as in Options.",
      type: 'object',
      properties: { daily: counts, weekly: counts },
    },
    disabledAdapters: {
      title: 'Adapters switched off / Adaptor dimatikan',
      description: 'Ids of built-in or imported adapters to switch off, e.g. "oss-rba".',
      type: 'array',
      items: { type: 'string' },
    },
    adapters: {
      title: 'Agency adapters / Adaptor instansi',
      description: "Portal adapters installed for everyone: each item is an adapter file's JSON text.",
      type: 'array',
      items: { type: 'string' },
    },
    holidayYears: {
      title: 'Holiday years / Tahun libur',
      description: 'National holidays and cuti bersama of years the build does not ship (SKB 3 Menteri).',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          year: { type: 'integer', minimum: 1970, maximum: 9999 },
          source: { type: 'string' },
          note: { type: 'string' },
          holidays: { type: 'array', items: entry },
          cutiBersama: { type: 'array', items: entry },
        },
      },
    },
    allowedOrigins: {
      title: 'Allowed custom portal origins / Origin portal yang diizinkan',
      description:
        'When set, an imported adapter may only cover these origins, e.g. "https://sicantik.kotacontoh.go.id" or "https://*.kotacontoh.go.id".',
      type: 'array',
      items: { type: 'string' },
    },
    locked: {
      title: 'Locked settings / Pengaturan dikunci',
      description: 'Settings the officer cannot change in Options.',
      type: 'array',
      items: { type: 'string', enum: [...LOCKABLE] },
    },
  },
} as const;

// Every key we read has a place in the schema (checked when this module loads, i.e. at build).
for (const key of POLICY_KEYS) {
  if (!(key in MANAGED_SCHEMA.properties)) throw new Error(`managed schema lacks policy key ${key}`);
}
