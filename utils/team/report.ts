/**
 * The signed activity report (`pandu-izin/activity-report@1`): what an officer hands their
 * supervisor instead of a server (DOMAIN.md §6: outputs and deadlines, not presence). One JSON
 * file `{ format, payload, signature }`: `payload` is the canonical JSON text of what is
 * reported, `signature` a detached CMS SignedData (base64 DER) over its UTF-8 bytes.
 *
 * Pure: building and checking the payload's shape. Signing and verifying are in sign.ts,
 * storage in utils/db/reports.ts.
 */
import * as v from 'valibot';
import { canonicalJson, type LocalizedText } from '../../machines';
import type { CaseRow, EventRow } from '../db/schema';
import type { SettingValue } from '../db/settings';
import { countOutputs, emptyCounts } from '../outputs/outputs';

export const REPORT_FORMAT = 'pandu-izin/activity-report@1';

/**
 * Limits (our judgement): a year-long report of a busy officer is ~1,000 cases and 366 days,
 * well under these; a file past them is refused before anything is parsed further.
 */
export const REPORT_LIMITS = {
  /** Whole file, bytes. */
  fileBytes: 4 * 1024 * 1024,
  cases: 5_000,
  days: 400,
  /** A report covers at most this many days. */
  periodDays: 400,
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const date = v.pipe(v.string(), v.regex(DATE, 'date'));
const timestamp = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'timestamp'),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const counts = v.strictObject({ steps: count, advances: count, visits: count });
const countsByDate = v.pipe(
  v.record(date, counts),
  v.check((r) => Object.keys(r).length <= REPORT_LIMITS.days, 'too-many-days'),
);

const reportCase = v.strictObject({
  id: text(200),
  portal: text(64),
  caseRef: text(120),
  permitType: text(120),
  stage: text(120),
  status: text(40),
  modes: v.pipe(v.array(v.picklist(['remote', 'office', 'field'])), v.maxLength(3)),
  slaStatus: v.picklist(['on-track', 'at-risk', 'overdue', 'paused', 'waiting', 'stopped', 'none']),
  dueAt: v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'date')),
  region: text(8),
  updatedAt: timestamp,
});

export const REPORT_PAYLOAD_SCHEMA = v.pipe(
  v.strictObject({
    officer: v.strictObject({
      name: v.pipe(text(200), v.minLength(1)),
      nip: v.pipe(v.string(), v.regex(/^\d{18}$/, 'nip')),
      unit: text(200),
      region: v.pipe(v.string(), v.regex(/^(\d{2})?$/, 'province-code')),
    }),
    period: v.strictObject({ from: date, to: date }),
    generatedAt: timestamp,
    device: text(64),
    cases: v.pipe(v.array(reportCase), v.maxLength(REPORT_LIMITS.cases)),
    outputs: v.strictObject({ total: counts, byDay: countsByDate, byWeek: countsByDate }),
  }),
  v.check((p) => p.period.from <= p.period.to, 'period-order'),
  v.check((p) => daysBetween(p.period.from, p.period.to) < REPORT_LIMITS.periodDays, 'period-too-long'),
);

export type ReportPayload = v.InferOutput<typeof REPORT_PAYLOAD_SCHEMA>;
export type ReportCase = ReportPayload['cases'][number];

/** The file as it travels. */
export interface ReportFile {
  format: typeof REPORT_FORMAT;
  payload: string;
  signature: string;
}

export type ReportRefusal =
  | 'too-big'
  | 'malformed'
  | 'wrong-format'
  | 'invalid-payload'
  | 'data-changed'
  | 'no-certificate'
  | 'certificate-not-valid'
  | 'identity-mismatch';

/** Why a report is refused, in words (the import page shows these with the file's name). */
export const REFUSALS: Record<ReportRefusal, LocalizedText> = {
  'too-big': {
    id: `Berkas terlalu besar (paling besar ${REPORT_LIMITS.fileBytes / 1024 / 1024} MB) untuk sebuah laporan kegiatan.`,
    en: `The file is too large (at most ${REPORT_LIMITS.fileBytes / 1024 / 1024} MB) for an activity report.`,
  },
  malformed: {
    id: 'Berkas ini bukan JSON yang dapat dibaca. Minta petugas mengekspor laporannya lagi.',
    en: 'This file is not readable JSON. Ask the officer to export the report again.',
  },
  'wrong-format': {
    id: `Berkas ini bukan laporan kegiatan Pandu Izin (${REPORT_FORMAT}).`,
    en: `This file is not a Pandu Izin activity report (${REPORT_FORMAT}).`,
  },
  'invalid-payload': {
    id: 'Isi laporan tidak sesuai format laporan kegiatan.',
    en: 'The report content does not match the activity report format.',
  },
  'data-changed': {
    id: 'Tanda tangan tidak cocok: isi laporan diubah setelah ditandatangani, atau tanda tangannya rusak.',
    en: 'The signature does not match: the report was changed after it was signed, or the signature is damaged.',
  },
  'no-certificate': {
    id: 'Tanda tangan laporan tidak membawa sertifikat penanda tangan.',
    en: 'The report’s signature carries no signer certificate.',
  },
  'certificate-not-valid': {
    id: 'Sertifikat penanda tangan tidak berlaku pada waktu laporan dibuat.',
    en: 'The signer’s certificate was not valid when the report was made.',
  },
  'identity-mismatch': {
    id: 'NIP dalam laporan berbeda dengan NIP pada sertifikat penanda tangan.',
    en: 'The NIP in the report differs from the NIP in the signer’s certificate.',
  },
};

export interface ReportSource {
  officer: Pick<SettingValue<'officer'>, 'name' | 'nip' | 'unit' | 'region'>;
  period: { from: string; to: string };
  /** The officer's zoned timestamp, e.g. `2026-11-27T16:00:00+07:00`. */
  generatedAt: string;
  device: string;
  /** Case rows (the report keeps only their index fields). */
  cases: Iterable<CaseRow>;
  /** The event log; only the officer's entries in the period are used. */
  events: Iterable<Pick<EventRow, 'caseId' | 'officer' | 'at' | 'event' | 'opened'>>;
}

/**
 * The payload for an officer and period: the cases they opened or acted on in the period
 * (from the event log, attributed by NIP — or name, as the log does without a NIP) with their
 * index fields, and their outputs counted by countOutputs.
 */
export function buildPayload(source: ReportSource): ReportPayload {
  const { officer, period } = source;
  const who = officer.nip || officer.name;
  const mine = [...source.events].filter((e) => {
    const day = e.at.slice(0, 10);
    return e.officer === who && day >= period.from && day <= period.to;
  });
  const caseIds = new Set(mine.map((e) => e.caseId));
  const cases = [...source.cases]
    .filter((c) => caseIds.has(c.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (c): ReportCase => ({
        id: c.id,
        portal: c.portal,
        caseRef: c.caseRef,
        permitType: c.permitType,
        stage: c.stage,
        status: c.status,
        modes: [...c.modes],
        slaStatus: c.slaStatus,
        dueAt: c.dueAt,
        region: c.region,
        updatedAt: c.updatedAt,
      }),
    );
  const counted = countOutputs(mine, period).find((o) => o.officer === who);
  return {
    officer: {
      name: officer.name.trim(),
      nip: officer.nip,
      unit: officer.unit.trim(),
      region: officer.region,
    },
    period: { ...period },
    generatedAt: source.generatedAt,
    device: source.device,
    cases,
    outputs: {
      total: counted?.total ?? emptyCounts(),
      byDay: counted?.byDay ?? {},
      byWeek: counted?.byWeek ?? {},
    },
  };
}

/** The exact text that is signed. */
export const payloadText = (payload: ReportPayload): string => canonicalJson(payload);

/** Checks a payload's shape; the parsed payload or the first problem as text. */
export function parsePayload(
  value: unknown,
): { ok: true; payload: ReportPayload } | { ok: false; problem: string } {
  const result = v.safeParse(REPORT_PAYLOAD_SCHEMA, value);
  if (result.success) return { ok: true, payload: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, problem: `${path ? `${path}: ` : ''}${issue.message}` };
}

/** `laporan-kegiatan-<nip>-<from>-<to>.json` */
export const reportFileName = (nip: string, period: { from: string; to: string }): string =>
  `laporan-kegiatan-${nip.replace(/\D/g, '') || 'tanpa-nip'}-${period.from}-${period.to}.json`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
