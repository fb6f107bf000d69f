import { MAX_PHOTO_PIXELS } from "@sharehood/sdk";
import { reencodeImage, type ImageHeader } from "@sharehood/server-kit/images";

/** Avatars are this many pixels square: sharp at twice the largest size pages show them (128 px). */
export const AVATAR_SIZE = 256;

/** Avatars take the same pixel limit as item photos: a phone's photo passes, a bomb does not. */
export const MAX_AVATAR_PIXELS = MAX_PHOTO_PIXELS;

/**
 * Decodes a checked file once (straight to a size just covering the square, never above the
 * original), and cuts the square from it, centred on what draws the eye, as a WebP with the
 * orientation applied and no metadata (server-kit's pipeline, as for item photos).
 */
export async function processAvatar(input: Buffer, label: string, header: ImageHeader): Promise<Buffer> {
  const scale = Math.min(1, Math.max(AVATAR_SIZE / header.width, AVATAR_SIZE / header.height));
  const { square } = await reencodeImage(input, label, {
    header,
    maxPixels: MAX_AVATAR_PIXELS,
    workingSize: {
      width: Math.max(1, Math.round(header.width * scale)),
      height: Math.max(1, Math.round(header.height * scale)),
    },
    variants: {
      square: (image) =>
        image
          .resize({ width: AVATAR_SIZE, height: AVATAR_SIZE, fit: "cover", position: "attention" })
          .webp({ quality: 80 }),
    },
  });
  return square.data;
}
