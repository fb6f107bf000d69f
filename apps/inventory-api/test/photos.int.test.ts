import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { itemETag, type Item } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem, raw, refused } from "./fixtures.ts";
import {
  exifTags,
  filesUnder,
  GPS_IFD_TAG,
  image,
  phonePhoto,
  uploadRaw,
  type Part,
} from "./photo-fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let other: Awaited<ReturnType<TestStack["signUp"]>>;
let dataDir: string;
let png: Buffer;
let jpeg: Buffer;
let webp: Buffer;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "photos-int-"));
  stack = await startStack("photos", { inventory: { DATA_DIR: dataDir } });
  owner = await stack.signUp("Pia Photographer");
  other = await stack.signUp("Otto Other");
  [png, jpeg, webp] = await Promise.all([image("png"), image("jpeg"), image("webp")]);
});
afterAll(async () => {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
});

const photoDir = () => join(dataDir, "photos");
const storedFiles = () => filesUnder(photoDir());
const photoRows = () => stack.inventory.api.db.photo.count();
const newListing = () => owner.client.items.create({ body: newItem() });
const upload = (itemId: string, parts: Part[], token = owner.token, headers?: Record<string, string>) =>
  uploadRaw(stack.inventory.url, itemId, parts, { token, headers });
const blob = (bytes: Uint8Array) => new Blob([bytes]);

/** Runs a refused upload and checks that it left no row and no file behind. */
async function refusedLeavingNothing(run: () => Promise<{ status: number; body: Record<string, unknown> }>) {
  const [rowsBefore, filesBefore] = await Promise.all([photoRows(), storedFiles()]);
  const res = await run();
  expect(await photoRows()).toBe(rowsBefore);
  expect(await storedFiles()).toEqual(filesBefore);
  return res;
}

describe("uploading photos", () => {
  it("re-encodes a phone photo: orientation applied, EXIF and GPS gone, WebP display and thumbnail sizes", async () => {
    const original = await phonePhoto(2400, 1800);
    const input = await sharp(original).metadata();
    expect(input.orientation).toBe(6);
    expect(exifTags(input.exif)).toContain(GPS_IFD_TAG);

    const item = await newListing();
    const updated = await owner.client.items.uploadPhotos({
      params: { id: item.id },
      files: [new File([original], "IMG_0001.JPG", { type: "image/jpeg" })],
    });
    const [photo] = updated.photos;
    // 2400×1800 turned upright is 1800×2400, then fitted inside 1600×1600.
    expect(photo).toMatchObject({ width: 1200, height: 1600 });
    expect(photo!.url).toBe(`${stack.inventory.url}/photos/${photo!.id}/display.webp`);
    expect(photo!.thumbnailUrl).toBe(`${stack.inventory.url}/photos/${photo!.id}/thumb.webp`);

    for (const [url, width, height] of [
      [photo!.url, 1200, 1600],
      [photo!.thumbnailUrl, 480, 360],
    ] as const) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const served = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(served).toMatchObject({ format: "webp", width, height });
      expect(served.exif).toBeUndefined();
      expect(served.xmp).toBeUndefined();
      expect(served.orientation).toBeUndefined();
    }
  });

  it("does not enlarge a small photo, and stores two WebP files per photo", async () => {
    const item = await newListing();
    const res = await upload(item.id, [{ bytes: await image("png", 300, 200), name: "small.png" }]);
    expect(res.status).toBe(201);
    const photo = (res.body as unknown as Item).photos[0]!;
    expect(photo).toMatchObject({ width: 300, height: 200 });
    expect((await storedFiles()).filter((f) => f.startsWith(photo.id))).toEqual([
      `${photo.id}/display.webp`,
      `${photo.id}/thumb.webp`,
    ]);
  });

  it("accepts JPEG, PNG and WebP together, recognised by content whatever their names and declared types", async () => {
    const item = await newListing();
    const res = await upload(item.id, [
      { bytes: png, name: "notes.txt", type: "text/plain" },
      { bytes: jpeg, name: "holiday.png", type: "image/png" },
      { bytes: webp, name: "scan.pdf", type: "application/pdf" },
    ]);
    expect(res.status).toBe(201);
    expect((res.body as unknown as Item).photos).toHaveLength(3);
  });

  it("refuses a text file named .jpg and declared image/jpeg with 415, storing nothing", async () => {
    const item = await newListing();
    const res = await refusedLeavingNothing(() =>
      upload(item.id, [
        { bytes: png, name: "fine.png" },
        { bytes: Buffer.from("just some text, honest"), name: "photo.jpg", type: "image/jpeg" },
      ]),
    );
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      code: "unsupported_media_type",
      errors: [{ path: "photo[1]", message: "must be a JPEG, PNG or WebP image" }],
    });
  });

  it("refuses an image of another type (GIF) with 415", async () => {
    const item = await newListing();
    const res = await refusedLeavingNothing(async () =>
      upload(item.id, [{ bytes: await image("gif"), name: "anim.jpg", type: "image/jpeg" }]),
    );
    expect(res.status).toBe(415);
  });

  it("refuses a truncated image with 400 naming the file, storing nothing of the request", async () => {
    const item = await newListing();
    const big = await image("jpeg", 800, 600, "#123456");
    const res = await refusedLeavingNothing(() =>
      upload(item.id, [
        { bytes: png, name: "ok.png" },
        { bytes: big.subarray(0, Math.floor(big.length / 2)), name: "cut.jpg" },
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", errors: [{ path: "photo[1]" }] });
  });

  it("refuses a file over 8 MiB with 413, storing nothing", async () => {
    const item = await newListing();
    const tooBig = Buffer.alloc(8 * 1024 * 1024 + 1, 7);
    jpeg.copy(tooBig); // a real JPEG header in front, so only the size is wrong
    const res = await refusedLeavingNothing(() =>
      upload(item.id, [
        { bytes: png, name: "ok.png" },
        { bytes: tooBig, name: "huge.jpg" },
      ]),
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: "payload_too_large", errors: [{ path: "photo[1]" }] });
  });

  it("accepts a file of exactly 8 MiB as far as size goes (it is then judged by its content)", async () => {
    const item = await newListing();
    const exactly = Buffer.alloc(8 * 1024 * 1024, 0);
    jpeg.copy(exactly);
    // A JPEG followed by padding decodes fine: what matters is that the size limit let it through.
    const res = await upload(item.id, [{ bytes: exactly, name: "padded.jpg" }]);
    expect(res.status).toBe(201);
  });

  it("refuses bodies that are not a multipart upload of photo files", async () => {
    const item = await newListing();
    const url = `${stack.inventory.url}/items/${item.id}/photos`;
    const json = await raw(url, { method: "POST", token: owner.token, body: JSON.stringify({ photo: "x" }) });
    expect(json.status).toBe(415);
    const wrongField = await upload(item.id, [{ bytes: png, field: "file" }]);
    expect(wrongField.status).toBe(400);
    const withText = await uploadRaw(stack.inventory.url, item.id, [{ bytes: png }], {
      token: owner.token,
      text: { caption: "hello" },
    });
    expect(withText.status).toBe(400);
    const none = await uploadRaw(stack.inventory.url, item.id, [], { token: owner.token, text: {} });
    expect(none.status).toBe(400);
    const noBoundary = await raw(url, {
      method: "POST",
      token: owner.token,
      headers: { "content-type": "multipart/form-data" },
      body: "--x\r\n",
    });
    expect(noBoundary.status).toBe(400);
    expect(await stack.inventory.api.db.photo.count({ where: { itemId: item.id } })).toBe(0);
  });

  it("still refuses multipart bodies on every other route (415)", async () => {
    const form = new FormData();
    form.append("title", "Drill");
    const res = await fetch(`${stack.inventory.url}/items`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(415);
  });
});

describe("the photo limit", () => {
  it("holds at most 8 photos per item: an upload that would pass it is refused whole with 409", async () => {
    const item = await newListing();
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ bytes: png, name: `p${i}.png` }));
    expect((await refusedLeavingNothing(() => upload(item.id, files(9)))).status).toBe(409);
    expect((await upload(item.id, files(6))).status).toBe(201);
    const over = await refusedLeavingNothing(() => upload(item.id, files(3)));
    expect(over.status).toBe(409);
    expect(over.body.code).toBe("conflict");
    expect((await upload(item.id, files(2))).status).toBe(201);
    expect((await refusedLeavingNothing(() => upload(item.id, files(1)))).status).toBe(409);
    expect((await stack.client().items.get({ params: { id: item.id } })).photos).toHaveLength(8);
  });

  it("holds under concurrent uploads: of two racing uploads of 5, one is refused and its files removed", async () => {
    const item = await newListing();
    const five = Array.from({ length: 5 }, (_, i) => ({ bytes: png, name: `r${i}.png` }));
    const results = await Promise.all([upload(item.id, five), upload(item.id, five)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const photos = (await stack.client().items.get({ params: { id: item.id } })).photos;
    expect(photos).toHaveLength(5);
    const mine = (await storedFiles()).filter((f) => photos.some((p) => f.startsWith(p.id)));
    expect(mine).toHaveLength(10);
    expect(await stack.inventory.api.db.photo.count({ where: { itemId: item.id } })).toBe(5);
  });
});

describe("who may change photos", () => {
  it("refuses other users (403) and callers without a token (401); an admin may", async () => {
    const item = await newListing();
    const first = await owner.client.items.uploadPhotos({ params: { id: item.id }, files: [blob(png)] });
    const photoId = first.photos[0]!.id;

    expect((await refusedLeavingNothing(() => upload(item.id, [{ bytes: png }], other.token))).status).toBe(
      403,
    );
    expect((await upload(item.id, [{ bytes: png }], "")).status).toBe(401);
    await refused(other.client.items.deletePhoto({ params: { id: item.id, photoId } }), 403, "forbidden");
    await refused(
      other.client.items.reorderPhotos({ params: { id: item.id }, body: { photoIds: [photoId] } }),
      403,
      "forbidden",
    );

    const admin = await stack.admin();
    const byAdmin = await admin.client.items.uploadPhotos({ params: { id: item.id }, files: [blob(jpeg)] });
    expect(byAdmin.photos).toHaveLength(2);
    await admin.client.items.deletePhoto({ params: { id: item.id, photoId } });
  });

  it("answers 404 for an unknown item or photo", async () => {
    await refused(
      owner.client.items.uploadPhotos({ params: { id: "no-such-item" }, files: [blob(png)] }),
      404,
      "not_found",
    );
    const item = await newListing();
    await refused(
      owner.client.items.deletePhoto({ params: { id: item.id, photoId: "nope" } }),
      404,
      "not_found",
    );
  });
});

describe("ordering and removing photos", () => {
  it("reorders to any permutation of the item's photos, and refuses anything else with 400", async () => {
    const item = await newListing();
    const withPhotos = await owner.client.items.uploadPhotos({
      params: { id: item.id },
      files: [blob(png), blob(jpeg), blob(webp)],
    });
    const ids = withPhotos.photos.map((p) => p.id);
    const reversed = [...ids].reverse();
    const reordered = await owner.client.items.reorderPhotos({
      params: { id: item.id },
      body: { photoIds: reversed },
    });
    expect(reordered.photos.map((p) => p.id)).toEqual(reversed);
    expect(reordered.version).toBe(withPhotos.version + 1);
    expect((await stack.client().items.get({ params: { id: item.id } })).photos.map((p) => p.id)).toEqual(
      reversed,
    );

    for (const photoIds of [ids.slice(1), [...ids, "someone-elses"], [ids[0]!, ids[0]!, ids[1]!], []]) {
      await refused(
        owner.client.items.reorderPhotos({ params: { id: item.id }, body: { photoIds } }),
        400,
        "validation_failed",
      );
    }
  });

  it("deletes a photo: its row and its files go, its URLs answer 404, the rest keep their order", async () => {
    const item = await newListing();
    const withPhotos = await owner.client.items.uploadPhotos({
      params: { id: item.id },
      files: [blob(png), blob(jpeg), blob(webp)],
    });
    const [a, b, c] = withPhotos.photos;
    expect((await fetch(b!.url)).status).toBe(200);
    await owner.client.items.deletePhoto({ params: { id: item.id, photoId: b!.id } });
    expect((await storedFiles()).filter((f) => f.startsWith(b!.id))).toEqual([]);
    expect((await fetch(b!.url)).status).toBe(404);
    expect((await fetch(b!.thumbnailUrl)).status).toBe(404);
    const after = await stack.client().items.get({ params: { id: item.id } });
    expect(after.photos.map((p) => p.id)).toEqual([a!.id, c!.id]);
    expect(after.version).toBe(withPhotos.version + 1);
    await refused(
      owner.client.items.deletePhoto({ params: { id: item.id, photoId: b!.id } }),
      404,
      "not_found",
    );
  });

  it("removing the item removes its photos' rows and files", async () => {
    const item = await newListing();
    const withPhotos = await owner.client.items.uploadPhotos({
      params: { id: item.id },
      files: [blob(png), blob(webp)],
    });
    await owner.client.items.delete({ params: { id: item.id } });
    expect(await stack.inventory.api.db.photo.count({ where: { itemId: item.id } })).toBe(0);
    for (const photo of withPhotos.photos) {
      expect((await storedFiles()).filter((f) => f.startsWith(photo.id))).toEqual([]);
      expect((await fetch(photo.url)).status).toBe(404);
    }
  });

  it("deleting an account removes the photos of every item it listed", async () => {
    const leaver = await stack.signUp("Lea Leaving");
    const item = await leaver.client.items.create({ body: newItem() });
    const withPhotos = await leaver.client.items.uploadPhotos({
      params: { id: item.id },
      files: [blob(png)],
    });
    const photo = withPhotos.photos[0]!;
    await leaver.client.users.deleteMe({ body: { currentPassword: leaver.password } });
    // The User API announces the deletion over Redis; the Inventory API reacts asynchronously.
    await expect
      .poll(() => stack.inventory.api.db.photo.count({ where: { itemId: item.id } }), { timeout: 10_000 })
      .toBe(0);
    await expect.poll(async () => (await fetch(photo.url)).status, { timeout: 10_000 }).toBe(404);
    expect((await storedFiles()).filter((f) => f.startsWith(photo.id))).toEqual([]);
  });
});

describe("serving and caching", () => {
  it("serves photos publicly as immutable WebP with an ETag, to pages on other origins", async () => {
    const item = await newListing();
    const { photos } = await owner.client.items.uploadPhotos({ params: { id: item.id }, files: [blob(png)] });
    const res = await fetch(photos[0]!.url, { headers: { origin: "http://localhost:3000" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(photos[0]!.url, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    for (const path of [
      "/photos/x/other.webp",
      "/photos/..%2F..%2Fetc/display.webp",
      `/photos/${photos[0]!.id}/display.png`,
    ]) {
      expect((await fetch(`${stack.inventory.url}${path}`)).status).toBe(404);
    }
  });

  it("bumps the item's version (ETag) and refreshes cached reads on every photo change; If-Match guards it", async () => {
    const item = await newListing();
    const url = `${stack.inventory.url}/items/${item.id}`;
    const listUrl = `${stack.inventory.url}/items?ownerId=${owner.id}&limit=100`;
    const listedPhotos = async () =>
      ((await raw(listUrl)).body.items as Item[]).find((i) => i.id === item.id)?.photos.length;
    const before = await raw(url); // now cached
    expect(before.headers.get("etag")).toBe(itemETag(item));
    expect(await listedPhotos()).toBe(0);

    const stale = await upload(item.id, [{ bytes: png }], owner.token, { "if-match": '"999"' });
    expect(stale.status).toBe(412);

    const added = await owner.client.items.uploadPhotos(
      { params: { id: item.id }, files: [blob(png), blob(jpeg)] },
      { ifMatch: itemETag(item) },
    );
    expect(added.version).toBe(item.version + 1);
    const afterUpload = await raw(url);
    expect(afterUpload.headers.get("etag")).toBe(itemETag(added));
    expect((afterUpload.body.photos as unknown[]).length).toBe(2);
    expect(await listedPhotos()).toBe(2);
    expect((await raw(url, { headers: { "if-none-match": before.headers.get("etag")! } })).status).toBe(200);

    const ids = added.photos.map((p) => p.id);
    const reordered = await owner.client.items.reorderPhotos(
      { params: { id: item.id }, body: { photoIds: [...ids].reverse() } },
      { ifMatch: itemETag(added) },
    );
    expect((await raw(url)).headers.get("etag")).toBe(itemETag(reordered));

    await refused(
      owner.client.items.deletePhoto(
        { params: { id: item.id, photoId: ids[0]! } },
        { ifMatch: itemETag(added) },
      ),
      412,
      "precondition_failed",
    );
    await owner.client.items.deletePhoto(
      { params: { id: item.id, photoId: ids[0]! } },
      { ifMatch: itemETag(reordered) },
    );
    const afterDelete = await raw(url);
    expect(afterDelete.headers.get("etag")).toBe(`"${reordered.version + 1}"`);
    expect(await listedPhotos()).toBe(1);
  });

  it("documents the upload as multipart/form-data in the OpenAPI document", async () => {
    const doc = (await raw(`${stack.inventory.url}/openapi.json`)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(doc.paths["/items/{id}/photos"]!.post!.requestBody!.content)).toEqual([
      "multipart/form-data",
    ]);
  });
});
