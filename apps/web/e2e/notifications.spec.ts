import { expect, test, type Locator, type Page } from "@playwright/test";
import { EMAIL_KINDS } from "@sharehood/sdk/contract";
import { createItem, createUser, dateFromToday, signInAgain } from "./support/api.ts";
import { linksTo, linkTo, waitForEmail } from "./support/mailbox.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";

// The bell, the notifications page and the email settings, against the Notification API: the
// Inventory API's loan events reach it, and the web app relays its stream to the browser.

function bellOf(page: Page): Locator {
  return page.getByRole("link", { name: /^Notifications/ });
}

/** Waits until the bell knows its count (the stream opened and the count was read), and answers it. */
async function unreadCount(bell: Locator): Promise<number> {
  await expect(bell).toHaveAttribute("data-unread-count", /^\d+$/);
  return Number(await bell.getAttribute("data-unread-count"));
}

function bellName(count: number): string {
  return count > 0 ? `Notifications, ${count} unread` : "Notifications";
}

test("the bell counts a neighbour's request live, and opening it from the list marks it read", async ({
  page,
}) => {
  // Waits on the Notification API's stream twice: longer than one person's flow.
  test.slow();
  const owner = await createUser("Bea Bell");
  const borrower = await createUser("Rob Request");
  const title = `Stand mixer ${Date.now().toString(36)}`;
  const item = await createItem(owner, { title, categoryId: "kitchen" });

  await signInByForm(page, owner.email, owner.password);
  await page.goto("/listings");
  const bell = bellOf(page);
  const before = await unreadCount(bell);
  // Set on this document: if the page reloaded, it would be gone.
  await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));

  // The neighbour asks through the API (the loan spec asks through the item page): a fresh client,
  // as the suite's access tokens live 12 seconds.
  await (
    await signInAgain(borrower)
  ).loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(3), endDate: dateFromToday(4) },
  });

  await expect(bell).toHaveAccessibleName(bellName(before + 1));
  await expect(bell.getByTestId("unread-badge")).toHaveText(String(before + 1));
  await expect(page.getByRole("status").filter({ hasText: "New notification:" })).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(
    true,
  );
  await saveScreenshot(page, "notification-bell");

  // The list: newest first, the new one unread; opening it goes where it points and marks it read.
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const newest = page.getByRole("main").getByRole("listitem").first().getByRole("link");
  await expect(newest).toHaveAccessibleName(/^Unread: /);
  // axe: the notifications page is checked once, in phone/page-widths.spec.ts.
  await newest.click();
  await expect(page).toHaveURL(/\/loans/);
  await expect(bell).toHaveAccessibleName(bellName(before));

  // A second request, made after the page was rendered but before its stream opened (held here
  // until then): the list catches up as the stream opens. Then "Mark all read" empties the count.
  let openStream = () => {};
  const streamHeld = new Promise<void>((resolve) => (openStream = resolve));
  await page.route("**/api/notifications/stream", async (route) => {
    await streamHeld;
    await route.continue();
  });
  await page.goto("/notifications");
  await expect(newest).not.toHaveAccessibleName(/^Unread: /);
  const second = await signInAgain(borrower);
  await second.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(10), endDate: dateFromToday(11) },
  });
  openStream();
  await expect(bell).toHaveAccessibleName(bellName(before + 1));
  await expect(newest).toHaveAccessibleName(/^Unread: /);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(bell).toHaveAttribute("data-unread-count", "0");
  await expect(page.getByText("All caught up.")).toBeVisible();
  await page.reload();
  expect(await unreadCount(bell)).toBe(0);
});

test("the notification stream is relayed only to someone signed in, live and uncached", async ({ page }) => {
  // Without a session: refused, and no stream is opened upstream.
  const anonymous = await page.request.get("/api/notifications/stream");
  expect(anonymous.status()).toBe(401);

  const user = await createUser("Stella Stream");
  await signInByForm(page, user.email, user.password);
  await page.goto("/");
  const answer = await page.evaluate(async () => {
    const aborter = new AbortController();
    const response = await fetch("/api/notifications/stream", { signal: aborter.signal });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    aborter.abort();
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      cache: response.headers.get("cache-control"),
      first: new TextDecoder().decode(value),
    };
  });
  expect(answer.status).toBe(200);
  expect(answer.type).toMatch(/^text\/event-stream/);
  expect(answer.cache).toContain("no-store");
  expect(answer.cache).toContain("no-transform");
  expect(answer.first).toMatch(/^:/);
});

test("email settings: each kind switched on or off in plain words, and saved", async ({ page }) => {
  const user = await createUser("Sam Settings");
  await signInByForm(page, user.email, user.password);
  await page.goto("/profile");
  await page.getByRole("link", { name: "Email settings" }).click();
  await expect(page).toHaveURL(/\/profile\/notifications$/);
  await expect(page.getByRole("heading", { name: "Email settings", level: 1 })).toBeVisible();

  const requests = page.getByRole("switch", { name: "Someone asks to borrow something of yours" });
  const returned = page.getByRole("switch", { name: "A loan is returned" });
  // The defaults: a request for my things is emailed, a return is not.
  await expect(requests).toBeChecked();
  await expect(returned).not.toBeChecked();
  await expect(page.getByRole("switch")).toHaveCount(EMAIL_KINDS.length);
  // axe: the email settings is checked once, in phone/page-widths.spec.ts.

  await requests.click();
  await returned.click();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByText("Saved. We will email you only about what is switched on.")).toBeVisible();
  await saveScreenshot(page, "email-settings");

  await page.reload();
  await expect(requests).not.toBeChecked();
  await expect(returned).toBeChecked();

  // And back again, from the keyboard.
  await requests.focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByText("Saved.", { exact: false })).toBeVisible();
  await page.reload();
  await expect(requests).toBeChecked();
});

test("an owner is emailed about a request, and its unsubscribe link stops that kind of email", async ({
  page,
}) => {
  const owner = await createUser("Una Unsubscribe");
  const borrower = await createUser("Ray Request");
  const item = await createItem(owner, { title: `Ladder ${Date.now().toString(36)}`, categoryId: "tools" });
  await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(5), endDate: dateFromToday(6) },
  });

  // On by default for a request: the email links to the loans and to this site's unsubscribe page,
  // and carries the one-click headers (RFC 8058).
  const email = await waitForEmail(owner.email, { matches: linksTo("/unsubscribe") });
  expect(email.headers["list-unsubscribe"]).toMatch(/^<https?:\/\/[^>]+>/);
  expect(email.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const link = linkTo(email, "/unsubscribe");

  await page.goto(`${link!.pathname}${link!.search}`);
  await expect(page.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByText("You're unsubscribed")).toBeVisible();
  await expect(page.getByText("someone asks to borrow something of yours")).toBeVisible();

  await signInByForm(page, owner.email, owner.password);
  await page.goto("/profile/notifications");
  await expect(
    page.getByRole("switch", { name: "Someone asks to borrow something of yours" }),
  ).not.toBeChecked();
});
