import { expect, test } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signIn } from "./support/page-helpers.ts";
import { ADMIN } from "./support/stack.ts";

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

  await signIn(page, ADMIN.email, ADMIN.password);
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
  await expectNoSeriousA11yViolations(page);

  // Cancel anyone's loan.
  await page.getByRole("link", { name: "Loans" }).click();
  await page.getByLabel("Loan reference or link").fill(loan.id);
  await page.getByRole("button", { name: "Open loan" }).click();
  await expect(page.getByRole("heading", { name: "Tandem bicycle" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel loan (admin)" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("You cancelled the loan")).toBeVisible();
  await saveScreenshot(page, "admin-loan-cancelled");
});

test("people without admin permissions see a not-allowed page, answered with 403", async ({ page }) => {
  const someone = await createUser("Norm Member");
  await signIn(page, someone.email, someone.password);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
});
