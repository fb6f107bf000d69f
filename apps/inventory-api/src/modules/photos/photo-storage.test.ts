import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskStorage, createS3Storage, type FileStorage } from "@sharehood/server-kit/images";
import { startS3Server } from "../../../test/s3-server.ts";

/** Each implementation, made fresh for its block, and how to tidy up after it. */
const implementations: Record<string, () => Promise<{ storage: FileStorage; close: () => Promise<void> }>> = {
  disk: async () => {
    const dir = await mkdtemp(join(tmpdir(), "photos-disk-"));
    return {
      storage: createDiskStorage(dir),
      close: async () => {
        // Nothing may be left behind once every key was deleted (no temp files, no empty folders).
        expect(await readdir(dir, { recursive: true })).toEqual([]);
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  "S3-compatible (s3rver)": async () => {
    const server = await startS3Server();
    const storage = createS3Storage({
      bucket: server.bucket,
      region: "us-east-1",
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    return {
      storage,
      close: async () => {
        expect(await server.keys()).toEqual([]);
        storage.close();
        await server.close();
      },
    };
  },
};

const bytes = (text: string) => Buffer.from(text);

describe.each(Object.entries(implementations))("the photo storage contract on %s", (_name, make) => {
  let storage: FileStorage;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close } = await make());
  });
  afterAll(() => close());

  it("answers what was put, byte for byte", async () => {
    const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256));
    await storage.put("p1/display.webp", body, "image/webp");
    expect((await storage.get("p1/display.webp"))?.equals(body)).toBe(true);
    await storage.delete("p1/display.webp");
  });

  it("answers null for a key that was never put", async () => {
    expect(await storage.get("never/display.webp")).toBeNull();
  });

  it("replaces the bytes on a second put", async () => {
    await storage.put("p2/thumb.webp", bytes("first"), "image/webp");
    await storage.put("p2/thumb.webp", bytes("second"), "image/webp");
    expect((await storage.get("p2/thumb.webp"))?.toString()).toBe("second");
    await storage.delete("p2/thumb.webp");
  });

  it("keeps keys apart, and deleting one leaves its neighbours", async () => {
    await Promise.all([
      storage.put("p3/display.webp", bytes("d3"), "image/webp"),
      storage.put("p3/thumb.webp", bytes("t3"), "image/webp"),
      storage.put("p4/display.webp", bytes("d4"), "image/webp"),
    ]);
    await storage.delete("p3/display.webp");
    expect(await storage.get("p3/display.webp")).toBeNull();
    expect((await storage.get("p3/thumb.webp"))?.toString()).toBe("t3");
    expect((await storage.get("p4/display.webp"))?.toString()).toBe("d4");
    await Promise.all(["p3/thumb.webp", "p4/display.webp"].map((key) => storage.delete(key)));
  });

  it("treats deleting a missing key as done", async () => {
    await expect(storage.delete("gone/display.webp")).resolves.toBeUndefined();
  });

  it("refuses keys that could reach outside their place, before touching the store", async () => {
    for (const key of [
      "../escape",
      "/abs/display.webp",
      "a//b",
      "",
      ".hidden/x",
      "a/../b",
      "a\\b",
      "a/b c",
    ]) {
      await expect(storage.put(key, bytes("x"), "image/webp"), key).rejects.toThrow(TypeError);
      await expect(storage.get(key), key).rejects.toThrow(TypeError);
      await expect(storage.delete(key), key).rejects.toThrow(TypeError);
    }
  });
});
