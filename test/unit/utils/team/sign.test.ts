import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentInfo, SignedData } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../machines';
import { importPkcs12 } from '../../../../utils/pdf/keys';
import { REFUSALS, REPORT_FORMAT, REPORT_LIMITS, reportFileName } from '../../../../utils/team/report';
import { reportFileText, signReport, verifyReport } from '../../../../utils/team/sign';
import { browserTime } from '../../../../utils/time/zoned';
import { makeCa, PASSWORD, pkcs12, run, tempDir } from '../pdf/signing-tools';
import { BUDI, caseRow, entry, payloadOf, reportText, SARI, signerFor } from './fixtures';

const dir = tempDir('pandu-team-');
const WEEK = { from: '2026-11-23', to: '2026-11-29' };

function sariWeek() {
  const cases = [
    caseRow('oss-rba:A-1'),
    caseRow('sicantik:B-2', { slaStatus: 'overdue' }),
    caseRow('oss-rba:C-3'),
  ];
  const events = [
    entry(SARI.nip, 'oss-rba:A-1', '2026-11-23', 'step.complete'),
    entry(SARI.nip, 'oss-rba:A-1', '2026-11-24', 'stage.advance'),
    entry(SARI.nip, 'sicantik:B-2', '2026-11-25', 'evidence.attach'),
    entry(SARI.nip, 'sicantik:B-2', '2026-11-25', 'note.add'),
    // Before the period, and someone else's: neither is in Sari's report.
    entry(SARI.nip, 'oss-rba:C-3', '2026-11-20', 'step.complete'),
    entry(BUDI.nip, 'oss-rba:C-3', '2026-11-24', 'step.complete'),
  ];
  return payloadOf(SARI, WEEK, events, cases);
}

/** The report file with its payload text changed by `change`. */
function tamper(text: string, change: (payload: string) => string): string {
  const file = JSON.parse(text) as { payload: string };
  return JSON.stringify({ ...file, payload: change(file.payload) });
}

describe('building the payload', () => {
  it('keeps the officer’s cases and outputs in the period only, counted by countOutputs', () => {
    const payload = sariWeek();
    expect(payload.cases.map((c) => c.id)).toEqual(['oss-rba:A-1', 'sicantik:B-2']);
    expect(payload.outputs.total).toEqual({ steps: 1, advances: 1, visits: 1 });
    expect(Object.keys(payload.outputs.byDay)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(payload.outputs.byWeek).toEqual({ '2026-11-23': { steps: 1, advances: 1, visits: 1 } });
    expect(payload.officer).toEqual(SARI);
    expect(Object.keys(payload.cases[0] ?? {}).sort()).toEqual(
      [
        'caseRef',
        'dueAt',
        'id',
        'modes',
        'permitType',
        'portal',
        'region',
        'slaStatus',
        'stage',
        'status',
        'updatedAt',
      ].sort(),
    );
  });

  it('names the file by NIP and period', () => {
    expect(reportFileName(SARI.nip, WEEK)).toBe(`laporan-kegiatan-${SARI.nip}-2026-11-23-2026-11-29.json`);
  });
});

describe('sign and verify', () => {
  it('accepts a report signed with a generated key, as uncertified, keyed by the payload hash', async () => {
    const payload = sariWeek();
    const file = await signReport(payload, await signerFor(SARI));
    expect(file.format).toBe(REPORT_FORMAT);
    const outcome = await verifyReport(reportFileText(file));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.report.payload).toEqual(payload);
    expect(outcome.report.id).toBe(await sha256Hex(file.payload));
    expect(outcome.report.certified).toBe(false);
    expect(outcome.report.signer.subject).toMatchObject({ CN: SARI.name, serialNumber: SARI.nip });
    // The bytes as read from disk work as the text does.
    expect((await verifyReport(new TextEncoder().encode(reportFileText(file)))).ok).toBe(true);
  });

  it('openssl cms verifies the detached signature over the payload bytes', async () => {
    const file = await signReport(sariWeek(), await signerFor(SARI));
    writeFileSync(join(dir, 'payload.json'), file.payload);
    writeFileSync(join(dir, 'sig.der'), Buffer.from(file.signature, 'base64'));
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der'), '-noverify'];
    const good = run('openssl', [...args, '-content', join(dir, 'payload.json'), '-out', '/dev/null']);
    expect(good.stderr).toContain('Verification successful');
    writeFileSync(join(dir, 'changed.json'), file.payload.replace('"steps":1', '"steps":7'));
    const bad = run('openssl', [...args, '-content', join(dir, 'changed.json'), '-out', '/dev/null']);
    expect(bad.status).not.toBe(0);
  });

  it('accepts an RSA key from a CA-issued PKCS#12 as certified', async () => {
    const ca = makeCa(dir);
    const leaf = ca.issue('team-rsa', 'rsa', `/CN=${SARI.name}/serialNumber=${SARI.nip}/O=Dinas Uji`);
    const key = await importPkcs12(
      pkcs12(dir, 'team-rsa', { key: leaf.key, cert: leaf.cert, chain: [ca.cert] }),
      PASSWORD,
    );
    const payload = { ...sariWeek(), generatedAt: browserTime(new Date()).timestamp };
    const outcome = await verifyReport(
      await reportText(payload, {
        privateKey: key.privateKey,
        certificateDer: key.certificateDer,
        chainDer: key.chainDer,
      }),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.report.certified).toBe(true);
    expect(outcome.report.signer.keyType).toBe('RSA 2048');
  });
});

describe('refusals', () => {
  async function sariText() {
    return reportText(sariWeek(), await signerFor(SARI));
  }
  const refusedWith = async (input: string | Uint8Array) => {
    const outcome = await verifyReport(input);
    return outcome.ok ? 'accepted' : outcome.reason;
  };

  it('a flipped character in the payload: data changed', async () => {
    const text = await sariText();
    expect(await refusedWith(tamper(text, (p) => p.replace('"steps":1', '"steps":9')))).toBe('data-changed');
    expect(await refusedWith(tamper(text, (p) => p.replace(SARI.name, 'Sari Wulandara')))).toBe(
      'data-changed',
    );
    // Even a change that breaks the payload's JSON is a change first.
    expect(await refusedWith(tamper(text, (p) => p.slice(0, -1)))).toBe('data-changed');
  });

  it('another report’s signature: data changed', async () => {
    const signer = await signerFor(SARI);
    const one = JSON.parse(await reportText(sariWeek(), signer));
    const other = JSON.parse(await reportText({ ...sariWeek(), device: 'dev-2' }, signer));
    expect(await refusedWith(JSON.stringify({ ...one, signature: other.signature }))).toBe('data-changed');
    expect(await refusedWith(JSON.stringify({ ...one, signature: 'not base64!' }))).toBe('data-changed');
  });

  it('malformed JSON, wrong format, missing parts', async () => {
    const text = await sariText();
    expect(await refusedWith(text.slice(0, 40))).toBe('malformed');
    expect(await refusedWith(new Uint8Array([0xff, 0xfe, 0x00]))).toBe('malformed');
    expect(await refusedWith(text.replace(REPORT_FORMAT, 'pandu-izin/activity-report@2'))).toBe(
      'wrong-format',
    );
    expect(await refusedWith('[1,2]')).toBe('wrong-format');
    expect(await refusedWith(JSON.stringify({ format: REPORT_FORMAT, payload: {} }))).toBe('invalid-payload');
  });

  it('a payload signed as is but outside the schema: invalid payload', async () => {
    const signer = await signerFor(SARI);
    const payload = sariWeek();
    const longCase = { ...(payload.cases[0] as (typeof payload.cases)[number]), caseRef: 'x'.repeat(500) };
    expect(await refusedWith(await reportText({ ...payload, cases: [longCase] }, signer))).toBe(
      'invalid-payload',
    );
    expect(
      await refusedWith(
        await reportText({ ...payload, period: { from: '2026-11-29', to: '2026-11-23' } }, signer),
      ),
    ).toBe('invalid-payload');
    expect(
      await refusedWith(
        await reportText({ ...payload, period: { from: '2025-01-01', to: '2026-11-23' } }, signer),
      ),
    ).toBe('invalid-payload');
  });

  it('a NIP other than the certificate’s: identity mismatch', async () => {
    const budiPayload = payloadOf(BUDI, WEEK, [entry(BUDI.nip, 'x:1', '2026-11-24', 'step.complete')], []);
    expect(await refusedWith(await reportText(budiPayload, await signerFor(SARI)))).toBe('identity-mismatch');
  });

  it('a certificate not valid when the report says it was made', async () => {
    const early = { ...sariWeek(), generatedAt: '2026-10-15T09:00:00+07:00' };
    expect(await refusedWith(await reportText(early, await signerFor(SARI)))).toBe('certificate-not-valid');
  });

  it('a signature without the signer’s certificate: no certificate', async () => {
    const file = JSON.parse(await sariText()) as { signature: string };
    const info = ContentInfo.fromBER(Buffer.from(file.signature, 'base64'));
    const signed = new SignedData({ schema: info.content });
    signed.certificates = undefined;
    const stripped = new ContentInfo({
      contentType: ContentInfo.SIGNED_DATA,
      content: signed.toSchema(true),
    });
    const signature = Buffer.from(stripped.toSchema().toBER()).toString('base64');
    expect(await refusedWith(JSON.stringify({ ...file, signature }))).toBe('no-certificate');
  });

  it('too big', async () => {
    const padded = `${await sariText()}${' '.repeat(REPORT_LIMITS.fileBytes)}`;
    expect(await refusedWith(padded)).toBe('too-big');
  });

  it('every reason has words in both languages', () => {
    for (const text of Object.values(REFUSALS)) {
      expect(text.id.length).toBeGreaterThan(10);
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.id).not.toBe(text.en);
    }
  });
});
