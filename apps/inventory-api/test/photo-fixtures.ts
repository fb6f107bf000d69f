import { readdir } from "node:fs/promises";
import sharp from "sharp";

/** A solid-colour test image made with sharp. */
export function image(
  format: "jpeg" | "png" | "webp" | "gif",
  width = 64,
  height = 48,
  colour = "#c86432",
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    [format]()
    .toBuffer();
}

/** A JPEG as a phone makes it: rotated by EXIF orientation 6 and carrying GPS coordinates. */
export function phonePhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3264c8" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "PhoneCo", Model: "Pocket 9" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "48/1 51/1 24/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "2/1 21/1 3/1",
      },
    })
    .toBuffer();
}

/**
 * A PNG of one colour: a few hundred kilobytes, however many pixels it declares, so the way to
 * send a "decompression bomb" that would take width × height × 4 bytes once decoded.
 */
export function solidPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 180, b: 60, alpha: 0.5 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * A photo as a 24-megapixel camera takes it (6000×4000, EXIF orientation 6), with detail enough to
 * make a JPEG of a few megabytes and real decoding work. Built small and enlarged, so it is quick.
 */
export async function cameraPhoto(): Promise<Buffer> {
  const grain = await sharp({
    create: {
      width: 600,
      height: 400,
      channels: 3,
      background: "#000000", // required by the types; noise replaces it
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  return sharp(grain)
    .resize(6000, 4000, { kernel: "cubic" })
    .blur(1.5)
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The tag numbers of an EXIF block's first IFD (0x8825 points at GPS data). */
export function exifTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const tiff = exif.subarray(exif.indexOf("Exif\0\0") + 6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}
export const GPS_IFD_TAG = 0x8825;

/** One part of a hand-made multipart upload. */
export interface Part {
  bytes: Uint8Array;
  name?: string;
  type?: string;
  field?: string;
}

/** POSTs a multipart upload as a browser would, with whatever names and declared types the test wants. */
export async function uploadRaw(
  baseUrl: string,
  itemId: string,
  parts: Part[],
  options: { token?: string; headers?: Record<string, string>; text?: Record<string, string> } = {},
) {
  const form = new FormData();
  parts.forEach((part, i) =>
    form.append(
      part.field ?? "photo",
      new Blob([part.bytes], { type: part.type ?? "application/octet-stream" }),
      part.name ?? `file-${i}`,
    ),
  );
  for (const [name, value] of Object.entries(options.text ?? {})) form.append(name, value);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const res = await fetch(`${baseUrl}/items/${itemId}/photos`, { method: "POST", body: form, headers });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: left empty
  }
  return { status: res.status, headers: res.headers, body };
}

/** Every file under a folder (relative paths), or none when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath.slice(dir.length + 1)}/${e.name}`.replace(/^\//, ""))
      .sort();
  } catch {
    return [];
  }
}
