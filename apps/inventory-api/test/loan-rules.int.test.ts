import type { BorrowingRefusal } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, refused, watchRequestSql } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// The owner's rules refuse a request with a plain sentence and the contract's reason; the database
// still refuses an approval over another loan or the owner's blocked days.

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let owner: User;
let borrower: User;
let other: User;

beforeAll(async () => {
  stack = await startStack("loan_rules");
  [owner, borrower, other] = await Promise.all([
    stack.signUp("Olive"),
    stack.signUp("Bea"),
    stack.signUp("Otto"),
  ]);
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;

/**
 * An item of Olive's with these rules. They are written in SQL so these tests state the loans
 * side's rules whatever the items module's PATCH does (items.int.test.ts covers that).
 */
async function itemWith(
  rules: { paused?: boolean; minDays?: number; maxDays?: number; noticeDays?: number } = {},
) {
  const item = await owner.client.items.create({ body: newItem() });
  await db().$executeRaw`
    UPDATE items SET paused = ${rules.paused ?? false}, min_days = ${rules.minDays ?? null}::int,
                     max_days = ${rules.maxDays ?? null}::int, notice_days = ${rules.noticeDays ?? 0}
    WHERE id = ${item.id}`;
  return item;
}

/** Blocks days `from`..`to` from today of an item, as its owner would. */
const block = (itemId: string, from: number, to: number) =>
  db().$executeRaw`
    INSERT INTO item_blocks (id, item_id, start_date, end_date)
    VALUES (gen_random_uuid()::text, ${itemId}, ${inDays(from)}::date, ${inDays(to)}::date)`;

const ask = (itemId: string, from: number, to: number, who: User = borrower) =>
  who.client.loans.request({
    params: { id: itemId },
    body: { startDate: inDays(from), endDate: inDays(to) },
  });

/** Awaits a refusal with this status, reason and sentence. */
async function refusedFor(promise: Promise<unknown>, status: 409 | 422, reason: BorrowingRefusal) {
  const error = await refused(promise, status, status === 409 ? "conflict" : "unprocessable");
  expect(error.problem).toMatchObject({ reason });
  return error.message;
}

describe("requesting under the owner's rules", () => {
  it("refuses a paused item with 422 item_paused", async () => {
    const item = await itemWith({ paused: true });
    expect(await refusedFor(ask(item.id, 3, 5), 422, "item_paused")).toMatch(/paused/);
  });

  it("refuses a loan shorter than the minimum, counting both ends, with 422 too_short", async () => {
    const item = await itemWith({ minDays: 3 });
    expect(await refusedFor(ask(item.id, 3, 4), 422, "too_short")).toBe(
      "The owner lends this for at least 3 days",
    );
    expect((await ask(item.id, 3, 5)).status).toBe("requested");
  });

  it("refuses a loan longer than the maximum with 422 too_long", async () => {
    const item = await itemWith({ maxDays: 7 });
    expect(await refusedFor(ask(item.id, 3, 10), 422, "too_long")).toBe(
      "The owner lends this for at most 7 days",
    );
    expect((await ask(item.id, 3, 9)).status).toBe("requested");
  });

  it("refuses a loan longer than 90 days on an item without a maximum with 400 on the end date", async () => {
    const item = await itemWith();
    const error = await refused(ask(item.id, 1, 91), 400, "validation_failed");
    expect(error.fieldErrors[0]?.path).toBe("body.endDate");
  });

  it("allows a loan longer than 90 days when the owner's maximum does", async () => {
    const item = await itemWith({ maxDays: 120 });
    expect((await ask(item.id, 1, 100)).status).toBe("requested");
  });

  it("refuses a start sooner than the notice with 422 notice, naming the earliest start", async () => {
    const item = await itemWith({ noticeDays: 2 });
    const earliest = new Date(`${inDays(2)}T00:00:00Z`);
    const day = earliest.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
    expect(await refusedFor(ask(item.id, 1, 3), 422, "notice")).toMatch(
      new RegExp(`^The owner needs 2 days' notice: the earliest start is \\w{3}, ${day} \\d{4}$`),
    );
    expect((await ask(item.id, 2, 3)).status).toBe("requested");
  });

  it("refuses dates overlapping a blocked range with 409 dates_blocked", async () => {
    const item = await itemWith();
    await block(item.id, 10, 12);
    expect(await refusedFor(ask(item.id, 8, 10), 409, "dates_blocked")).toMatch(/keeps some of those dates/);
    expect((await ask(item.id, 13, 14)).status).toBe("requested");
  });

  it("refuses dates overlapping an approved loan with 409 dates_taken", async () => {
    const item = await itemWith();
    const first = await ask(item.id, 3, 5, other);
    await owner.client.loans.approve({ params: { id: first.id } });
    expect(await refusedFor(ask(item.id, 5, 6), 409, "dates_taken")).toMatch(/already booked/);
  });
});

describe("approving against the database's rules", () => {
  it("refuses approving a request over days blocked since with 409 dates_blocked, and changes nothing", async () => {
    const item = await itemWith();
    const loan = await ask(item.id, 20, 22);
    await block(item.id, 22, 23);
    await refusedFor(owner.client.loans.approve({ params: { id: loan.id } }), 409, "dates_blocked");
    expect((await owner.client.loans.get({ params: { id: loan.id } })).status).toBe("requested");
  });

  it("refuses approving a request over another approved loan with 409 dates_taken", async () => {
    const item = await itemWith();
    const first = await ask(item.id, 30, 32, other);
    const second = await ask(item.id, 31, 33);
    await owner.client.loans.approve({ params: { id: first.id } });
    await refusedFor(owner.client.loans.approve({ params: { id: second.id } }), 409, "dates_taken");
  });
});

describe("the request path", () => {
  it("reads the item, its rules and its held dates in one query", async () => {
    const item = await itemWith({ maxDays: 5 });
    await refused(ask(item.id, 3, 10), 422, "unprocessable"); // the caller's token is validated and cached
    const spy = watchRequestSql(db());
    try {
      await refused(ask(item.id, 3, 10), 422, "unprocessable");
      expect(spy.count()).toBe(1);
    } finally {
      spy.restore();
    }
  });
});
