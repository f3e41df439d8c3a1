/**
 * The verification QR code as vector outlines: one SVG path of the dark modules, which
 * pdf-lib's drawSvgPath turns into PDF path operators. A vector code stays sharp at any print
 * size and costs a few KB, where an image would be blurry or large.
 */
import qrcode from 'qrcode-generator';

export interface QrPath {
  /** Modules per side, without the quiet zone (which the caller keeps clear). */
  size: number;
  /** Dark modules in module units, origin top-left, y downwards (SVG's axes). */
  path: string;
}

/**
 * The smallest QR version that holds `text` at error correction level M (about 15% of the
 * code may be damaged or covered). The text is encoded as bytes: callers give ASCII, which
 * every reader shows as-is.
 */
export function qrPath(text: string): QrPath {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    // One rectangle per horizontal run of dark modules keeps the path a few KB.
    for (let col = 0; col < size; ) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.isDark(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  return { size, path: parts.join('') };
}
