/**
 * The portal-adapter format (ARCHITECTURE.md §4, documented in docs/adapters.md): JSON data an
 * agency can write, import and correct without a rebuild. `validateAdapter` checks the shape
 * and every cross-reference (catalog permit ids, stage ids, regular expressions, match
 * patterns) and reports each problem with its path, in Indonesian and English. Nothing here
 * needs a DOM: it runs in the service worker, the options page and Node alike.
 */
import * as v from 'valibot';
import {
  type DataError,
  findDefinition,
  formatPath,
  type LocalizedText,
  PERMIT_TYPE_IDS,
} from '../../machines';
import { isMatchPattern } from './patterns';

/** The format version this build reads. */
export const ADAPTER_FORMAT = 'pandu-izin/adapter@1';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'), v.maxLength(max, 'too-long'));
const labels = v.pipe(v.array(text(120)), v.minLength(1, 'needs-labels'), v.maxLength(20));

/** How a portal's own text is compared with a rule; always case- and space-insensitive. */
const textRule = { how: v.picklist(['equals', 'startsWith', 'contains']), text: text(200) };

/** A field on a case page: by visible label text first, a CSS selector as the fallback. */
const fieldRule = v.strictObject({
  labels,
  selector: v.optional(text(300)),
});

const detailFields = v.strictObject({
  caseRef: fieldRule,
  permit: fieldRule,
  received: v.optional(fieldRule),
  region: v.optional(fieldRule),
  status: v.optional(fieldRule),
  applicant: v.optional(fieldRule),
});

const pageKind = {
  /** Regular expression (source) tested against the URL's pathname. */
  path: text(300),
  /** A CSS selector that must match before the page counts as this kind (a DOM marker). */
  marker: v.optional(text(300)),
};

export const adapterSchema = v.strictObject({
  $schema: v.optional(v.string()),
  format: v.literal(ADAPTER_FORMAT),
  id: v.pipe(text(40), v.regex(ID, 'adapter-id')),
  name: text(80),
  /** Where the portal's labels were seen (a URL, a manual, "observed by <unit> on <date>"). */
  source: text(500),
  /** Origins the adapter is for, as WebExtension match patterns. */
  matches: v.pipe(v.array(text(200)), v.minLength(1, 'needs-matches'), v.maxLength(20)),
  /** Extra patterns used only by the demo build (the local demo portal). */
  demoMatches: v.optional(v.pipe(v.array(text(200)), v.maxLength(20))),
  pages: v.strictObject({
    caseDetail: v.strictObject({
      ...pageKind,
      fields: detailFields,
      /** The uploaded-documents list: each element `item` matches is one document. */
      documents: v.optional(
        v.strictObject({
          /** The documents' container, found by its heading text or a selector. */
          heading: v.optional(text(120)),
          selector: v.optional(text(300)),
          /** Selector of one document inside the container, e.g. "tbody tr" or "li". */
          item: text(200),
          /** Selector of the name inside an item (default: the item's own text). */
          name: v.optional(text(200)),
        }),
      ),
    }),
    caseList: v.optional(
      v.strictObject({
        ...pageKind,
        /** Selector of one case row. */
        rows: text(300),
        /** Columns by their header text. */
        columns: v.strictObject({
          caseRef: labels,
          permit: v.optional(labels),
          received: v.optional(labels),
          status: v.optional(labels),
          region: v.optional(labels),
        }),
      }),
    ),
  }),
  /** The portal's permit names -> catalog ids; first match wins. */
  permits: v.pipe(
    v.array(v.strictObject({ ...textRule, permitType: v.picklist(PERMIT_TYPE_IDS, 'permit-type') })),
    v.minLength(1, 'needs-permits'),
    v.maxLength(200),
  ),
  /**
   * The portal's status texts -> a stage of a permit's workflow, or an outcome (returned to
   * the applicant, rejected, issued); first match wins. A stage needs its permit type.
   */
  statuses: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          ...textRule,
          permitType: v.optional(v.picklist(PERMIT_TYPE_IDS, 'permit-type')),
          stageId: v.optional(text(80)),
          outcome: v.optional(v.picklist(['returned', 'rejected', 'issued'])),
        }),
      ),
      v.maxLength(400),
    ),
  ),
  /** Pages that exercise the adapter: where it was checked. */
  fixtures: v.optional(v.pipe(v.array(text(300)), v.maxLength(50))),
});

export type PortalAdapter = v.InferOutput<typeof adapterSchema>;
export type FieldRule = v.InferOutput<typeof fieldRule>;
export type DetailFieldName = keyof PortalAdapter['pages']['caseDetail']['fields'];
export type StatusRule = NonNullable<PortalAdapter['statuses']>[number];

export type AdapterValidation = { ok: true; adapter: PortalAdapter } | { ok: false; errors: DataError[] };

const say = (id: string, en: string): LocalizedText => ({ id, en });

const CHECKS: Record<string, { problem: LocalizedText; fix: LocalizedText }> = {
  empty: {
    problem: say('Teks kosong.', 'The text is empty.'),
    fix: say('Isi dengan teks dari portal.', "Write the portal's text."),
  },
  'too-long': {
    problem: say('Teks terlalu panjang.', 'The text is too long.'),
    fix: say('Persingkat teksnya.', 'Shorten it.'),
  },
  'adapter-id': {
    problem: say('Id adaptor tidak sah.', 'The adapter id is not valid.'),
    fix: say(
      'Gunakan huruf kecil, angka dan tanda hubung, mis. "simpel-kota-contoh".',
      'Use lower-case letters, digits and hyphens, e.g. "simpel-kota-contoh".',
    ),
  },
  'needs-labels': {
    problem: say('Tidak ada teks label.', 'No label text is given.'),
    fix: say(
      'Tulis label yang terlihat di portal, mis. ["No. Pendaftaran"].',
      'Write the label the portal shows, e.g. ["No. Pendaftaran"].',
    ),
  },
  'needs-matches': {
    problem: say('Tidak ada pola alamat.', 'No URL match pattern is given.'),
    fix: say(
      'Tulis minimal satu pola, mis. "https://perizinan.contoh.go.id/*".',
      'Write at least one pattern, e.g. "https://perizinan.contoh.go.id/*".',
    ),
  },
  'needs-permits': {
    problem: say('Tidak ada pemetaan jenis izin.', 'No permit mapping is given.'),
    fix: say(
      'Petakan minimal satu nama izin portal ke id katalog, mis. { "how": "contains", "text": "reklame", "permitType": "izin-reklame" }.',
      'Map at least one of the portal\'s permit names to a catalog id, e.g. { "how": "contains", "text": "reklame", "permitType": "izin-reklame" }.',
    ),
  },
  'permit-type': {
    problem: say('Jenis izin tidak ada di katalog.', 'The permit type is not in the catalog.'),
    fix: say(
      `Gunakan salah satu: ${PERMIT_TYPE_IDS.join(', ')}.`,
      `Use one of: ${PERMIT_TYPE_IDS.join(', ')}.`,
    ),
  },
};

function issueToError(issue: v.BaseIssue<unknown>): DataError {
  const path = formatPath(issue.path as { key: unknown }[] | undefined);
  const known = CHECKS[issue.message];
  if (known) return { path, ...known };
  const key = String(issue.path?.[issue.path.length - 1]?.key ?? '');
  if (issue.expected === 'never' && issue.received !== 'undefined') {
    return {
      path,
      problem: say(`Kolom tidak dikenal "${key}".`, `Unknown field "${key}".`),
      fix: say(
        'Hapus kolom itu atau periksa ejaannya (docs/adapters.md).',
        'Remove it or check its spelling (docs/adapters.md).',
      ),
    };
  }
  if (issue.received === 'undefined') {
    return {
      path,
      problem: say(`Kolom wajib "${key}" tidak ada.`, `Required field "${key}" is missing.`),
      fix: say(`Tambahkan "${key}" (lihat docs/adapters.md).`, `Add "${key}" (see docs/adapters.md).`),
    };
  }
  if (key === 'format') {
    return {
      path,
      problem: say('Format adaptor tidak dikenal.', 'Unknown adapter format.'),
      fix: say(`Tulis "format": "${ADAPTER_FORMAT}".`, `Write "format": "${ADAPTER_FORMAT}".`),
    };
  }
  return {
    path,
    problem: say(
      `Diharapkan ${issue.expected ?? 'nilai lain'}, didapat ${issue.received}.`,
      `Expected ${issue.expected ?? 'another value'}, got ${issue.received}.`,
    ),
    fix: say('Perbaiki nilainya (lihat docs/adapters.md).', 'Correct the value (see docs/adapters.md).'),
  };
}

/** A regular expression written by hand in JSON: compiles, and is not absurdly long. */
function regexProblem(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks a schema cannot express: patterns, regular expressions, stage ids. */
function crossCheck(adapter: PortalAdapter): DataError[] {
  const errors: DataError[] = [];
  const patterns: [string, string][] = [
    ...adapter.matches.map((p, i): [string, string] => [`matches[${i}]`, p]),
    ...(adapter.demoMatches ?? []).map((p, i): [string, string] => [`demoMatches[${i}]`, p]),
  ];
  for (const [path, pattern] of patterns) {
    if (!isMatchPattern(pattern)) {
      errors.push({
        path,
        problem: say(
          `"${pattern}" bukan pola alamat yang sah.`,
          `"${pattern}" is not a valid match pattern.`,
        ),
        fix: say(
          'Tulis seperti "https://perizinan.contoh.go.id/*" atau "https://*.contoh.go.id/layanan/*" (tanpa port).',
          'Write it like "https://perizinan.contoh.go.id/*" or "https://*.contoh.go.id/layanan/*" (no port).',
        ),
      });
    }
  }
  const regexes: [string, string | undefined][] = [
    ['pages.caseDetail.path', adapter.pages.caseDetail.path],
    ['pages.caseList.path', adapter.pages.caseList?.path],
  ];
  for (const [path, source] of regexes) {
    if (source === undefined) continue;
    const problem = regexProblem(source);
    if (problem) {
      errors.push({
        path,
        problem: say(`Ekspresi reguler tidak sah: ${problem}`, `Invalid regular expression: ${problem}`),
        fix: say(
          'Tulis pola jalur seperti "^/layanan/berkas/[^/]+$" (garis miring terbalik ditulis ganda dalam JSON).',
          'Write a path pattern like "^/layanan/berkas/[^/]+$" (backslashes are doubled in JSON).',
        ),
      });
    }
  }
  const docs = adapter.pages.caseDetail.documents;
  if (docs && !docs.heading && !docs.selector) {
    errors.push({
      path: 'pages.caseDetail.documents',
      problem: say('Letak daftar dokumen tidak disebut.', 'Where the documents list is is not said.'),
      fix: say(
        'Tambahkan "heading" (judul di atas daftar) atau "selector".',
        'Add "heading" (the title above the list) or "selector".',
      ),
    });
  }
  (adapter.statuses ?? []).forEach((rule, i) => {
    const path = `statuses[${i}]`;
    if ((rule.stageId === undefined) === (rule.outcome === undefined)) {
      errors.push({
        path,
        problem: say(
          'Status harus dipetakan ke satu tahap atau satu hasil.',
          'A status must map to one stage or one outcome.',
        ),
        fix: say(
          'Tulis "stageId" (dengan "permitType") atau "outcome" ("returned", "rejected", "issued"), tidak keduanya.',
          'Write "stageId" (with "permitType") or "outcome" ("returned", "rejected", "issued"), not both.',
        ),
      });
      return;
    }
    if (rule.stageId === undefined) return;
    const definition = rule.permitType ? findDefinition(rule.permitType) : undefined;
    if (!definition) {
      errors.push({
        path: `${path}.permitType`,
        problem: say('Tahap tanpa jenis izin.', 'A stage without its permit type.'),
        fix: say(
          'Tambahkan "permitType": tahap hanya bermakna dalam alur satu jenis izin.',
          'Add "permitType": a stage only means something within one permit workflow.',
        ),
      });
      return;
    }
    const ids = definition.stages.map((s) => s.id);
    if (!ids.includes(rule.stageId)) {
      errors.push({
        path: `${path}.stageId`,
        problem: say(
          `Tahap "${rule.stageId}" tidak ada dalam alur ${definition.id}.`,
          `Stage "${rule.stageId}" is not in the ${definition.id} workflow.`,
        ),
        fix: say(`Gunakan salah satu: ${ids.join(', ')}.`, `Use one of: ${ids.join(', ')}.`),
      });
    }
  });
  return errors;
}

/** Checks an unknown value (e.g. parsed JSON) as a portal adapter; every problem, with its path. */
export function validateAdapter(input: unknown): AdapterValidation {
  const parsed = v.safeParse(adapterSchema, input, { abortPipeEarly: false });
  if (!parsed.success) return { ok: false, errors: dedupe(parsed.issues.map(issueToError)) };
  const errors = crossCheck(parsed.output);
  if (errors.length > 0) return { ok: false, errors };
  const { $schema: _ignored, ...adapter } = parsed.output;
  return { ok: true, adapter };
}

/** Parses adapter JSON text; a syntax error is reported like any other problem. */
export function parseAdapterText(textIn: string): AdapterValidation {
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      errors: [
        {
          path: '(root)',
          problem: say(`Bukan JSON yang sah: ${detail}`, `Not valid JSON: ${detail}`),
          fix: say(
            'Periksa tanda kutip, koma dan kurung; salin ulang berkasnya utuh.',
            'Check quotes, commas and brackets; copy the whole file again.',
          ),
        },
      ],
    };
  }
  if (!isRecord(json)) {
    return {
      ok: false,
      errors: [
        {
          path: '(root)',
          problem: say('Adaptor harus berupa objek JSON.', 'An adapter must be a JSON object.'),
          fix: say('Mulai berkas dengan { dan akhiri dengan }.', 'Start the file with { and end it with }.'),
        },
      ],
    };
  }
  return validateAdapter(json);
}

function dedupe(errors: DataError[]): DataError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.problem.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Like validateAdapter, but throws listing every problem: for data we ship. */
export function parseAdapterOrThrow(input: unknown): PortalAdapter {
  const result = validateAdapter(input);
  if (result.ok) return result.adapter;
  const id = isRecord(input) && typeof input.id === 'string' ? input.id : '?';
  const lines = result.errors.map((e) => `  ${e.path}: ${e.problem.en} ${e.fix.en}`);
  throw new Error(`Adapter "${id}" is invalid:\n${lines.join('\n')}`);
}
