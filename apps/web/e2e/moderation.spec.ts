import { expect, test, type Browser, type Page } from "@playwright/test";
import { createItem, createUser } from "./support/api.ts";
import {
  expectNoSeriousA11yViolations,
  saveScreenshot,
  signIn,
  signInByForm,
} from "./support/page-helpers.ts";
import { ADMIN } from "./support/stack.ts";

// Reports and moderation through the pages: a neighbour reports an item, an admin hides it from
// the queue, and it is gone for everyone but its owner, who is told why; a suspended person can
// no longer sign in, and a session they had ends saying so.

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByForm(page, email, password);
  return page;
}

test("a reported item hidden by an admin is gone for everyone, and its owner is told why", async ({
  page,
  browser,
}) => {
  // Four people in their own browsers, the admin's decision and the events it sends.
  test.slow();
  const tag = Date.now().toString(36);
  const owner = await createUser("Oona Owner");
  const reporter = await createUser("Rae Reporter");
  const third = await createUser("Theo Third");
  const title = `Fireworks crate ${tag}`;
  const item = await createItem(owner, { title, categoryId: "garden" });
  const note = `Fireworks may not be lent on Sharehood (${tag}).`;

  // Seen signed out first: the page cache keeps the page and the search, and must let them go.
  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(`/items/${item.id}`))?.status()).toBe(200);
  await anonymous.goto(`/?q=${encodeURIComponent(tag)}`);
  await expect(anonymous.getByRole("link", { name: title })).toBeVisible();

  // The report, from the item page.
  await signInByForm(page, reporter.email, reporter.password);
  await page.goto(`/items/${item.id}`);
  await page.getByRole("button", { name: "Report this item" }).click();
  const dialog = page.getByRole("dialog", { name: `Report “${title}”` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Choose what is wrong")).toBeVisible();
  await dialog.getByRole("radio", { name: /^Prohibited item/ }).check();
  await dialog.getByLabel("What happened? (optional)").fill("Sold as a toy, but these are real fireworks.");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Report sent — thanks")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  // A second report while the first is open is refused, in plain words.
  await page.getByRole("button", { name: "Report this item" }).click();
  await dialog.getByRole("radio", { name: /^Unsafe/ }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("You already reported this; an admin will look at it.")).toBeVisible();

  // The admin: the queue, the report with its context, hiding the item after a note and a confirm.
  const admin = await signedInPage(browser, ADMIN.email, ADMIN.password);
  await admin.goto("/admin");
  await admin
    .getByRole("navigation", { name: "Admin sections" })
    .getByRole("link", { name: "Reports" })
    .click();
  const row = admin.getByRole("list", { name: "Reports" }).getByRole("article").filter({ hasText: title });
  await expect(row).toContainText("Prohibited item");
  await expect(row).toContainText(`Reported by ${reporter.name}`);
  // axe: the reports queue is checked once, in phone/page-widths.spec.ts.
  await row.getByRole("link", { name: `“${title}”` }).click();
  await expect(admin.getByRole("heading", { name: `Report about “${title}”` })).toBeVisible();
  await expect(admin.getByText("Sold as a toy, but these are real fireworks.")).toBeVisible();
  const itemSection = admin.getByRole("region", { name: "The item" });
  await expect(itemSection.getByText(title)).toBeVisible();
  await expect(itemSection.getByRole("link", { name: owner.name })).toHaveAttribute(
    "href",
    `/people/${owner.id}`,
  );
  // axe: a report's page is checked once, in phone/page-widths.spec.ts.
  await saveScreenshot(admin, "moderation-report");
  await admin.getByRole("radio", { name: /^Hide the item/ }).check();
  await admin.getByRole("button", { name: "Continue" }).click();
  await expect(admin.getByText("Write a note: say why.")).toBeVisible();
  await admin.getByLabel("Note", { exact: true }).fill(note);
  await admin.getByRole("button", { name: "Continue" }).click();
  await expect(admin.getByText(`Hide “${title}”? Its owner is told why.`)).toBeVisible();
  await admin.getByRole("button", { name: "Yes, hide the item" }).click();
  await expect(admin).toHaveURL(/\/admin\/reports\?done=hide_item$/);
  await expect(admin.getByText("Item hidden: it is gone from browse and search")).toBeVisible();
  await expect(admin.getByRole("link", { name: `“${title}”` })).toHaveCount(0);
  await saveScreenshot(admin, "moderation-queue-after-hiding");

  // Gone for everyone: signed out (page and search), and for a third person signed in.
  expect((await anonymous.goto(`/items/${item.id}`))?.status()).toBe(404);
  await anonymous.goto(`/?q=${encodeURIComponent(tag)}`);
  await expect(anonymous.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: title })).toHaveCount(0);
  const thirdPage = await signedInPage(browser, third.email, third.password);
  expect((await thirdPage.goto(`/items/${item.id}`))?.status()).toBe(404);

  // The owner is told, with the reason, and My listings shows it hidden.
  const ownerPage = await signedInPage(browser, owner.email, owner.password);
  await ownerPage.goto("/notifications");
  await expect(ownerPage.getByText(`${title} was hidden by moderators`)).toBeVisible();
  await expect(ownerPage.getByText(note)).toBeVisible();
  await ownerPage.goto("/listings");
  await expect(ownerPage.getByText(`Hidden by moderators: ${note}`)).toBeVisible();
  await saveScreenshot(ownerPage, "moderation-owner-listings");

  // The reporter hears that it was handled.
  await page.goto("/notifications");
  await expect(
    page
      .getByRole("main")
      .getByRole("link")
      .filter({ hasText: /report/i })
      .first(),
  ).toBeVisible();
});

test("a suspended person cannot sign in, and a session they had ends saying so", async ({
  page,
  browser,
}) => {
  test.slow();
  const member = await createUser("Sid Suspended");
  const reason = `Threatened a neighbour ${Date.now().toString(36)}`;
  const memberPage = await signedInPage(browser, member.email, member.password);

  // The admin suspends them from the users table, with a reason.
  await signInByForm(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await page.getByRole("searchbox", { name: "Search users by name or email" }).fill(member.email);
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("row").filter({ hasText: member.email });
  await rows.getByRole("button", { name: `Suspend user ${member.name}` }).click();
  await rows.getByRole("button", { name: `Suspend ${member.name}` }).click();
  await expect(rows.getByText("Say why you suspend this account.")).toBeVisible();
  await rows.getByLabel("Reason", { exact: true }).fill(reason);
  await rows.getByRole("button", { name: `Suspend ${member.name}` }).click();
  await expect(rows.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(rows.getByText(reason, { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Their open session ends on the sign-in page, which says why.
  await memberPage.goto("/listings");
  await expect(memberPage).toHaveURL(/\/sign-in/);
  await expect(memberPage.getByText("Your account is suspended")).toBeVisible();
  // Signing in again is refused, plainly.
  await memberPage.getByLabel("Email").fill(member.email);
  await memberPage.getByLabel("Password").fill(member.password);
  await memberPage.getByRole("button", { name: "Sign in" }).click();
  await expect(memberPage.getByRole("alert").filter({ hasText: "This account is suspended" })).toBeVisible();
  await expectNoSeriousA11yViolations(memberPage);

  // The audit log has it, with the reason.
  await page
    .getByRole("navigation", { name: "Admin sections" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await page.getByLabel("Subject").fill(member.id);
  await page.getByRole("button", { name: "Show entries" }).click();
  const log = page.getByRole("list", { name: "Audit log" });
  await expect(async () => {
    await page.reload();
    await expect(log.getByRole("article", { name: /Suspended an account/ })).toContainText(reason, {
      timeout: 1_000,
    });
  }).toPass();
  // axe: the audit log, filtered is checked once, in phone/page-widths.spec.ts.

  // Lifted, they can sign in again.
  await page.goto("/admin");
  await page.getByRole("searchbox", { name: "Search users by name or email" }).fill(member.email);
  await page.getByRole("button", { name: "Search" }).click();
  await rows.getByRole("button", { name: `Lift the suspension of ${member.name}` }).click();
  await rows.getByRole("button", { name: "Lift suspension" }).click();
  await expect(rows.getByText("Suspended", { exact: true })).toHaveCount(0);
  await signIn(memberPage, member.email, member.password);
});
