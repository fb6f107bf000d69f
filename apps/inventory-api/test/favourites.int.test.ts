import { MAX_SAVED_ITEMS } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Saved items: a private list per person, idempotent to change, from which removed and hidden items
// drop out.

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let owner: User;
let saver: User;
let other: User;

beforeAll(async () => {
  stack = await startStack("favourites");
  [owner, saver, other] = await Promise.all([
    stack.signUp("Olive"),
    stack.signUp("Sue"),
    stack.signUp("Otto"),
  ]);
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;
const save = (user: User, id: string) => user.client.favourites.save({ params: { id } });
const unsave = (user: User, id: string) => user.client.favourites.remove({ params: { id } });
const savedIds = async (user: User) => (await user.client.favourites.ids({})).ids;
const listed = async (user: User, limit = 100) =>
  (await user.client.favourites.list({ query: { limit } })).items.map((item) => item.id);

describe("saved items", () => {
  it("are saved and forgotten idempotently, newest first, seen by nobody else", async () => {
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map(() => owner.client.items.create({ body: newItem() })),
    );
    for (const item of [first!, second!, third!, second!]) await save(saver, item.id);
    expect(await listed(saver)).toEqual([third!.id, second!.id, first!.id]);
    expect(await savedIds(saver)).toEqual([third!.id, second!.id, first!.id]);
    const [saved] = (await saver.client.favourites.list({ query: { limit: 1 } })).items;
    expect(saved).toMatchObject({
      id: third!.id,
      title: third!.title,
      owner: { id: owner.id },
      hidden: null,
    });

    // Two per page, on to the end.
    const page = await saver.client.favourites.list({ query: { limit: 2 } });
    const rest = await saver.client.favourites.list({ query: { limit: 2, cursor: page.nextCursor! } });
    expect([...page.items, ...rest.items].map((item) => item.id)).toEqual([third!.id, second!.id, first!.id]);
    expect(rest.nextCursor).toBeNull();

    await unsave(saver, second!.id);
    await unsave(saver, second!.id);
    await unsave(saver, "no-such-item");
    expect(await savedIds(saver)).toEqual([third!.id, first!.id]);

    // Another person's list is their own; without a token there is none.
    expect(await listed(other)).toEqual([]);
    expect(await savedIds(other)).toEqual([]);
    const anonymous = await raw(`${stack.inventory.url}/favourites`);
    expect(anonymous.status).toBe(401);
  });

  it("drop out while removed, hidden or of a suspended owner, and cannot be saved then", async () => {
    const [removed, hidden, plain, kept] = await Promise.all(
      [1, 2, 3, 4].map(() => owner.client.items.create({ body: newItem() })),
    );
    const lender = await stack.signUp("Lars");
    const lent = await lender.client.items.create({ body: newItem() });
    for (const item of [removed!, hidden!, plain!, kept!, lent]) await save(other, item.id);

    await owner.client.items.delete({ params: { id: removed!.id } });
    await db()
      .$executeRaw`UPDATE items SET hidden_at = now(), hidden_reason = 'Spam' WHERE id = ${hidden!.id}`;
    await db().$executeRaw`UPDATE owners SET suspended_at = now() WHERE id = ${lender.id}`;
    expect(await listed(other)).toEqual([kept!.id, plain!.id]);
    expect(await savedIds(other)).toEqual([kept!.id, plain!.id]);
    for (const id of [removed!.id, hidden!.id, lent.id, "no-such-item"])
      await refused(save(saver, id), 404, "not_found");

    // Shown again, it is back in its place.
    await db().$executeRaw`UPDATE owners SET suspended_at = NULL WHERE id = ${lender.id}`;
    expect(await savedIds(other)).toEqual([lent.id, kept!.id, plain!.id]);
    const stored = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM favourites WHERE user_id = ${saver.id} AND item_id IN (${removed!.id}, ${hidden!.id}, ${lent.id})`;
    expect(stored[0]?.n).toBe(0);
  });

  it(`stop at ${MAX_SAVED_ITEMS}, even for two saves at once`, async () => {
    const collector = await stack.signUp("Cole");
    // The items and all but one save are written directly: 500 requests would say nothing more.
    await db().$executeRaw`
      INSERT INTO items (id, owner_id, title, description, category_id, condition, updated_at)
      SELECT 'bulk-' || n, ${owner.id}, 'Bulk item ' || n, 'One of many', 'tools', 'good', now()
      FROM generate_series(1, ${MAX_SAVED_ITEMS + 1}) n`;
    await db().$executeRaw`
      INSERT INTO favourites (user_id, item_id, created_at)
      SELECT ${collector.id}, 'bulk-' || n, now() - make_interval(secs => n) FROM generate_series(1, ${MAX_SAVED_ITEMS - 1}) n`;

    const last = [`bulk-${MAX_SAVED_ITEMS}`, `bulk-${MAX_SAVED_ITEMS + 1}`];
    const outcomes = await Promise.allSettled(last.map((id) => save(collector, id)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ status: 409, code: "conflict" });
    expect(await savedIds(collector)).toHaveLength(MAX_SAVED_ITEMS);

    // At the limit, saving a saved item is still fine; forgetting one makes room.
    await save(collector, "bulk-1");
    await unsave(collector, "bulk-1");
    const refusedId = last[outcomes.findIndex((o) => o.status === "rejected")]!;
    await save(collector, refusedId);
    expect((await savedIds(collector))[0]).toBe(refusedId);
  });
});
