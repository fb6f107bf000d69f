import { expect, test, type Page } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";

async function requestToBorrow(page: Page, start: string, end: string, message?: string) {
  await page.getByLabel("From").fill(start);
  await page.getByLabel("Until").fill(end);
  if (message) await page.getByLabel("Message to the owner (optional)").fill(message);
  await page.getByRole("button", { name: "Request to borrow" }).click();
}

test("two people go through a whole loan: request, approve, hand over, return", async ({ browser }) => {
  const owner = await createUser("Olga Owner");
  const borrower = await createUser("Ben Borrower");
  const title = `Carpet cleaner ${Date.now().toString(36)}`;
  const item = await createItem(owner, { title, categoryId: "other" });

  const ownerContext = await browser.newContext();
  const borrowerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  const borrowerPage = await borrowerContext.newPage();
  await signInByForm(ownerPage, owner.email, owner.password);
  await signInByForm(borrowerPage, borrower.email, borrower.password);

  // The owner cannot borrow their own item.
  await ownerPage.goto(`/items/${item.id}`);
  await expect(ownerPage.getByText("This is your item.")).toBeVisible();
  await expect(ownerPage.getByRole("button", { name: "Request to borrow" })).toHaveCount(0);

  await borrowerPage.goto(`/items/${item.id}`);
  // axe: an item page signed in is checked once, in phone/page-widths.spec.ts.
  // A reversed range is refused in the browser, next to the field.
  await requestToBorrow(borrowerPage, dateFromToday(5), dateFromToday(3));
  await expect(borrowerPage.locator("#field-endDate-error")).toHaveText("Must not be before the start date");
  await requestToBorrow(
    borrowerPage,
    dateFromToday(3),
    dateFromToday(5),
    "Moving out, need it for a day or two.",
  );
  await expect(borrowerPage.getByText("Request sent")).toBeVisible();

  await borrowerPage.getByRole("link", { name: "Borrowing" }).first().click();
  const borrowerCard = borrowerPage.getByRole("article", { name: new RegExp(title) });
  await expect(borrowerCard.getByText("Waiting for approval")).toBeVisible();

  // The owner answers from the dashboard; each step updates the list in place.
  await ownerPage.goto("/loans?view=owner");
  const ownerCard = ownerPage.getByRole("article", { name: new RegExp(title) });
  await expect(ownerCard.getByText("Requested by Ben Borrower")).toBeVisible();
  await expect(ownerCard.getByText("Moving out")).toBeVisible();
  // axe: requests for my items is checked once, in phone/page-widths.spec.ts.
  await ownerCard.getByRole("button", { name: "Approve" }).click();
  await expect(ownerCard.getByText("Approved", { exact: true })).toBeVisible();
  await ownerCard.getByRole("button", { name: "Mark as handed over" }).click();
  await expect(ownerCard.getByText("Borrowed now", { exact: true })).toBeVisible();
  await saveScreenshot(ownerPage, "loan-owner-dashboard");

  await borrowerPage.reload();
  await expect(borrowerCard.getByText("Borrowed now", { exact: true })).toBeVisible();
  await expect(borrowerCard.getByRole("button", { name: "Cancel" })).toHaveCount(0);

  await ownerCard.getByRole("button", { name: "Confirm return" }).click();
  await expect(ownerCard.getByText("Returned", { exact: true })).toBeVisible();
  await ownerCard.getByRole("button", { name: "Show history" }).click();
  const history = ownerCard.getByRole("listitem");
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText("Ben Borrower asked to borrow it");
  await expect(history.nth(1)).toContainText("You approved the request");
  await expect(history.nth(3)).toContainText("You confirmed it came back");

  await borrowerPage.reload();
  await expect(borrowerCard.getByText("Returned", { exact: true })).toBeVisible();
  await borrowerCard.getByRole("link", { name: "Open loan" }).click();
  await expect(borrowerPage.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(borrowerPage.getByText("You asked to borrow it")).toBeVisible();
  await expectNoSeriousA11yViolations(borrowerPage);
  await saveScreenshot(borrowerPage, "loan-detail");

  await ownerContext.close();
  await borrowerContext.close();
});

test("a request for dates already booked is refused, with the reason beside the dates", async ({ page }) => {
  const owner = await createUser("Omar Owner");
  const first = await createUser("Fay First");
  const item = await createItem(owner, { title: "Canoe", categoryId: "sports" });
  const loan = await first.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(7), endDate: dateFromToday(9) },
  });
  await owner.client.loans.approve({ params: { id: loan.id } });

  const second = await createUser("Sid Second");
  await signInByForm(page, second.email, second.password);
  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole("region", { name: "Already booked" }).getByRole("listitem")).toHaveCount(1);
  await requestToBorrow(page, dateFromToday(8), dateFromToday(10));
  await expect(page.locator("#borrow-error")).toContainText("already taken");
  await saveScreenshot(page, "loan-conflict");

  // The API's field errors (path body.startDate / body.endDate) land beside their fields.
  await requestToBorrow(page, dateFromToday(400), dateFromToday(401));
  await expect(page.locator("#field-startDate-error")).toContainText("within 365 days");
  await requestToBorrow(page, dateFromToday(20), dateFromToday(200));
  await expect(page.locator("#field-endDate-error")).toContainText("at most 90 days");
  await requestToBorrow(page, dateFromToday(20), dateFromToday(21));
  await expect(page.getByText("Request sent")).toBeVisible();
});

test("a borrower can cancel a request that is still waiting", async ({ page }) => {
  const owner = await createUser("Nina Owner");
  const borrower = await createUser("Cal Canceller");
  const item = await createItem(owner, { title: "Karaoke machine", categoryId: "party" });
  await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(4), endDate: dateFromToday(4) },
  });
  await signInByForm(page, borrower.email, borrower.password);
  await page.goto("/loans");
  const card = page.getByRole("article", { name: /Karaoke machine/ });
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Finished/ })).toBeVisible();
});

test("the loans page says what waits for each side, and follows the answers given on it", async ({
  browser,
}) => {
  const owner = await createUser("Wanda Waiting");
  const borrower = await createUser("Walt Waiting");
  const title = `Tile cutter ${Date.now().toString(36)}`;
  const item = await createItem(owner, { title, categoryId: "tools" });
  await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(6), endDate: dateFromToday(7) },
  });

  const ownerContext = await browser.newContext();
  const borrowerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInByForm(ownerPage, owner.email, owner.password);
  await ownerPage.goto("/loans");
  const waiting = ownerPage.getByRole("region", { name: "Waiting for you" });
  // Shown on either tab: the owner is on the borrower's side here, and is told to answer.
  await waiting.getByRole("link", { name: "1 request to answer" }).click();
  await expect(ownerPage).toHaveURL(/view=owner/);
  const card = ownerPage.getByRole("article", { name: new RegExp(title) });
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card.getByText("Approved", { exact: true })).toBeVisible();
  await expect(waiting.getByText("Nothing right now.")).toBeVisible();

  const borrowerPage = await borrowerContext.newPage();
  await signInByForm(borrowerPage, borrower.email, borrower.password);
  await borrowerPage.goto("/loans?view=owner");
  await expect(
    borrowerPage
      .getByRole("region", { name: "Waiting for you" })
      .getByRole("link", { name: "1 approved loan to pick up" }),
  ).toHaveAttribute("href", "/loans?view=borrower");
  // axe: the loans page's waiting list is checked once, in phone/page-widths.spec.ts.
  await ownerContext.close();
  await borrowerContext.close();
});
