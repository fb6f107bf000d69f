import { request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { itemETag } from "@sharehood/sdk";
import sharp from "sharp";
import { createItem, createUser } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";
import { WEB_URL } from "./support/stack.ts";

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
  await signInByForm(page, owner.email, owner.password);

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

/**
 * POSTs `totalBytes` of multipart body to the web app in 64 KiB chunks with Transfer-Encoding:
 * chunked (no Content-Length at all), and answers the status, type and body of the response.
 */
function postChunked(path: string, headers: Record<string, string>, totalBytes: number) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const boundary = "----sharehood-e2e";
    const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="note"\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const req = httpRequest(`${WEB_URL}${path}`, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "transfer-encoding": "chunked",
      },
    });
    let answered = false;
    req.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => (body += part));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body }),
      );
    });
    // The server may stop reading once it has answered: a write error after that is expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes && !answered) {
        sent += chunk.length;
        if (!req.write(sent === chunk.length ? Buffer.concat([head, chunk]) : chunk))
          return void req.once("drain", pump);
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

test("a photo upload with no Content-Length is refused with 413 once it passes the limit", async ({
  page,
  context,
}) => {
  const owner = await createUser("Chuck Chunked");
  const item = await createItem(owner, { title: "Chunked body test" });
  await signInByForm(page, owner.email, owner.password);
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  // Past one 8 MiB photo and the framing, and under the 10 MB Next.js buffers for its proxy.
  const response = await postChunked(
    `/api/items/${item.id}/photos`,
    { cookie, "if-match": itemETag(item), accept: "application/json" },
    9 * 1024 * 1024,
  );
  expect(response.status).toBe(413);
  expect(response.type).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(response.body)).toMatchObject({
    status: 413,
    code: "payload_too_large",
    detail: "Each photo can be at most 8 MB.",
  });
});
