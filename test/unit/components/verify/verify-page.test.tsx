// @vitest-environment happy-dom
/**
 * The verify page on real signed PDFs (made with the signing tests' helpers): the verdict and
 * each signature in words, a changed byte, a file that is not a PDF, the language switch, a
 * second file replacing the first, the "checking" line, refused and unreadable files, and a
 * file dropped on the drop zone.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { VerifyPage } from '../../../../components/verify/VerifyPage';
import type { PanduDb } from '../../../../utils/db/schema';
import { generateOfficerKey } from '../../../../utils/pdf/keys';
import { signPdf } from '../../../../utils/pdf/sign';
import { type VerifyReport, verifyPdf } from '../../../../utils/pdf/verify';
import { type Mounted, mount, until } from '../../helpers/dom';
import { extensionPageHost } from '../../helpers/extension-page';
import { CASE_REF, meta, OFFICER, testPdf } from '../../utils/pdf/signing-tools';

let signed: Uint8Array;
beforeAll(async () => {
  const officer = await generateOfficerKey(OFFICER, { now: new Date('2026-11-01T00:00:00Z') });
  const { pdf, box } = await testPdf();
  signed = await signPdf(pdf, box, officer, meta());
});

/** The signed file with one byte inside the signed range flipped (the header's binary comment). */
function changed(): Uint8Array {
  const bytes = signed.slice();
  bytes[10] = (bytes[10] ?? 0) ^ 0x01;
  return bytes;
}

const pdfFile = (bytes: Uint8Array, name = 'checklist.pdf') =>
  new File([bytes.slice().buffer as ArrayBuffer], name, { type: 'application/pdf' });

let view: Mounted | undefined;
let db: PanduDb | undefined;

async function mountPage(verify?: (bytes: Uint8Array) => Promise<VerifyReport>) {
  const env = extensionPageHost('verify.html', 'verify');
  db = env.db;
  view = await mount(<VerifyPage db={env.db} send={env.send} {...(verify ? { verify } : {})} />);
  return env;
}

afterEach(async () => {
  await view?.unmount();
  view = undefined;
  db?.close();
});

const byTestId = (id: string) => view?.byTestId(id) ?? null;
const allByTestId = (id: string) => view?.allByTestId(id) ?? [];
const text = (id: string) => view?.text(id) ?? '';
/** A signature's row: [term, value]. */
const row = (signature: HTMLElement | undefined, key: string) => {
  const div = signature?.querySelector(`[data-row="${key}"]`);
  return [div?.querySelector('dt')?.textContent, div?.querySelector('dd')?.textContent];
};

/** Chooses a file in the input, as the browser does: `files` set, then a change event. */
async function choose(file: File) {
  const input = byTestId('verify-file-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Waits for the verdict of the file named `name`. */
async function result(name = 'checklist.pdf') {
  await until(
    () => byTestId('verify-verdict') && text('verify-report').includes(name),
    `the report on ${name}`,
  );
  return byTestId('verify-verdict') as HTMLElement;
}

describe('the verify page', () => {
  it('offers a labelled PDF picker and a drop zone, and says the file goes nowhere', async () => {
    await mountPage();
    await until(() => text('workspace-heading') === 'Periksa PDF bertanda tangan', 'the heading');
    expect(document.title).toBe('Pandu Izin — Periksa PDF bertanda tangan');
    expect(document.documentElement.lang).toBe('id');
    const input = byTestId('verify-file-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('application/pdf,.pdf');
    expect(view?.host.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(
      'Pilih berkas PDF yang akan diperiksa',
    );
    expect(byTestId('verify-drop')?.contains(input)).toBe(true);
    expect(text('verify-drop')).toContain('seret berkas PDF ke kotak ini');
    expect(view?.host.textContent).toContain('berkas tidak dikirim ke mana pun');
    expect(byTestId('verify-status')?.getAttribute('role')).toBe('status');
    expect(byTestId('verify-verdict')).toBeNull();
  });

  it('a good file: SAH, the signer, every check yes, the payload matching; focus on the verdict', async () => {
    await mountPage();
    await choose(pdfFile(signed));
    const verdict = await result();
    expect(verdict.dataset.valid).toBe('true');
    expect(verdict.hasAttribute('data-problem')).toBe(false);
    expect(verdict.textContent).toBe('✓ SAH: semua tanda tangan dan muatan QR cocok.');
    expect(document.activeElement).toBe(verdict);
    expect(verdict.tabIndex).toBe(-1);
    expect(text('verify-status')).toBe('');

    const [signature, ...others] = allByTestId('verify-signature');
    expect(others).toEqual([]);
    expect(signature?.querySelector('h3')?.textContent).toBe(`Tanda tangan 1: ${OFFICER.name}`);
    expect(signature?.querySelector('dl')).not.toBeNull();
    expect(row(signature, 'signer')).toEqual(['Penanda tangan', OFFICER.name]);
    expect(row(signature, 'nip')).toEqual(['NIP', OFFICER.nip]);
    expect(row(signature, 'unit')).toEqual(['Unit kerja', OFFICER.unit]);
    expect(row(signature, 'signedAt')[1]).toMatch(/^2026-11-21T14:05:09\+08:00 \(waktu setempat: .+\)$/);
    expect(row(signature, 'kind')[1]).toBe(
      'tanda tangan elektronik tidak tersertifikasi (sertifikat dibuat sendiri)',
    );
    expect(row(signature, 'digestMatches')).toEqual(['Isi cocok dengan yang ditandatangani', '✓ ya']);
    expect(row(signature, 'signatureValid')).toEqual(['Tanda tangan CMS sah', '✓ ya']);
    expect(row(signature, 'certificateValidAtSigning')).toEqual([
      'Sertifikat berlaku saat menandatangani',
      '✓ ya',
    ]);
    expect(row(signature, 'coversWholeDocument')).toEqual(['Mencakup seluruh dokumen', '✓ ya']);
    expect(row(signature, 'fingerprint')[1]).toMatch(/^[0-9a-f]{64}$/);

    expect(text('verify-modified')).toBe('Diubah setelah ditandatangani: ✓ tidak');
    expect(text('verify-payload')).toBe(
      `Muatan QR: perkara ${CASE_REF}; cocok dengan isi daftar periksa yang dilampirkan: ✓ ya`,
    );
    expect(text('verify-report')).toContain('Kepercayaan pada penerbit sertifikat tidak dinilai di sini');
    expect(byTestId('verify-error')).toBeNull();
  });

  it('a byte changed inside the signed range: TIDAK SAH, modified, the digest no longer matches', async () => {
    await mountPage();
    await choose(pdfFile(changed(), 'diubah.pdf'));
    const verdict = await result('diubah.pdf');
    expect(verdict.dataset.valid).toBe('false');
    expect(verdict.dataset.problem).toBe('modified');
    expect(verdict.textContent).toBe('✗ TIDAK SAH: PDF ini diubah setelah ditandatangani.');
    const [signature] = allByTestId('verify-signature');
    expect(row(signature, 'digestMatches')[1]).toBe('✗ tidak');
    expect(row(signature, 'signatureValid')[1]).toBe('✓ ya');
    expect(text('verify-modified')).toBe('Diubah setelah ditandatangani: ✗ ya');
    expect(byTestId('verify-modified')?.dataset.modified).toBe('true');
  });

  it('a file that is not a PDF: the not-a-pdf reason, and nothing about signatures', async () => {
    await mountPage();
    await choose(new File(['Ini catatan biasa, bukan PDF.'], 'catatan.pdf', { type: 'application/pdf' }));
    const verdict = await result('catatan.pdf');
    expect(verdict.dataset.problem).toBe('not-a-pdf');
    expect(verdict.textContent).toBe('✗ TIDAK SAH: Berkas ini bukan PDF.');
    expect(allByTestId('verify-signature')).toEqual([]);
    expect(byTestId('verify-modified')).toBeNull();
    expect(byTestId('verify-payload')).toBeNull();
  });

  it('switches the report to English live, and back', async () => {
    await mountPage();
    await choose(pdfFile(changed(), 'diubah.pdf'));
    await result('diubah.pdf');
    await act(() => byTestId('workspace-language')?.click());
    await until(() => text('workspace-heading') === 'Check a signed PDF', 'English');
    expect(document.documentElement.lang).toBe('en');
    expect(text('verify-verdict')).toBe('✗ NOT VALID: This PDF was changed after it was signed.');
    const [signature] = allByTestId('verify-signature');
    expect(row(signature, 'coversWholeDocument')).toEqual(['Covers the whole document', '✓ yes']);
    expect(row(signature, 'digestMatches')).toEqual(['Content matches what was signed', '✗ no']);
    expect(row(signature, 'kind')[1]).toBe('uncertified electronic signature (self-signed certificate)');
    expect(text('verify-modified')).toBe('Modified after signing: ✗ yes');
    expect(text('verify-payload')).toContain(`QR payload: case ${CASE_REF}`);
    await act(() => byTestId('workspace-language')?.click());
    await until(() => text('workspace-heading') === 'Periksa PDF bertanda tangan', 'Indonesian again');
    expect(text('verify-verdict')).toBe('✗ TIDAK SAH: PDF ini diubah setelah ditandatangani.');
  });

  it('a second file replaces the first report', async () => {
    await mountPage();
    await choose(pdfFile(signed, 'pertama.pdf'));
    expect((await result('pertama.pdf')).dataset.valid).toBe('true');
    await choose(pdfFile(changed(), 'kedua.pdf'));
    const verdict = await result('kedua.pdf');
    expect(verdict.dataset.valid).toBe('false');
    expect(allByTestId('verify-verdict')).toHaveLength(1);
    expect(allByTestId('verify-signature')).toHaveLength(1);
    expect(text('verify-report')).not.toContain('pertama.pdf');
    expect(document.activeElement).toBe(verdict);
  });

  it('says which file it is checking while the check runs', async () => {
    let finish: (report: VerifyReport) => void = () => undefined;
    const verify = vi.fn((_bytes: Uint8Array) => new Promise<VerifyReport>((resolve) => (finish = resolve)));
    await mountPage(verify);
    await choose(pdfFile(signed, 'lama.pdf'));
    await until(() => verify.mock.calls.length === 1, 'the check to start');
    expect(text('verify-status')).toBe('Memeriksa lama.pdf…');
    expect(verify.mock.calls[0]?.[0]).toEqual(signed);
    await act(async () => finish(await verifyPdf(signed)));
    await result('lama.pdf');
    expect(text('verify-status')).toBe('');
  });

  it('shows only the latest file even when an earlier check finishes later', async () => {
    const pending: ((report: VerifyReport) => void)[] = [];
    const verify = vi.fn(
      (_bytes: Uint8Array) => new Promise<VerifyReport>((resolve) => pending.push(resolve)),
    );
    await mountPage(verify);
    await choose(pdfFile(signed, 'lambat.pdf'));
    await choose(pdfFile(changed(), 'cepat.pdf'));
    await until(() => pending.length === 2, 'both checks to start');
    expect(text('verify-status')).toBe('Memeriksa cepat.pdf…');
    const [slow, fast] = pending;
    await act(async () => fast?.(await verifyPdf(changed())));
    expect((await result('cepat.pdf')).dataset.valid).toBe('false');
    await act(async () => slow?.(await verifyPdf(signed)));
    expect(text('verify-report')).toContain('cepat.pdf');
    expect(byTestId('verify-verdict')?.dataset.valid).toBe('false');
  });

  it('refuses a file over 50 MB unread, and says so', async () => {
    const verify = vi.fn(verifyPdf);
    await mountPage(verify);
    const big = pdfFile(signed, 'besar.pdf');
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 });
    await choose(big);
    await until(() => byTestId('verify-error'), 'the refusal');
    expect(byTestId('verify-error')?.getAttribute('role')).toBe('alert');
    expect(text('verify-error')).toBe(
      '⚠ Berkas besar.pdf terlalu besar (60,0 MB); paling besar 50 MB. Berkas ini tidak diperiksa.',
    );
    expect(verify).not.toHaveBeenCalled();
    expect(byTestId('verify-verdict')).toBeNull();
  });

  it('says when a file cannot be read', async () => {
    await mountPage();
    const broken = pdfFile(signed, 'rusak.pdf');
    broken.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
    await choose(broken);
    await until(() => byTestId('verify-error'), 'the message');
    expect(text('verify-error')).toBe(
      '⚠ Berkas rusak.pdf tidak dapat dibaca. Pilih berkasnya lagi, atau salin dulu ke komputer ini lalu pilih salinannya.',
    );
    expect(byTestId('verify-verdict')).toBeNull();
  });

  it('checks a file dropped on the drop zone', async () => {
    await mountPage();
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [pdfFile(signed, 'seret.pdf')] } });
    await act(() => {
      byTestId('verify-drop')?.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    expect((await result('seret.pdf')).dataset.valid).toBe('true');
  });
});
