import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createS3Storage } from "./s3-storage.ts";

interface SeenRequest {
  method: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
}

/** An S3 client whose HTTP layer records each request and answers `status` (with an S3 error body when not 2xx). */
function recording(options: { forcePathStyle: boolean; status?: number; code?: string; keyPrefix?: string }) {
  const seen: SeenRequest[] = [];
  const status = options.status ?? 200;
  const storage = createS3Storage({
    bucket: "photos-bucket",
    region: "eu-west-3",
    endpoint: "http://store.test:9000",
    forcePathStyle: options.forcePathStyle,
    keyPrefix: options.keyPrefix,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    requestHandler: {
      handle: (request: SeenRequest) => {
        seen.push(request);
        const body =
          status < 300
            ? ""
            : `<?xml version="1.0"?><Error><Code>${options.code ?? "InternalError"}</Code><Message>m</Message></Error>`;
        return Promise.resolve({
          response: {
            statusCode: status,
            headers: { "content-type": "application/xml" },
            body: Readable.from([body]),
          },
        });
      },
    },
  });
  return { seen, storage };
}

// What an S3-compatible server receives from the adapter. s3rver (see the Inventory API's
// photo-storage.test.ts) shows these are accepted by one real implementation; this pins down the
// shapes themselves.
describe("the S3 adapter's requests", () => {
  it("puts with path-style URLs, the content type, a year of caching and a SigV4 signature", async () => {
    const { seen, storage } = recording({ forcePathStyle: true });
    await storage.put("abc/display.webp", Buffer.from("webp"), "image/webp");
    const request = seen[0]!;
    expect(request).toMatchObject({
      method: "PUT",
      hostname: "store.test",
      port: 9000,
      path: "/photos-bucket/abc/display.webp",
    });
    expect(request.headers["content-type"]).toBe("image/webp");
    expect(request.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/s3\/aws4_request/,
    );
    // No CRC trailer by default: some S3-compatible stores refuse it.
    expect(Object.keys(request.headers).filter((h) => h.startsWith("x-amz-checksum-"))).toEqual([]);
  });

  it("uses virtual-host URLs unless path style is asked for", async () => {
    const { seen, storage } = recording({ forcePathStyle: false });
    await storage.delete("abc/thumb.webp");
    expect(seen[0]).toMatchObject({
      method: "DELETE",
      hostname: "photos-bucket.store.test",
      path: "/abc/thumb.webp",
    });
  });

  it("gets by key, answering null for NoSuchKey and throwing on other failures", async () => {
    const ok = recording({ forcePathStyle: true });
    expect((await ok.storage.get("abc/display.webp"))?.length).toBe(0);
    expect(ok.seen[0]).toMatchObject({ method: "GET", path: "/photos-bucket/abc/display.webp" });

    const missing = recording({ forcePathStyle: true, status: 404, code: "NoSuchKey" });
    expect(await missing.storage.get("abc/display.webp")).toBeNull();

    const broken = recording({ forcePathStyle: true, status: 403, code: "AccessDenied" });
    await expect(broken.storage.get("abc/display.webp")).rejects.toThrow();
  });

  it("puts every key under the prefix it was given, checking the key itself first", async () => {
    const { seen, storage } = recording({ forcePathStyle: true, keyPrefix: "avatars/" });
    await storage.put("abc.webp", Buffer.from("webp"), "image/webp");
    await storage.delete("abc.webp");
    expect(seen.map((request) => request.path)).toEqual([
      "/photos-bucket/avatars/abc.webp",
      "/photos-bucket/avatars/abc.webp",
    ]);
    await expect(storage.get("../abc.webp")).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(2);
  });
});
