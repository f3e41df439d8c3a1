/**
 * The generator of docs/workflows.md: the assessment rules, the regions and every workflow
 * (stages as a Mermaid chart, steps and checklists as tables) in Indonesian and English.
 *
 * The regional columns are weighed on a fixed date written into the page, so the same catalog
 * always gives the same text and a test can tell when the committed file is stale.
 */
import { ASSESSMENT_RULES, assessStep, modesOf } from '../assessment/assess';
import { describeCondition } from '../definition/conditions';
import type { Condition, LegalBasis, PermitDefinition, Stage, Step } from '../definition/types';
import { stageSlaDays } from '../machine/factory';
import { REGIONS, type RegionProfile } from '../regions';
import { ROLE_NAMES } from './bpmn-graph';

export interface WorkflowsMarkdownOptions {
  /** Provinces for the regions table and the comparison columns (default: the shipped REGIONS). */
  regions?: readonly RegionProfile[];
  /** The two BPS codes compared side by side (default: DKI Jakarta and Papua Pegunungan). */
  compare?: readonly [string, string];
  /** The date the compared regions are weighed on (default: 2027-01-15, fixed for stable output). */
  date?: string;
}

export const WORKFLOWS_DOC_DATE = '2027-01-15';

const JUDGEMENT = '(penilaian kami / our judgement)';
const NOT_COUNTED = 'tidak dihitung / not counted';
const CONNECTIVITY = { good: 'baik / good', moderate: 'sedang / moderate', limited: 'terbatas / limited' };

/** Text for a table cell: no line breaks, no column breaks, no stray HTML. */
const cell = (text: string): string =>
  text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
/** Inline code in a cell; GFM reads `\|` as a pipe even inside code spans. */
const code = (text: string): string => `\`${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}\``;
/** A table padded the way the repository's formatter (Biome) prints it, so `npm run fix` leaves it be. */
function table(head: string[], rows: string[][]): string[] {
  const width = (text: string) => [...text].length;
  const widths = head.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    `| ${widths.map((w, i) => (cells[i] ?? '') + ' '.repeat(w - width(cells[i] ?? ''))).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
const yes = (b: boolean): string => (b ? '✓' : '–');
const condition = (when: Condition | undefined): string => (when ? code(describeCondition(when)) : '–');
const sla = (days: number | null): string => (days === null ? NOT_COUNTED : `${days} HK`);
const bilingual = (t: { id: string; en: string }): string => `${cell(t.id)}<br>_${cell(t.en)}_`;

/** A quoted Mermaid label, one line per entry; quotes and HTML-ish characters become `#code;` entities. */
const mermaidLabel = (...lines: string[]): string =>
  `"${lines.map((l) => l.replace(/[#"&<>]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r?\n/g, ' ')).join('<br/>')}"`;

function legalList(basis: readonly LegalBasis[]): string[] {
  return basis.map((b) => {
    const note = b.note ? ` — catatan / note: ${cell(b.note)}` : '';
    return `- ${cell(b.ref)} — ${cell(b.source)}${b.judgement ? ` ${JUDGEMENT}` : ''}${note}`;
  });
}
const legalCell = (basis: readonly LegalBasis[]): string =>
  basis.map((b) => `${cell(b.ref)}${b.judgement ? ` ${JUDGEMENT}` : ''}`).join('<br>') || '–';

function assessmentSection(): string[] {
  return [
    '<a id="assessment"></a>',
    '',
    '## Penilaian mode kerja / Work-mode assessment',
    '',
    'Mode setiap langkah diturunkan dari fakta langkah, profil wilayah dan tanggal; aturan dipakai berurutan dan aturan pertama yang berlaku menentukan mode. / ' +
      "Each step's mode is derived from the step's facts, the region profile and a date; the rules apply in order and the first that applies decides.",
    '',
    ...table(
      ['#', 'Aturan / rule', 'Mode', 'Teks (id)', 'Text (en)'],
      ASSESSMENT_RULES.map((r, i) => [String(i + 1), code(r.rule), r.mode, cell(r.text.id), cell(r.text.en)]),
    ),
    '',
    '**Aturan wilayah yang asimetris / asymmetric regional rules.** Aturan `wfa-roadmap` dan `connectivity` hanya dipakai bila ada profil wilayah, dan keduanya hanya dapat memindahkan langkah petugas dari `remote` ke `office`, tidak pernah sebaliknya: langkah yang menurut faktanya perlu lapangan atau kantor tetap begitu di mana pun. ' +
      'Karena itu langkah yang sama bisa `remote` di DKI Jakarta dan `office` di Papua Pegunungan. / ' +
      'The `wfa-roadmap` and `connectivity` rules apply only with a region profile, and they can only move an officer step from `remote` to `office`, never back: a step whose facts need the field or the office stays so everywhere. ' +
      'So the same step can be `remote` in DKI Jakarta and `office` in Papua Pegunungan.',
    '',
    '**Fakta yang belum diketahui tidak pernah mengurangi persyaratan / unknown facts never shrink the requirements.** Syarat pada langkah dan dokumen dinilai tiga nilai (ya, tidak, belum diketahui); bila sebuah fakta kasus belum diisi, langkah atau dokumen itu tetap dianggap berlaku. / ' +
      'Conditions on steps and checklist items are three-valued (true, false, unknown); while a case fact is not set, the step or item still counts as applicable.',
    '',
  ];
}

/** How the engine times a stage; the lines marked (penilaian kami / our judgement) are ours. */
function slaClockSection(): string[] {
  const rows: [string, string][] = [
    [
      'SLA tahap = batas tahap bila ada, selain itu jumlah SLA langkah yang berlaku, dalam hari kerja (tanpa akhir pekan, libur nasional dan cuti bersama).',
      "A stage's SLA = the stage's own cap when it has one, else the sum of its applicable steps' SLAs, in working days (no weekends, national holidays or cuti bersama).",
    ],
    [
      'Jam mulai saat tahap dimasuki; bila tahap dibuka langkah pemohon/sistem tanpa SLA (mis. membayar retribusi, deklarasi mandiri OSS), jam mulai saat langkah itu selesai (penilaian kami).',
      'The clock starts when the stage is entered; when the stage opens with applicant/system steps without an SLA (e.g. paying the levy, the OSS self-declaration), it starts when those are done (our judgement).',
    ],
    [
      'Selama berkas dikembalikan ke pemohon jam dijeda; pengajuan ulang memulai jam tahap dari awal (penilaian kami).',
      "While the file is back with the applicant the clock pauses; the resubmission restarts the stage's clock (our judgement).",
    ],
    [
      'Berisiko bila sisa paling banyak 1 hari kerja atau seperlima SLA; terlambat bila tanggal jatuh tempo terlewati (penilaian kami).',
      'At risk when at most 1 working day or a fifth of the SLA is left; overdue once the due date has passed (our judgement).',
    ],
    [
      'Setelah izin terbit, tahap sebelum penerbitan dan fakta kasus dikunci; hanya tahap tindak lanjut yang dikerjakan.',
      'Once the permit is issued, the stages before issuance and the case facts are sealed; only the follow-up stages are worked on.',
    ],
  ];
  return [
    '<a id="sla-clock"></a>',
    '',
    '## Jam SLA / The SLA clock',
    '',
    ...rows.map(([id, en]) => `- ${id} / ${en}`),
    '',
  ];
}

function regionsSection(regions: readonly RegionProfile[]): string[] {
  return [
    '<a id="regions"></a>',
    '',
    '## Wilayah / Regions',
    '',
    'Kelas konektivitas diturunkan dari penetrasi internet (angka provinsi, atau angka pulau bila tidak ada) dan jumlah daerah tertinggal; tanggal mulai WFA adalah data yang dapat diubah instansi. / ' +
      'The connectivity class is derived from internet penetration (the province figure, or the island figure when there is none) and the number of underdeveloped regencies; the WFA start date is data an agency can change.',
    '',
    ...table(
      [
        'Kode / code',
        'Provinsi / province',
        'Pulau / island',
        'Konektivitas / connectivity',
        'Daerah 3T / 3T count',
        'Mulai WFA / WFA start',
        'Penetrasi dipakai / penetration used',
        'Tingkat / level',
      ],
      regions.map((r) => [
        r.code,
        r.name.id === r.name.en ? cell(r.name.id) : `${cell(r.name.id)} / ${cell(r.name.en)}`,
        cell(r.island),
        CONNECTIVITY[r.connectivity],
        String(r.daerahTertinggal.count),
        `${r.wfaStart.date}${r.wfaStart.judgement ? ` ${JUDGEMENT}` : ''}`,
        `${r.penetrationUsed.percent}% (${r.penetrationUsed.year})`,
        r.penetrationUsed.level === 'province' ? 'provinsi / province' : 'pulau / island',
      ]),
    ),
    '',
  ];
}

function mermaid(d: PermitDefinition, regions: readonly RegionProfile[], date: string): string[] {
  const modes = (stage: Stage, region?: RegionProfile) =>
    modesOf(stage.steps.map((s) => assessStep(s, region, date))).join(', ') || '–';
  const lines = ['```mermaid', 'flowchart LR', `  received([${mermaidLabel('Permohonan masuk')}])`];
  d.stages.forEach((stage, i) => {
    const regional = regions.map((r) => `${r.code}: ${modes(stage, r)}`).join(' · ');
    lines.push(`  s${i}[${mermaidLabel(stage.name.id, `mode: ${modes(stage)}`, regional)}]`);
  });
  // With after-issuance stages, issuance is a milestone between stages and the case then closes.
  const firstAfter = d.stages.findIndex((s) => s.afterIssuance);
  const stageIds = d.stages.map((_, i) => `s${i}`);
  lines.push(`  issued([${mermaidLabel('Izin terbit')}])`);
  if (firstAfter !== -1) lines.push(`  closed([${mermaidLabel('Kasus selesai')}])`);
  const chain =
    firstAfter === -1
      ? ['received', ...stageIds, 'issued']
      : ['received', ...stageIds.slice(0, firstAfter), 'issued', ...stageIds.slice(firstAfter), 'closed'];
  for (let i = 1; i < chain.length; i++) lines.push(`  ${chain[i - 1]} --> ${chain[i]}`);
  d.stages.forEach((stage, i) => {
    if (!stage.allowsReturn) return;
    lines.push(
      `  s${i} -.->|${mermaidLabel('Perlu perbaikan')}| fix${i}([${mermaidLabel('Pemohon memperbaiki')}])`,
    );
    lines.push(`  fix${i} -.-> s${i}`);
  });
  if (d.stages.some((s) => s.allowsReject)) lines.push(`  rejected([${mermaidLabel('Ditolak')}])`);
  d.stages.forEach((stage, i) => {
    if (stage.allowsReject) lines.push(`  s${i} -.->|${mermaidLabel('Ditolak')}| rejected`);
  });
  return [...lines, '```', ''];
}

function stageSection(stage: Stage, n: number, regions: readonly RegionProfile[], date: string): string[] {
  const cap = stage.slaDays !== undefined;
  const stageSla = stageSlaDays(stage, {});
  const all = stage.steps.some((s) => s.when) ? [' bila semua berlaku', ' when all apply'] : ['', ''];
  const basis = cap
    ? 'batas hukum / legal cap'
    : `jumlah SLA langkah${all[0]} / sum of the steps' SLAs${all[1]}`;
  const slaText = stageSla === null ? NOT_COUNTED : `${stageSla} HK (${basis})`;
  const mode = (step: Step, region?: RegionProfile) => {
    const a = assessStep(step, region, date);
    return `${a.mode} (${a.decidedBy})`;
  };
  const lines = [
    `### Tahap ${n}: ${cell(stage.name.id)} / ${cell(stage.name.en)}`,
    '',
    `${code(stage.id)} · SLA tahap / stage SLA: ${slaText} · Perlu perbaikan / return: ${stage.allowsReturn ? 'ya / yes' : 'tidak / no'} · Ditolak / reject: ${stage.allowsReject ? 'ya / yes' : 'tidak / no'}${stage.afterIssuance ? ' · **setelah izin terbit / after issuance**: kasus ditutup setelah tahap ini / the case closes after it' : ''}`,
    '',
  ];
  if (stage.legalBasis?.length)
    lines.push('Dasar hukum tahap / stage legal basis:', '', ...legalList(stage.legalBasis), '');
  lines.push(
    ...table(
      [
        'Langkah / step',
        'Peran / role',
        'Lokasi / site',
        'Asli / originals',
        'Tatap muka / face-to-face',
        'Daring / online',
        'Unggah besar / large uploads',
        'SLA',
        'Tanpa wilayah / no region',
        ...regions.map((r) => `${cell(r.name.id)} (${r.code})`),
        'Syarat / condition',
        'Dasar hukum / legal basis',
      ],
      stage.steps.map((s) => [
        `**${cell(s.name.id)}**<br>_${cell(s.name.en)}_<br>${code(s.id)}`,
        cell(ROLE_NAMES[s.role]),
        yes(s.facts.sitePresence),
        yes(s.facts.originalDocuments),
        yes(s.facts.faceToFace),
        yes(s.facts.onlineSystem),
        yes(s.facts.largeUploads),
        sla(s.slaDays),
        mode(s),
        ...regions.map((r) => mode(s, r)),
        condition(s.when),
        legalCell(s.legalBasis),
      ]),
    ),
    '',
  );
  for (const s of stage.steps.filter((st) => st.checklist.length > 0)) {
    lines.push(
      `#### Daftar periksa / checklist: ${cell(s.name.id)} (${code(s.id)})`,
      '',
      ...table(
        ['Id', 'Dokumen / item', 'Wajib / mandatory', 'Syarat / condition'],
        s.checklist.map((item) => [
          code(item.id),
          bilingual(item.label),
          item.mandatory ? 'wajib / mandatory' : 'opsional / optional',
          condition(item.when),
        ]),
      ),
      '',
    );
  }
  return lines;
}

function workflowSection(d: PermitDefinition, regions: readonly RegionProfile[], date: string): string[] {
  const facts = d.facts.map((f) => [
    code(f.id),
    f.values
      ? `${f.type}: ${f.values.map(code).join(', ')}`
      : f.min !== undefined || f.max !== undefined
        ? `${f.type} ${f.min ?? ''}–${f.max ?? ''}`
        : f.type,
    bilingual(f.label),
    f.help ? bilingual(f.help) : '–',
    cell(f.source),
  ]);
  return [
    `<a id="workflow-${d.id}"></a>`,
    '',
    `## ${cell(d.name.id)} / ${cell(d.name.en)}`,
    '',
    `Id: ${code(d.id)} · versi / version ${d.version} · sumber / source: ${cell(d.source)}`,
    '',
    cell(d.summary.id),
    '',
    `_${cell(d.summary.en)}_`,
    '',
    '### Dasar hukum / Legal basis',
    '',
    ...legalList(d.legalBasis),
    '',
    '### Fakta kasus / Case facts',
    '',
    ...(facts.length > 0
      ? table(['Id', 'Tipe / type', 'Label', 'Keterangan / help', 'Sumber / source'], facts)
      : ['_Tidak ada / none._']),
    '',
    '### Alur tahap / Stage flow',
    '',
    ...mermaid(d, regions, date),
    ...d.stages.flatMap((stage, i) => stageSection(stage, i + 1, regions, date)),
  ];
}

/**
 * The full text of docs/workflows.md for these definitions: generated, bilingual, deterministic.
 *
 * @example
 * import { CATALOG } from '../index';
 * const md = workflowsMarkdown(CATALOG);
 * md.includes('```mermaid'); // true, one chart per workflow
 */
export function workflowsMarkdown(
  definitions: readonly PermitDefinition[],
  options: WorkflowsMarkdownOptions = {},
): string {
  const regions = options.regions ?? REGIONS;
  const date = options.date ?? WORKFLOWS_DOC_DATE;
  const compared = (options.compare ?? ['31', '97']).map((c) => {
    const region = regions.find((r) => r.code === c);
    if (!region) throw new RangeError(`workflowsMarkdown: no region with BPS code "${c}" to compare.`);
    return region;
  });
  const names = compared.map((r) => `${r.name.id} (${r.code})`);
  return [
    '<!-- Generated by `npm run docs:workflows` (scripts/docs-workflows.ts). Do not edit by hand. -->',
    '',
    '# Alur kerja perizinan / Permit workflows',
    '',
    '> **Jangan diedit manual / do not edit by hand.** Berkas ini dibuat oleh `npm run docs:workflows` dari `machines/` (katalog, wilayah, aturan penilaian); ubah datanya lalu jalankan perintah itu lagi. / ' +
      'This file is generated by `npm run docs:workflows` from `machines/` (catalog, regions, assessment rules); change the data and run the command again.',
    '',
    `Kolom mode ${names.join(' dan ')} dinilai pada tanggal tetap **${date}** agar berkas ini stabil; "tanpa wilayah" hanya menimbang fakta langkah. HK = hari kerja. / ` +
      `The ${names.join(' and ')} mode columns are weighed on the fixed date **${date}** so this file is stable; "no region" weighs only the step's facts. HK = working days.`,
    '',
    '## Isi / Contents',
    '',
    '- [Penilaian mode kerja / Work-mode assessment](#assessment)',
    '- [Jam SLA / The SLA clock](#sla-clock)',
    '- [Wilayah / Regions](#regions)',
    ...definitions.map((d) => `- [${cell(d.name.id)}](#workflow-${d.id}) — ${code(d.id)}`),
    '',
    ...assessmentSection(),
    ...slaClockSection(),
    ...regionsSection(regions),
    ...definitions.flatMap((d) => workflowSection(d, compared, date)),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}
