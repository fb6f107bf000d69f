import { expect, test, type Locator, type Page } from "@playwright/test";
import { createItem, createUser } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";

// Conversations end to end: a question asked from an item page reaches the owner's header and
// inbox live (the Notification API's stream, relayed by the web app), the answer and the "seen"
// mark reach the asker live, and a block refuses the asker's next message with a clear reason.

function messagesLink(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Messages/ });
}

/** Waits until the header knows the unread message count, and answers it. */
async function unreadMessages(link: Locator): Promise<number> {
  await expect(link).toHaveAttribute("data-unread-count", /^\d+$/);
  return Number(await link.getAttribute("data-unread-count"));
}

function thread(page: Page): Locator {
  return page.getByRole("list", { name: /^Messages with/ });
}

test("a question, its live answer and seen mark, then a block that refuses the next message", async ({
  page: ownerPage,
  browser,
}) => {
  // Two people in two browsers, each waiting on the other's live updates.
  test.slow();
  const owner = await createUser("Olga Owner");
  const borrower = await createUser("Ben Borrower");
  const title = `Camping stove ${Date.now().toString(36)}`;
  const item = await createItem(owner, { title, categoryId: "camping" });

  await signInByForm(ownerPage, owner.email, owner.password);
  await ownerPage.goto("/listings");
  const ownerMessages = messagesLink(ownerPage);
  const before = await unreadMessages(ownerMessages);
  // Set on this document: if the page reloaded, it would be gone.
  await ownerPage.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));

  // The borrower asks from the item page and lands in the thread.
  const borrowerContext = await browser.newContext();
  const borrowerPage = await borrowerContext.newPage();
  await signInByForm(borrowerPage, borrower.email, borrower.password);
  await borrowerPage.goto(`/items/${item.id}`);
  await borrowerPage.getByRole("button", { name: "Ask a question" }).click();
  const question = "Hi! Does it come with a gas canister? Manual: https://example.com/stove-manual.";
  await borrowerPage.getByLabel("Your question to Olga Owner").fill(question);
  await borrowerPage.getByRole("button", { name: "Send question" }).click();
  await expect(borrowerPage).toHaveURL(/\/messages\/[^/]+$/);
  const threadPath = new URL(borrowerPage.url()).pathname;
  await expect(borrowerPage.getByRole("heading", { name: "Olga Owner", level: 1 })).toBeVisible();
  const asked = thread(borrowerPage).getByRole("listitem").last();
  await expect(asked).toContainText("Does it come with a gas canister?");
  // The link is a link, opening apart and passing nothing on; the full stop stays outside it.
  const manual = asked.getByRole("link", { name: "https://example.com/stove-manual" });
  await expect(manual).toHaveAttribute("href", "https://example.com/stove-manual");
  await expect(manual).toHaveAttribute("target", "_blank");
  await expect(manual).toHaveAttribute("rel", /nofollow ugc noopener/);
  await expect(asked.getByTestId("seen-mark")).toHaveText("· Sent");

  // The owner's header counts it without a reload; the inbox lists the thread, unread.
  await expect(ownerMessages).toHaveAccessibleName(`Messages, ${before + 1} unread`);
  expect(await ownerPage.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(
    true,
  );
  await ownerMessages.click();
  await expect(ownerPage).toHaveURL(/\/messages$/);
  const row = ownerPage.getByRole("list", { name: "Conversations" }).getByRole("link").first();
  await expect(row).toContainText("Ben Borrower");
  await expect(row).toContainText(title);
  await expect(row).toContainText("1 unread");
  // axe: the inbox is checked once, in phone/page-widths.spec.ts.
  await saveScreenshot(ownerPage, "messages-inbox");

  // Opening the thread marks it read: the count goes back, and the asker sees "Seen" live.
  await row.click();
  await expect(ownerPage).toHaveURL(new RegExp(`${threadPath}$`));
  await expect(thread(ownerPage)).toContainText("Does it come with a gas canister?");
  await expect(ownerMessages).toHaveAccessibleName(before > 0 ? `Messages, ${before} unread` : "Messages");
  await expect(asked.getByTestId("seen-mark")).toHaveText("· Seen");

  // The reply reaches the asker's open thread live, announced politely.
  await ownerPage
    .getByRole("textbox", { name: "Message to Ben Borrower" })
    .fill("Yes, one full canister. Pick it up any evening!");
  await ownerPage.getByRole("button", { name: "Send", exact: true }).click();
  await expect(ownerPage.getByRole("textbox", { name: "Message to Ben Borrower" })).toHaveValue("");
  await expect(thread(borrowerPage)).toContainText("Yes, one full canister.");
  await expect(
    borrowerPage.getByRole("status").filter({ hasText: "New message from Olga Owner" }),
  ).toBeAttached();
  // The asker has the thread open, so the reply is read at once: the owner's mark turns "Seen".
  await expect(thread(ownerPage).getByRole("listitem").last().getByTestId("seen-mark")).toHaveText("· Seen");
  // axe: a thread is checked once, in phone/page-widths.spec.ts.
  await saveScreenshot(ownerPage, "messages-thread");

  // The owner blocks the asker (after confirming); the asker's next message is refused, clearly.
  await ownerPage.getByRole("button", { name: "Block Ben Borrower" }).click();
  await ownerPage.getByRole("button", { name: "Yes, block Ben Borrower" }).click();
  await expect(ownerPage.getByText("You blocked Ben Borrower")).toBeVisible();
  await expect(ownerPage.getByRole("button", { name: "Unblock Ben Borrower" })).toBeFocused();

  await borrowerPage.getByRole("textbox", { name: "Message to Olga Owner" }).fill("Great, see you tonight.");
  await borrowerPage.getByRole("button", { name: "Send", exact: true }).click();
  await expect(borrowerPage.getByRole("main").getByRole("alert")).toContainText(
    "this person has blocked you",
  );
  await expect(thread(borrowerPage)).not.toContainText("see you tonight");
  await expectNoSeriousA11yViolations(borrowerPage);

  // The block is listed on the owner's profile, and can be lifted there.
  await ownerPage.goto("/profile");
  const blocked = ownerPage.getByRole("list", { name: "Blocked people" });
  await expect(blocked).toContainText("Ben Borrower");
  await blocked.getByRole("button", { name: "Unblock Ben Borrower" }).click();
  await expect(ownerPage.getByText("You have not blocked anyone.")).toBeVisible();

  await borrowerContext.close();
});
