/**
 * Hands a file made in an extension page to the officer: an anchor download of an object URL
 * (no `downloads` permission needed). The one download path for every export (checklists,
 * dashboard, team reports, activity map).
 */
export function saveFile(data: Uint8Array | string, fileName: string, type: string): void {
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
