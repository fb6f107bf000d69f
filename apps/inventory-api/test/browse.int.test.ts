import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
let alice: Awaited<ReturnType<TestStack["signUp"]>>;
let bob: Awaited<ReturnType<TestStack["signUp"]>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack("browse");
  alice = await stack.signUp("Alice");
  bob = await stack.signUp("Bob");
  const listings = [
    [
      alice,
      "tent",
      {
        title: "Family tent for six",
        description: "Sleeps six people, easy to pitch, waterproof.",
        categoryId: "camping",
      },
    ],
    [
      alice,
      "stove",
      { title: "Camping stove", description: "Two burners. Gas bottle included.", categoryId: "camping" },
    ],
    [
      bob,
      "drill",
      { title: "Hammer drill", description: "Drills through concrete and brick walls.", categoryId: "tools" },
    ],
    [
      bob,
      "saw",
      {
        title: "Circular saw",
        description: "For cutting planks; comes with a spare blade.",
        categoryId: "tools",
      },
    ],
    [
      bob,
      "projector",
      {
        title: "Projector",
        description: "Full HD projector for movie nights in the garden; tent not included.",
        categoryId: "electronics",
      },
    ],
  ] as const;
  for (const [who, key, body] of listings)
    ids[key] = (await who.client.items.create({ body: newItem(body) })).id;
});
afterAll(() => stack.close());

const titles = (page: { items: { title: string }[] }) => page.items.map((i) => i.title);

describe("browsing without a token", () => {
  it("lists newest first", async () => {
    const page = await stack.client().items.list({});
    expect(titles(page).slice(0, 2)).toEqual(["Projector", "Circular saw"]);
  });

  it("searches title and description, ranking title matches first and matching word forms", async () => {
    const page = await stack.client().items.list({ query: { q: "tents" } });
    expect(titles(page)).toEqual(["Family tent for six", "Projector"]);
    expect(titles(await stack.client().items.list({ query: { q: "drilling" } }))).toEqual(["Hammer drill"]);
    expect(titles(await stack.client().items.list({ query: { q: "gas -stove" } }))).toEqual([]);
  });

  it("filters by category and by owner, and sorts by title", async () => {
    expect(
      titles(await stack.client().items.list({ query: { category: "camping", sort: "title" } })),
    ).toEqual(["Camping stove", "Family tent for six"]);
    expect(titles(await stack.client().items.list({ query: { ownerId: alice.id, sort: "title" } }))).toEqual([
      "Camping stove",
      "Family tent for six",
    ]);
    expect(titles(await stack.client().items.list({ query: { category: "kids" } }))).toEqual([]);
  });

  it("hides items booked during the requested dates", async () => {
    const loan = await bob.client.loans.request({
      params: { id: ids.tent! },
      body: { startDate: inDays(10), endDate: inDays(12) },
    });
    await alice.client.loans.approve({ params: { id: loan.id } });
    const during = await stack
      .client()
      .items.list({ query: { category: "camping", availableFrom: inDays(12), availableTo: inDays(20) } });
    expect(titles(during)).toEqual(["Camping stove"]);
    const after = await stack
      .client()
      .items.list({ query: { category: "camping", availableFrom: inDays(13), availableTo: inDays(20) } });
    expect(titles(after).sort()).toEqual(["Camping stove", "Family tent for six"]);
    const detail = await stack.client().items.get({ params: { id: ids.tent! } });
    expect(detail.bookings).toEqual([{ startDate: inDays(10), endDate: inDays(12) }]);
  });

  it("pages through everything exactly once, stable while new items are added", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let added = false;
    do {
      const page = await stack.client().items.list({ query: { limit: 2, cursor } });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      if (!added) {
        await alice.client.items.create({ body: newItem({ title: "Added while paging" }) });
        added = true;
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  it("pages through search results by relevance and by title without repeats", async () => {
    for (const sort of ["relevance", "title"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stack
          .client()
          .items.list({ query: { q: "tent OR drill OR saw OR stove", sort, limit: 1, cursor } });
        seen.push(...page.items.map((i) => i.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual([
        "Added while paging",
        "Camping stove",
        "Circular saw",
        "Family tent for six",
        "Hammer drill",
        "Projector",
      ]);
    }
  });

  it("rejects bad queries with 400 naming the parameter", async () => {
    for (const query of [
      "limit=0",
      "limit=101",
      "limit=abc",
      "sort=price",
      "sort=relevance",
      "availableFrom=2026-01-01",
      "availableFrom=2026-02-01&availableTo=2026-01-01",
      "availableFrom=yesterday&availableTo=today",
      "cursor=not-a-cursor",
      `ownerId=${encodeURIComponent("'; drop table items; --")}`,
    ]) {
      const res = await raw(`${stack.inventory.url}/items?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe("validation_failed");
    }
  });

  it("answers 304 to If-None-Match with the current ETag, and sets Cache-Control", async () => {
    const first = await raw(`${stack.inventory.url}/items?category=tools`);
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const again = await raw(`${stack.inventory.url}/items?category=tools`, {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    const item = await raw(`${stack.inventory.url}/items/${ids.saw}`);
    expect(
      (
        await raw(`${stack.inventory.url}/items/${ids.saw}`, {
          headers: { "if-none-match": item.headers.get("etag")! },
        })
      ).status,
    ).toBe(304);
  });

  it("answers 404 for an unknown item", async () => {
    await refused(
      stack.client().items.get({ params: { id: "01a2099a-0000-7000-8000-000000000000" } }),
      404,
      "not_found",
    );
  });
});
