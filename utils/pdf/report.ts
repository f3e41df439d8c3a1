/**
 * A signed summary report (the supervisor dashboard's PDF): a title, label/value facts, then
 * sections of tables, and on the last page the officer and the visible signature box. Set
 * like the checklist (utils/pdf/layout.ts: same page, fonts, Face and Flow) and signed the
 * same way (sign.ts, PAdES B-B). Every text arrives in the document's language already: this
 * module only lays out, so any other summary (an activity map, a team report) can use it.
 *
 * Pure: fonts arrive as bytes; nothing here touches Node or the DOM.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import {
  CELL_PAD,
  Face,
  MARGIN,
  NO_SHAPING,
  PageWriter,
  SHADE,
  SIGNATURE_HEIGHT,
  SIGNATURE_WIDTH,
  type Style,
  WIDTH,
} from './layout';
import { sha256Hex } from './payload';
import { signPdf } from './sign';
import type { Officer, PdfFonts, SignatureBox, SignatureStatement, Signer } from './types';

export interface ReportTable {
  /** Column titles and their share of the page width (shares are normalised). */
  columns: { title: string; share: number; align?: 'right' }[];
  rows: string[][];
  /** A last row set in bold (totals). */
  footer?: string[];
}

export interface ReportSection {
  heading: string;
  /** A short paragraph under the heading. */
  note?: string;
  table?: ReportTable;
}

export interface ReportDocument {
  language: 'id' | 'en';
  title: string;
  /** Printed above the title (e.g. the officer's work unit). */
  agency: string;
  /** Label/value facts under the title: date, filters, counts. */
  facts: [string, string][];
  sections: ReportSection[];
  officer: Officer;
  /** Short text for the page footer and the running header, e.g. "Laporan dasbor 2026-11-29". */
  running: string;
  signature: SignatureStatement;
  /** /Reason of the signature. */
  reason: string;
}

export interface LaidOutReport {
  pdf: PDFDocument;
  signatureBox: SignatureBox;
}

export async function layoutReport(doc: ReportDocument, fonts: PdfFonts): Promise<LaidOutReport> {
  const signedAt = new Date(doc.signature.signedAt);
  if (Number.isNaN(signedAt.getTime())) {
    throw new Error(`signature.signedAt is not a timestamp: ${doc.signature.signedAt}`);
  }
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(fonts.regular, { subset: true, features: NO_SHAPING }),
    pdf.embedFont(fonts.bold, { subset: true, features: NO_SHAPING }),
  ]);
  const writer = new ReportWriter(doc, new Face(regular), new Face(bold), pdf);
  writer.header();
  for (const section of doc.sections) writer.section(section);
  const signatureBox = writer.closing();
  writer.footers();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.officer.name);
  pdf.setSubject(doc.running);
  pdf.setCreator('Pandu Izin');
  pdf.setProducer('Pandu Izin (pdf-lib)');
  pdf.setCreationDate(signedAt);
  pdf.setModificationDate(signedAt);
  pdf.setLanguage(doc.language === 'id' ? 'id-ID' : 'en-US');
  return { pdf, signatureBox };
}

/** Lays out and signs: the file's bytes and their SHA-256 (hex) for the signatures register. */
export async function produceSignedReport(
  doc: ReportDocument,
  fonts: PdfFonts,
  signer: Signer,
): Promise<{ bytes: Uint8Array; fileSha256: string }> {
  const laid = await layoutReport(doc, fonts);
  const bytes = await signPdf(laid.pdf, laid.signatureBox, signer, {
    name: doc.signature.signerName,
    reason: doc.reason,
    signedAt: doc.signature.signedAt,
  });
  return { bytes, fileSha256: await sha256Hex(bytes) };
}

class ReportWriter extends PageWriter {
  private readonly cell: Style;
  private readonly cellBold: Style;

  constructor(
    private readonly doc: ReportDocument,
    regular: Face,
    bold: Face,
    pdf: PDFDocument,
  ) {
    super(pdf, doc.language, regular, bold, doc.running);
    this.cell = { face: regular, size: 8, lineHeight: 10 };
    this.cellBold = { face: bold, size: 8, lineHeight: 10 };
  }

  header(): void {
    const { flow, doc } = this;
    for (const line of this.bold.lines(doc.agency, 10.5, WIDTH)) {
      flow.line(line, MARGIN, { face: this.bold, size: 10.5, lineHeight: 13.5 });
    }
    flow.y -= 4;
    flow.rule(flow.y, 0.8);
    flow.y -= 10;
    this.heading(doc.title, 16, 0);
    flow.y -= 4;
    this.pairs(doc.facts, MARGIN, WIDTH, 120);
  }

  section(section: ReportSection): void {
    this.heading(section.heading, 11.5, 16);
    if (section.note) {
      for (const line of this.regular.lines(section.note, this.small.size, WIDTH)) {
        this.flow.ensure(this.small.lineHeight);
        this.flow.line(line, MARGIN, this.small);
      }
      this.flow.y -= 4;
    }
    if (section.table) this.table(section.table);
  }

  private widths(table: ReportTable): number[] {
    const sum = table.columns.reduce((n, c) => n + c.share, 0) || 1;
    return table.columns.map((c) => (c.share / sum) * WIDTH);
  }

  private drawRow(cells: string[], widths: number[], table: ReportTable, style: Style): number {
    const lines = cells.map((text, i) => style.face.lines(text, style.size, (widths[i] ?? 0) - 2 * CELL_PAD));
    const height = Math.max(1, ...lines.map((l) => l.length)) * style.lineHeight + 2 * CELL_PAD;
    const top = this.flow.y - CELL_PAD;
    let x = MARGIN;
    lines.forEach((cellLines, i) => {
      const width = widths[i] ?? 0;
      cellLines.forEach((line, n) => {
        const at =
          table.columns[i]?.align === 'right'
            ? x + width - CELL_PAD - style.face.width(line, style.size)
            : x + CELL_PAD;
        this.flow.draw(line, at, top - n * style.lineHeight, style);
      });
      x += width;
    });
    return height;
  }

  private rowHeight(cells: string[], widths: number[], style: Style): number {
    const count = Math.max(
      1,
      ...cells.map((text, i) => style.face.lines(text, style.size, (widths[i] ?? 0) - 2 * CELL_PAD).length),
    );
    return count * style.lineHeight + 2 * CELL_PAD;
  }

  private tableHeader(table: ReportTable, widths: number[]): void {
    const style: Style = { face: this.bold, size: 7.5, lineHeight: 9.5 };
    const titles = table.columns.map((c) => c.title);
    const height = this.rowHeight(titles, widths, style);
    this.flow.page.drawRectangle({ x: MARGIN, y: this.flow.y - height, width: WIDTH, height, color: SHADE });
    this.drawRow(titles, widths, table, style);
    this.flow.y -= height;
    this.flow.rule(this.flow.y);
  }

  /** A table; a row that does not fit moves to the next page whole, under the header again. */
  private table(table: ReportTable): void {
    const widths = this.widths(table);
    this.flow.ensure(60);
    this.tableHeader(table, widths);
    const rows: [string[], Style][] = table.rows.map((r) => [r, this.cell]);
    if (table.footer) rows.push([table.footer, this.cellBold]);
    for (const [cells, style] of rows) {
      const height = this.rowHeight(cells, widths, style);
      if (height > this.flow.room()) {
        this.flow.newPage();
        this.tableHeader(table, widths);
      }
      this.drawRow(cells, widths, table, style);
      this.flow.y -= height;
      this.flow.rule(this.flow.y, 0.3);
    }
  }

  /** The officer beside the signature box, then what the signature is: kept on one page. */
  closing(): SignatureBox {
    const { flow, doc } = this;
    const sig = doc.signature;
    const leftWidth = WIDTH - SIGNATURE_WIDTH - 16;
    const officerRows = this.officerRows(doc.officer);
    const statement = this.statementLines(sig);
    flow.ensure(16 + 14 + SIGNATURE_HEIGHT + 26 + statement.length * 10 + 14);
    flow.y -= 16;
    flow.line(this.t('officer'), MARGIN, { face: this.bold, size: 10, lineHeight: 14 });
    const top = flow.y;
    const box = this.signatureBoxAt(top);
    this.signatureAppearance(box, sig);
    this.pairs(officerRows, MARGIN, leftWidth, 80);
    flow.y = Math.min(flow.y, top - SIGNATURE_HEIGHT) - 12;
    flow.line(this.t('signatureHeading'), MARGIN, { face: this.bold, size: 10, lineHeight: 14 });
    for (const line of statement) flow.line(line, MARGIN, { face: this.regular, size: 8, lineHeight: 10 });
    return box;
  }

  footers(): void {
    this.drawFooters(this.doc.running);
  }
}
