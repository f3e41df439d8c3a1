/**
 * A verification report in the officer's words, for the verify page: the verdict and each
 * signature as term/value rows. The facts are the ones `npm run verify-pdf` prints
 * (scripts/lib/pdf-cli.ts, describeReport); the reasons come from VERIFY_PROBLEMS, so the page
 * and the command line never disagree. Pure: no DOM, no Preact.
 */
import type { Language } from '../../utils/i18n';
import { tVerify, type VerifyKey } from '../../utils/i18n/verify';
import { type SignatureReport, VERIFY_PROBLEMS, type VerifyReport } from '../../utils/pdf/verify';

/** Files above this are refused before being read (a checklist is a few hundred KB). */
export const MAX_MEGABYTES = 50;
export const MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;

/** "SAH: …" / "TIDAK SAH: <reason>" in the current language. */
export function verdictText(report: VerifyReport, lang: Language): string {
  if (report.valid) return tVerify(lang, report.payload.found ? 'verify.valid' : 'verify.validNoPayload');
  return tVerify(lang, 'verify.invalid', {
    reason: report.problem ? VERIFY_PROBLEMS[report.problem][lang] : '',
  });
}

/** The certificate's common name, else "(tanpa sertifikat)". */
export function signerName(s: SignatureReport, lang: Language): string {
  return s.signer?.subject.CN ?? tVerify(lang, 'verify.noCertificate');
}

/** Certified (with its issuer), uncertified (self-signed), or unknown without a certificate. */
export function signatureKind(s: SignatureReport, lang: Language): string {
  if (!s.signer) return tVerify(lang, 'verify.kindUnknown');
  if (!s.certified) return tVerify(lang, 'verify.uncertified');
  const issuer = s.signer.issuer.CN ?? s.signer.issuer.O ?? tVerify(lang, 'verify.issuerUnknown');
  return tVerify(lang, 'verify.certified', { issuer });
}

/** /M as written, followed by the same moment in this browser's time zone. */
export function signedAtText(signedAt: string | undefined, lang: Language): string {
  if (signedAt === undefined) return tVerify(lang, 'verify.noTime');
  const time = Date.parse(signedAt);
  if (Number.isNaN(time)) return signedAt;
  const local = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'long',
  }).format(time);
  return tVerify(lang, 'verify.signedAtValue', { written: signedAt, local });
}

/** A size in megabytes, one decimal, in the language's number format. */
export function megabytes(bytes: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
}

/** One row of a signature's description list. */
export interface FactRow {
  /** Stable name of the row (also `data-row` in the page). */
  key: string;
  term: string;
  /** The text, or for a yes/no row the answer. */
  value: string;
  /** Set on yes/no rows: whether the answer is the good one. */
  ok?: boolean;
  /** Shown in a monospace face (fingerprints). */
  code?: boolean;
}

/** Everything the page says about one signature, in order. */
export function signatureFacts(s: SignatureReport, lang: Language): FactRow[] {
  const w = (key: VerifyKey) => tVerify(lang, key);
  const yesNo = (key: string, term: VerifyKey, ok: boolean): FactRow => ({
    key,
    term: w(term),
    value: w(ok ? 'verify.yes' : 'verify.no'),
    ok,
  });
  const subject = s.signer?.subject;
  const rows: FactRow[] = [{ key: 'signer', term: w('verify.signer'), value: signerName(s, lang) }];
  if (subject?.serialNumber) rows.push({ key: 'nip', term: w('verify.nip'), value: subject.serialNumber });
  if (subject?.O) rows.push({ key: 'unit', term: w('verify.unit'), value: subject.O });
  rows.push({ key: 'signedAt', term: w('verify.signedAt'), value: signedAtText(s.signedAt, lang) });
  if (s.reason) rows.push({ key: 'reason', term: w('verify.reason'), value: s.reason });
  if (s.location) rows.push({ key: 'location', term: w('verify.location'), value: s.location });
  rows.push(
    { key: 'kind', term: w('verify.kind'), value: signatureKind(s, lang) },
    yesNo('digestMatches', 'verify.digestMatches', s.digestMatches),
    yesNo('signatureValid', 'verify.signatureValid', s.signatureValid),
    yesNo('certificateValidAtSigning', 'verify.certificateValid', s.certificateValidAtSigning),
    yesNo('coversWholeDocument', 'verify.coversWhole', s.coversWholeDocument),
  );
  if (s.signer)
    rows.push({ key: 'fingerprint', term: w('verify.fingerprint'), value: s.signer.sha256, code: true });
  return rows;
}
