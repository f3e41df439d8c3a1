/** Hands a file made in the page to the officer: an anchor download (no `downloads` permission needed). */
export function downloadBlob(data: Uint8Array | string, fileName: string, type: string): void {
  const part = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started by then; the object URL is only needed until it has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name safe on every system: a stem and the date. */
export function datedFileName(stem: string, date: string, extension: string): string {
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'pandu-izin';
  return `${safe}-${date}.${extension}`;
}
