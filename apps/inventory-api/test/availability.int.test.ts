import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLoan } from "@sharehood/test-stack";
import { inDays, newItem, raw, refused, watchRequestSql } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// The public availability of an item: the days its approved and active loans and its owner's blocked
// days take, merged and clipped to a window, never by whom; cached, and current after every change.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let borrower: Awaited<ReturnType<TestStack["signUp"]>>;

beforeAll(async () => {
  stack = await startStack("availability");
  [owner, borrower] = await Promise.all([stack.signUp("Ava Owner"), stack.signUp("Bo Borrower")]);
});
afterAll(() => stack.close());

const availability = (id: string, query: { from?: string; to?: string } = {}) =>
  stack.client().items.availability({ params: { id }, query });

/** An approved loan of the item over those days from today. */
async function approvedLoan(itemId: string, from: number, to: number) {
  const loan = await requestLoan(borrower.client, itemId, { from, to });
  return owner.client.loans.approve({ params: { id: loan.id } });
}

describe("availability", () => {
  it("merges loans and blocked days that touch, and leaves out requests and finished loans", async () => {
    const item = await owner.client.items.create({
      body: newItem({
        blockedRanges: [
          { start: inDays(8), end: inDays(9) },
          { start: inDays(30), end: inDays(31) },
        ],
      }),
    });
    await approvedLoan(item.id, 5, 7);
    await requestLoan(borrower.client, item.id, { from: 12, to: 14 });
    const cancelled = await approvedLoan(item.id, 16, 17);
    await borrower.client.loans.cancel({ params: { id: cancelled.id } });
    expect(await availability(item.id)).toEqual({
      from: inDays(0),
      to: inDays(89),
      taken: [
        { start: inDays(5), end: inDays(9) },
        { start: inDays(30), end: inDays(31) },
      ],
    });
  });

  it("clips the ranges to the window asked for", async () => {
    const item = await owner.client.items.create({
      body: newItem({ blockedRanges: [{ start: inDays(10), end: inDays(20) }] }),
    });
    await approvedLoan(item.id, 2, 4);
    const answer = await availability(item.id, { from: inDays(3), to: inDays(12) });
    expect(answer.taken).toEqual([
      { start: inDays(3), end: inDays(4) },
      { start: inDays(10), end: inDays(12) },
    ]);
  });

  it("says nothing of who or why", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    await approvedLoan(item.id, 1, 2);
    const res = await raw(`${stack.inventory.url}/items/${item.id}/availability`);
    expect(Object.keys(res.body).sort()).toEqual(["from", "taken", "to"]);
    expect(res.text).not.toContain(borrower.id);
    expect(Object.keys((res.body.taken as object[])[0]!).sort()).toEqual(["end", "start"]);
  });

  it("shows an approval at once, though the answer before it was cached", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    expect((await availability(item.id)).taken).toEqual([]);
    await approvedLoan(item.id, 3, 4);
    expect((await availability(item.id)).taken).toEqual([{ start: inDays(3), end: inDays(4) }]);
  });

  it("shows a change of blocked days at once", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    expect((await availability(item.id)).taken).toEqual([]);
    await owner.client.items.update({
      params: { id: item.id },
      body: { blockedRanges: [{ start: inDays(1), end: inDays(1) }] },
    });
    expect((await availability(item.id)).taken).toEqual([{ start: inDays(1), end: inDays(1) }]);
  });

  it("serves a repeated read from the cache without running any SQL", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const url = `${stack.inventory.url}/items/${item.id}/availability?from=${inDays(0)}&to=${inDays(30)}`;
    const first = await raw(url);
    const spy = watchRequestSql(stack.inventory.api.db);
    const second = await raw(url);
    expect(spy.count()).toBe(0);
    spy.restore();
    expect(second.text).toBe(first.text);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("answers 404 for an unknown, removed or hidden item", async () => {
    await refused(availability("no-such-item"), 404, "not_found");
    const removed = await owner.client.items.create({ body: newItem() });
    await owner.client.items.delete({ params: { id: removed.id } });
    await refused(availability(removed.id), 404, "not_found");
    const hidden = await owner.client.items.create({ body: newItem() });
    await stack.inventory.api.db.item.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await refused(availability(hidden.id), 404, "not_found");
  });

  it("ends a window that would run past year 9999 on its last day", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    expect(await availability(item.id, { from: "9999-12-01" })).toEqual({
      from: "9999-12-01",
      to: "9999-12-31",
      taken: [],
    });
  });

  it("refuses a reversed, too wide or malformed window with 400", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    for (const query of [
      `from=${inDays(5)}&to=${inDays(4)}`,
      `from=${inDays(0)}&to=${inDays(400)}`,
      `to=${inDays(-1)}`,
      `to=${inDays(450)}`,
      "from=tomorrow",
    ]) {
      const res = await raw(`${stack.inventory.url}/items/${item.id}/availability?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code, query).toBe("validation_failed");
    }
  });
});
