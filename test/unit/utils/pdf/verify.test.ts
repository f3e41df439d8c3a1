import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOfficerKey } from '../../../../utils/pdf/keys';
import { signPdf } from '../../../../utils/pdf/sign';
import type { Signer } from '../../../../utils/pdf/types';
import { verifyPdf } from '../../../../utils/pdf/verify';
import { CASE_REF, meta, OFFICER, pdfsig, signatureParts, tempDir, testPdf } from './signing-tools';

const dir = tempDir('pandu-verify-');

let officer: Signer;
let bytes: Uint8Array;
beforeAll(async () => {
  officer = await generateOfficerKey(OFFICER, { now: new Date('2026-11-01T00:00:00Z') });
  const { pdf, box } = await testPdf();
  bytes = await signPdf(pdf, box, officer, meta());
});

const copy = () => bytes.slice();

describe('verifyPdf on a good file', () => {
  it('reports one valid signature over the whole file, its signer and time, and the matching payload', async () => {
    const report = await verifyPdf(bytes);
    expect(report).toMatchObject({
      valid: true,
      modified: false,
      payload: { found: true, caseRef: CASE_REF, matches: true },
    });
    expect(report.problem).toBeUndefined();
    const [sig] = report.signatures;
    expect(sig).toMatchObject({
      digestMatches: true,
      signatureValid: true,
      coversWholeDocument: true,
      certificateValidAtSigning: true,
      selfSigned: true,
      certified: false,
      signedAt: '2026-11-21T14:05:09+08:00',
      name: OFFICER.name,
      location: 'Kota Bekasi',
    });
    expect(sig?.signer?.subject.serialNumber).toBe(OFFICER.nip);
    expect(sig?.signer?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sig?.byteRange).toEqual(signatureParts(bytes).ranges);
  });

  it('says when the certificate was not valid at /M', async () => {
    const late = await generateOfficerKey(OFFICER, { now: new Date('2027-06-01T00:00:00Z') });
    const { pdf, box } = await testPdf();
    const report = await verifyPdf(await signPdf(pdf, box, late, meta()));
    expect(report.signatures[0]?.certificateValidAtSigning).toBe(false);
  });
});

describe('verifyPdf on changed files', () => {
  it('a byte changed inside the signed range: digest mismatch for pdfsig and for us', async () => {
    const changed = copy();
    // The binary comment on the header's second line: any byte there is still a valid PDF.
    expect(changed[10]).toBeGreaterThanOrEqual(0x80);
    changed[10] = (changed[10] ?? 0) ^ 0x01;
    expect(pdfsig(dir, 'changed', changed)).toContain('Digest Mismatch.');
    const report = await verifyPdf(changed);
    expect(report).toMatchObject({ valid: false, modified: true, problem: 'modified' });
    expect(report.signatures[0]).toMatchObject({
      digestMatches: false,
      signatureValid: true,
      coversWholeDocument: true,
    });
  });

  it('bytes appended after the signed range: not the whole document', async () => {
    const tail = new TextEncoder().encode('\n1 0 obj\n(tambahan)\nendobj\n');
    const appended = new Uint8Array(bytes.length + tail.length);
    appended.set(bytes);
    appended.set(tail, bytes.length);
    expect(pdfsig(dir, 'appended', appended)).toContain('Not total document signed');
    const report = await verifyPdf(appended);
    expect(report).toMatchObject({ valid: false, modified: true, problem: 'modified' });
    expect(report.signatures[0]).toMatchObject({ digestMatches: true, coversWholeDocument: false });
  });

  it('a changed signature value: the digest still matches, the signature does not verify', async () => {
    const forged = copy();
    const [, l1] = signatureParts(forged).ranges as [number, number];
    const cmsLength = signatureParts(forged).cms.length;
    // The ECDSA signature is the CMS's last element; flip a hex digit of its last byte.
    const at = l1 + 1 + cmsLength * 2 - 1;
    forged[at] = forged[at] === 0x30 ? 0x31 : 0x30;
    expect(pdfsig(dir, 'forged', forged)).toContain('Signature is Invalid.');
    const report = await verifyPdf(forged);
    expect(report).toMatchObject({ valid: false, modified: false, problem: 'invalid-signature' });
    expect(report.signatures[0]).toMatchObject({ digestMatches: true, signatureValid: false });
  });

  it('a payload that does not hash the attached checklist.json', async () => {
    const { pdf, box } = await testPdf({ payloadContent: '{"other":true}' });
    const report = await verifyPdf(await signPdf(pdf, box, officer, meta()));
    expect(report.signatures[0]?.signatureValid).toBe(true);
    expect(report).toMatchObject({
      valid: false,
      problem: 'payload-mismatch',
      payload: { found: true, matches: false },
    });
  });

  it('a signed file without a payload is valid, and says there is none', async () => {
    const { pdf, box } = await testPdf({ payload: false });
    const report = await verifyPdf(await signPdf(pdf, box, officer, meta()));
    expect(report).toMatchObject({ valid: true, payload: { found: false } });
  });
});

describe('verifyPdf never throws', () => {
  it.each([
    ['empty', new Uint8Array(0), 'not-a-pdf'],
    ['random bytes', crypto.getRandomValues(new Uint8Array(4096)), 'not-a-pdf'],
    ['a header only', new TextEncoder().encode('%PDF-1.7\n'), 'no-signature'],
    [
      'a signature dictionary with nonsense',
      new TextEncoder().encode(
        '%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [0 x 1 2] /Contents <3082FFFF> >>\nendobj\n',
      ),
      'modified',
    ],
  ])('%s → %s', async (_, input, problem) => {
    const report = await verifyPdf(input);
    expect(report.valid).toBe(false);
    expect(report.problem).toBe(problem);
  });

  it('on a truncated signed file, or one whose /Contents was wiped', async () => {
    const truncated = await verifyPdf(bytes.subarray(0, bytes.length - 500));
    expect(truncated).toMatchObject({ valid: false, modified: true });
    const wiped = copy();
    const [, l1, o2] = signatureParts(wiped).ranges as [number, number, number];
    wiped.fill(0x30, l1 + 1, o2 - 1);
    const report = await verifyPdf(wiped);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]).toMatchObject({ signatureValid: false, problem: 'malformed-cms' });
  });

  it('on an unsigned PDF, still reading its payload', async () => {
    const { pdf } = await testPdf();
    const report = await verifyPdf(await pdf.save());
    expect(report).toMatchObject({
      valid: false,
      problem: 'no-signature',
      payload: { found: true, matches: true },
    });
  });

  it('on a PDF saved with object streams (no dictionary in the raw bytes)', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const report = await verifyPdf(await doc.save({ useObjectStreams: true }));
    expect(report).toMatchObject({ valid: false, problem: 'no-signature' });
  });
});
