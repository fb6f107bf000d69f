import { expect, test } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";
import { WEB_URL } from "./support/stack.ts";

// An id no loan or item has (the APIs' ids are UUIDv7s).
const NO_SUCH_ID = "01900000-0000-7000-8000-000000000000";

test("signed out, every page for signed-in people answers 307 to sign-in, with the way back", async ({
  request,
}) => {
  const owner = await createUser("Rhea Redirect");
  const item = await createItem(owner, { title: "Redirect test saw" });
  const paths = [
    "/loans",
    "/loans?view=owner",
    `/loans/${NO_SUCH_ID}`,
    "/listings",
    "/profile",
    "/items/new",
    `/items/${item.id}/edit`,
    "/admin",
    "/admin/items",
    "/admin/loans?state=overdue",
    "/admin/reports?status=resolved",
    `/admin/reports/${NO_SUCH_ID}`,
    "/admin/audit?action=item.hidden",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    const location = new URL(response.headers().location ?? "", WEB_URL);
    expect(`${location.pathname}${location.search}`, path).toBe(
      `/sign-in?callbackUrl=${encodeURIComponent(path)}`,
    );
  }
});

test("a signed-in person refused a page gets 403 with the friendly page", async ({ page }) => {
  const owner = await createUser("Oren Owner");
  const borrower = await createUser("Bria Borrower");
  const item = await createItem(owner, { title: "Refusal test kayak", categoryId: "sports" });
  const loan = await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(3), endDate: dateFromToday(4) },
  });
  const someone = await createUser("Stan Stranger");
  await signInByForm(page, someone.email, someone.password);

  for (const path of ["/admin", "/admin/items", "/admin/loans", "/admin/reports", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
  }
  // axe: the admins-only page is checked once, in phone/page-widths.spec.ts.

  const edit = await page.goto(`/items/${item.id}/edit`);
  expect(edit?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You can't edit this listing" })).toBeVisible();
  await expect(page.getByText("“Refusal test kayak” belongs to Oren Owner")).toBeVisible();

  const notMine = await page.goto(`/loans/${loan.id}`);
  expect(notMine?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "This loan is not yours" })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "refused-loan");
});

test("what does not exist answers 404 with the not-found page, signed in too", async ({ page }) => {
  const someone = await createUser("Nell Nothing");
  await signInByForm(page, someone.email, someone.password);
  for (const path of [`/loans/${NO_SUCH_ID}`, `/items/${NO_SUCH_ID}/edit`, `/items/${NO_SUCH_ID}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
});
