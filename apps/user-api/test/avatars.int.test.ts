import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventsAbout, expectProblem, register, startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
let dataDir: string;
const PUBLIC_URL = "https://users.sharehood.test";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "avatars-"));
  t = await startTestApi("avatars", { DATA_DIR: dataDir, PUBLIC_URL });
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const upload = (token: string, ...files: { bytes: Buffer; name?: string }[]) => {
  const req = t.http.put("/users/me/avatar").set(bearer(token));
  for (const file of files) req.attach("photo", file.bytes, { filename: file.name ?? "me.jpg" });
  return req;
};
/** The path part of an avatar URL (the tests reach the API in-process, not at PUBLIC_URL). */
const pathOf = (url: string) => new URL(url).pathname;
const storedFiles = async () => readdir(join(dataDir, "avatars")).catch(() => []);

/** A JPEG as a phone makes it: turned by EXIF orientation 6, with the camera's make and GPS coordinates. */
const phonePhoto = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: "#3264c8" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "PhoneCo" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1" },
    })
    .toBuffer();

describe("avatars", () => {
  it("re-encodes an upload as a square WebP without metadata, served for good; a new one replaces it", async () => {
    const me = await register(t.http);
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const res = await upload(me.accessToken, { bytes: photo }).expect(200);
    const first = res.body.avatarUrl as string;
    expect(first).toMatch(/^https:\/\/users\.sharehood\.test\/avatars\/[0-9a-f-]{36}\.webp$/);
    const file = await t.http.get(pathOf(first)).buffer(true).expect(200);
    expect(file.headers["content-type"]).toBe("image/webp");
    expect(file.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    await t.http.get(pathOf(first)).set("if-none-match", file.headers.etag!).expect(304);
    const stored = await sharp(file.body as Buffer).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 256, height: 256 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();

    // Everyone sees it: the public profile, and the services validating the person's token.
    expect((await t.http.get(`/users/${me.user.id}`)).body.avatarUrl).toBe(first);
    const validated = await t.http.post("/auth/validate-token").send({ token: me.accessToken });
    expect(validated.body.user.avatarUrl).toBe(first);

    // A new upload gets a new address; the old file is gone.
    const png = await sharp({ create: { width: 120, height: 300, channels: 3, background: "#c86432" } })
      .png()
      .toBuffer();
    const second = (await upload(me.accessToken, { bytes: png, name: "me.png" }).expect(200)).body
      .avatarUrl as string;
    expect(second).not.toBe(first);
    await t.http.get(pathOf(first)).expect(404);
    expect(await storedFiles()).toEqual([pathOf(second).split("/").pop()]);

    // Removing it clears the address and the file; each change told the other services.
    await t.http.delete("/users/me/avatar").set(bearer(me.accessToken)).expect(204);
    expect((await t.http.get("/users/me").set(bearer(me.accessToken))).body.avatarUrl).toBeNull();
    await t.http.get(pathOf(second)).expect(404);
    expect(await storedFiles()).toEqual([]);
    const renamed = (await eventsAbout(t, me.user.id)).flatMap((event) =>
      event.type === "account.renamed" ? [event.payload.avatarUrl] : [],
    );
    expect(renamed).toEqual([first, second, null]);
  });

  it("refuses what is not one image of at most 5 MiB, changing nothing", async () => {
    const me = await register(t.http);
    const jpeg = await phonePhoto();
    const kept = (await upload(me.accessToken, { bytes: jpeg }).expect(200)).body.avatarUrl as string;
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();

    expectProblem(
      await upload(me.accessToken, { bytes: gif, name: "me.jpg" }),
      415,
      "unsupported_media_type",
    );
    expectProblem(
      await upload(me.accessToken, { bytes: Buffer.from("hello, I am text"), name: "me.png" }),
      415,
      "unsupported_media_type",
    );
    const huge = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    expectProblem(await upload(me.accessToken, { bytes: huge }), 413, "payload_too_large");
    expectProblem(
      await upload(me.accessToken, { bytes: png.subarray(0, png.length >> 1), name: "me.png" }),
      400,
      "validation_failed",
    );
    expectProblem(await upload(me.accessToken, { bytes: jpeg }, { bytes: jpeg }), 400, "validation_failed");
    expectProblem(await upload(me.accessToken), 415, "unsupported_media_type"); // no body at all
    expectProblem(
      await t.http.put("/users/me/avatar").set(bearer(me.accessToken)).send({ photo: "x" }),
      415,
      "unsupported_media_type",
    );
    expectProblem(
      await t.http.put("/users/me/avatar").attach("photo", jpeg, "me.jpg"),
      401,
      "unauthenticated",
    );

    expect((await t.http.get("/users/me").set(bearer(me.accessToken))).body.avatarUrl).toBe(kept);
    expect(await storedFiles()).toEqual([pathOf(kept).split("/").pop()]);
    await t.http.get("/avatars/not-an-avatar.webp").expect(404);
    await t.http.get("/avatars/..%2Fpg.webp").expect(404);
  });
});
