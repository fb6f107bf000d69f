import { expect, test } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import {
  expectNoSeriousA11yViolations,
  expectOutlineAndCanonical,
  saveScreenshot,
} from "./support/page-helpers.ts";

const tag = `b${Date.now().toString(36)}`;

test.describe("browsing without an account", () => {
  let projectorId = "";

  test.beforeAll(async () => {
    const lender = await createUser("Lena Lender");
    const projector = await createItem(lender, {
      title: `Cinema projector ${tag}`,
      description: "Full HD projector with a pull-down screen.",
      categoryId: "electronics",
      condition: "like_new",
      location: "Harbour Lane",
    });
    projectorId = projector.id;
    await createItem(lender, { title: `Camping stove ${tag}`, categoryId: "camping", condition: "fair" });
    await createItem(lender, { title: `Hedge trimmer ${tag}`, categoryId: "garden", condition: "worn" });
    // A booked fortnight, so the availability filter has something to leave out.
    const borrower = await createUser("Bo Borrower");
    const loan = await borrower.client.loans.request({
      params: { id: projector.id },
      body: { startDate: dateFromToday(10), endDate: dateFromToday(14) },
    });
    await lender.client.loans.approve({ params: { id: loan.id } });
  });

  test("the home page is server-rendered: a shared link shows items without JavaScript", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/?q=${encodeURIComponent(`projector ${tag}`)}`);
    await expect(page).toHaveTitle(/Sharehood/);
    await expect(page.getByRole("link", { name: `Cinema projector ${tag}` })).toBeVisible();
    await expect(page.getByText("Lena Lender").first()).toBeVisible();
    // A search is the browse page filtered: search engines are pointed at the page itself.
    await expectOutlineAndCanonical(page, "/");
    await context.close();
  });

  test("searches, filters by category and by free dates, and shows an empty state", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const search = page.getByRole("combobox", { name: "Search items" });
    await search.fill(tag);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    const results = page.getByRole("list", { name: "Items" });
    await expect(results.getByRole("article")).toHaveCount(3);
    await saveScreenshot(page, "browse-search");

    await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Camping" }).click();
    await expect(page).toHaveURL(/category=camping/);
    await expect(results.getByRole("article")).toHaveCount(1);
    await expect(results.getByRole("link", { name: `Camping stove ${tag}` })).toBeVisible();

    await page.getByRole("link", { name: "Everything" }).click();
    await expect(results.getByRole("article")).toHaveCount(3);
    await page.getByLabel("Available from").fill(dateFromToday(11));
    await page.getByLabel("until").fill(dateFromToday(12));
    await page.getByRole("button", { name: "Search" }).click();
    await expect(results.getByRole("article")).toHaveCount(2);
    await expect(results.getByRole("link", { name: `Cinema projector ${tag}` })).toHaveCount(0);

    await search.fill(`nothing-like-this-${tag}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { name: "Nothing matches that yet" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("an item page shows its details and booked dates, and asks visitors to sign in to borrow", async ({
    page,
  }) => {
    await page.goto(`/items/${projectorId}`);
    await expect(page.getByRole("heading", { level: 1, name: `Cinema projector ${tag}` })).toBeVisible();
    await expect(page.getByText("Like new")).toBeVisible();
    await expect(page.getByText("Harbour Lane")).toBeVisible();
    await expect(page.getByRole("region", { name: "Already booked" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Sign in to borrow" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Borrow request" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await expectOutlineAndCanonical(page, `/items/${projectorId}`);
    await saveScreenshot(page, "item-public");
  });

  test("an unknown page or item shows the 404 page", async ({ page }) => {
    const response = await page.goto("/items/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await page.goto("/no/such/page");
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    // axe: the not-found page is checked once, in phone/page-widths.spec.ts.
  });

  test("works on a phone-sized screen", async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`/?q=${tag}`);
    await expect(page.getByRole("list", { name: "Items" }).getByRole("article")).toHaveCount(3);
    await page.getByText("Menu").click();
    await expect(
      page.getByRole("navigation", { name: "Mobile" }).getByRole("link", { name: "Sign in" }),
    ).toBeVisible();
    // axe: the open menu at phone width is checked in phone/main-flows.spec.ts.
    await saveScreenshot(page, "browse-phone");
    await context.close();
  });
});
