import { join } from 'node:path';
import type * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { ContentInfo, SignedData } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOfficerKey, importPkcs12 } from '../../../../utils/pdf/keys';
import { SIGNATURE_SPACE, signPdf } from '../../../../utils/pdf/sign';
import type { Signer } from '../../../../utils/pdf/types';
import { verifyPdf } from '../../../../utils/pdf/verify';
import {
  makeCa,
  meta,
  must,
  OFFICER,
  opensslCmsVerify,
  PASSWORD,
  pdfsig,
  pkcs12,
  selfSigned,
  signatureParts,
  tempDir,
  testPdf,
} from './signing-tools';

const dir = tempDir('pandu-sign-');

async function signed(signer: Signer, name = OFFICER.name): Promise<Uint8Array> {
  const { pdf, box } = await testPdf();
  return signPdf(pdf, box, signer, meta(name));
}

let officer: Signer;
let bytes: Uint8Array;
beforeAll(async () => {
  officer = await generateOfficerKey(OFFICER);
  bytes = await signed(officer);
});

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

describe('signPdf with a generated officer key', () => {
  it('is valid for pdfsig, qpdf and openssl cms, covering the whole file', () => {
    const report = pdfsig(dir, 'officer', bytes);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain(`Signer Certificate Common Name: ${OFFICER.name}`);
    must('qpdf', ['--check', join(dir, 'officer.pdf')]);
    const cms = opensslCmsVerify(dir, 'officer', bytes, ['-noverify']);
    expect(cms.stderr).toContain('Verification successful');
    expect(cms.status).toBe(0);
  });

  it('writes the signature dictionary PAdES asks for, with /M in the signer’s zone', () => {
    const text = latin1(bytes);
    const dict = text.slice(
      text.lastIndexOf('obj', text.indexOf('/ByteRange')),
      text.indexOf('endobj', text.indexOf('/ByteRange')),
    );
    expect(dict).toContain('/Type /Sig');
    expect(dict).toContain('/Filter /Adobe.PPKLite');
    expect(dict).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(dict).toContain("/M (D:20261121140509+08'00')");
    const { ranges } = signatureParts(bytes);
    const [o1, l1, o2, l2] = ranges as [number, number, number, number];
    expect(o1).toBe(0);
    expect(o2 + l2).toBe(bytes.length);
    // The gap is exactly the hex string, brackets included, sized for the reserved space.
    expect(text[l1]).toBe('<');
    expect(text[o2 - 1]).toBe('>');
    expect(o2 - l1).toBe(SIGNATURE_SPACE * 2 + 2);
  });

  it('adds a print-visible signature widget over the box on its page, with an empty appearance', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(acroForm.get(PDFName.of('SigFlags'))).toEqual(PDFNumber.of(3));
    const fields = acroForm.lookup(PDFName.of('Fields'), PDFArray);
    expect(fields.size()).toBe(1);
    const widget = fields.lookup(0, PDFDict);
    expect(widget.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
    expect(widget.get(PDFName.of('Subtype'))).toBe(PDFName.of('Widget'));
    expect(widget.lookup(PDFName.of('F'), PDFNumber).asNumber()).toBe(4);
    expect(widget.lookup(PDFName.of('Rect'), PDFArray).asRectangle()).toEqual({
      x: 320,
      y: 120,
      width: 220,
      height: 90,
    });
    const [first, second] = doc.getPages();
    expect(first?.node.Annots()?.size() ?? 0).toBe(0);
    expect(second?.node.Annots()?.get(0)).toBe(fields.get(0) as PDFRef);
    expect(widget.get(PDFName.of('P'))).toBe(second?.ref);
    const appearance = widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'));
    expect(
      appearance &&
        'dict' in appearance &&
        (appearance.dict as PDFDict).lookup(PDFName.of('BBox'), PDFArray).asRectangle(),
    ).toEqual({
      x: 0,
      y: 0,
      width: 220,
      height: 90,
    });
  });

  it('signs content type, message digest and signing-certificate-v2, but no signing time', async () => {
    const { cms } = signatureParts(bytes);
    const signedData = new SignedData({ schema: ContentInfo.fromBER(cms.slice().buffer).content });
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    const signer = signedData.signerInfos[0];
    const attributes = signer?.signedAttrs?.attributes ?? [];
    // contentType, messageDigest, signing-certificate-v2; no signingTime (…9.5).
    expect(attributes.map((a) => a.type)).toEqual([
      '1.2.840.113549.1.9.3',
      '1.2.840.113549.1.9.4',
      '1.2.840.113549.1.9.16.2.47',
    ]);
    // DER orders a SET OF by encoding, for verifiers that re-encode before checking.
    const encoded = attributes.map((a) => Buffer.from(a.toSchema().toBER()).toString('hex'));
    expect(encoded).toEqual([...encoded].sort());
    expect(signer?.digestAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    // ESSCertIDv2's certHash is the SHA-256 of the signer's certificate.
    const ess = signer?.signedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.47')
      ?.values[0];
    const certHash = (ess as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const essCertId = certHash.valueBlock.value[0] as asn1js.Sequence;
    const hash = (essCertId.valueBlock.value[0] as asn1js.OctetString).valueBlock.valueHexView;
    expect(new Uint8Array(hash)).toEqual(
      new Uint8Array(await crypto.subtle.digest('SHA-256', officer.certificateDer)),
    );
    expect(signedData.certificates).toHaveLength(1);
  });

  it('is what verifyPdf reads back: valid, whole document, the officer as signer', async () => {
    const report = await verifyPdf(bytes);
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(1);
    const [sig] = report.signatures;
    expect(sig?.coversWholeDocument).toBe(true);
    expect(sig?.signer?.subject).toEqual({
      CN: OFFICER.name,
      serialNumber: OFFICER.nip,
      O: OFFICER.unit,
      C: 'ID',
    });
    expect(sig?.certified).toBe(false);
    expect(sig?.signedAt).toBe('2026-11-21T14:05:09+08:00');
    expect(sig?.reason).toBe('Daftar periksa berkas perizinan');
  });

  it('takes a non-ASCII signer name and location', async () => {
    const { pdf, box } = await testPdf();
    const out = await signPdf(pdf, box, officer, {
      ...meta('Ni Luh Putu Ayu Wulandari, S.T.'),
      location: 'Kab. Pidie Jaya, Aceh — Meureudu',
    });
    const [sig] = (await verifyPdf(out)).signatures;
    expect(sig?.location).toBe('Kab. Pidie Jaya, Aceh — Meureudu');
    expect(sig?.name).toBe('Ni Luh Putu Ayu Wulandari, S.T.');
  });
});

describe('signPdf with imported PKCS#12 keys', () => {
  const ca = makeCa(dir);

  it.each([
    ['RSA 2048', 'rsa'],
    ['EC P-256', 'ec'],
    ['EC P-384', 'ec384'],
  ] as const)(
    'signs with a self-signed %s key: pdfsig valid, verifyPdf valid and not certified',
    async (keyType, kind) => {
      const own = selfSigned(dir, `p12-${kind}`, kind, '/CN=Budi Śantoso/O=Dinas Uji/C=ID');
      const signer = await importPkcs12(pkcs12(dir, `p12-${kind}`, own), PASSWORD);
      const out = await signed(signer, 'Budi Śantoso');
      expect(pdfsig(dir, `p12-${kind}`, out)).toContain('Signature is Valid.');
      expect(opensslCmsVerify(dir, `p12-${kind}`, out, ['-noverify']).status).toBe(0);
      const report = await verifyPdf(out);
      expect(report.valid).toBe(true);
      expect(report.signatures[0]?.signer?.keyType).toBe(keyType);
      expect(report.signatures[0]?.signer?.subject.CN).toBe('Budi Śantoso');
      expect(report.signatures[0]?.certified).toBe(false);
    },
  );

  it('signs with a CA-issued key, carrying the chain: openssl verifies up to the CA; certified', async () => {
    const leaf = ca.issue('certified', 'rsa', '/CN=Petugas Bersertifikat/O=Dinas Uji/C=ID');
    const signer = await importPkcs12(pkcs12(dir, 'certified', { ...leaf, chain: [ca.cert] }), PASSWORD);
    const out = await signed(signer, 'Petugas Bersertifikat');
    expect(pdfsig(dir, 'certified', out)).toContain('Signature is Valid.');
    const chained = opensslCmsVerify(dir, 'certified', out, ['-CAfile', ca.cert]);
    expect(chained.stderr).toContain('Verification successful');
    // Without the CA as trust anchor the same check fails: the chain really is judged.
    expect(opensslCmsVerify(dir, 'certified-untrusted', out, []).status).not.toBe(0);
    const report = await verifyPdf(out);
    expect(report.valid).toBe(true);
    expect(report.signatures[0]?.certified).toBe(true);
    expect(report.signatures[0]?.signer?.issuer.CN).toBe('Uji CA Pandu Izin');
  });
});

describe('signPdf refuses', () => {
  it('a box on a page the document does not have', async () => {
    const { pdf, box } = await testPdf();
    await expect(signPdf(pdf, { ...box, pageIndex: 2 }, officer, meta())).rejects.toThrow(/page 3.*has 2/);
  });

  it('a signing time without a zone', async () => {
    const { pdf, box } = await testPdf();
    await expect(signPdf(pdf, box, officer, { ...meta(), signedAt: '2026-11-21T14:05:09' })).rejects.toThrow(
      /zone/,
    );
  });

  it('a signature that does not fit the reserved space', async () => {
    const { pdf, box } = await testPdf();
    const chainDer = Array.from({ length: 30 }, () => officer.certificateDer);
    await expect(signPdf(pdf, box, { ...officer, chainDer }, meta())).rejects.toThrow(
      /more than the 8192 reserved/,
    );
  });

  it('to sign a document again, which would break the first signature', async () => {
    const again = await PDFDocument.load(bytes, { updateMetadata: false });
    await expect(
      signPdf(again, { pageIndex: 0, x: 0, y: 0, width: 10, height: 10 }, officer, meta()),
    ).rejects.toThrow(/signed already/);
  });
});
