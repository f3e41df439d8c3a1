/**
 * Photos as evidence keeps them: at most 1600 px on the long side, JPEG, with the SHA-256 of
 * the stored bytes (the hash the case log records). Downscaling runs in the extension page
 * (createImageBitmap + canvas); the size arithmetic is separate so it can be tested alone.
 */
import { sha256Hex } from '../pdf/payload';

export const MAX_PHOTO_EDGE = 1600;
export const JPEG_QUALITY = 0.85;
/** A photo file larger than this is refused before decoding (phones write 3–12 MB). */
export const MAX_PHOTO_FILE_BYTES = 40 * 1024 * 1024;

/** The size that fits within `max` on the long side, keeping the aspect ratio; never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  max = MAX_PHOTO_EDGE,
): { width: number; height: number } {
  if (width <= 0 || height <= 0) throw new RangeError(`not an image size: ${width}×${height}`);
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface StoredPhoto {
  blob: Blob;
  sha256: string;
  width: number;
  height: number;
}

export class PhotoError extends Error {
  constructor(
    readonly code: 'too-large' | 'not-an-image',
    readonly fileName: string,
  ) {
    super(`${fileName}: ${code}`);
    this.name = 'PhotoError';
  }
}

/** Decodes a chosen photo (orientation from EXIF applied), downscales it and encodes JPEG. */
export async function downscalePhoto(
  file: Blob & { name?: string },
  max = MAX_PHOTO_EDGE,
): Promise<StoredPhoto> {
  const name = file.name ?? 'foto';
  if (file.size > MAX_PHOTO_FILE_BYTES) throw new PhotoError('too-large', name);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('not-an-image', name);
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max);
    const blob = await encodeJpeg(bitmap, size.width, size.height);
    return { blob, sha256: await sha256Hex(new Uint8Array(await blob.arrayBuffer())), ...size };
  } finally {
    bitmap.close();
  }
}

/** A small JPEG of a stored photo for the signed checklist (about 240 px), or undefined when it cannot be drawn. */
export async function thumbnailJpeg(blob: Blob, max = 240): Promise<Uint8Array | undefined> {
  try {
    const bitmap = await createImageBitmap(blob);
    try {
      const size = fitWithin(bitmap.width, bitmap.height, max);
      return new Uint8Array(await (await encodeJpeg(bitmap, size.width, size.height)).arrayBuffer());
    } finally {
      bitmap.close();
    }
  } catch {
    return undefined;
  }
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}
