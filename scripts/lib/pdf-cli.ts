/**
 * `npm run checklist-pdf` and `npm run verify-pdf`: the same utils/pdf modules the extension
 * uses, driven from the command line. Exit codes: 0 done (or, for verify, valid), 1 the file
 * does not verify, 2 bad input with a message saying what to change.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CATALOG, type Case, createEngine, findDefinition, findRegion, isIsoDate } from '../../machines';
import { demoAdapter, findDemoCase, recordedCase } from '../../test/fixtures/portal/as-case';
import { buildDataset } from '../../test/fixtures/portal/dataset';
import { ChecklistSourceError } from '../../utils/pdf/from-case';
import { describeCertificate, generateOfficerKey, importPkcs12, KeyError } from '../../utils/pdf/keys';
import { produceSignedChecklist, statementFor } from '../../utils/pdf/produce';
import type { Officer, PdfFonts, SignatureStatement, Signer } from '../../utils/pdf/types';
import { VERIFY_PROBLEMS, type VerifyReport, verifyPdf } from '../../utils/pdf/verify';
import { zonedTime } from '../../utils/time/zoned';

export interface PdfCliIo {
  out(line: string): void;
  err(line: string): void;
  /** Throws when the file cannot be read. */
  readFile(path: string): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  fonts(): PdfFonts;
  /** Now, as an ISO timestamp (the tests pin it). */
  now(): Date;
}

type Lang = 'id' | 'en';

class BadInput extends Error {
  constructor(readonly text: { id: string; en: string }) {
    super(text.en);
  }
}
const bad = (id: string, en: string): never => {
  throw new BadInput({ id, en });
};

/** The local date and time in Jakarta (WIB), where the demo's offices are. */
const jakarta = (at: Date) => zonedTime(at, 7 * 60);

const CHECKLIST_HELP = `Usage: npm run checklist-pdf -- --permit <id> --out <file.pdf> [options]

  --permit <id>        catalog permit (${CATALOG.map((d) => d.id).join(', ')})
  --case <number>      a demo portal case number (npm run portal lists them); default: a new case
  --out <file.pdf>     where to write the signed checklist
  --p12 <file>         sign with this PKCS#12 file (needs --password); default: a new local key
  --password <pw>      the PKCS#12 password
  --region <code>      BPS province code for a new case (default 31, DKI Jakarta)
  --lang id|en         language of the document and the messages (default id)
  --officer <name>     --nip <18 digits>   --unit <text>   the signing officer
  --today YYYY-MM-DD   the date the demo cases count back from (default: today in WIB)`;

function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'id' || value === 'en') return value ?? 'id';
  return bad(`--lang harus id atau en, bukan "${value}".`, `--lang must be id or en, not "${value}".`);
}

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return bad(`Argumen tidak dikenali: ${why}`, `Arguments not understood: ${why}`);
  }
}

/** `checklist-pdf`: lays out, signs and writes a checklist; prints what it wrote. */
export async function runChecklistPdf(argv: string[], io: PdfCliIo): Promise<number> {
  let lang: Lang = 'id';
  try {
    const { values } = parse(argv, {
      permit: { type: 'string' },
      case: { type: 'string' },
      out: { type: 'string' },
      p12: { type: 'string' },
      password: { type: 'string' },
      region: { type: 'string' },
      lang: { type: 'string' },
      officer: { type: 'string' },
      nip: { type: 'string' },
      unit: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean' },
    });
    const v = values as Record<string, string | boolean | undefined>;
    const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
    lang = langOf(str('lang'));
    if (v.help) {
      io.out(CHECKLIST_HELP);
      return 0;
    }
    const permitId = str('permit') ?? bad('--permit wajib diisi.', '--permit is required.');
    const out =
      str('out') ?? bad('--out wajib diisi (berkas PDF tujuan).', '--out is required (the PDF to write).');
    if (!findDefinition(permitId)) {
      const known = CATALOG.map((d) => d.id).join(', ');
      bad(
        `Jenis izin "${permitId}" tidak dikenal. Pilih salah satu: ${known}.`,
        `Unknown permit "${permitId}". Use one of: ${known}.`,
      );
    }
    const now = io.now();
    const today = str('today') ?? jakarta(now).date;
    if (!isIsoDate(today))
      bad(
        `--today harus berbentuk YYYY-MM-DD, bukan "${today}".`,
        `--today must be YYYY-MM-DD, not "${today}".`,
      );

    const officer: Officer = {
      name: str('officer') ?? 'Petugas Contoh',
      nip: (str('nip') ?? '198001012010011001').replace(/\s/g, ''),
      role: 'officer',
      unit: str('unit') ?? 'Bidang Pelayanan Perizinan',
    };
    if (!/^\d{18}$/.test(officer.nip))
      bad(`NIP harus 18 angka, bukan "${officer.nip}".`, `The NIP must be 18 digits, not "${officer.nip}".`);

    const engine = createEngine();
    let kase: Case;
    let caseRef: string;
    let portal = 'Pandu Izin';
    let applicant: string | undefined;
    const caseNumber = str('case');
    if (caseNumber) {
      const found =
        findDemoCase(buildDataset(today), caseNumber) ??
        bad(
          `Perkara "${caseNumber}" tidak ada di portal demo. Lihat daftarnya dengan npm run portal.`,
          `Case "${caseNumber}" is not in the demo portal. See the lists with npm run portal.`,
        );
      if (found.permitId !== permitId)
        bad(
          `Perkara ${caseNumber} adalah izin "${found.permitId}", bukan "${permitId}".`,
          `Case ${caseNumber} is a "${found.permitId}" permit, not "${permitId}".`,
        );
      kase = recordedCase(engine, found, today);
      caseRef = found.id;
      applicant = found.applicant;
      portal = demoAdapter(found.portal).name;
    } else {
      const region = str('region') ?? '31';
      if (!findRegion(region))
        bad(
          `Kode provinsi "${region}" tidak dikenal (mis. 31, 33, 95).`,
          `Unknown province code "${region}" (e.g. 31, 33, 95).`,
        );
      caseRef = `CONTOH-${permitId.toUpperCase()}`;
      kase = engine.createCase({
        id: `cli:${caseRef}`,
        permitId,
        region,
        receivedAt: `${today}T08:00:00+07:00`,
      });
    }

    const { signer, statement } = await signerFor(str('p12'), str('password'), officer, now, io);
    const signedAt = jakarta(now).timestamp;
    const view = engine.view(kase, { now: `${today}T12:00:00+07:00` });
    const made = await produceSignedChecklist({
      source: {
        view,
        caseRef,
        portal,
        ...(applicant ? { applicant } : {}),
        officer,
        language: lang,
        date: today,
      },
      signer,
      statement,
      signedAt,
      fonts: io.fonts(),
    });
    const { bytes, document: doc, fileSha256: fileHash } = made;
    io.writeFile(out, bytes);
    const say = (id: string, en: string) => io.out(lang === 'id' ? id : en);
    say(`Ditulis: ${out} (${bytes.length} bita)`, `Written: ${out} (${bytes.length} bytes)`);
    say(
      `Perkara: ${caseRef} — ${doc.permit.name}, ${doc.stage.name}`,
      `Case: ${caseRef} — ${doc.permit.name}, ${doc.stage.name}`,
    );
    say(
      `Penanda tangan: ${statement.signerName} (${statement.kind === 'certified' ? 'tersertifikasi' : 'tidak tersertifikasi'})`,
      `Signer: ${statement.signerName} (${statement.kind})`,
    );
    say(`SHA-256 berkas: ${fileHash}`, `File SHA-256: ${fileHash}`);
    say(`Muatan QR: ${made.payload}`, `QR payload: ${made.payload}`);
    return 0;
  } catch (error) {
    return failWith(error, lang, io);
  }
}

async function signerFor(
  p12: string | undefined,
  password: string | undefined,
  officer: Officer,
  now: Date,
  io: PdfCliIo,
): Promise<{ signer: Signer; statement: Omit<SignatureStatement, 'signedAt'> }> {
  if (!p12) {
    const key = await generateOfficerKey(officer, { now });
    return {
      signer: { privateKey: key.privateKey, certificateDer: key.certificateDer },
      statement: { kind: 'uncertified', signerName: officer.name },
    };
  }
  if (password === undefined) bad('--p12 memerlukan --password.', '--p12 needs --password.');
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(p12);
  } catch {
    return bad(`Berkas PKCS#12 "${p12}" tidak dapat dibaca.`, `The PKCS#12 file "${p12}" cannot be read.`);
  }
  const imported = await importPkcs12(bytes.slice().buffer as ArrayBuffer, password ?? '', { now });
  const info = await describeCertificate(imported.certificateDer);
  return { signer: imported, statement: statementFor(info, officer.name) };
}

function failWith(error: unknown, lang: Lang, io: PdfCliIo): number {
  // A finished case has no checklist to sign: bad input too, in checklistDocumentFor's words.
  if (error instanceof BadInput || error instanceof KeyError || error instanceof ChecklistSourceError) {
    io.err(error.text[lang]);
    return 2;
  }
  const why = error instanceof Error ? error.message : String(error);
  io.err(lang === 'id' ? `Gagal: ${why}` : `Failed: ${why}`);
  return 1;
}

/** `verify-pdf`: checks every signature and the QR payload; exit 0 only when all hold. */
export async function runVerifyPdf(argv: string[], io: PdfCliIo): Promise<number> {
  let lang: Lang = 'id';
  try {
    const { values, positionals } = parse(argv, { lang: { type: 'string' }, help: { type: 'boolean' } });
    lang = langOf(typeof values.lang === 'string' ? values.lang : undefined);
    if (values.help) {
      io.out('Usage: npm run verify-pdf -- <file.pdf> [--lang id|en]');
      return 0;
    }
    const [path, ...extra] = positionals;
    if (!path || extra.length > 0)
      bad(
        'Sebutkan tepat satu berkas PDF: npm run verify-pdf -- berkas.pdf',
        'Name exactly one PDF file: npm run verify-pdf -- file.pdf',
      );
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(path as string);
    } catch {
      return bad(`Berkas "${path}" tidak dapat dibaca.`, `The file "${path}" cannot be read.`);
    }
    const report = await verifyPdf(bytes);
    for (const line of describeReport(report, lang)) io.out(line);
    if (report.problem === 'not-a-pdf') return 2;
    return report.valid ? 0 : 1;
  } catch (error) {
    return failWith(error, lang, io);
  }
}

/** The report in lines: the verdict first, then each signature and the payload. */
export function describeReport(report: VerifyReport, lang: Lang): string[] {
  const w = (id: string, en: string) => (lang === 'id' ? id : en);
  const yes = (ok: boolean | undefined) => (ok ? w('ya', 'yes') : w('tidak', 'no'));
  const lines = [
    report.valid
      ? report.payload.found
        ? w('SAH: semua tanda tangan dan muatan QR cocok.', 'VALID: every signature and the QR payload hold.')
        : w('SAH: semua tanda tangan cocok.', 'VALID: every signature holds.')
      : w('TIDAK SAH: ', 'NOT VALID: ') + (report.problem ? VERIFY_PROBLEMS[report.problem][lang] : ''),
  ];
  report.signatures.forEach((s, i) => {
    const who = s.signer?.subject.CN ?? w('(tanpa sertifikat)', '(no certificate)');
    lines.push(
      w(`Tanda tangan ${i + 1}: ${who}`, `Signature ${i + 1}: ${who}`),
      w(`  waktu: ${s.signedAt ?? '—'}`, `  time: ${s.signedAt ?? '—'}`),
      w(
        `  jenis: ${s.certified ? `tersertifikasi (penerbit: ${s.signer?.issuer.CN ?? s.signer?.issuer.O ?? '—'})` : 'tidak tersertifikasi (sertifikat buatan sendiri)'}`,
        `  kind: ${s.certified ? `certified (issuer: ${s.signer?.issuer.CN ?? s.signer?.issuer.O ?? '—'})` : 'uncertified (self-signed certificate)'}`,
      ),
      w(`  digest cocok: ${yes(s.digestMatches)}`, `  digest matches: ${yes(s.digestMatches)}`),
      w(
        `  tanda tangan CMS sah: ${yes(s.signatureValid)}`,
        `  CMS signature valid: ${yes(s.signatureValid)}`,
      ),
      w(
        `  sertifikat berlaku saat menandatangani: ${yes(s.certificateValidAtSigning)}`,
        `  certificate valid when signing: ${yes(s.certificateValidAtSigning)}`,
      ),
      w(
        `  mencakup seluruh dokumen: ${yes(s.coversWholeDocument)}`,
        `  covers the whole document: ${yes(s.coversWholeDocument)}`,
      ),
    );
  });
  lines.push(
    report.payload.found
      ? w(
          `Muatan QR: perkara ${report.payload.caseRef ?? '—'}, cocok dengan isi: ${yes(report.payload.matches)}`,
          `QR payload: case ${report.payload.caseRef ?? '—'}, matches the content: ${yes(report.payload.matches)}`,
        )
      : w('Muatan QR: tidak ditemukan.', 'QR payload: not found.'),
  );
  return lines;
}
