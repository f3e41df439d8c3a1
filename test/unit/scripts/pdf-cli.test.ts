/**
 * The PDF command lines against real files: what `checklist-pdf` writes passes poppler's
 * `pdfsig` and our own `verify-pdf`; a changed byte, a wrong password and bad arguments get the
 * exit codes and messages the README promises.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type PdfCliIo, runChecklistPdf, runVerifyPdf } from '../../../scripts/lib/pdf-cli';
import { nodePdfIo } from '../../../scripts/lib/pdf-io';

const dir = mkdtempSync(join(tmpdir(), 'pandu-pdf-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-27T03:00:00Z');

function io(now = NOW) {
  const out: string[] = [];
  const err: string[] = [];
  const base = nodePdfIo();
  const cli: PdfCliIo = { ...base, out: (l) => out.push(l), err: (l) => err.push(l), now: () => now };
  return { cli, out, err };
}

const pdfsig = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;

describe('checklist-pdf and verify-pdf', () => {
  const file = join(dir, 'checklist.pdf');

  it('signs a demo case’s checklist that pdfsig and verify-pdf both accept', async () => {
    const run = io();
    const code = await runChecklistPdf(
      ['--permit', 'oss-rba', '--case', 'I-202611240003012', '--out', file, '--today', '2026-11-27'],
      run.cli,
    );
    expect(run.err).toEqual([]);
    expect(code).toBe(0);
    expect(run.out[0]).toMatch(/^Ditulis: .*checklist\.pdf \(\d+ bita\)$/);
    expect(run.out.at(-1)).toMatch(/^Muatan QR: PANDU-IZIN\/1;case=I-202611240003012;sha256=[0-9a-f]{64}$/);
    expect(pdfsig(file)).toContain('Signature is Valid.');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('I-202611240003012');
    expect(text).toContain('Registrasi Akun OSS');

    const check = io();
    expect(await runVerifyPdf([file], check.cli)).toBe(0);
    expect(check.out[0]).toBe('SAH: semua tanda tangan dan muatan QR cocok.');
    expect(check.out).toContain('Tanda tangan 1: Petugas Contoh');
  });

  it('reports a changed byte as modified, with exit code 1, as pdfsig does', async () => {
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length * 0.8);
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    const changed = join(dir, 'changed.pdf');
    writeFileSync(changed, bytes);
    expect(pdfsig(changed)).toContain('Digest Mismatch.');
    const check = io();
    expect(await runVerifyPdf([changed, '--lang', 'en'], check.cli)).toBe(1);
    expect(check.out[0]).toBe('NOT VALID: This PDF was changed after it was signed.');
  });

  it('signs with a PKCS#12 file, and refuses a wrong password with exit code 2', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const p12 = join(dir, 'officer.p12');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/CN=Rina Wulandari/O=DPMPTSP Kota Contoh/C=ID',
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:rahasia'],
      {
        stdio: 'ignore',
      },
    );
    const out = join(dir, 'p12.pdf');
    // openssl dates the certificate from the real clock.
    const ok = io(new Date());
    const args = ['--permit', 'slf', '--out', out, '--p12', p12, '--region', '95', '--lang', 'en'];
    expect(await runChecklistPdf([...args, '--password', 'rahasia'], ok.cli)).toBe(0);
    expect(ok.out).toContain('Signer: Rina Wulandari (uncertified)');
    expect(pdfsig(out)).toContain('Signature is Valid.');

    const wrong = io(new Date());
    expect(await runChecklistPdf([...args, '--password', 'salah'], wrong.cli)).toBe(2);
    expect(wrong.err.join(' ')).toMatch(/password/i);
  });

  it('says what is wrong with bad arguments, with exit code 2, and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--out', join(dir, 'x.pdf')], /--permit wajib/],
      [
        ['--permit', 'oss', '--out', join(dir, 'x.pdf')],
        /Jenis izin "oss" tidak dikenal\. Pilih salah satu: pbg/,
      ],
      [
        ['--permit', 'pbg', '--case', 'I-202611240003012', '--out', join(dir, 'x.pdf')],
        /adalah izin "oss-rba"/,
      ],
      [['--permit', 'pbg', '--case', 'TIDAK-ADA', '--out', join(dir, 'x.pdf')], /tidak ada di portal demo/],
      [['--permit', 'oss-rba', '--case', 'I-202611120003007', '--out', join(dir, 'x.pdf')], /sudah selesai/],
      [['--permit', 'pbg', '--region', '99', '--out', join(dir, 'x.pdf')], /Kode provinsi "99"/],
      [['--permit', 'pbg', '--nip', '123', '--out', join(dir, 'x.pdf')], /NIP harus 18 angka/],
      [['--permit', 'pbg', '--out', join(dir, 'x.pdf'), '--colour', 'red'], /Argumen tidak dikenali/],
      [
        ['--permit', 'pbg', '--out', join(dir, 'x.pdf'), '--p12', join(dir, 'none.p12')],
        /memerlukan --password/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = io();
      expect(await runChecklistPdf(args, run.cli), args.join(' ')).toBe(2);
      expect(run.err.join('\n'), args.join(' ')).toMatch(message);
    }
    expect(() => readFileSync(join(dir, 'x.pdf'))).toThrow();

    const garbage = join(dir, 'garbage.pdf');
    writeFileSync(garbage, 'bukan pdf');
    const notPdf = io();
    expect(await runVerifyPdf([garbage], notPdf.cli)).toBe(2);
    expect(notPdf.out[0]).toBe('TIDAK SAH: Berkas ini bukan PDF.');
    expect(await runVerifyPdf([join(dir, 'missing.pdf')], io().cli)).toBe(2);
    expect(await runVerifyPdf([], io().cli)).toBe(2);
  });
});
