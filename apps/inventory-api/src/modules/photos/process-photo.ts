import sharp, { type SharpOptions } from "sharp";
import { MAX_PHOTO_PIXELS } from "@sharehood/sdk";
import { AppError } from "@sharehood/server-kit";
import { sniffImageFormat, type ImageFormat } from "./image-type.ts";

/** The display size fits inside this square (never enlarged); the thumbnail is cropped to exactly this. */
export const DISPLAY_MAX = 1600;
export const THUMBNAIL = { width: 480, height: 360 } as const;

// Photos are decoded one per slot of the decode queue, so libvips needs no threads of its own per
// image (on glibc sharp defaults to 1 already; this keeps it so elsewhere), and its operation cache
// would only hold on to memory: no two uploads share an image.
sharp.concurrency(1);
sharp.cache(false);

/** A photo re-encoded as WebP without metadata: the display size, its dimensions, and the thumbnail. */
export interface ProcessedPhoto {
  display: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/** What a file's header says, read without decoding its pixels. */
export interface PhotoHeader {
  format: ImageFormat;
  /** The size once turned upright (EXIF orientation applied). */
  width: number;
  height: number;
}

// `failOn: "error"` refuses truncated and corrupt data but tolerates the harmless warnings that
// many cameras' files raise. The pixel limit repeats the header check inside libvips.
const DECODE: SharpOptions = { failOn: "error", limitInputPixels: MAX_PHOTO_PIXELS, sequentialRead: true };

const unreadable = (label: string, format: ImageFormat, cause?: unknown) =>
  new AppError("validation_failed", `${label} could not be read as an image (truncated or corrupt)`, {
    errors: [{ path: label, message: `is not a readable ${format.toUpperCase()} image` }],
    cause,
  });

const tooManyPixels = (label: string) =>
  new AppError(
    "payload_too_large",
    `${label} has more than ${MAX_PHOTO_PIXELS / 1_000_000} million pixels; resize it and try again`,
    { errors: [{ path: label, message: `has more than ${MAX_PHOTO_PIXELS / 1_000_000} million pixels` }] },
  );

/**
 * Checks a file before any decoding: a JPEG, PNG or WebP by its magic bytes (415 otherwise), with a
 * readable header (400) declaring at most MAX_PHOTO_PIXELS (413). Cheap whatever the file claims,
 * so a "decompression bomb" (a small file of a huge image) costs no more than reading its header.
 */
export async function readPhotoHeader(input: Buffer, label: string): Promise<PhotoHeader> {
  const format = sniffImageFormat(input);
  if (!format) {
    throw new AppError("unsupported_media_type", `${label} is not a JPEG, PNG or WebP image`, {
      errors: [{ path: label, message: "must be a JPEG, PNG or WebP image" }],
    });
  }
  const header = await sharp(input)
    .metadata()
    .catch((error: unknown) => {
      throw unreadable(label, format, error);
    });
  const { width, height } = header.autoOrient;
  if (!width || !height) throw unreadable(label, format);
  if (width * height > MAX_PHOTO_PIXELS) throw tooManyPixels(label);
  return { format, width, height };
}

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
 * Decodes a checked file once and re-encodes it: EXIF orientation applied, metadata (EXIF, GPS,
 * XMP) dropped, a display size and a thumbnail as WebP. Both come from one decoded copy, one after
 * the other, so a photo holds one decode and one thread at a time. A file that does not decode is
 * a 400 naming it.
 */
export async function processPhoto(
  input: Buffer,
  label: string,
  header: PhotoHeader,
): Promise<ProcessedPhoto> {
  try {
    const { data, info } = await sharp(input, DECODE)
      .rotate()
      .resize({ ...workingSize(header), fit: "fill" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const decoded = () =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const display = await decoded()
      .resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await decoded()
      .resize({ ...THUMBNAIL, fit: "cover", position: sharp.strategy.attention })
      .webp({ quality: 75 })
      .toBuffer();
    return { display: display.data, thumbnail, width: display.info.width, height: display.info.height };
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooManyPixels(label);
    throw unreadable(label, header.format, error);
  }
}
