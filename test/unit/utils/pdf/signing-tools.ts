/**
 * What the signing tests share: a small checklist-like PDF made here with pdf-lib (the real
 * layout has its own tests), key material made with the openssl CLI, and the independent
 * checkers (poppler's pdfsig, qpdf, openssl cms) run on the files we write.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll } from 'vitest';
import { CONTENT_FILE, formatPayload, sha256Hex } from '../../../../utils/pdf/payload';
import type { SignatureBox } from '../../../../utils/pdf/types';

/** A fresh temporary directory, removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(tool: string, args: string[], env: Record<string, string> = {}): ToolResult {
  const r = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a tool that must succeed; its stdout. */
export function must(tool: string, args: string[], env: Record<string, string> = {}): string {
  const r = run(tool, args, env);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

export const CASE_REF = 'SIMBG/3275/2026/0042';
export const OFFICER = {
  name: 'Ni Luh Putu Ayu Wulandari',
  nip: '198703152010012004',
  unit: 'DPMPTSP Kota Bekasi',
};

export interface TestPdf {
  pdf: PDFDocument;
  box: SignatureBox;
  content: string;
}

/**
 * Two pages with text, checklist.json attached and the payload in /Keywords, the signature
 * box drawn on page 2. `payloadContent` lets a test put a payload that does not match.
 */
export async function testPdf(opts: { payloadContent?: string; payload?: boolean } = {}): Promise<TestPdf> {
  const content = JSON.stringify({
    format: 'pandu-izin/checklist@1',
    caseRef: CASE_REF,
    items: [{ id: 'imb', status: 'present' }],
  });
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf
    .addPage([595.28, 841.89])
    .drawText('Daftar Periksa Berkas — halaman 1', { x: 56, y: 780, size: 14, font });
  const last = pdf.addPage([595.28, 841.89]);
  last.drawText('Petugas: Ni Luh Putu Ayu Wulandari', { x: 56, y: 780, size: 11, font });
  const box: SignatureBox = { pageIndex: 1, x: 320, y: 120, width: 220, height: 90 };
  last.drawRectangle({ ...box, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.5 });
  last.drawText('Ditandatangani secara elektronik', {
    x: box.x + 8,
    y: box.y + box.height - 18,
    size: 9,
    font,
  });
  pdf.setTitle(`Daftar Periksa ${CASE_REF}`);
  if (opts.payload !== false) {
    const hash = await sha256Hex(opts.payloadContent ?? content);
    pdf.setKeywords([formatPayload(CASE_REF, hash), CASE_REF, 'pbg']);
  }
  await pdf.attach(new TextEncoder().encode(content), CONTENT_FILE, { mimeType: 'application/json' });
  return { pdf, box, content };
}

export const SIGNED_AT = '2026-11-21T14:05:09+08:00';

export const meta = (name = OFFICER.name) => ({
  name,
  reason: 'Daftar periksa berkas perizinan',
  location: 'Kota Bekasi',
  signedAt: SIGNED_AT,
  contactInfo: 'dpmptsp@bekasikota.go.id',
});

/** /ByteRange and the /Contents DER of the (only) signature, read from the raw bytes. */
export function signatureParts(bytes: Uint8Array): { ranges: number[]; cms: Uint8Array; signed: Uint8Array } {
  const text = new TextDecoder('latin1').decode(bytes);
  const ranges = (/\/ByteRange\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '').trim().split(/\s+/).map(Number);
  const [o1 = 0, l1 = 0, o2 = 0, l2 = 0] = ranges;
  const hex = text.slice(o1 + l1 + 1, o2 - 1);
  const der = Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  // DER SEQUENCE with a two-byte long-form length (the CMS is 256 B–64 KB).
  const length = der[1] === 0x82 ? 4 + (der[2] ?? 0) * 256 + (der[3] ?? 0) : der.length;
  const signed = new Uint8Array(l1 + l2);
  signed.set(bytes.subarray(o1, o1 + l1));
  signed.set(bytes.subarray(o2, o2 + l2), l1);
  return { ranges, cms: der.subarray(0, length), signed };
}

/** `openssl cms -verify` over the detached content; extra args pick how the chain is judged. */
export function opensslCmsVerify(dir: string, name: string, bytes: Uint8Array, trust: string[]): ToolResult {
  const { cms, signed } = signatureParts(bytes);
  const sig = join(dir, `${name}.cms.der`);
  const content = join(dir, `${name}.signed.bin`);
  writeFileSync(sig, cms);
  writeFileSync(content, signed);
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    sig,
    '-content',
    content,
    '-purpose',
    'any',
    '-out',
    '/dev/null',
    ...trust,
  ]);
}

export function pdfsig(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return run('pdfsig', [file]).stdout;
}

// --- openssl key material --------------------------------------------------------------------

export const PASSWORD = 'Kata-sandi-rahasia-é✓';

type KeyKind = 'rsa' | 'ec' | 'ec384';
const newKey = (kind: KeyKind) =>
  kind === 'rsa'
    ? ['-newkey', 'rsa:2048']
    : ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${kind === 'ec' ? 'P-256' : 'P-384'}`];

export interface Pem {
  key: string;
  cert: string;
}

export function selfSigned(dir: string, name: string, kind: KeyKind, subject: string): Pem {
  const key = join(dir, `${name}.key.pem`);
  const cert = join(dir, `${name}.cert.pem`);
  must('openssl', [
    'req',
    '-x509',
    ...newKey(kind),
    '-nodes',
    '-utf8',
    '-subj',
    subject,
    '-days',
    '30',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  return { key, cert };
}

/** A tiny CA (`openssl ca` with its own database) that can back- or forward-date what it issues. */
export function makeCa(
  dir: string,
): Pem & { issue(name: string, kind: KeyKind, subject: string, dates?: [string, string]): Pem } {
  const ca = selfSigned(dir, 'ca', 'ec', '/CN=Uji CA Pandu Izin/O=Pandu Izin Test');
  const config = join(dir, 'ca.cnf');
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(
    config,
    [
      '[ca]',
      'default_ca = uji',
      '[uji]',
      `database = ${join(dir, 'index.txt')}`,
      `new_certs_dir = ${dir}`,
      'rand_serial = yes',
      'default_md = sha256',
      'default_days = 30',
      'policy = anything',
      'unique_subject = no',
      'utf8 = yes',
      'x509_extensions = leaf',
      '[anything]',
      'commonName = supplied',
      'serialNumber = optional',
      'organizationName = optional',
      'countryName = optional',
      '[leaf]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      '',
    ].join('\n'),
  );
  return {
    ...ca,
    issue(name, kind, subject, dates) {
      const key = join(dir, `${name}.key.pem`);
      const csr = join(dir, `${name}.csr`);
      const cert = join(dir, `${name}.cert.pem`);
      must('openssl', [
        'req',
        '-new',
        ...newKey(kind),
        '-nodes',
        '-utf8',
        '-subj',
        subject,
        '-keyout',
        key,
        '-out',
        csr,
      ]);
      const validity = dates ? ['-startdate', dates[0], '-enddate', dates[1]] : [];
      must('openssl', [
        'ca',
        '-batch',
        '-notext',
        '-config',
        config,
        '-cert',
        ca.cert,
        '-keyfile',
        ca.key,
        '-in',
        csr,
        '-out',
        cert,
        ...validity,
      ]);
      return { key, cert };
    },
  };
}

/** `openssl pkcs12 -export` (OpenSSL 3 defaults unless `extra` says otherwise); the file's bytes. */
export function pkcs12(
  dir: string,
  name: string,
  parts: { key?: string; cert?: string; chain?: string[] },
  extra: string[] = [],
  password = PASSWORD,
): Uint8Array {
  const out = join(dir, `${name}.p12`);
  const args = ['pkcs12', '-export', '-out', out, '-passout', 'env:P12_PASSWORD', ...extra];
  if (parts.key) args.push('-inkey', parts.key);
  else args.push('-nokeys');
  if (parts.cert) args.push('-in', parts.cert);
  else args.push('-nocerts');
  for (const c of parts.chain ?? []) args.push('-certfile', c);
  must('openssl', args, { P12_PASSWORD: password });
  return new Uint8Array(readFileSync(out));
}
