/**
 * Matching the documents a portal page lists to the case's checklist items, as suggestions
 * the officer confirms (never ticked silently). Pure and small: it runs in the content script.
 *
 * Portal names and catalog labels say the same thing in different words ("KTP Elektronik" /
 * "e-KTP", "NPWP Badan Usaha" / "NPWP", "Ijazah Dokter (legalisir)" / "Ijazah yang
 * dilegalisasi"), and SIMBG adds the file name ("KTP Pemilik: ktp_pemilik.pdf"). So both sides
 * are normalised, cut into words, stripped of stop-words and file extensions, and compared by
 * weighted word overlap: words every document has ("surat", "gambar", "bukti") count less than
 * words that name a document ("KTP", "NPWP", "denah").
 */
import type { LocalizedText } from '../../machines';

export interface SuggestableItem {
  id: string;
  label: LocalizedText;
  status: 'pending' | 'ticked' | 'missing';
}

export interface DocumentSuggestion {
  itemId: string;
  /** The document name exactly as the portal lists it (untrusted: render as text). */
  document: string;
  /** 0..1, higher is closer. */
  score: number;
}

/** Below this a pair is not worth the officer's attention. */
export const MIN_SCORE = 0.5;

// Function words and file-name noise (Indonesian first, then English for the labels' `en`).
const STOP_WORDS = new Set([
  'dan',
  'atau',
  'dari',
  'di',
  'ke',
  'yang',
  'untuk',
  'dengan',
  'beserta',
  'serta',
  'pada',
  'oleh',
  'sesuai',
  'dalam',
  'tentang',
  'atas',
  'bagi',
  'nya',
  'no',
  'nomor',
  'the',
  'of',
  'and',
  'or',
  'for',
  'pdf',
  'jpg',
  'jpeg',
  'png',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'zip',
  'kml',
  'kmz',
  'shp',
]);

// Words that head many document names: a match on them alone says little (judgement).
const GENERIC = new Set([
  'surat',
  'dokumen',
  'berkas',
  'bukti',
  'data',
  'gambar',
  'formulir',
  'laporan',
  'persetujuan',
  'pernyataan',
  'keterangan',
  'rekomendasi',
  'izin',
  'hasil',
  'skala',
  'pemohon',
  'pemilik',
  'usaha',
  'badan',
  'teknis',
]);

// One spelling for words portals and the catalog write differently (judgement: seen in use).
const SAME_WORD: Record<string, string> = {
  ektp: 'ktp',
  pkkpr: 'kkpr',
  legalisir: 'legalisasi',
  dilegalisir: 'legalisasi',
  dilegalisasi: 'legalisasi',
  pondasi: 'fondasi',
  npwpd: 'npwp',
  asbuilt: 'terbangun',
};

const GENERIC_WEIGHT = 0.4;
/** Matched words must weigh at least this: one naming word, or three generic ones. */
const MIN_MATCHED_WEIGHT = 1;

/** Lower case, no accents, file extensions and punctuation turned into spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\be-(?=ktp\b)/g, 'e')
    .replace(/\bas-built\b/g, 'asbuilt')
    .replace(/\.(pdf|jpe?g|png|docx?|xlsx?|zip|km[lz]|shp)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct meaningful words of a name, in one spelling. */
export function tokenise(text: string): string[] {
  const words = new Set<string>();
  for (const raw of normaliseText(text).split(' ')) {
    let word = raw.length > 5 && raw.endsWith('nya') ? raw.slice(0, -3) : raw;
    word = SAME_WORD[word] ?? word;
    // Single letters and long numbers (case ids in file names) carry nothing.
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d{5,}$/.test(word)) continue;
    words.add(word);
  }
  return [...words];
}

const weightOf = (word: string) => (GENERIC.has(word) ? GENERIC_WEIGHT : 1);
const weightSum = (words: Iterable<string>) => {
  let sum = 0;
  for (const w of words) sum += weightOf(w);
  return sum;
};

/**
 * How closely two word sets agree: the mean of their weighted Dice overlap and how much of the
 * smaller one the other contains (so "NIB" still finds "Nomor Induk Berusaha (NIB)").
 * Zero when the shared words are too weak to mean anything.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const inB = new Set(b);
  const shared = a.filter((w) => inB.has(w));
  const matched = weightSum(shared);
  if (matched < MIN_MATCHED_WEIGHT) return 0;
  const wa = weightSum(a);
  const wb = weightSum(b);
  const dice = (2 * matched) / (wa + wb);
  const containment = matched / Math.min(wa, wb);
  return (dice + containment) / 2;
}

/**
 * For each pending checklist item, the portal document that matches it best, if any matches
 * well enough. Each item and each document is used at most once (the closest pairs first), so
 * one upload is never offered for two items. Items are compared in both languages' labels.
 */
export function suggestDocuments(
  documents: readonly string[],
  items: readonly SuggestableItem[],
): DocumentSuggestion[] {
  const docs = [...new Set(documents)]
    .map((name) => ({ name, words: tokenise(name) }))
    .filter((d) => d.words.length > 0);
  const pairs: DocumentSuggestion[] = [];
  for (const item of items) {
    if (item.status !== 'pending') continue;
    const labels = [tokenise(item.label.id), tokenise(item.label.en)];
    for (const doc of docs) {
      const score = Math.max(...labels.map((words) => similarity(words, doc.words)));
      if (score >= MIN_SCORE) pairs.push({ itemId: item.id, document: doc.name, score });
    }
  }
  // Closest first; ties keep page and checklist order (the sort is stable).
  pairs.sort((x, y) => y.score - x.score);
  const usedItems = new Set<string>();
  const usedDocs = new Set<string>();
  const chosen: DocumentSuggestion[] = [];
  for (const pair of pairs) {
    if (usedItems.has(pair.itemId) || usedDocs.has(pair.document)) continue;
    usedItems.add(pair.itemId);
    usedDocs.add(pair.document);
    chosen.push({ ...pair, score: Math.round(pair.score * 100) / 100 });
  }
  const order = new Map(items.map((item, i) => [item.id, i]));
  return chosen.sort((x, y) => (order.get(x.itemId) ?? 0) - (order.get(y.itemId) ?? 0));
}
