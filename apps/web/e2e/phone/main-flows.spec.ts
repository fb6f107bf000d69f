import { expect, test, type Page } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "../support/api.ts";
import {
  expectNoSeriousA11yViolations,
  saveScreenshot,
  signIn,
  signInByForm,
} from "../support/page-helpers.ts";

// The main flows once on a 390 px touch phone (the "phone" project), through the phone menu.

const menuButton = (page: Page) => page.getByRole("button", { name: "Menu" });
const menu = (page: Page) => page.getByRole("navigation", { name: "Mobile" });

/** Opens the phone menu, taps one of its pages and checks the menu closed behind it. */
async function goThroughMenu(page: Page, label: string, path: RegExp): Promise<void> {
  await menuButton(page).tap();
  await expect(menu(page)).toBeVisible();
  await menu(page).getByRole("link", { name: label, exact: true }).tap();
  await expect(page).toHaveURL(path);
  await expect(menu(page)).toBeHidden();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton(page)).toBeFocused();
}

test("a visitor browses, searches and opens an item; the menu closes by itself, on Escape and outside", async ({
  page,
}) => {
  const tag = `p${Date.now().toString(36)}`;
  const lender = await createUser("Pim Phonelender");
  await createItem(lender, { title: `Folding bike ${tag}`, categoryId: "sports", location: "Canal Walk" });
  await createItem(lender, { title: `Bike pump ${tag}`, categoryId: "sports" });
  expect(page.viewportSize()?.width).toBe(390);

  await page.goto("/");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await menuButton(page).tap();
  await expect(menu(page)).toBeVisible();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  await expectNoSeriousA11yViolations(page);
  // Escape closes it, and the focus is back on its button.
  await page.keyboard.press("Escape");
  await expect(menu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();

  // Open from the keyboard: Tab goes round the button and the menu's links, never behind it.
  await page.keyboard.press("Enter");
  await expect(menu(page)).toBeVisible();
  const links = ["Browse", "Sign in", "Join Sharehood"];
  for (const name of links) {
    await page.keyboard.press("Tab");
    await expect(menu(page).getByRole("link", { name })).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(menu(page).getByRole("link", { name: "Join Sharehood" })).toBeFocused();
  // A tap outside closes it too.
  await page.getByRole("heading", { level: 1 }).tap();
  await expect(menu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();

  const search = page.getByRole("combobox", { name: "Search items" });
  await search.tap();
  await search.fill(tag);
  await page.getByRole("button", { name: "Search" }).tap();
  const results = page.getByRole("list", { name: "Items" });
  await expect(results.getByRole("article")).toHaveCount(2);
  await saveScreenshot(page, "phone-search");
  await results.getByRole("link", { name: `Folding bike ${tag}` }).tap();
  await expect(page.getByRole("heading", { level: 1, name: `Folding bike ${tag}` })).toBeVisible();
  await expect(page.getByText("Canal Walk")).toBeVisible();
  // axe: an item page is checked once, in phone/page-widths.spec.ts.

  await goThroughMenu(page, "Sign in", /\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome back" })).toBeVisible();
});

test("on a phone, people sign in, list an item, ask to borrow it and answer the request", async ({
  browser,
}) => {
  const owner = await createUser("Phoebe Phoneowner");
  const borrower = await createUser("Barry Phoneborrower");
  const title = `Pressure washer ${Date.now().toString(36)}`;
  const ownerContext = await browser.newContext();
  const borrowerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  const borrowerPage = await borrowerContext.newPage();
  expect(ownerPage.viewportSize()?.width).toBe(390);

  // Sign in, then list an item from the menu.
  await signIn(ownerPage, owner.email, owner.password);
  await goThroughMenu(ownerPage, "List an item", /\/items\/new$/);
  await ownerPage.getByLabel("Title").fill(title);
  await ownerPage.getByLabel("Description").fill("Cleans patios and bikes. Hose included.");
  await ownerPage.getByLabel("Category").selectOption({ label: "Garden" });
  await ownerPage.getByLabel("Condition").selectOption({ label: "Good condition" });
  await ownerPage.getByRole("button", { name: "List item" }).tap();
  await expect(ownerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const itemUrl = ownerPage.url().replace(/\?.*$/, "");
  await goThroughMenu(ownerPage, "My listings", /\/listings$/);
  await expect(ownerPage.getByRole("article").filter({ hasText: title })).toBeVisible();

  // Someone else asks to borrow it.
  await signInByForm(borrowerPage, borrower.email, borrower.password);
  await borrowerPage.goto(itemUrl);
  await borrowerPage.getByLabel("From").fill(dateFromToday(4));
  await borrowerPage.getByLabel("Until").fill(dateFromToday(6));
  await borrowerPage.getByLabel("Message to the owner (optional)").fill("For the garden path, if that's OK.");
  await borrowerPage.getByRole("button", { name: "Request to borrow" }).tap();
  await expect(borrowerPage.getByText("Request sent")).toBeVisible();
  await goThroughMenu(borrowerPage, "Borrowing", /\/loans$/);
  const borrowerCard = borrowerPage.getByRole("article", { name: new RegExp(title) });
  await expect(borrowerCard.getByText("Waiting for approval")).toBeVisible();
  // axe: the loans page is checked once, in phone/page-widths.spec.ts.

  // The owner answers it.
  await goThroughMenu(ownerPage, "Borrowing", /\/loans$/);
  await ownerPage
    .getByRole("navigation", { name: "Loan lists" })
    .getByRole("link", { name: "Requests for my items" })
    .tap();
  const ownerCard = ownerPage.getByRole("article", { name: new RegExp(title) });
  await expect(ownerCard.getByText("Requested by Barry Phoneborrower")).toBeVisible();
  await ownerCard.getByRole("button", { name: "Approve" }).tap();
  await expect(ownerCard.getByText("Approved", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(ownerPage);
  await saveScreenshot(ownerPage, "phone-loans-owner");

  await borrowerPage.reload();
  await expect(borrowerCard.getByText("Approved", { exact: true })).toBeVisible();
  await ownerContext.close();
  await borrowerContext.close();
});
