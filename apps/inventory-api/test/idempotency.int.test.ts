import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;

beforeAll(async () => {
  stack = await startStack("idempotency");
  owner = await stack.signUp();
});
afterAll(() => stack.close());

const countTitled = (title: string) => stack.inventory.api.db.item.count({ where: { title } });

describe("Idempotency-Key", () => {
  it("replays the first response to a retry with the same key and body, creating nothing", async () => {
    const body = newItem({ title: "Retried mower" });
    const first = await owner.client.items.create({ body }, { idempotencyKey: "retry-1" });
    const res = await raw(`${stack.inventory.url}/items`, {
      method: "POST",
      token: owner.token,
      headers: { "idempotency-key": "retry-1" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(first);
    expect(res.headers.get("idempotent-replayed")).toBe("true");
    expect(await countTitled("Retried mower")).toBe(1);
  });

  it("creates exactly one row for 20 concurrent POSTs with one key", async () => {
    const body = newItem({ title: "Concurrent kayak" });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        raw(`${stack.inventory.url}/items`, {
          method: "POST",
          token: owner.token,
          headers: { "idempotency-key": "burst-1" },
          body: JSON.stringify(body),
        }),
      ),
    );
    expect(await countTitled("Concurrent kayak")).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    const created = results.filter((r) => r.status === 201).map((r) => r.body.id);
    expect(new Set(created).size).toBe(1);
  });

  it("answers 422 to the same key with a different body", async () => {
    await owner.client.items.create({ body: newItem({ title: "Original" }) }, { idempotencyKey: "reuse-1" });
    await refused(
      owner.client.items.create({ body: newItem({ title: "Different" }) }, { idempotencyKey: "reuse-1" }),
      422,
      "unprocessable",
    );
    expect(await countTitled("Different")).toBe(0);
  });

  it("scopes keys to the caller", async () => {
    const someoneElse = await stack.signUp();
    await owner.client.items.create({ body: newItem({ title: "Mine" }) }, { idempotencyKey: "shared-key" });
    const theirs = await someoneElse.client.items.create(
      { body: newItem({ title: "Theirs" }) },
      { idempotencyKey: "shared-key" },
    );
    expect(theirs.owner.id).toBe(someoneElse.id);
  });

  it("lets a retry run again when the first attempt failed", async () => {
    await refused(
      owner.client.items.create({ body: newItem({ categoryId: "nope" }) }, { idempotencyKey: "failed-1" }),
      400,
      "validation_failed",
    );
    const item = await owner.client.items.create(
      { body: newItem({ title: "Second try" }) },
      { idempotencyKey: "failed-1" },
    );
    expect(item.title).toBe("Second try");
  });

  it("makes loan requests idempotent too", async () => {
    const lender = await stack.signUp();
    const item = await lender.client.items.create({ body: newItem() });
    const body = { startDate: inDays(3), endDate: inDays(4) };
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        owner.client.loans
          .request({ params: { id: item.id }, body }, { idempotencyKey: "loan-1" })
          .catch((e: unknown) => e),
      ),
    );
    const again = await owner.client.loans.request(
      { params: { id: item.id }, body },
      { idempotencyKey: "loan-1" },
    );
    expect([a, b].some((r) => (r as { id?: string }).id === again.id)).toBe(true);
    expect(await stack.inventory.api.db.loan.count({ where: { itemId: item.id } })).toBe(1);
  });

  it("posts a retried question and a retried message once each", async () => {
    const lender = await stack.signUp();
    const item = await lender.client.items.create({ body: newItem() });
    const body = { body: "Is it still free on Saturday?" };
    const thread = await owner.client.conversations.ask(
      { params: { id: item.id }, body },
      { idempotencyKey: "ask-1" },
    );
    const askedAgain = await owner.client.conversations.ask(
      { params: { id: item.id }, body },
      { idempotencyKey: "ask-1" },
    );
    expect(askedAgain.id).toBe(thread.id);
    const reply = { params: { id: thread.id }, body: { body: "Yes, any time after ten." } };
    const sent = await lender.client.conversations.send(reply, { idempotencyKey: "reply-1" });
    const resent = await lender.client.conversations.send(reply, { idempotencyKey: "reply-1" });
    expect(resent).toEqual(sent);
    const messages = await stack.inventory.api.db.message.count({ where: { conversationId: thread.id } });
    expect(messages).toBe(2);
  });

  it("rejects a malformed key with 400", async () => {
    await refused(
      owner.client.items.create({ body: newItem() }, { idempotencyKey: "x".repeat(201) }),
      400,
      "validation_failed",
    );
  });
});
