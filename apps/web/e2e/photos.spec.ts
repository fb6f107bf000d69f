import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createUser } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signIn } from "./support/page-helpers.ts";

// Small photos made here (no downloads): one red JPEG and one blue PNG, so each can be recognised
// again after the Inventory API re-encodes them.
async function solid(color: { r: number; g: number; b: number }, format: "jpeg" | "png"): Promise<Buffer> {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: color } });
  return format === "jpeg" ? image.jpeg().toBuffer() : image.png().toBuffer();
}

/** The dominant colour of the image at `src`, as the browser loads it. */
async function colourOf(page: Page, src: string | null): Promise<"red" | "blue"> {
  expect(src).toBeTruthy();
  const response = await page.request.get(src ?? "");
  expect(response.ok()).toBe(true);
  const { channels } = await sharp(await response.body()).stats();
  return (channels[0]?.mean ?? 0) > (channels[2]?.mean ?? 0) ? "red" : "blue";
}

test("list an item with two photos, see them on the card and in the gallery, reorder and remove", async ({
  page,
}) => {
  const owner = await createUser("Pia Photographer");
  const title = `Camping stove ${Date.now().toString(36)}`;
  const red = await solid({ r: 220, g: 20, b: 20 }, "jpeg");
  const blue = await solid({ r: 20, g: 20, b: 220 }, "png");
  await signIn(page, owner.email, owner.password);

  await page.goto("/items/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Two burners, gas canister included.");
  await page.getByLabel("Category").selectOption({ label: "Camping" });
  await page.getByLabel("Condition").selectOption({ label: "Good condition" });

  // The browser's own checks: not an image.
  const picker = page.getByLabel("Add photos");
  await picker.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.locator("#field-photos-error")).toContainText(
    "“notes.txt” is not a JPEG, PNG or WebP image.",
  );

  await picker.setInputFiles([
    { name: "red.jpg", mimeType: "image/jpeg", buffer: red },
    { name: "blue.png", mimeType: "image/png", buffer: blue },
  ]);
  const previews = page.getByRole("list", { name: "Photos, in order" }).getByRole("listitem");
  await expect(previews).toHaveCount(2);
  await expect(page.locator("#field-photos-error")).toHaveCount(0);
  await expect(page.getByRole("img", { name: "Photo 1: red.jpg" })).toBeVisible();
  // Reorder before listing, then back: local only, nothing is uploaded yet.
  await page.getByRole("button", { name: "Move photo 1 later" }).click();
  await expect(page.getByRole("img", { name: "Photo 1: blue.png" })).toBeVisible();
  await page.getByRole("button", { name: "Move photo 2 earlier" }).click();
  await expect(page.getByRole("img", { name: "Photo 1: red.jpg" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "listing-photos-form");

  await page.getByRole("button", { name: "List item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Your item is listed")).toBeVisible();
  const itemUrl = page.url().replace(/\?.*$/, "");

  // The gallery: both photos, the red one first; thumbnails choose the main photo (keyboard too).
  const thumbnails = page.getByRole("list", { name: `Photos of ${title}` }).getByRole("button");
  await expect(thumbnails).toHaveCount(2);
  const main = page.getByRole("img", { name: `${title}, photo 1 of 2` });
  expect(await colourOf(page, await main.getAttribute("src"))).toBe("red");
  await thumbnails.first().focus();
  await page.keyboard.press("ArrowRight");
  const second = page.getByRole("img", { name: `${title}, photo 2 of 2` });
  expect(await colourOf(page, await second.getAttribute("src"))).toBe("blue");
  await expect(thumbnails.nth(1)).toBeFocused();
  await expect(thumbnails.nth(1)).toHaveAttribute("aria-current", "true");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "item-gallery");

  // The browse card shows the first photo's thumbnail.
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const card = page.getByRole("article").filter({ hasText: title });
  const cardImage = card.locator("img");
  await expect(cardImage).toHaveAttribute("src", /\/photos\/.+\/thumb\.webp$/);
  expect(await colourOf(page, await cardImage.getAttribute("src"))).toBe("red");

  // Reorder on the edit page (saved at once): the blue one becomes the cover.
  await page.goto(`${itemUrl}/edit`);
  const saved = page.getByRole("list", { name: "Photos, in order" }).getByRole("listitem");
  await expect(saved).toHaveCount(2);
  await page.getByRole("button", { name: "Move photo 2 earlier" }).click();
  await expect(page.getByRole("button", { name: "Move photo 1 later" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Move photo 1 later" })).toBeEnabled();
  await page.goto(itemUrl);
  expect(await colourOf(page, await main.getAttribute("src"))).toBe("blue");
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  expect(await colourOf(page, await cardImage.getAttribute("src"))).toBe("blue");

  // Remove the (now first) blue photo; the red one is left, alone.
  await page.goto(`${itemUrl}/edit`);
  await page.getByRole("button", { name: "Remove photo 1" }).click();
  await expect(saved).toHaveCount(1);
  // The edit form still saves afterwards: its version followed the photo changes.
  await page.getByLabel("Title").fill(`${title} (with pan)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();
  await expect(thumbnails).toHaveCount(0);
  const only = page.getByRole("img", { name: `Photo of ${title} (with pan)` });
  expect(await colourOf(page, await only.getAttribute("src"))).toBe("red");
});
