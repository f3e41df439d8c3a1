import { describe, expect, it } from 'vitest';
import {
  downscalePhoto,
  fitWithin,
  MAX_PHOTO_FILE_BYTES,
  PhotoError,
} from '../../../../utils/evidence/photo';

describe('photo sizes', () => {
  it('fits the long side within 1600 px, keeping the aspect ratio and never enlarging', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(10000, 3)).toEqual({ width: 1600, height: 1 });
    expect(fitWithin(400, 300, 240)).toEqual({ width: 240, height: 180 });
    expect(() => fitWithin(0, 10)).toThrow(RangeError);
  });

  it('refuses a file too large to be a photo before decoding it', async () => {
    const huge = { size: MAX_PHOTO_FILE_BYTES + 1, name: 'video.mov' } as Blob & { name: string };
    const refused = await downscalePhoto(huge).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PhotoError);
    expect((refused as PhotoError).code).toBe('too-large');
  });
});
