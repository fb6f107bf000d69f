import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifyWebhook } from "@sharehood/sdk";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signInByForm } from "./support/page-helpers.ts";
import { INVENTORY_API_URL } from "./support/stack.ts";

/** Lists an item straight at the Inventory API with a bearer token, as a program would. */
function createItemWith(token: string, title: string): Promise<Response> {
  return fetch(`${INVENTORY_API_URL}/items`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      title,
      description: "Listed by a script.",
      categoryId: "tools",
      condition: "good",
    }),
  });
}

test("a token is made with items:write, shown once, used by a program, seen as used, and revoked", async ({
  page,
}) => {
  test.slow();
  const person = await createUser("Tess Tokenmaker");
  await signInByForm(page, person.email, person.password);
  await page.goto("/profile");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  // Not an admin: no admin scope to choose.
  await expect(page.getByRole("checkbox", { name: /Administer Sharehood/ })).toHaveCount(0);

  // Nothing chosen: said beside the choices, in words.
  await page.getByRole("textbox", { name: "Name" }).fill("Tool library sync");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose at least one thing the token may do")).toBeVisible();

  await page.getByRole("checkbox", { name: /Manage your items/ }).check();
  await page.getByLabel("Expires after").selectOption({ label: "90 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByRole("textbox", { name: "Token", exact: true });
  await expect(secretField).toHaveValue(/^shp_[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByText("You won't see it again.")).toBeVisible();
  // The focus is on the new secret's heading, so a screen reader reads the warning first.
  await expect(page.getByRole("heading", { name: "Your new token “Tool library sync”" })).toBeFocused();
  const secret = await secretField.inputValue();
  const row = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Tool library sync" }) });
  await expect(row).toContainText(`${secret.slice(0, 8)}…`);
  await expect(row).toContainText("items:write");
  await expect(row).toContainText("Never used");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "api-tokens");

  // A program lists an item with it, straight at the Inventory API.
  const created = await createItemWith(secret, "Synced ladder");
  expect(created.status).toBe(201);

  // The secret is gone for good; the list says when and from where the token was last used.
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(secretField).toHaveCount(0);
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText(/Last used (just now|1 minute ago) from \S+/, { timeout: 1_000 });
  }).toPass();
  expect(await page.content()).not.toContain(secret);

  await row.getByRole("button", { name: "Revoke Tool library sync" }).click();
  await expect(page.getByRole("button", { name: "Yes, revoke: Tool library sync" })).toBeFocused();
  await page.getByRole("button", { name: "Yes, revoke: Tool library sync" }).click();
  await expect(page.getByText("Token “Tool library sync” revoked.")).toBeVisible();
  await expect(page.getByText("No tokens yet")).toBeVisible();
  // Every service refuses it within a second.
  await expect.poll(async () => (await createItemWith(secret, "Too late")).status).toBe(401);
});

test("a webhook gets a loan request on my item, signed, and its log shows the delivery", async ({ page }) => {
  test.slow();
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  try {
    const owner = await createUser("Wanda Webhook");
    const item = await createItem(owner, { title: `Hedge trimmer ${Date.now().toString(36)}` });
    await signInByForm(page, owner.email, owner.password);
    await page.goto("/profile/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    // A cloud metadata address is refused, whatever the settings: said beside the URL.
    await page.getByLabel("Endpoint URL").fill("http://169.254.169.254/latest/meta-data");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Sharehood cannot send to that address.")).toBeVisible();
    await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Endpoint URL").fill(hookUrl);
    await page.getByLabel("Only the ones I choose").check();
    await page.getByRole("checkbox", { name: /loan\.requested/ }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secretField = page.getByRole("textbox", { name: "Signing secret" });
    await expect(secretField).toHaveValue(/^whsec_/);
    const secret = await secretField.inputValue();
    await expect(page.getByRole("heading", { level: 3, name: hookUrl, exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // Someone asks to borrow the item: the endpoint hears of it, signed with the secret.
    const borrower = await createUser("Bo Borrower");
    const loan = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: dateFromToday(3), endDate: dateFromToday(5) },
    });
    await expect.poll(() => received.length).toBe(1);
    const first = received[0]!;
    const event = await verifyWebhook({ payload: first.body, headers: first.headers, secret });
    expect(event.type).toBe("loan.requested");
    expect(event.data.subject).toEqual({ type: "loan", id: loan.id });

    await page.getByRole("link", { name: `Deliveries to ${hookUrl}` }).click();
    const delivery = page
      .getByRole("list", { name: "Deliveries, newest first" })
      .getByRole("listitem")
      .first();
    await expect(delivery).toContainText("loan.requested");
    await expect(delivery).toContainText("Succeeded");
    await expect(delivery).toContainText(/HTTP 204 in \d/);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, "webhook-deliveries");

    // Redelivered: the same event (the same webhook-id) comes again.
    await delivery.getByRole("button", { name: /^Redeliver loan\.requested/ }).click();
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await expect(delivery).toContainText(/Attempt\s*2/);

    await page.getByRole("link", { name: "All webhooks" }).click();
    await page.getByRole("button", { name: `Delete ${hookUrl}` }).click();
    await page.getByRole("button", { name: `Yes, delete: ${hookUrl}` }).click();
    await expect(page.getByText("No webhooks yet")).toBeVisible();
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
