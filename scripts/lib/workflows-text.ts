/**
 * The words of `npm run workflows`: messages and labels in Indonesian and English, and the
 * text layout helpers the commands share. Indonesian is the source; a missing English string
 * is a compile error (same scheme as utils/i18n/messages.ts).
 */
import type {
  CaseFactDefinition,
  CaseStatus,
  Condition,
  Connectivity,
  LocalizedText,
  Role,
  SlaStatus,
  WorkMode,
} from '../../machines';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

const id = {
  // Errors (one line each, on stderr).
  'err.noCommand': 'Perintah belum diberikan. Jalankan `npm run workflows -- help` untuk daftar perintah.',
  'err.unknownCommand': 'Perintah "{command}" tidak dikenal. Perintah yang ada: {known}.',
  'err.unknownOption': 'Opsi "{option}" tidak dikenal untuk {command}. Opsi yang ada: {known}.',
  'err.optionNeedsValue': 'Opsi {option} perlu nilai, mis. {option} {example}.',
  'err.flagTakesNoValue': 'Opsi {option} tidak menerima nilai.',
  'err.optionTwice': 'Opsi {option} diberikan lebih dari sekali.',
  'err.badLang': 'Bahasa "{lang}" tidak dikenal; pakai --lang id atau --lang en.',
  'err.extraArgument': 'Argumen berlebih "{arg}" untuk {command}. Jalankan `npm run workflows -- help`.',
  'err.missingId': '{command} perlu id alur kerja, mis. `{command} pbg`. Id yang ada: {known}.',
  'err.unknownWorkflow': 'Alur kerja "{id}" tidak dikenal. Id yang ada: {known}.',
  'err.missingRegion': '{command} perlu --region <kode>; pakai kode BPS dua digit seperti 31.',
  'err.unknownRegion':
    'Wilayah "{code}" tidak dikenal; pakai kode BPS dua digit seperti 31 (daftar: `npm run workflows -- regions`).',
  'err.badDate': 'Tanggal "{date}" tidak sah; tulis tanggal nyata sebagai YYYY-MM-DD, mis. 2027-01-15.',
  'err.badReceived':
    'Waktu --received "{value}" tidak sah; tulis ISO 8601 dengan detik dan zona, mis. 2026-11-02T08:00:00+07:00.',
  'err.fileMissing': 'Berkas "{file}" tidak ditemukan.',
  'err.fileUnreadable': 'Berkas "{file}" tidak dapat dibaca: {reason}',
  'err.badJson': 'Berkas "{file}" bukan JSON yang sah: {reason}',
  'err.invalidDefinition': '{file}: definisi tidak sah ({count} kesalahan; rinciannya di atas).',
  'err.invalidCatalog': 'Katalog bawaan tidak sah ({count} kesalahan; rinciannya di atas).',
  'err.eventsNotArray':
    'Berkas "{file}" harus berisi larik JSON peristiwa, mis. [{ "type": "stage.advance" }].',
  'err.badEvents': 'Berkas "{file}": {count} peristiwa tidak sah; tidak ada yang dijalankan.',
  'err.badEvent': '  [{index}] {type}: {problem}',
  'err.eventNotObject': 'setiap peristiwa harus objek JSON, mis. { "type": "stage.advance" }.',
  'err.eventType': 'jenis peristiwa "{type}" tidak dikenal; jenis yang ada: {known}.',
  'err.eventTypeSuggest': 'jenis peristiwa "{type}" tidak dikenal; maksudnya "{suggestion}"?',
  'err.badEventTime':
    'waktu "at" harus ISO 8601 dengan detik dan zona ±hh:mm atau Z, mis. 2026-11-02T08:00:00+07:00.',
  'err.bpmnNeedsDate': 'export-bpmn dengan --region perlu --date YYYY-MM-DD (tanggal penilaian wilayah).',
  'err.bpmnNeedsRegion': 'export-bpmn: --date hanya berarti bersama --region <kode>.',
  'err.internal': 'Kesalahan internal: {detail}',
  // Labels.
  'list.title': 'Alur kerja dalam katalog ({count}):',
  'list.head': 'ID|NAMA|TAHAP|LANGKAH',
  'regions.title': 'Provinsi ({count}), diurutkan menurut kode BPS:',
  'regions.head': 'KODE|PROVINSI|KONEKTIVITAS|3T|MULAI WFA',
  'regions.note':
    '3T = jumlah kabupaten daerah tertinggal (Perpres 63/2020). Mulai WFA = tanggal peta jalan kerja dari mana saja dimulai.',
  'show.version': 'versi {version}',
  'show.facts': 'Fakta kasus yang memengaruhi checklist:',
  'show.noFacts': 'Fakta kasus: tidak ada.',
  'show.modeNote':
    'Mode di bawah dinilai dari sifat langkah saja, tanpa wilayah (peta jalan WFA dan konektivitas belum dihitung). Untuk wilayah tertentu: `assess {id} --region <kode>`.',
  'show.stage': 'Tahap {n}/{count}: {name}',
  'show.returns': 'dapat dikembalikan ke pemohon',
  'show.rejects': 'dapat menolak',
  'show.legend':
    'Checklist: [wajib] harus dicentang; [opsional] boleh; "jika …" = hanya berlaku bila syaratnya terpenuhi.',
  'assess.title': 'Penilaian mode kerja {id} — {name}',
  'assess.region':
    'Wilayah: {code} {name} · konektivitas {connectivity} · 3T: {count} kab. · WFA mulai {wfa}',
  'assess.date': 'Tanggal: {date}',
  'assess.today': 'Tanggal: {date} (hari ini di wilayah itu, UTC{offset})',
  'assess.summary': 'Ringkasan: {parts}.',
  'sim.title': 'Simulasi {id} — {name} · {region} ({code})',
  'sim.source.events': 'Peristiwa dari {file}.',
  'sim.source.happy':
    'Jalur lancar otomatis, satu peristiwa per menit: semua butir dicentang, bukti lapangan contoh dilampirkan, setiap langkah diselesaikan.',
  'sim.received': 'Berkas diterima: {at}',
  'sim.now': 'Keadaan akhir pada {at} (waktu peristiwa terakhir; tanggal di wilayah {date}):',
  'sim.counts': 'Peristiwa: {accepted} diterima, {rejected} ditolak (dari {total}).',
  'sim.rejected': 'Peristiwa yang ditolak:',
  'sim.log':
    'Urutan peristiwa ([indeks] ✓ diterima / ✗ ditolak · waktu · jenis · sasaran · #no log + awal hash):',
  'sim.chain': 'Rantai hash: {count} entri, terverifikasi: {ok}. Kepala: {head}',
  'sim.chainEmpty': 'Rantai hash: kosong (belum ada peristiwa yang diterima).',
  'view.case': 'Kasus {caseId} · {name} v{version} · {region} ({code})',
  'view.status': 'Status: {status}',
  'view.decided': 'Status: {status} pada {at}',
  'view.closed': 'Kasus ditutup pada {at}',
  'view.reason': 'Alasan: {reason}',
  'view.stage': 'Tahap {n}/{count}: {name} · mode: {modes}',
  'view.noStage': 'Tahap: — (kasus selesai)',
  'view.returnedFrom': 'Dikembalikan dari tahap: {name}',
  'view.sla': 'SLA: {status} · {days} hari kerja sejak {start} · jatuh tempo {due} · sisa {left} hari kerja',
  'view.slaBeyond':
    '  (hitungan melewati tahun kalender yang diketahui: hanya akhir pekan yang dihitung libur)',
  'view.slaPlain': 'SLA: {status}',
  'view.checklist':
    'Checklist tahap ini: {ticked}/{total} dicentang (wajib {mandatoryTicked}/{mandatoryTotal}), {missing} ditandai kurang',
  'view.steps':
    'Langkah di tahap ini ([✓] selesai/dicentang · [✗] ditandai kurang · [ ] belum · [–] tidak berlaku):',
  'view.evidence': 'bukti lapangan: {count}{ok}',
  'view.evidenceOk': ' (cukup)',
  'view.evidenceNeeded': ' (perlu posisi GPS, waktu, dan foto atau nomor BAP)',
  'view.blockers': 'Yang masih menghalangi tahap berikutnya:',
  'view.canMove': 'Semua pekerjaan tahap ini selesai: bisa {action}.',
  'view.advance': 'lanjut ke tahap berikutnya',
  'view.approve': 'disetujui / diterbitkan',
  'view.close': 'ditutup (tindak lanjut selesai)',
  'view.stages': 'Tahapan [mode kerja]:',
  'view.notApplicable': 'tidak berlaku',
  'common.days': 'SLA {n} hari kerja',
  'common.noClock': 'jam SLA tidak berjalan',
  'common.by': 'oleh {role}',
  'common.mandatory': 'wajib',
  'common.optional': 'opsional',
  'common.yes': 'ya',
  'common.no': 'tidak',
  'validate.catalogOk': 'Katalog bawaan sah: {count} alur kerja ({ids}).',
  'validate.fileOk': '{file}: definisi sah — {id} v{version}, {stages} tahap, {steps} langkah.',
  'validate.errors': '{count} kesalahan (jalur: masalah — perbaikan):',
  'validate.fix': 'perbaikan',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'err.noCommand': 'No command given. Run `npm run workflows -- help` for the list of commands.',
  'err.unknownCommand': 'Unknown command "{command}". Commands: {known}.',
  'err.unknownOption': 'Unknown option "{option}" for {command}. Options: {known}.',
  'err.optionNeedsValue': 'Option {option} needs a value, e.g. {option} {example}.',
  'err.flagTakesNoValue': 'Option {option} takes no value.',
  'err.optionTwice': 'Option {option} is given more than once.',
  'err.badLang': 'Unknown language "{lang}"; use --lang id or --lang en.',
  'err.extraArgument': 'Unexpected argument "{arg}" for {command}. Run `npm run workflows -- help`.',
  'err.missingId': '{command} needs a workflow id, e.g. `{command} pbg`. Known ids: {known}.',
  'err.unknownWorkflow': 'Unknown workflow "{id}". Known ids: {known}.',
  'err.missingRegion': '{command} needs --region <code>; use a two-digit BPS code such as 31.',
  'err.unknownRegion':
    'Unknown region "{code}"; use a two-digit BPS code such as 31 (list: `npm run workflows -- regions`).',
  'err.badDate': 'Date "{date}" is not valid; write a real date as YYYY-MM-DD, e.g. 2027-01-15.',
  'err.badReceived':
    '--received "{value}" is not valid; write ISO 8601 with seconds and a zone, e.g. 2026-11-02T08:00:00+07:00.',
  'err.fileMissing': 'File "{file}" not found.',
  'err.fileUnreadable': 'File "{file}" cannot be read: {reason}',
  'err.badJson': 'File "{file}" is not valid JSON: {reason}',
  'err.invalidDefinition': '{file}: invalid definition ({count} error(s), listed above).',
  'err.invalidCatalog': 'The shipped catalog is invalid ({count} error(s), listed above).',
  'err.eventsNotArray': 'File "{file}" must hold a JSON array of events, e.g. [{ "type": "stage.advance" }].',
  'err.badEvents': 'File "{file}": {count} malformed event(s); nothing was run.',
  'err.badEvent': '  [{index}] {type}: {problem}',
  'err.eventNotObject': 'every event must be a JSON object, e.g. { "type": "stage.advance" }.',
  'err.eventType': 'unknown event type "{type}"; known types: {known}.',
  'err.eventTypeSuggest': 'unknown event type "{type}"; did you mean "{suggestion}"?',
  'err.badEventTime':
    '"at" must be ISO 8601 with seconds and a ±hh:mm or Z zone, e.g. 2026-11-02T08:00:00+07:00.',
  'err.bpmnNeedsDate':
    'export-bpmn with --region needs --date YYYY-MM-DD (the date the region is weighed on).',
  'err.bpmnNeedsRegion': 'export-bpmn: --date only means something with --region <code>.',
  'err.internal': 'Internal error: {detail}',
  'list.title': 'Workflows in the catalog ({count}):',
  'list.head': 'ID|NAME|STAGES|STEPS',
  'regions.title': 'Provinces ({count}), by BPS code:',
  'regions.head': 'CODE|PROVINCE|CONNECTIVITY|3T|WFA START',
  'regions.note':
    '3T = number of underdeveloped regencies (daerah tertinggal, Perpres 63/2020). WFA start = the date the work-from-anywhere roadmap begins.',
  'show.version': 'version {version}',
  'show.facts': 'Case facts that shape the checklist:',
  'show.noFacts': 'Case facts: none.',
  'show.modeNote':
    "Modes below come from the step's nature only, without a region (WFA roadmap and connectivity not weighed). For a region: `assess {id} --region <code>`.",
  'show.stage': 'Stage {n}/{count}: {name}',
  'show.returns': 'can return to the applicant',
  'show.rejects': 'can reject',
  'show.legend':
    'Checklist: [mandatory] must be ticked; [optional] may be; "if …" = applies only when the condition holds.',
  'assess.title': 'Work-mode assessment {id} — {name}',
  'assess.region':
    'Region: {code} {name} · connectivity {connectivity} · 3T: {count} regencies · WFA from {wfa}',
  'assess.date': 'Date: {date}',
  'assess.today': 'Date: {date} (today in the region, UTC{offset})',
  'assess.summary': 'Summary: {parts}.',
  'sim.title': 'Simulation {id} — {name} · {region} ({code})',
  'sim.source.events': 'Events from {file}.',
  'sim.source.happy':
    'Automatic happy path, one event a minute: every item ticked, sample field evidence attached, every step completed.',
  'sim.received': 'File received: {at}',
  'sim.now': "Final state at {at} (the last event's time; {date} in the region):",
  'sim.counts': 'Events: {accepted} accepted, {rejected} rejected (of {total}).',
  'sim.rejected': 'Rejected events:',
  'sim.log':
    'Events in order ([index] ✓ accepted / ✗ rejected · time · type · target · #log no + hash prefix):',
  'sim.chain': 'Hash chain: {count} entries, verified: {ok}. Head: {head}',
  'sim.chainEmpty': 'Hash chain: empty (no event was accepted).',
  'view.case': 'Case {caseId} · {name} v{version} · {region} ({code})',
  'view.status': 'Status: {status}',
  'view.decided': 'Status: {status} on {at}',
  'view.closed': 'Case closed on {at}',
  'view.reason': 'Reason: {reason}',
  'view.stage': 'Stage {n}/{count}: {name} · mode: {modes}',
  'view.noStage': 'Stage: — (case closed)',
  'view.returnedFrom': 'Returned from stage: {name}',
  'view.sla': 'SLA: {status} · {days} working days from {start} · due {due} · {left} working days left',
  'view.slaBeyond': "  (counted past the calendar's known years: only weekends count as days off)",
  'view.slaPlain': 'SLA: {status}',
  'view.checklist':
    "This stage's checklist: {ticked}/{total} ticked (mandatory {mandatoryTicked}/{mandatoryTotal}), {missing} marked missing",
  'view.steps': 'Steps in this stage ([✓] done/ticked · [✗] marked missing · [ ] open · [–] does not apply):',
  'view.evidence': 'field evidence: {count}{ok}',
  'view.evidenceOk': ' (sufficient)',
  'view.evidenceNeeded': ' (needs GPS position, time, and a photo or BAP number)',
  'view.blockers': 'Still blocking the next stage:',
  'view.canMove': 'All work in this stage is done: it can {action}.',
  'view.advance': 'move on to the next stage',
  'view.approve': 'be approved / issued',
  'view.close': 'be closed (follow-up done)',
  'view.stages': 'Stages [work modes]:',
  'view.notApplicable': 'does not apply',
  'common.days': 'SLA {n} working days',
  'common.noClock': 'SLA clock does not run',
  'common.by': 'by {role}',
  'common.mandatory': 'mandatory',
  'common.optional': 'optional',
  'common.yes': 'yes',
  'common.no': 'no',
  'validate.catalogOk': 'The shipped catalog is valid: {count} workflows ({ids}).',
  'validate.fileOk': '{file}: valid definition — {id} v{version}, {stages} stages, {steps} steps.',
  'validate.errors': '{count} error(s) (path: problem — fix):',
  'validate.fix': 'fix',
};

const catalogs: Record<Lang, Record<MessageKey, string>> = { id, en };

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Both languages of a message, for errors that also go into --json output. */
export function both(key: MessageKey, params?: Record<string, string | number>): LocalizedText {
  return { id: t('id', key, params), en: t('en', key, params) };
}

export const MODE: Record<WorkMode, LocalizedText> = {
  field: { id: 'lapangan', en: 'field' },
  office: { id: 'kantor', en: 'office' },
  remote: { id: 'jarak jauh', en: 'remote' },
};

export const ROLE: Record<Role, LocalizedText> = {
  'front-office': { id: 'front office (loket)', en: 'front office' },
  'back-office': { id: 'back office', en: 'back office' },
  'technical-team': { id: 'tim teknis', en: 'technical team' },
  head: { id: 'kepala dinas', en: 'head of office' },
  applicant: { id: 'pemohon', en: 'applicant' },
  system: { id: 'sistem', en: 'system' },
};

export const CONNECTIVITY: Record<Connectivity, LocalizedText> = {
  good: { id: 'baik', en: 'good' },
  moderate: { id: 'sedang', en: 'moderate' },
  limited: { id: 'terbatas', en: 'limited' },
};

export const STATUS: Record<CaseStatus, LocalizedText> = {
  'in-progress': { id: 'sedang diproses', en: 'in progress' },
  'awaiting-correction': {
    id: 'menunggu perbaikan dari pemohon',
    en: 'awaiting correction by the applicant',
  },
  rejected: { id: 'DITOLAK', en: 'REJECTED' },
  issued: { id: 'IZIN TERBIT', en: 'PERMIT ISSUED' },
  'follow-up': { id: 'IZIN TERBIT, tindak lanjut berjalan', en: 'PERMIT ISSUED, follow-up running' },
  closed: { id: 'IZIN TERBIT, kasus ditutup', en: 'PERMIT ISSUED, case closed' },
};

export const SLA: Record<SlaStatus, LocalizedText> = {
  'on-track': { id: 'sesuai jadwal', en: 'on track' },
  'at-risk': { id: 'BERISIKO terlambat', en: 'AT RISK' },
  overdue: { id: 'TERLAMBAT', en: 'OVERDUE' },
  paused: { id: 'dijeda selama berkas di pemohon', en: 'paused while the file is with the applicant' },
  waiting: {
    id: 'belum berjalan: menunggu langkah pemohon',
    en: 'not started: waiting for the applicant’s step',
  },
  stopped: { id: 'berhenti (kasus selesai)', en: 'stopped (case closed)' },
  none: { id: 'jam tidak berjalan di tahap ini', en: 'no clock runs in this stage' },
};

/** Left-aligned columns (right-aligned where `right[i]`), two spaces apart. */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return right[i] ? pad + cell : i === row.length - 1 ? cell : cell + pad;
      })
      .join('  '),
  );
}

const WORDS = {
  id: { if: 'jika', and: ' dan ', or: ' atau ', not: 'bukan' },
  en: { if: 'if', and: ' and ', or: ' or ', not: 'not' },
} as const;

/** "Praktik mandiri" → "praktik mandiri", but "RDTR …" stays. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);

/**
 * A condition in words, with the facts' labels: "jika bukan pemohon masyarakat berpenghasilan
 * rendah (MBR)", "if number of storeys > 2". (describeCondition gives the terse form for JSON.)
 */
export function conditionText(c: Condition, facts: readonly CaseFactDefinition[], lang: Lang): string {
  const w = WORDS[lang];
  const body = (x: Condition, negate: boolean): string => {
    if ('all' in x) {
      const parts = x.all.map((y) => body(y, false)).join(w.and);
      return negate ? `${w.not} (${parts})` : parts;
    }
    if ('any' in x) {
      const parts = x.any.map((y) => body(y, false)).join(w.or);
      return negate ? `${w.not} (${parts})` : `(${parts})`;
    }
    if ('not' in x) return body(x.not, !negate);
    const label = lowerFirst(facts.find((f) => f.id === x.fact)?.label[lang] ?? x.fact);
    if (typeof x.value === 'boolean' && (x.op === 'eq' || x.op === 'ne')) {
      const holds = ((x.value === true) === (x.op === 'eq')) !== negate;
      return holds ? label : `${w.not} ${label}`;
    }
    const ops = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;
    const text =
      x.op === 'in'
        ? `${label}: ${x.value.map(String).join(w.or)}`
        : `${label} ${ops[x.op]} ${String(x.value)}`;
    return negate ? `${w.not} (${text})` : text;
  };
  return `${w.if} ${body(c, false)}`;
}
