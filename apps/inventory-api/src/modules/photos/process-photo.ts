import sharp, { type SharpOptions } from "sharp";
import { AppError } from "@sharehood/server-kit";
import { sniffImageFormat } from "./image-type.ts";

/** The display size fits inside this square (never enlarged); the thumbnail is cropped to exactly this. */
export const DISPLAY_MAX = 1600;
export const THUMBNAIL = { width: 480, height: 360 } as const;
/** More pixels than a 50-megapixel camera makes is refused before decoding (a decompression bomb guard). */
export const MAX_INPUT_PIXELS = 50_000_000;

/** A photo re-encoded as WebP without metadata: the display size, its dimensions, and the thumbnail. */
export interface ProcessedPhoto {
  display: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

// `failOn: "error"` refuses truncated and corrupt data but tolerates the harmless warnings that
// many cameras' files raise.
const DECODE: SharpOptions = { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true };

/**
 * Checks that `input` is a JPEG, PNG or WebP by its magic bytes (415 otherwise), then decodes and
 * re-encodes it: EXIF orientation applied, metadata (EXIF, GPS, XMP) dropped, a display size and a
 * thumbnail as WebP. A file that does not decode is a 400 naming it.
 */
export async function processPhoto(input: Buffer, label: string): Promise<ProcessedPhoto> {
  const format = sniffImageFormat(input);
  if (!format) {
    throw new AppError("unsupported_media_type", `${label} is not a JPEG, PNG or WebP image`, {
      errors: [{ path: label, message: "must be a JPEG, PNG or WebP image" }],
    });
  }
  try {
    const [display, thumbnail] = await Promise.all([
      sharp(input, DECODE)
        .rotate()
        .resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true }),
      sharp(input, DECODE)
        .rotate()
        .resize({ ...THUMBNAIL, fit: "cover", position: sharp.strategy.attention })
        .webp({ quality: 75 })
        .toBuffer(),
    ]);
    return { display: display.data, thumbnail, width: display.info.width, height: display.info.height };
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) {
      throw new AppError(
        "payload_too_large",
        `${label} has more than ${MAX_INPUT_PIXELS / 1_000_000} million pixels`,
        { errors: [{ path: label, message: "has too many pixels" }] },
      );
    }
    throw new AppError("validation_failed", `${label} could not be read as an image (truncated or corrupt)`, {
      errors: [{ path: label, message: `is not a readable ${format.toUpperCase()} image` }],
      cause: error,
    });
  }
}
