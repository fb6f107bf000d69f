import sharp, { type Sharp, type SharpOptions } from "sharp";
import { AppError } from "../app-error.ts";
import { sniffImageFormat, type ImageFormat } from "./image-type.ts";

// Images are decoded one per slot of a decode queue, so libvips needs no threads of its own per
// image (on glibc sharp defaults to 1 already; this keeps it so elsewhere), and its operation cache
// would only hold on to memory: no two uploads share an image.
sharp.concurrency(1);
sharp.cache(false);

/** What a file's header says, read without decoding its pixels. */
export interface ImageHeader {
  format: ImageFormat;
  /** The size once turned upright (EXIF orientation applied). */
  width: number;
  height: number;
}

/** One output of a re-encoded image, as WebP. */
export interface EncodedImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Makes one output from the decoded, upright pixels: a resize and a WebP encoding, such as
 * `(image) => image.resize({ width: 256, height: 256, fit: "cover" }).webp({ quality: 80 })`.
 */
export type ImageVariant = (decoded: Sharp) => Sharp;

const unreadable = (label: string, format: ImageFormat, cause?: unknown) =>
  new AppError("validation_failed", `${label} could not be read as an image (truncated or corrupt)`, {
    errors: [{ path: label, message: `is not a readable ${format.toUpperCase()} image` }],
    cause,
  });

const tooManyPixels = (label: string, maxPixels: number) =>
  new AppError(
    "payload_too_large",
    `${label} has more than ${maxPixels / 1_000_000} million pixels; resize it and try again`,
    { errors: [{ path: label, message: `has more than ${maxPixels / 1_000_000} million pixels` }] },
  );

/**
 * Checks a file before any decoding: a JPEG, PNG or WebP by its magic bytes (415 otherwise), with a
 * readable header (400) declaring at most `maxPixels` (413). Cheap whatever the file claims, so a
 * "decompression bomb" (a small file of a huge image) costs no more than reading its header.
 */
export async function readImageHeader(input: Buffer, label: string, maxPixels: number): Promise<ImageHeader> {
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
  if (width * height > maxPixels) throw tooManyPixels(label, maxPixels);
  return { format, width, height };
}

/**
 * Decodes a checked file once and re-encodes it: EXIF orientation applied, metadata (EXIF, GPS,
 * XMP) dropped, one output per variant. The file is decoded straight to `workingSize` (JPEG and
 * WebP at a reduced scale), which must be large enough that no variant enlarges from it; the
 * variants are then made from that one decoded copy, one after the other, so an image holds one
 * decode and one thread at a time. A file that does not decode is a 400 naming it.
 */
export async function reencodeImage<V extends string>(
  input: Buffer,
  label: string,
  options: {
    header: ImageHeader;
    maxPixels: number;
    workingSize: { width: number; height: number };
    variants: Record<V, ImageVariant>;
  },
): Promise<Record<V, EncodedImage>> {
  const { header, maxPixels } = options;
  // `failOn: "error"` refuses truncated and corrupt data but tolerates the harmless warnings that
  // many cameras' files raise. The pixel limit repeats the header check inside libvips.
  const decode: SharpOptions = { failOn: "error", limitInputPixels: maxPixels, sequentialRead: true };
  try {
    const { data, info } = await sharp(input, decode)
      .rotate()
      .resize({ ...options.workingSize, fit: "fill" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const decoded = () =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const outputs: Partial<Record<V, EncodedImage>> = {};
    for (const [name, variant] of Object.entries(options.variants) as [V, ImageVariant][]) {
      const encoded = await variant(decoded()).toBuffer({ resolveWithObject: true });
      outputs[name] = { data: encoded.data, width: encoded.info.width, height: encoded.info.height };
    }
    return outputs as Record<V, EncodedImage>;
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooManyPixels(label, maxPixels);
    throw unreadable(label, header.format, error);
  }
}
