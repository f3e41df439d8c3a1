/**
 * The checklist's fonts in an extension page: the same DejaVu Sans files the CLI reads,
 * emitted by the build as package assets and fetched from the extension itself (never from
 * the network). Loaded only when a checklist is signed.
 */

import regularUrl from '../../utils/pdf/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../utils/pdf/fonts/DejaVuSans-Bold.ttf?url';
import type { PdfFonts } from '../../utils/pdf/types';

let loaded: Promise<PdfFonts> | null = null;

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Both fonts, fetched once per page; a failed fetch is retried on the next call. */
export function loadPdfFonts(): Promise<PdfFonts> {
  loaded ??= Promise.all([bytesOf(regularUrl), bytesOf(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      loaded = null;
      throw error;
    },
  );
  return loaded;
}
