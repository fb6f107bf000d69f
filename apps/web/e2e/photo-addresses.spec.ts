import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Item } from "@sharehood/sdk";
import sharp from "sharp";
import { addPhoto, createItem, createUser, type TestUser } from "./support/api.ts";
import { WEB_PORT, WEB_URL } from "./support/stack.ts";

/** An item with one uploaded photo, as the Inventory API answers it. */
async function itemWithPhoto(owner: TestUser, title: string): Promise<Item> {
  const item = await createItem(owner, { title });
  return addPhoto(owner, item, { width: 48, height: 32, background: "#2a6", name: "photo.png" });
}

/** The picture loaded (the browser decoded it), from the origin the page was opened at. */
async function expectLoadedFromSite(page: Page, image: Locator, origin: string): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const source = await image.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(new URL(source).origin).toBe(origin);
  expect(await image.getAttribute("src")).toMatch(/^\/photos\/[A-Za-z0-9-]+\/(display|thumb)\.webp$/);
}

test("photos load at whichever address the site is opened at", async ({ page }) => {
  const owner = await createUser("Addie Addresses");
  const title = `Two-address lantern ${Date.now().toString(36)}`;
  await itemWithPhoto(owner, title);
  // AUTH_URL is 127.0.0.1; the same server answers at localhost, as a phone on the LAN would use
  // the machine's own address. The Inventory API's PUBLIC_URL is an address no browser reaches.
  for (const origin of [WEB_URL, `http://localhost:${WEB_PORT}`]) {
    await page.goto(`${origin}/?q=${encodeURIComponent(title)}`);
    const card = page.getByRole("article").filter({ hasText: title });
    await expectLoadedFromSite(page, card.locator("img"), origin);
    await card.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectLoadedFromSite(page, page.getByRole("img", { name: new RegExp(title) }).first(), origin);
  }
});

test("the site's photo route streams the file with its caching, and serves photo files only", async ({
  request,
}) => {
  const owner = await createUser("Cache Photographer");
  const item = await itemWithPhoto(owner, "Photo route test drill");
  const id = item.photos[0]?.id ?? "";
  const first = await request.get(`/photos/${id}/display.webp`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("image/webp");
  expect(first.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const etag = first.headers().etag ?? "";
  expect(etag).toMatch(/^".+"$/);
  expect((await sharp(await first.body()).metadata()).format).toBe("webp");

  const again = await request.get(`/photos/${id}/display.webp`, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect((await request.get(`/photos/${id}/thumb.webp`)).status()).toBe(200);

  for (const path of [
    `/photos/${id}/original.jpg`,
    `/photos/${id}/..%2Fthumb.webp`,
    `/photos/..%2F..%2Fhealthz/display.webp`,
    `/photos/${id}%2F..%2F..%2Fhealthz/display.webp`,
    `/photos/${"a".repeat(65)}/display.webp`,
    "/photos/01900000-0000-7000-8000-000000000000/display.webp",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
