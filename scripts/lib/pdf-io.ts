/** The PDF CLIs' access to the machine: files, the bundled fonts, the clock, the terminal. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { PdfCliIo } from './pdf-cli';

const font = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../utils/pdf/fonts/${name}`, import.meta.url)));

export function nodePdfIo(): PdfCliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => new Uint8Array(readFileSync(path)),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    fonts: () => ({ regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') }),
    now: () => new Date(),
  };
}
