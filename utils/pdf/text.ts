/**
 * Line breaking for the checklist PDF. pdf-lib draws one line at a time and knows nothing of
 * column widths, so long labels and notes are broken here, measured with the font they are
 * drawn in. Widths add up token by token: pdf-lib places glyphs by their advance widths, without
 * kerning between them, so a line is as wide as the sum of its parts.
 */

/** The drawn width of a string, in points, at the size it will be drawn. */
export type Measure = (text: string) => number;

/**
 * Breaks `text` into lines no wider than `width`: at spaces, at line breaks the writer typed,
 * and inside a word only when the word alone is too wide (a long file name or URL).
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((paragraph) => wrapTokens(paragraph.split(/\s+/).filter(Boolean), ' ', width, measure));
}

/** Packs tokens into lines joined by `separator`, breaking a token only when it cannot fit alone. */
export function wrapTokens(tokens: string[], separator: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  const gap = measure(separator);
  let line = '';
  let lineWidth = 0;
  for (const token of tokens) {
    const tokenWidth = measure(token);
    if (line && lineWidth + gap + tokenWidth <= width) {
      line += separator + token;
      lineWidth += gap + tokenWidth;
      continue;
    }
    if (line) lines.push(line);
    const pieces = tokenWidth <= width ? [token] : breakWord(token, width, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
    lineWidth = measure(line);
  }
  if (line) lines.push(line);
  return lines;
}

/** Cuts a word into pieces that fit, at least one character each so a narrow column still ends. */
function breakWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of Array.from(word)) {
    const charWidth = measure(char);
    if (piece && pieceWidth + charWidth > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += charWidth;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The text itself when it fits in `width`, else its longest prefix that fits followed by "…". */
export function ellipsize(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const chars = Array.from(text);
  const budget = width - measure('…');
  let used = 0;
  let end = 0;
  while (end < chars.length && used + measure(chars[end] ?? '') <= budget) {
    used += measure(chars[end] ?? '');
    end++;
  }
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}
