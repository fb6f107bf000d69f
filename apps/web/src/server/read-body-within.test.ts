import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyWithin } from "./read-body-within.ts";

// A body that arrives in `count` chunks of `size` bytes, and notes how far it was read.
function chunked(count: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === count) return controller.close();
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("readBodyWithin", () => {
  it("answers a body within the limit, whole", async () => {
    const { stream } = chunked(4, 256);
    const body = await readBodyWithin(stream, 1024);
    expect(body.size).toBe(1024);
    expect(await body.text()).toBe("A".repeat(1024));
  });

  it("stops reading a body as soon as it passes the limit, and cancels the rest", async () => {
    const { stream, seen } = chunked(1_000_000, 1024);
    await expect(readBodyWithin(stream, 10 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulled).toBeLessThanOrEqual(12);
    expect(seen.cancelled).toBe(true);
  });

  it("answers an empty body for a request without one", async () => {
    expect((await readBodyWithin(null, 10)).size).toBe(0);
  });
});
