import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@sharehood/server-kit";
import { processPhoto, readPhotoHeader } from "./process-photo.ts";

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#7a9a3c" } });

/** What the upload does with each file: the header check, then the decoding. */
const check = async (input: Buffer, label: string) =>
  processPhoto(input, label, await readPhotoHeader(input, label));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof AppError ? { status: e.status, code: e.code, errors: e.errors } : e),
  );

describe("processing an uploaded photo", () => {
  it("makes a WebP display size and a 480×360 thumbnail from each accepted format", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const result = await check(await solid(2000, 1000)[format]().toBuffer(), "photo[0]");
      expect({ width: result.width, height: result.height }).toEqual({ width: 1600, height: 800 });
      expect(await sharp(result.display).metadata()).toMatchObject({
        format: "webp",
        width: 1600,
        height: 800,
      });
      expect(await sharp(result.thumbnail).metadata()).toMatchObject({
        format: "webp",
        width: 480,
        height: 360,
      });
    }
  });

  it("makes both sizes from one decoding even for a panorama, whose thumbnail needs more than the display size", async () => {
    const result = await check(await solid(6000, 400).jpeg().toBuffer(), "photo[0]");
    expect({ width: result.width, height: result.height }).toEqual({ width: 1600, height: 107 });
    expect(await sharp(result.thumbnail).metadata()).toMatchObject({ width: 480, height: 360 });
  });

  it("refuses truncated PNG and WebP files as 400, naming the part", async () => {
    for (const format of ["png", "webp"] as const) {
      const whole = await solid(400, 300)[format]().toBuffer();
      const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
      expect(await failure(check(cut, "photo[3]"))).toMatchObject({
        status: 400,
        code: "validation_failed",
        errors: [{ path: "photo[3]" }],
      });
    }
  });

  it("refuses an image of more than 25 megapixels as 413, and accepts one of exactly 25", async () => {
    const over = await solid(5001, 5000).png({ compressionLevel: 9 }).toBuffer();
    expect(await failure(check(over, "photo[0]"))).toMatchObject({
      status: 413,
      code: "payload_too_large",
      errors: [{ path: "photo[0]", message: "has more than 25 million pixels" }],
    });
    const exactly = await solid(5000, 5000).png({ compressionLevel: 9 }).toBuffer();
    expect(await check(exactly, "photo[0]")).toMatchObject({ width: 1600, height: 1600 });
  });

  it("refuses a file whose header declares too many pixels from the header alone, without its pixel data", async () => {
    // A 30-megapixel PNG cut a few bytes into its pixel data: decoding it would fail, so a 413 (not
    // the 400 of a truncated file) shows the refusal came before any decoding.
    const header = (await solid(6000, 5000).png().toBuffer()).subarray(0, 100);
    expect(await failure(check(header, "photo[2]"))).toMatchObject({
      status: 413,
      code: "payload_too_large",
      errors: [{ path: "photo[2]" }],
    });
  });
});
