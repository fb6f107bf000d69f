import { describe, expect, it } from "vitest";
import { createClient } from "./create-client.ts";
import { ApiError } from "./errors.ts";
import { testItem } from "./test-item.ts";

// An item with its first photo, as an upload answers it.
const item = testItem({
  photos: [
    { id: "p1", url: "http://i/p/display.webp", thumbnailUrl: "http://i/p/thumb.webp", width: 4, height: 3 },
  ],
  version: 2,
});

function capture(status = 201, body: unknown = item) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = ((input: string | URL, init?: RequestInit) => {
    calls.push({ url: input.toString(), init: init ?? {} });
    return Promise.resolve(
      new Response(status === 204 ? null : JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      }),
    );
  }) as typeof globalThis.fetch;
  return { calls, client: createClient({ inventoryApiUrl: "http://inv.test", fetch, token: "tok" }) };
}

describe("uploading photos with the SDK", () => {
  it("posts one `photo` part per file as FormData and parses the item with the contract", async () => {
    const { calls, client } = capture();
    const named = new File([new Uint8Array([1, 2, 3])], "drill.jpg", { type: "image/jpeg" });
    const bare = new Blob([new Uint8Array([4, 5])]);
    const result = await client.items.uploadPhotos(
      { params: { id: "item1" }, files: [named, bare] },
      { ifMatch: '"1"' },
    );
    expect(result.photos[0]?.id).toBe("p1");
    const { url, init } = calls[0]!;
    expect(url).toBe("http://inv.test/items/item1/photos");
    expect(init.method).toBe("POST");
    const headers = init.headers as Record<string, string>;
    // fetch must set the multipart content type itself, with its boundary.
    expect(headers["content-type"]).toBeUndefined();
    expect(headers.authorization).toBe("Bearer tok");
    expect(headers["if-match"]).toBe('"1"');
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const parts = form.getAll("photo") as File[];
    expect(parts.map((p) => p.name)).toEqual(["drill.jpg", "photo-2"]);
    expect(parts.map((p) => p.size)).toEqual([3, 2]);
  });

  it("throws the problem as an ApiError", async () => {
    const problem = {
      type: "urn:x",
      title: "Unsupported media type",
      status: 415,
      detail: "not an image",
      code: "unsupported_media_type",
      requestId: "r",
    };
    const { client } = capture(415, problem);
    const error = await client.items
      .uploadPhotos({ params: { id: "item1" }, files: [new Blob(["hello"])] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("unsupported_media_type");
  });

  it("sends reorder as JSON and delete without a body", async () => {
    const { calls, client } = capture(200);
    await client.items.reorderPhotos({ params: { id: "item1" }, body: { photoIds: ["p2", "p1"] } });
    expect(calls[0]?.url).toBe("http://inv.test/items/item1/photos/order");
    expect(calls[0]?.init.method).toBe("PUT");
    expect(calls[0]?.init.body).toBe('{"photoIds":["p2","p1"]}');
    const deleted = capture(204);
    await deleted.client.items.deletePhoto({ params: { id: "item1", photoId: "p1" } });
    expect(deleted.calls[0]?.url).toBe("http://inv.test/items/item1/photos/p1");
    expect(deleted.calls[0]?.init.method).toBe("DELETE");
  });
});
