import { expect, test } from "@playwright/test";
import { createItem, createUser, uniqueEmail } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";

test("register, list an item, see it publicly, edit it and delete it", async ({ page, browser }) => {
  const email = uniqueEmail("lister");
  const title = `Sturdy step ladder ${Date.now().toString(36)}`;

  await page.goto("/register");
  // axe: /register is checked once, in phone/page-widths.spec.ts.
  await page.getByLabel("Your name").fill("Liam Lister");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-password-error")).toContainText("at least 8 characters");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("link", { name: "List an item" }).first()).toBeVisible();

  await page.goto("/items/new");
  await page.getByRole("button", { name: "List item" }).click();
  await expect(page.locator("#field-title-error")).toHaveText("Give your item a title");
  await expect(page.locator("#field-categoryId-error")).toHaveText("Choose a category");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Five steps, folds flat. Good for painting ceilings.");
  await page.getByLabel("Category").selectOption({ label: "Tools" });
  await page.getByLabel("Condition").selectOption({ label: "Good condition" });
  await page.getByLabel("Where to pick it up (optional)").fill("Elm Court");
  await page.getByRole("button", { name: "List item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Your item is listed")).toBeVisible();
  await expect(page.getByText("This is your item.")).toBeVisible();
  const itemUrl = page.url().replace(/\?.*$/, "");

  // Anyone can see it, without signing in.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/?q=${encodeURIComponent(title)}`);
  await visitorPage.getByRole("link", { name: title }).click();
  await expect(visitorPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(visitorPage.getByRole("link", { name: "Edit listing" })).toHaveCount(0);
  await visitor.close();

  await page.getByRole("link", { name: "Edit listing" }).click();
  await expect(page.getByRole("heading", { name: "Edit listing" })).toBeVisible();
  await page.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#field-title-error")).toHaveText("Give your item a title");
  await page.getByLabel("Title").fill(`${title} (aluminium)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title} (aluminium)` })).toBeVisible();
  await expect(page.getByText("Your changes are saved.")).toBeVisible();

  await page.getByRole("link", { name: "My listings" }).first().click();
  const card = page.getByRole("article").filter({ hasText: title });
  await expect(card).toBeVisible();
  // axe: My listings is checked once, in phone/page-widths.spec.ts.
  await saveScreenshot(page, "my-listings");
  await card.getByRole("button", { name: `Delete ${title} (aluminium)` }).click();
  await card.getByRole("button", { name: /Yes, delete/ }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "You haven't listed anything yet" })).toBeVisible();

  const gone = await page.goto(itemUrl);
  expect(gone?.status()).toBe(404);
});

test("a stale edit is refused with If-Match instead of overwriting a newer change", async ({ page }) => {
  const owner = await createUser("Olive Owner");
  const item = await createItem(owner, { title: "Paint sprayer" });
  await signInByForm(page, owner.email, owner.password);
  await page.goto(`/items/${item.id}/edit`);
  // Someone (another tab) saves a change after this form was opened.
  await owner.client.items.update({ params: { id: item.id }, body: { title: "Paint sprayer (new nozzle)" } });
  await page.getByLabel("Title").fill("Paint sprayer, my edit");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone changed this" })).toBeVisible();
});

test("someone else's item: no edit controls, and its edit page says not allowed", async ({ page }) => {
  const owner = await createUser("Priya Owner");
  const item = await createItem(owner, { title: "Pasta machine", categoryId: "kitchen" });
  const other = await createUser("Sam Someone");
  await signInByForm(page, other.email, other.password);

  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Pasta machine" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit listing" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);

  await page.goto(`/items/${item.id}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "You can't edit this listing" })).toBeVisible();
  await expect(page.getByText("belongs to Priya Owner")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "not-allowed");
});
