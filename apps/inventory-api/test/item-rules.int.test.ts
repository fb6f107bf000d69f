import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// The owner's rules are fields of the item: set on create, replaced by PUT, changed one by one by
// PATCH, and carried by every answer that shows the item.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let borrower: Awaited<ReturnType<TestStack["signUp"]>>;

beforeAll(async () => {
  stack = await startStack("item-rules");
  [owner, borrower] = await Promise.all([stack.signUp("Rita Rules"), stack.signUp("Ben Borrower")]);
});
afterAll(() => stack.close());

const RULES = {
  paused: true,
  minDays: 2,
  maxDays: 7,
  noticeDays: 3,
  blockedRanges: [{ start: inDays(10), end: inDays(12) }],
};

const create = (overrides: Parameters<typeof newItem>[0] = {}) =>
  owner.client.items.create({ body: newItem(overrides) });

/** An item with a loan of days 20 to 22 approved. */
async function bookedItem() {
  const item = await create();
  const loan = await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: inDays(20), endDate: inDays(22) },
  });
  await owner.client.loans.approve({ params: { id: loan.id } });
  return owner.client.items.get({ params: { id: item.id } });
}

describe("an item's rules", () => {
  it("are stored on create and shown in the item, its page and the lists", async () => {
    const item = await create(RULES);
    expect(item).toMatchObject(RULES);
    expect(await stack.client().items.get({ params: { id: item.id } })).toMatchObject(RULES);
    const listed = await stack.client().items.list({ query: { ownerId: owner.id } });
    expect(listed.items.find((i) => i.id === item.id)).toMatchObject(RULES);
  });

  it("default to none: not paused, no bounds, no notice, no blocked days", async () => {
    expect(await create()).toMatchObject({
      paused: false,
      minDays: null,
      maxDays: null,
      noticeDays: 0,
      blockedRanges: [],
    });
  });

  it("are all cleared by a PUT that leaves them out", async () => {
    const item = await create(RULES);
    const replaced = await owner.client.items.replace({ params: { id: item.id }, body: newItem() });
    expect(replaced).toMatchObject({
      paused: false,
      minDays: null,
      maxDays: null,
      noticeDays: 0,
      blockedRanges: [],
    });
  });

  it("change one at a time with PATCH, leaving the others as they were", async () => {
    const item = await create(RULES);
    const patched = await owner.client.items.update({ params: { id: item.id }, body: { noticeDays: 0 } });
    expect(patched).toMatchObject({ ...RULES, noticeDays: 0, version: item.version + 1 });
  });

  it("refuses minDays above maxDays in one body (400)", async () => {
    await refused(create({ minDays: 5, maxDays: 3 }), 400, "validation_failed");
  });

  it("refuses a PATCH of minDays alone above the stored maxDays (400), changing nothing", async () => {
    const item = await create({ minDays: 2, maxDays: 4 });
    const error = await refused(
      owner.client.items.update({ params: { id: item.id }, body: { minDays: 5 } }),
      400,
      "validation_failed",
    );
    expect(error.fieldErrors[0]?.path).toBe("body.minDays");
    expect(await owner.client.items.get({ params: { id: item.id } })).toMatchObject({
      minDays: 2,
      version: 1,
    });
  });

  it("refuses a PATCH of maxDays alone below the stored minDays (400)", async () => {
    const item = await create({ minDays: 4 });
    await refused(
      owner.client.items.update({ params: { id: item.id }, body: { maxDays: 3 } }),
      400,
      "validation_failed",
    );
  });

  it("lets a PATCH clear a bound with null", async () => {
    const item = await create({ minDays: 4, maxDays: 6 });
    const patched = await owner.client.items.update({ params: { id: item.id }, body: { maxDays: null } });
    expect(patched).toMatchObject({ minDays: 4, maxDays: null });
  });
});

describe("blocked days", () => {
  it("are replaced as a whole set by a PATCH that sends them", async () => {
    const item = await create(RULES);
    const blockedRanges = [
      { start: inDays(30), end: inDays(31) },
      { start: inDays(5), end: inDays(5) },
    ];
    const patched = await owner.client.items.update({ params: { id: item.id }, body: { blockedRanges } });
    expect(patched.blockedRanges).toEqual([blockedRanges[1], blockedRanges[0]]);
    const rows = await stack.inventory.api.db.itemBlock.count({ where: { itemId: item.id } });
    expect(rows).toBe(2);
  });

  it("leave out ranges that ended before today", async () => {
    const item = await create({
      blockedRanges: [
        { start: inDays(-5), end: inDays(-1) },
        { start: inDays(-1), end: inDays(0) },
      ],
    });
    expect(item.blockedRanges).toEqual([{ start: inDays(-1), end: inDays(0) }]);
  });

  it("over an approved loan are refused with 409 dates_taken, and nothing changes", async () => {
    const item = await bookedItem();
    const error = await refused(
      owner.client.items.update({
        params: { id: item.id },
        body: {
          title: "Renamed",
          blockedRanges: [
            { start: inDays(1), end: inDays(2) },
            { start: inDays(22), end: inDays(25) },
          ],
        },
      }),
      409,
      "conflict",
    );
    expect(error.problem).toMatchObject({ reason: "dates_taken" });
    expect(error.problem.detail).toMatch(/already promised to a borrower/);
    const after = await owner.client.items.get({ params: { id: item.id } });
    expect(after).toMatchObject({ title: item.title, version: item.version, blockedRanges: [] });
  });

  it("next to an approved loan are fine", async () => {
    const item = await bookedItem();
    const blockedRanges = [{ start: inDays(23), end: inDays(25) }];
    const patched = await owner.client.items.update({ params: { id: item.id }, body: { blockedRanges } });
    expect(patched.blockedRanges).toEqual(blockedRanges);
  });

  it("are refused past the contract's limits (400)", async () => {
    const res = await raw(`${stack.inventory.url}/items`, {
      method: "POST",
      token: owner.token,
      body: JSON.stringify(newItem({ blockedRanges: [{ start: inDays(3), end: inDays(1) }] })),
    });
    expect(res.status).toBe(400);
  });
});
