/**
 * Lays out a case's checklist as an A4 PDF ready to sign: header, the checklist table, field
 * evidence, the officer, a plain statement of what the signature is, a vector QR code with the
 * verification payload, the canonical content attached as checklist.json, and on the last page
 * the visible signature box the signer puts its widget over.
 *
 * Pure: fonts arrive as bytes and nothing here touches Node or the DOM, so the side panel and
 * the CLI print the same document. The PDF is returned unsaved: the signer saves it once, with
 * the signature dictionary in place.
 *
 * The page geometry, Face (a measured font) and Flow (pages and the next line's position) are
 * exported for other documents set the same way (utils/pdf/report.ts).
 */
import fontkit from '@pdf-lib/fontkit';
import { type Color, PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import {
  formatDate,
  formatTimestamp,
  type LabelKey,
  label,
  resultLabel,
  roleLabel,
  statusLabel,
} from './labels';
import { CONTENT_FILE, verificationPayload } from './payload';
import { qrPath } from './qr';
import { ellipsize, wrapText, wrapTokens } from './text';
import type {
  ChecklistDocument,
  ChecklistItem,
  EvidenceEntry,
  Officer,
  PdfFonts,
  SignatureBox,
  SignatureStatement,
} from './types';

type Lang = ChecklistDocument['language'];

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 40;
export const WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const TOP = PAGE_HEIGHT - MARGIN;
/** Content stops here; the page footer sits below, inside the bottom margin. */
export const BOTTOM = MARGIN + 6;
export const FOOTER_Y = 24;

export const INK = rgb(0, 0, 0);
export const MUTED = rgb(0.33, 0.33, 0.33);
export const RULE = rgb(0.65, 0.65, 0.65);
export const SHADE = rgb(0.9, 0.9, 0.9);

export const SIGNATURE_WIDTH = 220;
export const SIGNATURE_HEIGHT = 70;
const QR_SIZE = 88;
const THUMB_MAX = 110;

/** Table columns: No, requirement, step, status, note (the note takes what is left). */
const COLUMNS = [22, 196, 104, 84, WIDTH - 406];
export const CELL_PAD = 3;

/**
 * OpenType features fontkit would apply on every measure and draw. pdf-lib ignores the glyph
 * positions they compute (kerning, mark placement) and ligatures only make copied text harder
 * to search, so they cost time for nothing: with them off, a string is one glyph per character.
 */
export const NO_SHAPING = Object.fromEntries(
  ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk']
    .concat(['calt', 'clig', 'liga', 'rclt', 'curs', 'kern'])
    .map((tag) => [tag, false]),
);

/** A font measured character by character, and a guard for characters it has no glyph for. */
export class Face {
  /** Advance width of each character at size 1. */
  private readonly advances = new Map<string, number>();
  private readonly glyphs: Set<number>;

  constructor(readonly font: PDFFont) {
    this.glyphs = new Set(font.getCharacterSet());
  }

  width(text: string, size: number): number {
    let total = 0;
    for (const char of text) {
      let advance = this.advances.get(char);
      if (advance === undefined) {
        advance = this.font.widthOfTextAtSize(char, 1);
        this.advances.set(char, advance);
      }
      total += advance;
    }
    return total * size;
  }

  /**
   * Composed characters (one glyph for "é", not "e" plus an accent placed by shaping), and "?"
   * for what the font cannot show: officers type notes freely, emoji and other scripts included.
   */
  clean(text: string): string {
    let out = '';
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0) ?? 0;
      out += code < 0x20 || this.glyphs.has(code) ? char : '?';
    }
    return out;
  }

  lines(text: string, size: number, width: number): string[] {
    return wrapText(this.clean(text), width, (s) => this.width(s, size));
  }

  /** The text on one line, cut short with "…" where it would overrun `width`. */
  line(text: string, size: number, width: number): string {
    const flat = this.clean(text).replace(/\s+/g, ' ').trim();
    return ellipsize(flat, width, (s) => this.width(s, size));
  }
}

export interface Style {
  face: Face;
  size: number;
  lineHeight: number;
  color?: Color;
}

/** Pages and the vertical position of the next line; opens pages as content needs them. */
export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly running: { text: string; style: Style },
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = TOP;
    if (this.pages.length > 1) {
      // Loose pages of a printout still say which case they belong to.
      this.line(this.running.text, MARGIN, this.running.style);
      this.y -= 6;
    }
  }

  room(): number {
    return this.y - BOTTOM;
  }

  /** Moves to a new page unless `height` still fits on this one; says whether it moved. */
  ensure(height: number): boolean {
    if (height <= this.room()) return false;
    this.newPage();
    return true;
  }

  /** Draws one line at the current position and moves below it. */
  line(text: string, x: number, style: Style): void {
    this.draw(text, x, this.y, style);
    this.y -= style.lineHeight;
  }

  /** Draws one line whose top is at `top` (the baseline sits one font size lower). */
  draw(text: string, x: number, top: number, style: Style): void {
    if (!text) return;
    this.page.drawText(text, {
      x,
      y: top - style.size,
      size: style.size,
      font: style.face.font,
      color: style.color ?? INK,
    });
  }

  rule(y: number, thickness = 0.5): void {
    this.page.drawLine({
      start: { x: MARGIN, y },
      end: { x: MARGIN + WIDTH, y },
      thickness,
      color: RULE,
    });
  }
}

export interface LaidOutChecklist {
  pdf: PDFDocument;
  signatureBox: SignatureBox;
  /** The QR text: case number and the content's SHA-256. */
  payload: string;
  /** SHA-256 (hex) of the attached checklist.json. */
  contentSha256: string;
}

export async function layoutChecklist(doc: ChecklistDocument, fonts: PdfFonts): Promise<LaidOutChecklist> {
  const signedAt = new Date(doc.signature.signedAt);
  if (Number.isNaN(signedAt.getTime())) {
    throw new Error(`signature.signedAt is not a timestamp: ${doc.signature.signedAt}`);
  }
  const { content, sha256, payload } = await verificationPayload(doc);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(fonts.regular, { subset: true, features: NO_SHAPING }),
    pdf.embedFont(fonts.bold, { subset: true, features: NO_SHAPING }),
  ]);
  const writer = new ChecklistWriter(pdf, doc, new Face(regular), new Face(bold));
  writer.header();
  writer.table();
  writer.summary();
  if (doc.evidence.length > 0) await writer.evidence();
  const signatureBox = writer.closing(payload);
  writer.footers();
  await describeDocument(pdf, doc, { content, payload, signedAt });
  return { pdf, signatureBox, payload, contentSha256: sha256 };
}

/** Metadata, language and the attached content: what a verifier reads without the page. */
async function describeDocument(
  pdf: PDFDocument,
  doc: ChecklistDocument,
  { content, payload, signedAt }: { content: string; payload: string; signedAt: Date },
): Promise<void> {
  const title = `${label(doc.language, 'title')} ${doc.caseRef}`;
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.officer.name);
  pdf.setSubject(
    `${doc.permit.name}; ${label(doc.language, 'stageValue', stageParams(doc))}; ${doc.region.name}`,
  );
  // The payload is one whitespace-free keyword, so a verifier can read it without the QR.
  pdf.setKeywords([payload, doc.caseRef, doc.permit.id]);
  pdf.setCreator('Pandu Izin');
  pdf.setProducer('Pandu Izin (pdf-lib)');
  pdf.setCreationDate(signedAt);
  pdf.setModificationDate(signedAt);
  pdf.setLanguage(doc.language === 'id' ? 'id-ID' : 'en-US');
  await pdf.attach(new TextEncoder().encode(content), CONTENT_FILE, {
    mimeType: 'application/json',
    description: `${title} (${payload})`,
    creationDate: signedAt,
    modificationDate: signedAt,
  });
}

const stageParams = (doc: ChecklistDocument) => ({
  index: doc.stage.index + 1,
  count: doc.stage.count,
  name: doc.stage.name,
});

/**
 * What every signed document here shares, whatever its body: the flow of pages, the body
 * styles, headings, label/value pairs, the officer's rows, what the signature means, the
 * visible signature box and the page footers. The checklist and the dashboard's report
 * (report.ts) extend it.
 */
export abstract class PageWriter {
  protected readonly flow: Flow;
  protected readonly body: Style;
  protected readonly bodyBold: Style;
  protected readonly small: Style;

  constructor(
    pdf: PDFDocument,
    protected readonly lang: Lang,
    protected readonly regular: Face,
    protected readonly bold: Face,
    running: string,
  ) {
    this.body = { face: regular, size: 9, lineHeight: 12 };
    this.bodyBold = { face: bold, size: 9, lineHeight: 12 };
    this.small = { face: regular, size: 7.5, lineHeight: 9.5, color: MUTED };
    this.flow = new Flow(pdf, { text: regular.clean(running), style: this.small });
  }

  protected t(key: LabelKey, params?: Record<string, string | number>): string {
    return label(this.lang, key, params);
  }

  protected heading(text: string, size: number, gapAbove: number): void {
    const style: Style = { face: this.bold, size, lineHeight: size * 1.35 };
    const lines = this.bold.lines(text, size, WIDTH);
    // Keep a heading with at least a few lines of what follows it.
    if (!this.flow.ensure(gapAbove + lines.length * style.lineHeight + 40)) this.flow.y -= gapAbove;
    for (const line of lines) this.flow.line(line, MARGIN, style);
  }

  /** Label / value pairs, the value wrapped beside its label; a pair is never split. */
  protected pairs(rows: [string, string][], x = MARGIN, width = WIDTH, labelWidth = 112): void {
    const valueWidth = width - labelWidth;
    for (const [key, value] of rows) {
      const keyLines = this.bold.lines(key, this.body.size, labelWidth - 8);
      const valueLines = this.regular.lines(value, this.body.size, valueWidth);
      const count = Math.max(keyLines.length, valueLines.length, 1);
      this.flow.ensure(count * this.body.lineHeight);
      const top = this.flow.y;
      keyLines.forEach((line, i) => {
        this.flow.draw(line, x, top - i * this.body.lineHeight, this.bodyBold);
      });
      valueLines.forEach((line, i) => {
        this.flow.draw(line, x + labelWidth, top - i * this.body.lineHeight, this.body);
      });
      this.flow.y = top - count * this.body.lineHeight;
    }
  }

  /** The signing officer as label / value rows. */
  protected officerRows(officer: Officer): [string, string][] {
    return [
      [this.t('officerName'), officer.name],
      [this.t('nip'), officer.nip || '—'],
      [this.t('role'), roleLabel(this.lang, officer.role)],
      [this.t('unit'), officer.unit || '—'],
    ];
  }

  /** What the signature is and is not, in plain words, wrapped to the page. */
  protected statementLines(sig: SignatureStatement): string[] {
    return [
      ...this.regular.lines(
        sig.kind === 'certified'
          ? this.t('certifiedStatement', { issuer: sig.issuer ?? this.t('issuerUnknown') })
          : this.t('uncertifiedStatement'),
        8,
        WIDTH,
      ),
      ...this.regular.lines(this.t('changeWarning'), 8, WIDTH),
    ];
  }

  /** The box where the signature sits on the last page, from the current line down. */
  protected signatureBoxAt(top: number): SignatureBox {
    return {
      pageIndex: this.flow.pages.length - 1,
      x: MARGIN + WIDTH - SIGNATURE_WIDTH,
      y: top - SIGNATURE_HEIGHT,
      width: SIGNATURE_WIDTH,
      height: SIGNATURE_HEIGHT,
    };
  }

  /** What a reader sees where the signature sits, drawn as page content the widget covers. */
  protected signatureAppearance(box: SignatureBox, sig: SignatureStatement): void {
    const { flow } = this;
    flow.page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.6 });
    const inner = box.width - 12;
    const small: Style = { face: this.regular, size: 7, lineHeight: 9, color: MUTED };
    const name: Style = { face: this.bold, size: 8.5, lineHeight: 11 };
    const text: Style = { face: this.regular, size: 7.5, lineHeight: 9.5 };
    const status =
      sig.kind === 'certified'
        ? this.t('certified', { issuer: sig.issuer ?? this.t('issuerUnknown') })
        : this.t('uncertified');
    const statusLines = this.regular.lines(status, text.size, inner);
    const lines: [string, Style][] = [
      [this.regular.line(this.t('signedBy'), small.size, inner), small],
      [this.bold.line(sig.signerName, name.size, inner), name],
      [this.regular.line(formatTimestamp(this.lang, sig.signedAt), text.size, inner), text],
      [statusLines[0] ?? '', text],
    ];
    // Two lines hold any issuer's name; a longer one ends in "…".
    if (statusLines.length > 1)
      lines.push([this.regular.line(statusLines.slice(1).join(' '), text.size, inner), text]);
    let y = box.y + box.height - 6;
    for (const [line, style] of lines) {
      flow.draw(line, box.x + 6, y, style);
      y -= style.lineHeight;
    }
  }

  /** "Pandu Izin · <what>" and "Halaman i dari n" on every page, once the page count is known. */
  protected drawFooters(what: string): void {
    const pages = this.flow.pages;
    const { size } = this.small;
    const left = this.regular.line(`Pandu Izin · ${what}`, size, WIDTH / 2);
    pages.forEach((page, i) => {
      const number = this.t('page', { page: i + 1, pages: pages.length });
      const x = MARGIN + WIDTH - this.regular.width(number, size);
      for (const [text, at] of [
        [left, MARGIN],
        [number, x],
      ] as const) {
        page.drawText(text, { x: at, y: FOOTER_Y, size, font: this.regular.font, color: MUTED });
      }
    });
  }
}

/** The document's sections, drawn in order onto a Flow. */
class ChecklistWriter extends PageWriter {
  private readonly cell: Style;
  private readonly cellBold: Style;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly doc: ChecklistDocument,
    regular: Face,
    bold: Face,
  ) {
    const running = label(doc.language, 'continued', {
      title: label(doc.language, 'title'),
      caseRef: doc.caseRef,
    });
    super(pdf, doc.language, regular, bold, running);
    this.cell = { face: regular, size: 8.5, lineHeight: 10.5 };
    this.cellBold = { face: bold, size: 8.5, lineHeight: 10.5 };
  }

  header(): void {
    const { doc, flow } = this;
    for (const line of this.bold.lines(doc.agency, 10.5, WIDTH)) {
      flow.line(line, MARGIN, { face: this.bold, size: 10.5, lineHeight: 13.5 });
    }
    for (const line of this.regular.lines(doc.unit, 9.5, WIDTH)) {
      flow.line(line, MARGIN, { face: this.regular, size: 9.5, lineHeight: 12.5 });
    }
    flow.y -= 4;
    flow.rule(flow.y, 0.8);
    flow.y -= 10;
    this.heading(this.t('title'), 16, 0);
    flow.y -= 4;
    const rows: [string, string][] = [
      [this.t('caseRef'), doc.caseRef],
      [this.t('permit'), doc.permit.name],
    ];
    if (doc.applicant) rows.push([this.t('applicant'), doc.applicant]);
    rows.push(
      [this.t('region'), doc.region.name],
      [this.t('stage'), this.t('stageValue', stageParams(doc))],
      [this.t('date'), formatDate(this.lang, doc.date)],
      [this.t('portal'), doc.portal],
    );
    this.pairs(rows);
    flow.y -= 12;
  }

  private tableHeader(): void {
    const { flow } = this;
    const titles = [
      this.t('colNo'),
      this.t('colItem'),
      this.t('colStep'),
      this.t('colStatus'),
      this.t('colNote'),
    ];
    const style: Style = { face: this.bold, size: 8, lineHeight: 10 };
    const cells = titles.map((title, i) =>
      this.bold.lines(title, style.size, (COLUMNS[i] ?? 0) - 2 * CELL_PAD),
    );
    const height = Math.max(...cells.map((c) => c.length)) * style.lineHeight + 2 * CELL_PAD;
    flow.page.drawRectangle({ x: MARGIN, y: flow.y - height, width: WIDTH, height, color: SHADE });
    this.drawCells(
      cells.map((lines) => ({ lines, style })),
      flow.y - CELL_PAD,
    );
    flow.y -= height;
    flow.rule(flow.y);
  }

  private drawCells(cells: { lines: string[]; style: Style }[], top: number): void {
    let x = MARGIN;
    cells.forEach(({ lines, style }, i) => {
      lines.forEach((line, n) => {
        this.flow.draw(line, x + CELL_PAD, top - n * style.lineHeight, style);
      });
      x += COLUMNS[i] ?? 0;
    });
  }

  private rowCells(item: ChecklistItem, index: number): string[][] {
    const marker = this.t(item.mandatory ? 'mandatory' : 'conditional');
    const texts = [
      String(index + 1),
      `${item.label} ${marker}`,
      item.step,
      statusLabel(this.lang, item.status),
      item.note ?? '',
    ];
    return texts.map((text, i) => {
      const face = i === 3 && item.status === 'missing' ? this.bold : this.regular;
      return face.lines(text, this.cell.size, (COLUMNS[i] ?? 0) - 2 * CELL_PAD);
    });
  }

  /**
   * The checklist table. A row that does not fit moves to the next page whole; only a row taller
   * than a page (a very long note) is split. Every page the table reaches starts with its header.
   */
  table(): void {
    const { flow } = this;
    const lh = this.cell.lineHeight;
    const capacity = this.linesPerFreshPage();
    flow.ensure(60);
    this.tableHeader();
    /** No row on this page yet: moving on would gain nothing, so what does not fit is split. */
    let fresh = true;
    this.doc.items.forEach((item, index) => {
      const cells = this.rowCells(item, index);
      const styles = cells.map((_, i) => (i === 3 && item.status === 'missing' ? this.cellBold : this.cell));
      const total = Math.max(...cells.map((c) => c.length), 1);
      let from = 0;
      while (from < total) {
        const rest = total - from;
        const fits = Math.floor((flow.room() - 2 * CELL_PAD) / lh);
        if (fits < rest && !fresh && ((from === 0 && rest <= capacity) || fits < 2)) {
          this.continueTable();
          fresh = true;
          continue;
        }
        const count = Math.max(1, Math.min(fits, rest));
        this.drawCells(
          cells.map((lines, i) => ({
            lines: lines.slice(from, from + count),
            style: styles[i] ?? this.cell,
          })),
          flow.y - CELL_PAD,
        );
        flow.y -= count * lh + 2 * CELL_PAD;
        flow.rule(flow.y, 0.3);
        fresh = false;
        from += count;
        if (from < total) {
          this.continueTable();
          fresh = true;
        }
      }
    });
  }

  private continueTable(): void {
    this.flow.newPage();
    this.tableHeader();
  }

  /** Table lines that fit under the running header and table header of a new page. */
  private linesPerFreshPage(): number {
    const headerHeight = 10 + 2 * CELL_PAD;
    const runningHeader = this.small.lineHeight + 6;
    return Math.floor((TOP - runningHeader - headerHeight - BOTTOM - 2 * CELL_PAD) / this.cell.lineHeight);
  }

  summary(): void {
    const count = (status: ChecklistItem['status']) =>
      this.doc.items.filter((i) => i.status === status).length;
    const mandatoryOpen = this.doc.items.filter(
      (i) => i.mandatory && (i.status === 'missing' || i.status === 'pending'),
    ).length;
    this.flow.y -= 8;
    this.pairs([
      [
        this.t('summary'),
        this.t('summaryValue', {
          present: count('present'),
          missing: count('missing'),
          notApplicable: count('not-applicable'),
          pending: count('pending'),
          mandatoryOpen,
        }),
      ],
    ]);
  }

  async evidence(): Promise<void> {
    this.heading(this.t('evidence'), 11.5, 16);
    for (const entry of this.doc.evidence) {
      this.heading(entry.stepName, 9.5, 8);
      this.pairs(this.evidenceRows(entry));
      await this.thumbnails(entry);
    }
  }

  private evidenceRows(entry: EvidenceEntry): [string, string][] {
    const pos = entry.position;
    const where = pos
      ? `${pos.lat.toFixed(6)}, ${pos.lon.toFixed(6)} (${[
          pos.accuracyM === undefined ? '' : `± ${Math.round(pos.accuracyM)} m`,
          this.t(pos.source === 'gps' ? 'sourceGps' : 'sourceManual'),
        ]
          .filter(Boolean)
          .join(', ')})`
      : this.t('positionNone');
    const rows: [string, string][] = [
      [this.t('evidenceTime'), formatTimestamp(this.lang, entry.capturedAt)],
      [this.t('evidencePosition'), where],
      [this.t('evidenceResult'), resultLabel(this.lang, entry.result)],
      [this.t('inspectors'), entry.inspectors.join(', ')],
    ];
    if (entry.notes) rows.push([this.t('notes'), entry.notes]);
    if (entry.bapRef) rows.push([this.t('bap'), entry.bapRef]);
    rows.push([
      this.t('photos'),
      entry.photos.length ? entry.photos.map((p) => shortHash(p.sha256)).join(', ') : this.t('photosNone'),
    ]);
    return rows;
  }

  /** Small previews in rows, each captioned with its photo's short hash. */
  private async thumbnails(entry: EvidenceEntry): Promise<void> {
    const { flow } = this;
    const captionHeight = this.small.lineHeight + 2;
    let x = MARGIN;
    let rowHeight = 0;
    for (const photo of entry.photos) {
      if (!photo.thumbnailJpeg) continue;
      const image = await this.embedThumbnail(photo.thumbnailJpeg);
      const scale = image ? Math.min(THUMB_MAX / image.width, THUMB_MAX / image.height, 1) : 1;
      const width = image ? image.width * scale : THUMB_MAX;
      const height = image ? image.height * scale : this.small.lineHeight;
      const caption = shortHash(photo.sha256);
      const slot = Math.max(width, this.regular.width(caption, this.small.size));
      if (x > MARGIN && x + slot > MARGIN + WIDTH) {
        flow.y -= rowHeight + 6;
        x = MARGIN;
        rowHeight = 0;
      }
      if (x === MARGIN) {
        flow.y -= 4;
        flow.ensure(THUMB_MAX + captionHeight);
      }
      if (image) flow.page.drawImage(image, { x, y: flow.y - height, width, height });
      else flow.draw(this.t('thumbnailUnreadable'), x, flow.y, this.small);
      flow.draw(caption, x, flow.y - height - 2, this.small);
      rowHeight = Math.max(rowHeight, height + captionHeight);
      x += slot + 12;
    }
    flow.y -= rowHeight;
  }

  /** A damaged preview must not stop the checklist being signed: its hash is still printed. */
  private async embedThumbnail(bytes: Uint8Array): Promise<PDFImage | undefined> {
    try {
      return await this.pdf.embedJpg(bytes);
    } catch {
      return undefined;
    }
  }

  /**
   * Officer, signature box, the statement of what the signature is, and the QR code: kept
   * together on one page, which is therefore the last page and the one the signer marks.
   */
  closing(payload: string): SignatureBox {
    const { flow, doc } = this;
    const sig = doc.signature;
    const leftWidth = WIDTH - SIGNATURE_WIDTH - 16;
    const officerRows = this.officerRows(doc.officer);
    const officerLines = officerRows.reduce(
      (n, [, value]) => n + Math.max(1, this.regular.lines(value, this.body.size, leftWidth - 80).length),
      0,
    );
    const statement = this.statementLines(sig);
    const verifyWidth = WIDTH - QR_SIZE - 16;
    const verify = this.regular.lines(this.t('verifyText', { file: CONTENT_FILE }), 8, verifyWidth);
    const payloadStyle: Style = { face: this.regular, size: 6.5, lineHeight: 8, color: MUTED };
    const payloadLines = wrapTokens(payload.split(/(?<=;)/), '', WIDTH, (s) => this.regular.width(s, 6.5));
    const officerHeight = Math.max(14 + officerLines * this.body.lineHeight, SIGNATURE_HEIGHT);
    const statementHeight = 16 + statement.length * 10;
    const verifyHeight = Math.max(QR_SIZE, 14 + verify.length * 10) + 8 + payloadLines.length * 8;
    flow.ensure(16 + officerHeight + 12 + statementHeight + 12 + verifyHeight);
    flow.y -= 16;

    const top = flow.y;
    const box = this.signatureBoxAt(top);
    this.signatureAppearance(box, sig);
    flow.line(this.t('officer'), MARGIN, { face: this.bold, size: 10, lineHeight: 14 });
    this.pairs(officerRows, MARGIN, leftWidth, 80);
    flow.y = Math.min(flow.y, top - officerHeight) - 12;

    flow.line(this.t('signatureHeading'), MARGIN, { face: this.bold, size: 10, lineHeight: 14 });
    const statementStyle: Style = { face: this.regular, size: 8, lineHeight: 10 };
    for (const line of statement) flow.line(line, MARGIN, statementStyle);
    flow.y -= 12;

    const qrTop = flow.y;
    this.drawQr(payload, MARGIN, qrTop);
    const textX = MARGIN + QR_SIZE + 16;
    flow.draw(this.t('verifyHeading'), textX, qrTop, { face: this.bold, size: 9, lineHeight: 12 });
    verify.forEach((line, i) => {
      flow.draw(line, textX, qrTop - 14 - i * 10, statementStyle);
    });
    flow.y = qrTop - Math.max(QR_SIZE, 14 + verify.length * 10) - 8;
    for (const line of payloadLines) flow.line(line, MARGIN, payloadStyle);
    return box;
  }

  /** The payload as a QR code with its top-left corner at (x, top). */
  private drawQr(payload: string, x: number, top: number): void {
    const { size, path } = qrPath(payload);
    // drawSvgPath flips the y axis: the path's origin is the given point, y growing downwards.
    this.flow.page.drawSvgPath(path, { x, y: top, scale: QR_SIZE / size, color: INK });
  }

  /** "Halaman i dari n" on every page, once the page count is known. */
  footers(): void {
    this.drawFooters(this.doc.caseRef);
  }
}

const shortHash = (sha256: string) => `${sha256.slice(0, 16)}…`;
