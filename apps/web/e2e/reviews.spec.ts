import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { createItem, createUser, dateFromToday, type TestUser } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";

// Trust between neighbours end to end: after a returned loan both sides review each other from
// the loan page; the reviews stay hidden until both are written, then appear together on both
// public profiles, where the person reviewed can reply. And a heart on an item page puts the item
// on the Saved page.

async function signedInPage(browser: Browser, person: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByForm(page, person.email, person.password);
  return page;
}

/** Reviews `other` from the loan page: a rating (an accessible radio group) and a text. */
async function review(page: Page, loanId: string, other: string, stars: string, text: string) {
  await page.goto(`/loans/${loanId}#review`);
  const form = page.getByRole("form", { name: `Review ${other}` });
  await expect(page.getByRole("heading", { name: `Review ${other}` })).toBeVisible();
  // From the keyboard, as a radio group is used (the stars drawn over the radios take the clicks).
  const rating = form.getByRole("radiogroup", { name: "Your rating" }).getByRole("radio", { name: stars });
  await rating.press("Space");
  await expect(rating).toBeChecked();
  await form.getByLabel("Your review (optional)").fill(text);
  await form.getByRole("button", { name: "Post review" }).click();
}

test("both sides review a returned loan; the reviews appear together on both profiles", async ({
  browser,
  page: visitor,
}) => {
  test.slow();
  const tag = Date.now().toString(36);
  const owner = await createUser("Rosa Lender");
  const borrower = await createUser("Bram Borrower");
  const item = await createItem(owner, { title: `Hedge trimmer ${tag}` });
  const loan = await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(0), endDate: dateFromToday(1) },
  });
  for (const step of ["approve", "handover", "return"] as const)
    await owner.client.loans[step]({ params: { id: loan.id } });

  // The owner gives their profile a photo and a few words on the settings page.
  const ownerPage = await signedInPage(browser, owner);
  await ownerPage.goto("/profile#public-profile");
  const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#c63" } })
    .png()
    .toBuffer();
  await ownerPage
    .getByLabel("Choose a photo")
    .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo });
  await expect(ownerPage.getByRole("img", { name: "Your new photo, not saved yet" })).toBeVisible();
  await ownerPage.getByRole("button", { name: "Save photo" }).click();
  await expect(ownerPage.getByText("Your new photo is saved.")).toBeVisible();
  await ownerPage.getByLabel("About you").fill(`Happy to lend my garden tools ${tag}.`);
  await ownerPage.getByLabel("Neighbourhood").fill("Old Town");
  await ownerPage.getByRole("button", { name: "Save profile" }).click();
  await expect(ownerPage.getByText("Saved. Your profile shows it now.")).toBeVisible();
  await expectNoSeriousA11yViolations(ownerPage);

  // The owner reviews first: theirs stays hidden, from the borrower's profile too.
  await review(ownerPage, loan.id, "Bram Borrower", "4 stars", `Brought it back clean ${tag}.`);
  await expect(ownerPage.getByText("Your review is hidden until Bram Borrower writes theirs")).toBeVisible();
  await expectNoSeriousA11yViolations(ownerPage);
  expect((await visitor.goto("/people/01900000-0000-7000-8000-000000000000"))?.status()).toBe(404);
  await visitor.goto(`/people/${borrower.id}`);
  await expect(visitor.getByRole("heading", { name: "Bram Borrower", level: 1 })).toBeVisible();
  await expect(visitor.getByText("Bram Borrower has no reviews yet.")).toBeVisible();
  await expect(visitor.getByText(`Brought it back clean ${tag}.`)).toHaveCount(0);

  // The borrower's review reveals both, on the loan page at once.
  const borrowerPage = await signedInPage(browser, borrower);
  await review(borrowerPage, loan.id, "Rosa Lender", "5 stars", `Great trimmer, kind owner ${tag}.`);
  await expect(borrowerPage.getByRole("heading", { name: "Rosa Lender's review of you" })).toBeVisible();
  await expect(borrowerPage.getByText(`Brought it back clean ${tag}.`)).toBeVisible();
  await saveScreenshot(borrowerPage, "loan-reviews");

  // Both profiles show them to anyone: the rating, the review with its author and item.
  await visitor.goto(`/people/${borrower.id}`);
  const borrowerReviews = visitor.getByRole("list", { name: "Reviews of Bram Borrower" });
  await expect(borrowerReviews.getByRole("listitem")).toHaveCount(1);
  await expect(borrowerReviews).toContainText(`Brought it back clean ${tag}.`);
  await expect(borrowerReviews.getByRole("link", { name: "Rosa Lender" })).toHaveAttribute(
    "href",
    `/people/${owner.id}`,
  );
  await expect(visitor.getByRole("img", { name: "Rated 4 out of 5" }).first()).toBeVisible();
  await visitor.goto(`/people/${owner.id}`);
  await expect(visitor.getByRole("list", { name: "Reviews of Rosa Lender" })).toContainText(
    `Great trimmer, kind owner ${tag}.`,
  );
  await expect(visitor.getByText(`Happy to lend my garden tools ${tag}.`)).toBeVisible();
  await expect(visitor.getByText("Old Town")).toBeVisible();
  await expect(visitor.locator("dt:text-is('Lent things') + dd")).toHaveText("once");
  // The photo comes through this site, and loads.
  const avatar = visitor.locator('img[src^="/avatars/"]').first();
  await expect(avatar).toBeVisible();
  expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // Her item is listed there, its card naming her with a link back.
  const items = visitor.getByRole("list", { name: "Things Rosa Lender lends" });
  await expect(items.getByRole("link", { name: `Hedge trimmer ${tag}` })).toBeVisible();
  await expect(items.getByRole("link", { name: "Lent by Rosa Lender" })).toHaveAttribute(
    "href",
    `/people/${owner.id}`,
  );
  await expectNoSeriousA11yViolations(visitor);

  // The owner answers the review of her, once, on her own profile.
  await ownerPage.goto(`/people/${owner.id}`);
  await ownerPage.getByRole("button", { name: "Reply" }).click();
  await ownerPage.getByLabel("Your reply to Bram Borrower").fill(`Thank you, come again ${tag}!`);
  await ownerPage.getByRole("button", { name: "Post reply" }).click();
  await expect(ownerPage.getByText("Reply from Rosa Lender")).toBeVisible();
  await expect(ownerPage.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(ownerPage);
  await saveScreenshot(ownerPage, "profile");
  await visitor.reload();
  await expect(visitor.getByText(`Thank you, come again ${tag}!`)).toBeVisible();
});

test("a saved item shows on the Saved page", async ({ page }) => {
  const owner = await createUser("Sami Lender");
  const saver = await createUser("Nora Saver");
  const title = `Pasta machine ${Date.now().toString(36)}`;
  const item = await createItem(owner, { title });

  await signInByForm(page, saver.email, saver.password);
  await page.goto(`/items/${item.id}`);
  const save = page.getByRole("button", { name: "Save", exact: true });
  await expect(save).toHaveAttribute("aria-pressed", "false");
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await expect(page.getByRole("heading", { name: "Saved", level: 1 })).toBeVisible();
  const saved = page.getByRole("list", { name: "Saved items" });
  await expect(saved.getByRole("link", { name: title })).toBeVisible();
  await expect(saved.getByRole("button", { name: `Save ${title}` })).toHaveAttribute("aria-pressed", "true");
  // axe: the Saved page is checked once, in phone/page-widths.spec.ts.
});
