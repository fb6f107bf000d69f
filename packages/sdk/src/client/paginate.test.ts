import { describe, expect, expectTypeOf, it } from "vitest";
import type { ListedItem } from "../contract/inventory.ts";
import { createClient } from "./create-client.ts";
import { SharehoodApiError } from "./errors.ts";
import { paginate } from "./paginate.ts";
import { testItem } from "./test-item.ts";

/** A list endpoint of three pages (a, b → c, d → e) that records the cursors it was asked for. */
function threePages() {
  const asked: (string | undefined)[] = [];
  const pages: Record<string, { items: string[]; nextCursor: string | null }> = {
    start: { items: ["a", "b"], nextCursor: "p2" },
    p2: { items: ["c", "d"], nextCursor: "p3" },
    p3: { items: ["e"], nextCursor: null },
  };
  const list = (input: { query?: { cursor?: string; q?: string } }) => {
    asked.push(input.query?.cursor);
    expect(input.query?.q).toBe("drill");
    return Promise.resolve(pages[input.query?.cursor ?? "start"]!);
  };
  return { asked, list };
}

describe("pagination", () => {
  it("yields every item across three pages, in order, with the caller's query on each", async () => {
    const { asked, list } = threePages();
    const seen: string[] = [];
    for await (const item of paginate(list, { query: { q: "drill" } })) seen.push(item);
    expect(seen).toEqual(["a", "b", "c", "d", "e"]);
    expect(asked).toEqual([undefined, "p2", "p3"]);
  });

  it("fetches no further page than the loop consumes, and starts from a given cursor", async () => {
    const { asked, list } = threePages();
    for await (const item of paginate(list, { query: { q: "drill" } })) if (item === "b") break;
    expect(asked).toEqual([undefined]);

    const resumed = threePages();
    const rest: string[] = [];
    for await (const item of paginate(resumed.list, { query: { q: "drill", cursor: "p2" } })) rest.push(item);
    expect(rest).toEqual(["c", "d", "e"]);
  });

  it("refuses a cursor that comes back twice rather than looping for ever", async () => {
    const list = () => Promise.resolve({ items: [1], nextCursor: "same" });
    await expect(async () => {
      for await (const _ of paginate(list, {})) void _;
    }).rejects.toThrow(/came back twice/);
  });

  it("is how the client's listAll methods walk a list, typed by the contract, errors included", async () => {
    const urls: string[] = [];
    const bodies = [
      { items: [testItem({ id: "c1" })], nextCursor: "n1" },
      { items: [testItem({ id: "c2" })], nextCursor: "n2" },
      { items: [testItem({ id: "c3" })], nextCursor: null },
    ];
    const fetch = ((url: string) => {
      urls.push(url);
      const body = bodies.shift();
      return Promise.resolve(
        body
          ? new Response(JSON.stringify(body), {
              status: 200,
              headers: { "content-type": "application/json" },
            })
          : new Response("{}", { status: 500 }),
      );
    }) as unknown as typeof globalThis.fetch;
    const client = createClient({ baseUrl: "http://api.test", fetch, retries: 0 });
    const ids: string[] = [];
    for await (const found of client.items.listAll({ query: { q: "drill" } })) ids.push(found.id);
    expect(ids).toEqual(["c1", "c2", "c3"]);
    expect(urls).toEqual([
      "http://api.test/items?q=drill",
      "http://api.test/items?q=drill&cursor=n1",
      "http://api.test/items?q=drill&cursor=n2",
    ]);

    const walk = client.items.listAll({ query: { q: "drill" } });
    expectTypeOf(walk).toEqualTypeOf<AsyncGenerator<ListedItem, void, undefined>>();
    await expect(walk.next()).rejects.toBeInstanceOf(SharehoodApiError);
  });
});
