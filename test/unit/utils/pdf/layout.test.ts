import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import qrcode from 'qrcode-generator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutChecklist } from '../../../../utils/pdf/layout';
import { checklistContent, parsePayload, sha256Hex } from '../../../../utils/pdf/payload';
import type { ChecklistDocument, PdfFonts, SignatureBox } from '../../../../utils/pdf/types';
import { checklistFixture } from '../../../fixtures/pdf/checklist';

const fonts: PdfFonts = {
  regular: new Uint8Array(readFileSync('utils/pdf/fonts/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('utils/pdf/fonts/DejaVuSans-Bold.ttf')),
};

const dir = mkdtempSync(join(tmpdir(), 'pandu-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

interface Laid {
  doc: ChecklistDocument;
  file: string;
  bytes: Uint8Array;
  signatureBox: SignatureBox;
  payload: string;
  contentSha256: string;
  pages: number;
  /** `pdftotext -layout` of each page. */
  text: string[];
}

async function laidOut(name: string, doc: ChecklistDocument): Promise<Laid> {
  const { pdf, ...rest } = await layoutChecklist(doc, fonts);
  const bytes = await pdf.save({ useObjectStreams: false });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
  const text = Array.from({ length: pages }, (_, i) =>
    run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']),
  );
  return { doc, file, bytes, pages, text, ...rest };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

let id: Laid;
let plain: Laid;
let en: Laid;
beforeAll(async () => {
  id = await laidOut('id', checklistFixture());
  plain = await laidOut('plain', checklistFixture({ evidence: false }));
  en = await laidOut('en', checklistFixture({ language: 'en', certified: true }));
});

describe('layoutChecklist', () => {
  it('prints the Indonesian header, every row’s status in words, and "Halaman i dari n" on every page', () => {
    const all = id.text.join('\n');
    expect(id.pages).toBeGreaterThan(1);
    for (const label of [
      'Daftar Periksa Berkas',
      'Nomor perkara',
      'PBG-5171-20261121-0042',
      'Jenis izin',
      'Persetujuan Bangunan Gedung (PBG)',
      'Pemohon',
      'Wilayah',
      'Kota Denpasar, Bali',
      'Tahap 2 dari 5: Pemeriksaan dokumen teknis',
      'Tanggal',
      '21 November 2026',
      'Portal',
      'SIMBG',
      'Ringkasan',
      'Bukti verifikasi lapangan',
      'Petugas',
      'NIP',
      '198703152010012004',
      'Peran',
      'Ditandatangani secara elektronik oleh',
      'Tidak tersertifikasi',
      'tanda tangan elektronik tidak tersertifikasi',
    ]) {
      expect(all).toContain(label);
    }
    // Non-ASCII text survives subsetting and extraction.
    for (const text of [
      'Rencana tapak dengan KDB ≤ 60% dan',
      'Luas lantai ≥ 90 m² sesuai gambar',
      'Persetujuan tetangga — di daerah yang',
      'Ayu Kusuma Déwi, S.T.',
      'KDB 58%, KDH 12% —',
    ]) {
      expect(all).toContain(text);
    }
    const items = id.doc.items;
    const statuses = items.map((i) => i.status);
    expect(count(all, '✓ Ada')).toBe(statuses.filter((s) => s === 'present').length);
    expect(count(all, '✗ Tidak ada')).toBe(statuses.filter((s) => s === 'missing').length);
    expect(count(all, '– Tidak berlaku')).toBe(statuses.filter((s) => s === 'not-applicable').length);
    expect(count(all, '○ Belum')).toBe(statuses.filter((s) => s === 'pending').length);
    expect(count(all, '(wajib)')).toBe(items.filter((i) => i.mandatory).length);
    expect(count(all, '(bersyarat)')).toBe(items.filter((i) => !i.mandatory).length);
    id.text.forEach((page, i) => {
      expect(page).toContain(`Halaman ${i + 1} dari ${id.pages}`);
    });
  });

  it('repeats the table header on each page, moves a row that does not fit whole, and numbers rows in order', () => {
    const tablePages = id.text.filter((page) => /^\s*\d+\s{2,}\S/m.test(page));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) {
      // Each page starts with the header, then a whole row (its number), not the tail of a split one.
      expect(page).toMatch(/No\s+Persyaratan\s+Langkah\s+Status\s+Catatan\s*\n(\s*\n)*\s*\d+\s{2,}\S/);
    }
    const numbers = [...id.text.join('\n').matchAll(/^\s*(\d+)\s{2,}\S/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(id.doc.items.map((_, i) => i + 1));
  });

  it('never leaves the start of a row at the foot of a page when the next page holds it whole', async () => {
    // Four-line rows, and a first note one line longer each time: one of these layouts leaves
    // two or three lines of room at the foot of page 1, where a row would be cut if allowed.
    const base = checklistFixture({ items: 24, evidence: false });
    const note = 'Berkas diperiksa ulang karena data luas lantai berbeda dengan gambar denah.';
    for (let extra = 0; extra < 4; extra++) {
      const items = base.items.map((item, i) => ({
        ...item,
        note: i === 0 ? `${note}${' Lihat lampiran.'.repeat(extra * 2)}` : note,
      }));
      const laid = await laidOut(`shift-${extra}`, { ...base, items });
      for (const page of laid.text.slice(1).filter((p) => /^\s*\d+\s{2,}\S/m.test(p))) {
        expect(page).toMatch(/No\s+Persyaratan\s+Langkah\s+Status\s+Catatan\s*\n(\s*\n)*\s*\d+\s{2,}\S/);
      }
    }
  });

  it('passes qpdf --check, spans pages for 40 items and stays small without photos', () => {
    for (const laid of [id, plain, en]) {
      expect(run('qpdf', ['--check', laid.file])).toContain('No syntax or stream encoding errors');
    }
    expect(plain.pages).toBeGreaterThan(1);
    expect(plain.bytes.length).toBeLessThanOrEqual(120 * 1024);
  });

  it('attaches the canonical content as checklist.json, whose SHA-256 is the one in the payload', async () => {
    expect(run('pdfdetach', ['-list', id.file])).toMatch(/1: checklist\.json/);
    const out = join(dir, 'attached.json');
    run('pdfdetach', ['-save', '1', '-o', out, id.file]);
    const attached = readFileSync(out, 'utf8');
    expect(attached).toBe(checklistContent(id.doc));
    expect(await sha256Hex(attached)).toBe(id.contentSha256);
    expect(parsePayload(id.payload)).toEqual({ caseRef: id.doc.caseRef, sha256: id.contentSha256 });
  });

  it('writes title, author, keywords with the payload, dates from the signing time, and the language', async () => {
    const pdf = await PDFDocument.load(id.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Daftar Periksa Berkas PBG-5171-20261121-0042');
    expect(pdf.getAuthor()).toBe('Ayu Kusuma Déwi, S.T.');
    expect(pdf.getSubject()).toContain('Persetujuan Bangunan Gedung (PBG)');
    expect(pdf.getKeywords()?.split(' ')).toContain(id.payload);
    expect(pdf.getCreator()).toBe('Pandu Izin');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-21T01:15:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-11-21T01:15:00.000Z');
    expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('id-ID');
    const enPdf = await PDFDocument.load(en.bytes, { updateMetadata: false });
    expect(enPdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-US');
  });

  it('draws no image for the QR code: only the photo thumbnails are images', () => {
    const images = (file: string) =>
      run('pdfimages', ['-list', file])
        .split('\n')
        .slice(2)
        .filter((line) => line.trim());
    expect(images(plain.file)).toEqual([]);
    const photos = images(id.file);
    expect(photos).toHaveLength(3);
    for (const line of photos) expect(line).toMatch(/image\s+64\s+48\s+gray\s+1\s+8\s+jpeg/);
  });

  it('draws the QR code so that, rendered, its modules are the payload’s, with a clear quiet zone', () => {
    const last = plain.pages;
    const qdf = join(dir, 'plain-qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', plain.file, qdf]);
    // The QR is the path drawn under a y-flipping scale; its translation is the top-left corner.
    const m = /1 0 0 1 ([\d.]+) ([\d.]+) cm\s+1 0 -?0 1 0 0 cm\s+([\d.]+) 0 0 -\3 0 0 cm/.exec(
      readFileSync(qdf, 'latin1'),
    );
    expect(m).not.toBeNull();
    const [left, top, module] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    const dpi = 288;
    const px = dpi / 72;
    run('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-f',
      String(last),
      '-l',
      String(last),
      '-singlefile',
      plain.file,
      join(dir, 'qr'),
    ]);
    const pgm = readFileSync(join(dir, 'qr.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'));
    const width = Number(header?.[1]);
    const pixels = pgm.subarray(header?.[0].length ?? 0);
    const pageHeight = 841.89;
    const dark = (row: number, col: number) => {
      const x = Math.floor((left + (col + 0.5) * module) * px);
      const y = Math.floor((pageHeight - top + (row + 0.5) * module) * px);
      return (pixels[y * width + x] ?? 255) < 128;
    };
    const qr = qrcode(0, 'M');
    qr.addData(plain.payload, 'Byte');
    qr.make();
    const size = qr.getModuleCount();
    expect(module * size).toBeCloseTo(88, 1);
    let mismatches = 0;
    for (let r = -4; r < size + 4; r++) {
      for (let c = -4; c < size + 4; c++) {
        const inside = r >= 0 && r < size && c >= 0 && c < size;
        if (dark(r, c) !== (inside && qr.isDark(r, c))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('prints the payload under the QR code', () => {
    const last = plain.text.at(-1) ?? '';
    expect(last.replace(/\s+/g, '')).toContain(plain.payload);
  });

  it('returns a signature box on the last page, inside the margins, where its text is drawn', () => {
    for (const laid of [id, plain, en]) {
      const box = laid.signatureBox;
      expect(box).toMatchObject({ pageIndex: laid.pages - 1, width: 220, height: 70 });
      expect(box.x).toBeGreaterThanOrEqual(40);
      expect(box.x + box.width).toBeLessThanOrEqual(595.28 - 40 + 0.01);
      expect(box.y).toBeGreaterThanOrEqual(40);
    }
    const inBox = (laid: Laid) =>
      run('pdftotext', [
        '-f',
        String(laid.pages),
        '-l',
        String(laid.pages),
        '-x',
        String(Math.floor(laid.signatureBox.x)),
        '-y',
        String(Math.floor(841.89 - laid.signatureBox.y - laid.signatureBox.height)),
        '-W',
        String(laid.signatureBox.width),
        '-H',
        String(laid.signatureBox.height),
        laid.file,
        '-',
      ]).replace(/\s+/g, ' ');
    expect(inBox(id)).toContain(
      'Ditandatangani secara elektronik oleh Ayu Kusuma Déwi, S.T. 21 November 2026, 09.15 WITA Tidak tersertifikasi',
    );
    expect(inBox(en)).toContain(
      'Electronically signed by Ayu Kusuma Déwi, S.T. 21 November 2026, 09:15 WITA Certified: Balai Besar Sertifikasi Elektronik (BSrE)',
    );
  });

  it('prints an English document with English labels and a certified statement naming the issuer', () => {
    const all = en.text.join('\n');
    for (const label of [
      'File Checklist',
      'Case number',
      'Permit type',
      'Applicant',
      'Region',
      'Stage 2 of 5: Technical document review',
      'Requirement',
      '✓ Present',
      '(mandatory)',
      '(conditional)',
      'Field verification evidence',
      'Needs follow-up',
      'device GPS',
      'Officer',
      'certified electronic signature; the certificate was issued by Balai Besar Sertifikasi',
      'Floor area ≥ 90 m² as drawn',
    ]) {
      expect(all).toContain(label);
    }
    en.text.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${en.pages}`);
    });
    for (const indonesian of [
      'Daftar Periksa Berkas',
      'Halaman',
      'Nomor perkara',
      '(wajib)',
      'Tidak tersertifikasi',
    ]) {
      expect(all).not.toContain(indonesian);
    }
  });

  it('prints the field evidence: time in its zone, GPS with accuracy, result, inspectors, BAP and short photo hashes', () => {
    const all = id.text.join('\n');
    expect(all).toContain('20 November 2026, 14.32 WITA');
    expect(all).toContain('-8.670458, 115.212629 (± 12 m, GPS perangkat)');
    expect(all).toContain('Perlu tindak lanjut');
    expect(all).toContain('I Made Wirawan, Ni Ketut Sari Dewi');
    expect(all).toContain('BAP/PBG/5171/XI/2026/0042');
    expect(all).toContain('0eb57fa34e35c60a…');
    expect(plain.text.join('\n')).not.toContain('Bukti verifikasi lapangan');
  });

  it('splits a row taller than a page across pages without losing a line, header repeated', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `kata${String(i).padStart(3, '0')}`);
    const base = checklistFixture({ items: 3, evidence: false });
    const doc: ChecklistDocument = {
      ...base,
      items: base.items.map((item, i) =>
        i === 1 ? { ...item, note: `${words.join(' ')} Lihat 👍 berkas De\u0301wi.` } : item,
      ),
    };
    const laid = await laidOut('long-note', doc);
    expect(laid.pages).toBeGreaterThan(2);
    const printed = laid.text.join('\n').match(/kata\d{3}/g);
    expect(printed).toEqual(words);
    for (const page of laid.text.filter((p) => p.includes('kata'))) {
      expect(page).toMatch(/No\s+Persyaratan\s+Langkah\s+Status\s+Catatan/);
    }
    // What the font cannot show becomes "?"; a decomposed accent is composed first.
    expect(laid.text.join(' ').replace(/\s+/g, ' ')).toContain('Lihat ? berkas Déwi.');
    expect(run('qpdf', ['--check', laid.file])).toContain('No syntax or stream encoding errors');
  });

  it('still lays out when a thumbnail is not a JPEG, printing the photo’s hash and a note instead', async () => {
    const base = checklistFixture({ items: 5 });
    const [entry] = base.evidence;
    if (!entry) throw new Error('the fixture has no evidence');
    const doc: ChecklistDocument = {
      ...base,
      evidence: [
        {
          ...entry,
          photos: [{ sha256: 'ab'.repeat(32), thumbnailJpeg: new TextEncoder().encode('not a jpeg') }],
        },
      ],
    };
    const laid = await laidOut('bad-thumb', doc);
    const all = laid.text.join('\n');
    expect(all).toContain('pratinjau tidak terbaca');
    expect(all).toContain('abababababababab…');
    expect(run('pdfimages', ['-list', laid.file]).split('\n').slice(2).filter(Boolean)).toEqual([]);
  });
});
