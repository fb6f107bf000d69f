import { expect, test } from "@playwright/test";
import pg from "pg";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";
import { ADMIN, INVENTORY_DATABASE_URL } from "./support/stack.ts";

test("admins manage users, remove any item and cancel any loan", async ({ page }) => {
  const member = await createUser("Rita Rolechange");
  const leaving = await createUser("Del Deleted");
  const owner = await createUser("Iris Itemowner");
  const item = await createItem(owner, {
    title: `Broken leaf blower ${Date.now().toString(36)}`,
    categoryId: "garden",
  });
  const loanItem = await createItem(owner, { title: "Tandem bicycle", categoryId: "sports" });
  const loan = await member.client.loans.request({
    params: { id: loanItem.id },
    body: { startDate: dateFromToday(6), endDate: dateFromToday(8) },
  });
  await owner.client.loans.approve({ params: { id: loan.id } });

  await signInByForm(page, ADMIN.email, ADMIN.password);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Role change.
  await page.getByRole("searchbox", { name: "Search users by name or email" }).fill(member.email);
  await page.getByRole("button", { name: "Search" }).click();
  const memberRow = page.getByRole("row").filter({ hasText: member.email });
  await expect(memberRow).toBeVisible();
  await memberRow.getByLabel(`Role of ${member.name}`).selectOption("admin");
  await memberRow.getByRole("button", { name: "Save role" }).click();
  await expect(memberRow.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await expect(memberRow.getByLabel(`Role of ${member.name}`)).toHaveValue("admin");
  await saveScreenshot(page, "admin-users");
  const promoted = await member.client.auth.login({
    body: { email: member.email, password: member.password },
  });
  expect(promoted.user.role).toBe("admin");

  // Deletion.
  await page.getByRole("searchbox", { name: "Search users by name or email" }).fill(leaving.email);
  await page.getByRole("button", { name: "Search" }).click();
  const leavingRow = page.getByRole("row").filter({ hasText: leaving.email });
  await leavingRow.getByRole("button", { name: `Delete user ${leaving.name}` }).click();
  await leavingRow.getByRole("button", { name: `Delete ${leaving.name}` }).click();
  await expect(page.getByText("No users match.")).toBeVisible();

  // Remove anyone's item.
  await page.getByRole("link", { name: "Items" }).click();
  await page.getByRole("searchbox", { name: "Search items" }).fill(item.title);
  await page.getByRole("button", { name: "Search" }).click();
  const itemRow = page.getByRole("listitem").filter({ hasText: item.title });
  await itemRow.getByRole("button", { name: `Remove ${item.title}` }).click();
  await itemRow.getByRole("button", { name: /Yes, delete/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: item.title })).toHaveCount(0);
  // axe: /admin/items is checked once, in phone/page-widths.spec.ts.

  // Cancel anyone's loan.
  await page.getByRole("link", { name: "Loans" }).click();
  await page.getByLabel("Loan reference or link").fill(loan.id);
  await page.getByRole("button", { name: "Open loan" }).click();
  await expect(page.getByRole("heading", { name: "Tandem bicycle" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel loan (admin)" }).click();
  await page.getByLabel("Why cancel it? (optional, for the audit log)").fill("The owner asked us to");
  await page.getByRole("button", { name: "Yes, cancel the loan" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("You cancelled the loan")).toBeVisible();
  await saveScreenshot(page, "admin-loan-cancelled");
});

test("people without admin permissions see a not-allowed page, answered with 403", async ({ page }) => {
  const someone = await createUser("Norm Member");
  await signInByForm(page, someone.email, someone.password);
  await page.goto("/");
  // The header knows who is signed in (the public page fills that in in the browser).
  await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeAttached();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
});

/** Moves an active loan into the past, as if its borrower had kept it beyond the end date. */
async function makeOverdue(loanId: string): Promise<void> {
  const db = new pg.Client({ connectionString: INVENTORY_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      "UPDATE loans SET start_date = current_date - 6, end_date = current_date - 2 WHERE id = $1 AND status = 'active'",
      [loanId],
    );
  } finally {
    await db.end();
  }
}

test("admins list every loan by state (overdue first), person and item, page by page, from the URL", async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const owner = await createUser(`Lars Lender ${tag}`);
  const keeper = await createUser(`Kit Keeper ${tag}`);
  const asker = await createUser(`Ada Asker ${tag}`);
  const mower = await createItem(owner, { title: `Overdue mower ${tag}`, categoryId: "garden" });
  const tent = await createItem(owner, { title: `Popular tent ${tag}`, categoryId: "camping" });
  const kept = await keeper.client.loans.request({
    params: { id: mower.id },
    body: { startDate: dateFromToday(0), endDate: dateFromToday(0) },
  });
  await owner.client.loans.approve({ params: { id: kept.id } });
  await owner.client.loans.handover({ params: { id: kept.id } });
  await makeOverdue(kept.id);
  // More requests for the tent than one page holds (20).
  for (let index = 0; index < 22; index += 1) {
    await asker.client.loans.request({
      params: { id: tent.id },
      body: { startDate: dateFromToday(10 + index), endDate: dateFromToday(10 + index) },
    });
  }

  await signInByForm(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/loans");
  const loans = page.getByRole("list", { name: "Loans" }).getByRole("article");
  await expect(loans.first()).toBeVisible();
  // axe: /admin/loans is checked once, in phone/page-widths.spec.ts.

  // Overdue is the first choice after "any".
  const state = page.getByLabel("State");
  await expect(state.locator("option").nth(1)).toHaveText("Overdue");
  await state.selectOption("overdue");
  await page.getByRole("button", { name: "Show loans" }).click();
  await expect(page).toHaveURL(/state=overdue/);
  await expect(loans.filter({ hasText: mower.title })).toHaveCount(1);
  await expect(loans.filter({ hasText: tent.title })).toHaveCount(0);
  for (const row of await loans.all()) await expect(row.getByText("Overdue", { exact: true })).toBeVisible();
  // The filters are the URL: a reload shows the same list.
  await page.reload();
  await expect(state).toHaveValue("overdue");
  await expect(loans.filter({ hasText: mower.title })).toHaveCount(1);

  // A person, found by name: the loans they borrow or lend.
  await state.selectOption("");
  await page.getByLabel("Person (borrower or owner)").fill(`Kit Keeper ${tag}`);
  await page.getByRole("button", { name: "Show loans" }).click();
  await expect(page.getByText(`Loans that Kit Keeper ${tag}`)).toBeVisible();
  await expect(loans).toHaveCount(1);
  await expect(loans.first()).toContainText(mower.title);
  await saveScreenshot(page, "admin-loans-person");

  // The item of a loan, then page by page: 20, then the 2 older ones.
  await page.getByRole("link", { name: "Everyone's loans" }).click();
  await expect(page).not.toHaveURL(/person=/);
  // The form follows the URL it was opened at: the person field is empty again.
  await expect(page.getByLabel("Person (borrower or owner)")).toHaveValue("");
  await page.getByLabel("Item").fill(`${page.url().split("/admin")[0]}/items/${tent.id}`);
  await page.getByRole("button", { name: "Show loans" }).click();
  await expect(page.getByText(`Loans of “${tent.title}”`)).toBeVisible();
  await expect(loans).toHaveCount(20);
  await page.getByRole("link", { name: "Older loans" }).click();
  await expect(loans).toHaveCount(2);
  await expect(page).toHaveURL(/cursor=/);
  await page.getByRole("link", { name: "Newest loans" }).click();
  await expect(loans).toHaveCount(20);

  // A name in the list narrows it to that person, and a loan opens for cancelling.
  await loans
    .first()
    .getByRole("link", { name: `Loans of Ada Asker ${tag}` })
    .click();
  await expect(page.getByText(`Loans that Ada Asker ${tag}`)).toBeVisible();
  await loans.first().getByRole("link", { name: "Open loan" }).click();
  await expect(page.getByRole("button", { name: "Cancel loan (admin)" })).toBeVisible();
});
