import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@sharehood/server-kit";
import { processPhoto } from "./process-photo.ts";

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#7a9a3c" } });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof AppError ? { status: e.status, code: e.code, errors: e.errors } : e),
  );

describe("processing an uploaded photo", () => {
  it("makes a WebP display size and a 480×360 thumbnail from each accepted format", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const result = await processPhoto(await solid(2000, 1000)[format]().toBuffer(), "photo[0]");
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

  it("refuses truncated PNG and WebP files as 400, naming the part", async () => {
    for (const format of ["png", "webp"] as const) {
      const whole = await solid(400, 300)[format]().toBuffer();
      const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
      expect(await failure(processPhoto(cut, "photo[3]"))).toMatchObject({
        status: 400,
        code: "validation_failed",
        errors: [{ path: "photo[3]" }],
      });
    }
  });

  it("refuses an image of more than 50 megapixels as 413 before decoding it", async () => {
    const huge = await solid(8000, 7000).png({ compressionLevel: 9 }).toBuffer();
    expect(await failure(processPhoto(huge, "photo[0]"))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
  });
});
