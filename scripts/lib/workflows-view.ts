/**
 * Text layouts of `npm run workflows` that are more than a table: the usage text and a
 * simulated case (its event timeline, hash-chain head and final view), as an officer reads them.
 */
import type { CaseView, Condition, PermitDefinition, RegionProfile, StepView } from '../../machines';
import { field, type Simulation } from './workflows-simulate';
import { conditionText, type Lang, MODE, ROLE, SLA, STATUS, t, table } from './workflows-text';

const USAGE: Record<Lang, string> = {
  id: `Pandu Izin — alur kerja perizinan dari baris perintah.

Pemakaian: npm run workflows -- <perintah> [opsi]

Perintah:
  list                      semua alur kerja: id, nama, jumlah tahap dan langkah
  regions                   38 provinsi: kode BPS, nama, konektivitas, jumlah daerah 3T, mulai WFA
  show <id>                 tahap dan langkah satu alur: peran, SLA, mode tanpa wilayah, checklist
  validate [berkas.json]    periksa katalog bawaan, atau satu definisi alur dari berkas
  assess <id> --region <kode> [--date YYYY-MM-DD]
                            mode kerja tiap langkah di wilayah itu pada tanggal itu
                            (tanpa --date: hari ini menurut zona waktu wilayah)
  simulate <id> --region <kode> [--events berkas.json] [--received WAKTU-ISO]
                            jalankan satu kasus: peristiwa dari berkas (larik JSON; "at" boleh
                            kosong, diisi per menit), atau tanpa --events jalur lancar sampai terbit
                            (diterima bawaan: 2026-11-02T08:00:00+07:00)
  export-bpmn <id> [--region <kode> --date YYYY-MM-DD]
                            cetak XML BPMN 2.0 (dengan wilayah: mode dinilai untuk tanggal itu)
  help                      teks ini

Opsi:
  --json                    keluaran untuk mesin: satu dokumen JSON di stdout
  --lang id|en              bahasa keluaran (bawaan: id)

Kode keluar: 0 berhasil · 2 masukan salah (perintah, opsi, id, wilayah, tanggal, berkas) · 1 galat internal

Contoh:
  npm run workflows -- assess pbg --region 97 --date 2027-01-15
  npm run workflows -- simulate sip-nakes --region 31 --events kasus.json`,
  en: `Pandu Izin — permit workflows from the command line.

Usage: npm run workflows -- <command> [options]

Commands:
  list                      every workflow: id, name, number of stages and steps
  regions                   the 38 provinces: BPS code, name, connectivity, 3T count, WFA start
  show <id>                 one workflow's stages and steps: role, SLA, region-free mode, checklist
  validate [file.json]      check the shipped catalog, or one workflow definition from a file
  assess <id> --region <code> [--date YYYY-MM-DD]
                            each step's work mode in that region on that date
                            (without --date: today in the region's time zone)
  simulate <id> --region <code> [--events file.json] [--received ISO-TIME]
                            run one case: events from a file (a JSON array; "at" may be left out
                            and is filled a minute apart), or without --events the happy path to
                            issuance (received by default: 2026-11-02T08:00:00+07:00)
  export-bpmn <id> [--region <code> --date YYYY-MM-DD]
                            print BPMN 2.0 XML (with a region: modes weighed for that date)
  help                      this text

Options:
  --json                    machine-readable output: one JSON document on stdout
  --lang id|en              output language (default: id)

Exit codes: 0 success · 2 bad input (command, option, id, region, date, file) · 1 internal error

Examples:
  npm run workflows -- assess pbg --region 97 --date 2027-01-15
  npm run workflows -- simulate sip-nakes --region 31 --events case.json`,
};

export const usage = (lang: Lang): string => USAGE[lang];

/** What an event acts on, for the one-line timeline. */
function targetOf(e: unknown): string {
  for (const key of ['itemId', 'stepId']) {
    const x = field(e, key);
    if (typeof x === 'string') return x;
  }
  for (const key of ['reason', 'text', 'status']) {
    const x = field(e, key);
    if (typeof x === 'string') return `"${x}"`;
  }
  const facts = field(e, 'facts');
  if (typeof facts !== 'object' || facts === null) return '';
  return Object.entries(facts)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
}

const shortTime = (at: unknown) => (typeof at === 'string' ? at.slice(0, 16).replace('T', ' ') : '?');

export interface SimulationText {
  definition: PermitDefinition;
  region: RegionProfile;
  file: string | undefined;
  received: string;
  sim: Simulation;
}

export function formatSimulation(lang: Lang, input: SimulationText): string[] {
  const { definition: d, region, file, received, sim } = input;
  const lines = [
    t(lang, 'sim.title', { name: d.name[lang], id: d.id, region: region.name[lang], code: region.code }),
    file === undefined ? t(lang, 'sim.source.happy') : t(lang, 'sim.source.events', { file }),
    t(lang, 'sim.received', { at: received }),
    t(lang, 'sim.counts', { accepted: sim.log.length, rejected: sim.rejected.length, total: sim.total }),
  ];

  // One timeline in the order given: accepted events with their chain entry, refusals with why.
  type Row = { index: number; cells: string[]; details: string[] };
  const where = (state: string | undefined): string => {
    const stage = d.stages.find((x) => x.id === state);
    if (stage) return stage.name[lang];
    if (state === 'awaitingCorrection') return STATUS['awaiting-correction'][lang];
    return state === 'issued' || state === 'rejected' || state === 'closed' ? STATUS[state][lang] : '';
  };
  const rows: Row[] = sim.log.map((entry, k) => {
    const index = sim.logIndex[k] ?? -1;
    const e = entry.body;
    const before = k === 0 ? d.stages[0]?.id : sim.logState[k - 1];
    const moved = sim.logState[k] !== before ? `→ ${where(sim.logState[k])}` : '';
    const target = [targetOf(e), moved].filter(Boolean).join(' ');
    const cells = [
      `[${index}]`,
      '✓',
      shortTime(e.at),
      e.type,
      target,
      `#${entry.seq} ${entry.hash.slice(0, 12)}`,
    ];
    return { index, cells, details: [] };
  });
  for (const r of sim.rejected) {
    const e = r.event;
    rows.push({
      index: r.index,
      cells: [`[${r.index}]`, '✗', shortTime(field(e, 'at')), r.type, targetOf(e), r.rejection.message[lang]],
      details: (r.rejection.details ?? []).map((x) => `- ${x[lang]}`),
    });
  }
  rows.sort((a, b) => a.index - b.index);
  if (rows.length > 0) {
    const aligned = table(rows.map((r) => r.cells));
    lines.push('', t(lang, 'sim.log'));
    rows.forEach((r, i) => {
      lines.push(`  ${aligned[i]}`, ...r.details.map((x) => `${' '.repeat(10)}${x}`));
    });
  }
  if (sim.rejected.length > 0) {
    lines.push('', t(lang, 'sim.rejected'));
    for (const r of sim.rejected) lines.push(`  [${r.index}] ${r.type}: ${r.rejection.message[lang]}`);
  }
  const head = sim.log.at(-1);
  lines.push(
    '',
    head
      ? t(lang, 'sim.chain', {
          count: sim.log.length,
          ok: t(lang, sim.chainVerified ? 'common.yes' : 'common.no'),
          head: head.hash,
        })
      : t(lang, 'sim.chainEmpty'),
    '',
    t(lang, 'sim.now', { at: sim.now, date: sim.view.today }),
    ...formatView(lang, sim.view, d),
  );
  return lines;
}

type When = (id: string) => string;

function formatStep(lang: Lang, s: StepView, when: When): string[] {
  const mark = !s.applicable ? '–' : s.completed ? '✓' : ' ';
  const cond = when(s.id);
  const na = s.applicable ? '' : ` — ${t(lang, 'view.notApplicable')}`;
  const sla = s.slaDays === null ? t(lang, 'common.noClock') : t(lang, 'common.days', { n: s.slaDays });
  const lines = [
    `  [${mark}] ${s.name[lang]}${cond}${na}`,
    `        ${MODE[s.mode][lang].toUpperCase()} · ${ROLE[s.role][lang]} · ${sla}`,
  ];
  const first = s.reasons[0];
  if (first) lines.push(`        ↳ ${first[lang]}`);
  if (s.needsEvidence && s.applicable) {
    const ok = t(lang, s.hasEvidence ? 'view.evidenceOk' : 'view.evidenceNeeded');
    lines.push(`        ${t(lang, 'view.evidence', { count: s.evidenceCount, ok })}`);
  }
  for (const it of s.items) {
    const box = !it.applicable ? '–' : it.status === 'ticked' ? '✓' : it.status === 'missing' ? '✗' : ' ';
    const kind = t(lang, it.mandatory ? 'common.mandatory' : 'common.optional');
    const itCond = when(it.id);
    const note = it.note ? ` — ${it.note}` : '';
    lines.push(`        [${box}] ${kind.padEnd(9)} ${it.label[lang]}${itCond}${note}`);
  }
  return lines;
}

/** The final state of a case: status, stage, SLA, checklist, steps with modes, blockers, stages. */
export function formatView(lang: Lang, v: CaseView, d: PermitDefinition): string[] {
  const conditions = new Map<string, Condition>();
  for (const step of d.stages.flatMap((x) => x.steps)) {
    if (step.when) conditions.set(step.id, step.when);
    for (const it of step.checklist) if (it.when) conditions.set(it.id, it.when);
  }
  const when: When = (id) => {
    const c = conditions.get(id);
    return c ? ` (${conditionText(c, d.facts, lang)})` : '';
  };
  const lines = [
    t(lang, 'view.case', {
      caseId: v.caseId,
      name: v.permit.name[lang],
      version: v.permit.version,
      region: v.region.name[lang],
      code: v.region.code,
    }),
    v.decision
      ? t(lang, 'view.decided', { status: STATUS[v.decision.kind][lang], at: v.decision.at })
      : t(lang, 'view.status', { status: STATUS[v.status][lang] }),
  ];
  if (v.status === 'follow-up') {
    lines.push(t(lang, 'view.status', { status: STATUS[v.status][lang] }));
  }
  if (v.closedAt) lines.push(t(lang, 'view.closed', { at: v.closedAt }));
  if (v.decision?.reason) lines.push(t(lang, 'view.reason', { reason: v.decision.reason }));
  if (v.stage) {
    const modes = v.stage.modes.map((m) => MODE[m][lang]).join(', ');
    const name = v.stage.name[lang];
    lines.push(
      v.status === 'awaiting-correction'
        ? t(lang, 'view.returnedFrom', { name })
        : t(lang, 'view.stage', { n: v.stage.index + 1, count: v.stage.count, name, modes }),
    );
  } else lines.push(t(lang, 'view.noStage'));
  const s = v.sla;
  if (s.slaDays !== null && s.dueDate && s.startedOn && s.workingDaysLeft !== null) {
    lines.push(
      t(lang, 'view.sla', {
        status: SLA[s.status][lang],
        days: s.slaDays,
        start: s.startedOn,
        due: s.dueDate,
        left: s.workingDaysLeft,
      }),
    );
    if (s.beyondKnownYears) lines.push(t(lang, 'view.slaBeyond'));
  } else lines.push(t(lang, 'view.slaPlain', { status: SLA[s.status][lang] }));
  if (v.status === 'in-progress' || v.status === 'follow-up') {
    lines.push(t(lang, 'view.checklist', v.checklist), t(lang, 'view.steps'));
    for (const step of v.steps) lines.push(...formatStep(lang, step, when));
    if (v.blockers.length > 0) {
      lines.push(t(lang, 'view.blockers'), ...v.blockers.map((b) => `  - ${b[lang]}`));
    } else {
      lines.push(
        t(lang, 'view.canMove', {
          action: t(
            lang,
            v.stage?.issuesPermit ? 'view.approve' : v.stage?.isLast ? 'view.close' : 'view.advance',
          ),
        }),
      );
    }
  } else if (v.blockers.length > 0) {
    lines.push(...v.blockers.map((b) => `  - ${b[lang]}`));
  }
  lines.push(t(lang, 'view.stages'));
  v.stages.forEach((st, i) => {
    const mark = { done: '✓', current: '▶', upcoming: '·', void: '–', stopped: '✗' }[st.state];
    const modes = st.modes.map((m) => MODE[m][lang]).join(', ');
    const na = st.state === 'void' ? ` (${t(lang, 'view.notApplicable')})` : '';
    lines.push(`  ${mark} ${i + 1}. ${st.name[lang]}${modes ? ` [${modes}]` : ''}${na}`);
  });
  return lines;
}
