/**
 * The activity map as a landscape A4 PDF an agency can attach to its planning documents: the
 * title, the regions compared with their readiness, WFA roadmap dates and counts, one section
 * per permit with the step table (header repeated on each page), the data sources, and on every
 * page a footer with "dibuat dengan Pandu Izin" and the page number. Unsigned on purpose: it is
 * a planning attachment, not a record of work.
 *
 * Pure (fonts arrive as bytes, the generation time as text) and loaded lazily by the page, so
 * pdf-lib stays out of its first load. Text is drawn unshaped, one glyph per character, so
 * pdftotext reads it back as written.
 */
import fontkit from '@pdf-lib/fontkit';
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ActivityCell, ActivityMap, ActivityPermit, ActivityRegion, ActivityRow } from '../../machines';
import { type Language, pick, t } from '../../utils/i18n';
import { type ActivityMapKey, tMap } from '../../utils/i18n/activity-map';
import { Face, NO_SHAPING } from '../../utils/pdf/layout';
import { ellipsize } from '../../utils/pdf/text';
import type { PdfFonts } from '../../utils/pdf/types';
import { MODE_KEYS, ROLE_KEYS } from '../case/format';

export interface MapPdfOptions {
  lang: Language;
  fonts: PdfFonts;
  /** When the file was made, as the reader should see it (e.g. `2026-11-29 10:15 +07:00`). */
  generatedAt: string;
  /** What the page's filter left out, in words; absent when the whole map is printed. */
  filterNote?: string;
}

const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 36;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = PAGE_HEIGHT - MARGIN;
const BOTTOM = MARGIN + 8;
const FOOTER_Y = 20;
const PAD = 3;

const INK = rgb(0, 0, 0);
const MUTED = rgb(0.33, 0.33, 0.33);
const RULE = rgb(0.65, 0.65, 0.65);
const SHADE = rgb(0.9, 0.9, 0.9);

/** Stage, step, role, region A, region B, difference. */
const COLUMNS = [110, 170, 70, 182, 182, WIDTH - 714];

interface Style {
  font: PDFFont;
  size: number;
  lineHeight: number;
  color?: Color;
}

class Writer {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;
  /** Measuring and glyph guarding as the checklist does (utils/pdf/layout.ts Face), per font. */
  private readonly faces = new Map<PDFFont, Face>();

  constructor(
    private readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = TOP;
  }

  ensure(height: number): boolean {
    if (height <= this.y - BOTTOM) return false;
    this.newPage();
    return true;
  }

  private face(font: PDFFont): Face {
    let face = this.faces.get(font);
    if (!face) {
      face = new Face(font);
      this.faces.set(font, face);
    }
    return face;
  }

  /** What the regular font can show: composed characters, "?" for the rest. */
  clean(text: string): string {
    return this.face(this.regular).clean(text);
  }

  lines(text: string, style: Style, width: number): string[] {
    return this.face(style.font).lines(text, style.size, width);
  }

  draw(text: string, x: number, top: number, style: Style): void {
    if (!text) return;
    this.page.drawText(text, {
      x,
      y: top - style.size,
      size: style.size,
      font: style.font,
      color: style.color ?? INK,
    });
  }

  /** A wrapped paragraph across the full width, moving to a new page line by line. */
  paragraph(text: string, style: Style, indent = 0): void {
    for (const line of this.lines(text, style, WIDTH - indent)) {
      this.ensure(style.lineHeight);
      this.draw(line, MARGIN + indent, this.y, style);
      this.y -= style.lineHeight;
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  rule(y: number): void {
    this.page.drawLine({
      start: { x: MARGIN, y },
      end: { x: MARGIN + WIDTH, y },
      thickness: 0.5,
      color: RULE,
    });
  }
}

export async function activityMapPdf(map: ActivityMap, options: MapPdfOptions): Promise<Uint8Array> {
  const { lang } = options;
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);
  const name = (r: ActivityRegion | undefined) => (r ? pick(lang, r.name) : '');
  const [a, b] = map.regions;

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(options.fonts.regular, { subset: true, features: NO_SHAPING }),
    pdf.embedFont(options.fonts.bold, { subset: true, features: NO_SHAPING }),
  ]);
  const w = new Writer(pdf, regular, bold);
  const title: Style = { font: bold, size: 16, lineHeight: 21 };
  const heading: Style = { font: bold, size: 12, lineHeight: 16 };
  const body: Style = { font: regular, size: 9, lineHeight: 12 };
  const note: Style = { font: regular, size: 8, lineHeight: 10.5, color: MUTED };
  const strong: Style = { font: bold, size: 9, lineHeight: 12 };

  const compare = m('pdf.compare', { a: name(a), b: name(b ?? a), date: map.date });
  pdf.setTitle(`${m('pdf.title')} — ${compare}`, { showInWindowTitleBar: true });
  pdf.setSubject(compare);
  pdf.setCreator('Pandu Izin');
  pdf.setProducer('Pandu Izin (pdf-lib)');
  pdf.setLanguage(lang === 'id' ? 'id-ID' : 'en-US');

  w.paragraph(m('pdf.title'), title);
  w.paragraph(compare, body);
  w.paragraph(m('pdf.generated', { at: options.generatedAt }), note);
  w.paragraph(m('pdf.summary', { differing: map.differing, steps: map.steps }), body);
  if (options.filterNote) w.paragraph(m('pdf.filtered', { what: options.filterNote }), note);
  w.paragraph(m('map.rules'), note);
  w.gap(6);

  map.regions.forEach((region, i) => {
    regionBlock(w, region, i === 0 ? m('map.regionA') : m('map.regionB'), map.date, lang, {
      strong,
      body,
      note,
    });
    w.gap(4);
  });

  for (const permit of map.permits) permitSection(w, permit, map, lang, { heading, strong, body, note });

  w.gap(8);
  w.ensure(heading.lineHeight * 3);
  w.paragraph(m('pdf.sourcesHeading'), heading);
  for (const permit of map.permits) {
    w.paragraph(m('pdf.catalogSource', { permit: pick(lang, permit.name), source: permit.source }), note);
  }
  for (const region of map.regions) {
    w.paragraph(m('pdf.regionSource', { region: name(region), sources: region.sources.join('; ') }), note);
  }

  const footer = w.clean(m('pdf.footer', { a: a?.code ?? '', b: (b ?? a)?.code ?? '', date: map.date }));
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const number = m('pdf.page', { n: i + 1, total });
    page.drawText(footer, { x: MARGIN, y: FOOTER_Y, size: 8, font: regular, color: MUTED });
    page.drawText(number, {
      x: MARGIN + WIDTH - regular.widthOfTextAtSize(number, 8),
      y: FOOTER_Y,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });
  return pdf.save();
}

function regionBlock(
  w: Writer,
  region: ActivityRegion,
  label: string,
  date: string,
  lang: Language,
  s: { strong: Style; body: Style; note: Style },
): void {
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);
  w.ensure(s.strong.lineHeight * 5);
  w.paragraph(m('map.regionTitle', { label, name: pick(lang, region.name), code: region.code }), s.strong);
  const wfa = m(region.wfaStarted ? 'map.wfaStarted' : 'map.wfaNotStarted', {
    start: region.wfaStart.date,
    date,
  });
  const judged = region.wfaStart.judgement ? ` ${m('map.judgement')}` : '';
  w.paragraph(`${m('map.wfaStart')}: ${wfa}${judged}`, s.body, 10);
  w.paragraph(`${m('map.connectivity')}: ${m(`map.connectivity.${region.connectivity}`)}`, s.body, 10);
  w.paragraph(pick(lang, region.connectivityReason), s.note, 20);
  w.paragraph(
    `${m('map.is3T')}: ${region.is3T ? m('map.is3TYes', { count: region.daerahTertinggal }) : m('map.is3TNo')}`,
    s.body,
    10,
  );
  const counts = (['remote', 'office', 'field'] as const)
    .map((mode) => `${t(lang, MODE_KEYS[mode])} ${region.counts[mode]}`)
    .join(' · ');
  w.paragraph(`${m('map.counts')}: ${counts}`, s.body, 10);
}

function permitSection(
  w: Writer,
  permit: ActivityPermit,
  map: ActivityMap,
  lang: Language,
  s: { heading: Style; strong: Style; body: Style; note: Style },
): void {
  const m = (key: ActivityMapKey, params?: Record<string, string | number>) => tMap(lang, key, params);
  const cell: Style = { font: w.regular, size: 8, lineHeight: 10 };
  const head: Style = { font: w.bold, size: 8, lineHeight: 10 };
  const regionName = (i: number) =>
    pick(lang, map.regions[i]?.name ?? map.regions[0]?.name ?? { id: '', en: '' });
  const headers = [
    m('map.col.stage'),
    m('map.col.step'),
    m('map.col.role'),
    m('map.col.modeIn', { region: regionName(0) }),
    m('map.col.modeIn', { region: regionName(1) }),
    m('map.col.difference'),
  ];

  const drawHeader = () => {
    const wrapped = headers.map((h, i) => w.lines(h, head, (COLUMNS[i] ?? 0) - 2 * PAD));
    const height = Math.max(...wrapped.map((l) => l.length)) * head.lineHeight + 2 * PAD;
    w.page.drawRectangle({ x: MARGIN, y: w.y - height, width: WIDTH, height, color: SHADE });
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, j) => {
        w.draw(line, x + PAD, w.y - PAD - j * head.lineHeight, head);
      });
      x += COLUMNS[i] ?? 0;
    });
    w.y -= height;
    w.rule(w.y);
  };

  w.gap(6);
  w.ensure(s.heading.lineHeight + 60);
  w.paragraph(pick(lang, permit.name), s.heading);
  drawHeader();
  for (const row of permit.rows) {
    const texts = rowTexts(row, lang, m);
    const wrapped = texts.map((text, i) => w.lines(text, cell, (COLUMNS[i] ?? 0) - 2 * PAD));
    const height = Math.max(1, ...wrapped.map((l) => l.length)) * cell.lineHeight + 2 * PAD;
    if (w.ensure(height)) {
      w.paragraph(`${pick(lang, permit.name)} (…)`, s.strong);
      drawHeader();
    }
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      const style = i === 5 && row.differs ? { ...cell, font: w.bold } : cell;
      lines.forEach((line, j) => {
        const fitted = ellipsize(line, (COLUMNS[i] ?? 0) - 2 * PAD, (text) =>
          style.font.widthOfTextAtSize(text, style.size),
        );
        w.draw(fitted, x + PAD, w.y - PAD - j * cell.lineHeight, style);
      });
      x += COLUMNS[i] ?? 0;
    });
    w.y -= height;
    w.rule(w.y);
  }
}

function rowTexts(
  row: ActivityRow,
  lang: Language,
  m: (key: ActivityMapKey, params?: Record<string, string | number>) => string,
): string[] {
  const step = row.condition
    ? `${pick(lang, row.stepName)}\n${m('map.condition', { condition: row.condition })}`
    : pick(lang, row.stepName);
  const mode = (c: ActivityCell | undefined) =>
    c
      ? `${t(lang, MODE_KEYS[c.mode])} [${c.decidedBy}]\n${c.reasons[0] ? pick(lang, c.reasons[0].text) : ''}`
      : '';
  return [
    pick(lang, row.stageName),
    step,
    t(lang, ROLE_KEYS[row.role]),
    mode(row.cells[0]),
    mode(row.cells[1] ?? row.cells[0]),
    row.differs ? m('map.differs') : m('map.same'),
  ];
}
