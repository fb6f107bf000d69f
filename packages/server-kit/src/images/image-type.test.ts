import { describe, expect, it } from "vitest";
import { sniffImageFormat } from "./image-type.ts";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("recognising an image by its first bytes", () => {
  it("knows JPEG, PNG and WebP", () => {
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0], "rest"))).toBe("jpeg");
    expect(sniffImageFormat(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a], "rest"))).toBe("png");
    expect(sniffImageFormat(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
  });

  it("refuses everything else, including look-alikes and short files", () => {
    expect(sniffImageFormat(bytes("GIF89a"))).toBeUndefined();
    expect(sniffImageFormat(bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "))).toBeUndefined();
    expect(sniffImageFormat(bytes("hello, I am a text file.jpg"))).toBeUndefined();
    expect(sniffImageFormat(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(sniffImageFormat(new Uint8Array())).toBeUndefined();
  });
});
