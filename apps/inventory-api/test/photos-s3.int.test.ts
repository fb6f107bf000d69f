import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem } from "./fixtures.ts";
import { image, phonePhoto } from "./photo-fixtures.ts";
import { startS3Server, type TestS3Server } from "./s3-server.ts";
import { startStack, type TestStack } from "./stack.ts";

let s3: TestS3Server;
let stack: TestStack;

beforeAll(async () => {
  s3 = await startS3Server();
  stack = await startStack("photos_s3", { inventory: s3.env });
});
afterAll(async () => {
  await stack.close();
  await s3.close();
});

describe("photos on an S3-compatible store (s3rver)", () => {
  it("stores both files in the bucket, serves them, and removes them with the photo and the item", async () => {
    const owner = await stack.signUp();
    const item = await owner.client.items.create({ body: newItem() });
    const withPhotos = await owner.client.items.uploadPhotos({
      params: { id: item.id },
      files: [new Blob([await phonePhoto(1000, 800)]), new Blob([await image("png")])],
    });
    const [first, second] = withPhotos.photos;
    expect(await s3.keys()).toEqual(
      [first!, second!].flatMap((p) => [`${p.id}/display.webp`, `${p.id}/thumb.webp`]).sort(),
    );

    const res = await fetch(first!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const served = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(served).toMatchObject({ format: "webp", width: 800, height: 1000 });
    expect(served.exif).toBeUndefined();

    await owner.client.items.deletePhoto({ params: { id: item.id, photoId: first!.id } });
    expect(await s3.keys()).toEqual([`${second!.id}/display.webp`, `${second!.id}/thumb.webp`]);
    expect((await fetch(first!.url)).status).toBe(404);

    await owner.client.items.delete({ params: { id: item.id } });
    expect(await s3.keys()).toEqual([]);
  });

  it("answers 503 for photo reads and writes while the store is unreachable, storing no row", async () => {
    const owner = await stack.signUp();
    const item = await owner.client.items.create({ body: newItem() });
    const { photos } = await owner.client.items.uploadPhotos({
      params: { id: item.id },
      files: [new Blob([await image("png")])],
    });
    await s3.close();
    try {
      expect((await fetch(photos[0]!.url)).status).toBe(503);
      const error = await owner.client.items
        .uploadPhotos({ params: { id: item.id }, files: [new Blob([await image("jpeg")])] })
        .catch((e: { status?: number }) => e);
      expect((error as { status?: number }).status).toBe(503);
      expect(await stack.inventory.api.db.photo.count({ where: { itemId: item.id } })).toBe(1);
    } finally {
      s3 = await startS3Server();
    }
  });
});
