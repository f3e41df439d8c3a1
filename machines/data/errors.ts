/**
 * One error shape for every piece of data the plugin loads (definitions, regions, calendar
 * years): where the problem is, what it is and how to fix it, in both languages.
 */
import type * as v from 'valibot';
import type { LocalizedText } from '../types';

export interface DataError {
  /** Dotted path into the input, e.g. `stages[2].steps[0].slaDays`; `(root)` for the whole. */
  path: string;
  problem: LocalizedText;
  fix: LocalizedText;
}

/** Thrown when data that must be valid is not; carries every error, not just the first. */
export class InvalidDataError extends Error {
  readonly errors: readonly DataError[];
  constructor(what: string, errors: readonly DataError[]) {
    const lines = errors.slice(0, 20).map((e) => `  ${e.path}: ${e.problem.en} — ${e.fix.en}`);
    const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
    super(`${what} is invalid (${errors.length} error(s)):\n${lines.join('\n')}${more}`);
    this.name = 'InvalidDataError';
    this.errors = errors;
  }
}

type PathItem = { key: unknown };

/** `stages[2].steps[0].id` from valibot's path items. */
export function formatPath(path: readonly PathItem[] | undefined): string {
  if (!path || path.length === 0) return '(root)';
  let out = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Fix-it texts for the messages our schemas attach to their checks. */
const CHECK_MESSAGES: Record<string, { problem: LocalizedText; fix: LocalizedText }> = {
  empty: {
    problem: { id: 'Teks kosong.', en: 'The text is empty.' },
    fix: { id: 'Isi dengan teks yang bermakna.', en: 'Write a meaningful text.' },
  },
  'needs-legal-basis': {
    problem: { id: 'Tidak ada dasar hukum.', en: 'No legal basis is given.' },
    fix: {
      id: 'Tambahkan minimal satu { "ref", "source" }; tandai "judgement": true bila itu penilaian kita.',
      en: 'Add at least one { "ref", "source" }; mark "judgement": true when it is our own reading.',
    },
  },
  'needs-steps': {
    problem: { id: 'Tahap tanpa langkah.', en: 'The stage has no steps.' },
    fix: { id: 'Tambahkan minimal satu langkah.', en: 'Add at least one step.' },
  },
  'needs-stages': {
    problem: { id: 'Alur tanpa tahap.', en: 'The workflow has no stages.' },
    fix: { id: 'Tambahkan minimal satu tahap.', en: 'Add at least one stage.' },
  },
  'not-integer': {
    problem: { id: 'Bukan bilangan bulat.', en: 'Not a whole number.' },
    fix: { id: 'Tulis bilangan bulat, mis. 3.', en: 'Write a whole number, e.g. 3.' },
  },
  negative: {
    problem: { id: 'Nilai negatif.', en: 'The value is negative.' },
    fix: { id: 'Gunakan 0 atau lebih.', en: 'Use 0 or more.' },
  },
  'sla-too-long': {
    problem: {
      id: 'SLA lebih dari 250 hari kerja (sekitar setahun).',
      en: 'The SLA is over 250 working days (about a year).',
    },
    fix: {
      id: 'Periksa angkanya: SLA ditulis dalam hari kerja, mis. 5.',
      en: 'Check the number: SLAs are in working days, e.g. 5.',
    },
  },
  'needs-values': {
    problem: { id: 'Daftar nilai kosong.', en: 'The list of values is empty.' },
    fix: {
      id: 'Sebutkan minimal satu nilai yang boleh, mis. ["rendah", "tinggi"].',
      en: 'List at least one allowed value, e.g. ["rendah", "tinggi"].',
    },
  },
  'version-min': {
    problem: { id: 'Versi harus 1 atau lebih.', en: 'The version must be 1 or more.' },
    fix: {
      id: 'Mulai dari 1 dan naikkan saat bentuk alur berubah.',
      en: 'Start at 1 and bump it when the shape changes.',
    },
  },
  'iso-timestamp': {
    problem: { id: 'Bukan cap waktu ISO dengan zona waktu.', en: 'Not an ISO timestamp with a time zone.' },
    fix: {
      id: 'Tulis seperti 2026-11-02T08:00:00+07:00 (zona wajib: Z atau ±hh:mm).',
      en: 'Write it like 2026-11-02T08:00:00+07:00 (the zone is required: Z or ±hh:mm).',
    },
  },
  'iso-date': {
    problem: { id: 'Bukan tanggal YYYY-MM-DD.', en: 'Not a YYYY-MM-DD date.' },
    fix: { id: 'Tulis tanggal seperti 2026-01-05.', en: 'Write a date like 2026-01-05.' },
  },
  'percent-range': {
    problem: { id: 'Persentase di luar 0–100.', en: 'The percentage is outside 0–100.' },
    fix: { id: 'Tulis angka antara 0 dan 100, mis. 73.5.', en: 'Write a number from 0 to 100, e.g. 73.5.' },
  },
  'province-code': {
    problem: { id: 'Bukan kode provinsi dua digit.', en: 'Not a two-digit province code.' },
    fix: { id: 'Tulis kode BPS dua digit, mis. "31".', en: 'Write the two-digit BPS code, e.g. "31".' },
  },
  'calendar-year': {
    problem: { id: 'Tahun tidak masuk akal.', en: 'The year is out of range.' },
    fix: { id: 'Tulis tahun empat digit, mis. 2026.', en: 'Write a four-digit year, e.g. 2026.' },
  },
};

/** Translates one valibot issue into our error shape with a fix-it message. */
export function issueToError(issue: v.BaseIssue<unknown>): DataError {
  const path = formatPath(issue.path as PathItem[] | undefined);
  const known = CHECK_MESSAGES[issue.message];
  if (known) return { path, ...known };
  const key = issue.path?.[issue.path.length - 1]?.key;
  if (issue.expected === 'never' && issue.received !== 'undefined') {
    return {
      path,
      problem: { id: `Kolom tidak dikenal "${String(key)}".`, en: `Unknown field "${String(key)}".` },
      fix: {
        id: 'Hapus kolom itu atau periksa ejaannya (lihat docs/workflows.md untuk bentuk data).',
        en: 'Remove it or check its spelling (docs/workflows.md shows the data shape).',
      },
    };
  }
  if (issue.received === 'undefined') {
    return {
      path,
      problem: {
        id: `Kolom wajib "${String(key)}" tidak ada.`,
        en: `Required field "${String(key)}" is missing.`,
      },
      fix: {
        id: `Tambahkan kolom "${String(key)}" (berkas data bawaan di machines/ menunjukkan bentuknya).`,
        en: `Add the field "${String(key)}" (the shipped data files in machines/ show its shape).`,
      },
    };
  }
  if (issue.type === 'union' && issue.issues) {
    return {
      path,
      problem: {
        id: 'Bentuknya tidak cocok dengan pilihan mana pun.',
        en: 'The value matches none of the allowed shapes.',
      },
      fix: {
        id: 'Kondisi ditulis { "fact", "op", "value" }, { "all": [...] }, { "any": [...] } atau { "not": {...} }.',
        en: 'Write a condition as { "fact", "op", "value" }, { "all": [...] }, { "any": [...] } or { "not": {...} }.',
      },
    };
  }
  return {
    path,
    problem: {
      id: `Diharapkan ${issue.expected ?? 'nilai lain'}, didapat ${issue.received}.`,
      en: `Expected ${issue.expected ?? 'another value'}, got ${issue.received}.`,
    },
    fix: {
      id: `Ganti dengan ${issue.expected ?? 'nilai yang sah'}.`,
      en: `Replace it with ${issue.expected ?? 'a valid value'}.`,
    },
  };
}
