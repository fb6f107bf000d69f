import sharp from "sharp";
import { MAX_PHOTO_PIXELS } from "@sharehood/sdk";
import { readImageHeader, reencodeImage, type ImageHeader } from "@sharehood/server-kit/images";

/** The display size fits inside this square (never enlarged); the thumbnail is cropped to exactly this. */
export const DISPLAY_MAX = 1600;
export const THUMBNAIL = { width: 480, height: 360 } as const;

/** A photo re-encoded as WebP without metadata: the display size, its dimensions, and the thumbnail. */
export interface ProcessedPhoto {
  display: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/** What a file's header says, read without decoding its pixels. */
export type PhotoHeader = ImageHeader;

/**
 * Checks a file before any decoding (server-kit's header check): a JPEG, PNG or WebP (415
 * otherwise) with a readable header (400) of at most MAX_PHOTO_PIXELS (413).
 */
export const readPhotoHeader = (input: Buffer, label: string): Promise<PhotoHeader> =>
  readImageHeader(input, label, MAX_PHOTO_PIXELS);

/**
 * The size to decode to once, from which both outputs are made: large enough that neither the
 * display size (inside DISPLAY_MAX) nor the thumbnail (covering THUMBNAIL) is enlarged from it,
 * and never larger than the original. JPEG and WebP then decode at a reduced scale directly.
 */
function workingSize({ width, height }: PhotoHeader) {
  const display = Math.min(DISPLAY_MAX / width, DISPLAY_MAX / height);
  const thumbnail = Math.max(THUMBNAIL.width / width, THUMBNAIL.height / height);
  const scale = Math.min(1, Math.max(display, thumbnail));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Decodes a checked file once and re-encodes it (server-kit's pipeline: orientation applied,
 * metadata dropped) as a display size and a thumbnail, both WebP. A file that does not decode is a
 * 400 naming it.
 */
export async function processPhoto(
  input: Buffer,
  label: string,
  header: PhotoHeader,
): Promise<ProcessedPhoto> {
  const { display, thumbnail } = await reencodeImage(input, label, {
    header,
    maxPixels: MAX_PHOTO_PIXELS,
    workingSize: workingSize(header),
    variants: {
      display: (image) =>
        image
          .resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: "inside", withoutEnlargement: true })
          .webp({ quality: 82 }),
      thumbnail: (image) =>
        image
          .resize({ ...THUMBNAIL, fit: "cover", position: sharp.strategy.attention })
          .webp({ quality: 75 }),
    },
  });
  return { display: display.data, thumbnail: thumbnail.data, width: display.width, height: display.height };
}
