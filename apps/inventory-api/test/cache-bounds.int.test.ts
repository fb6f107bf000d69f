import { Redis } from "ioredis";
import type { Item } from "@sharehood/sdk";
import { encodeCursor } from "@sharehood/server-kit";
import { testRedisUrl } from "@sharehood/test-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem, raw, watchRequestSql } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// A budget of 0.25 MB per cache lifetime: with every entry counted as at least 1 KiB, at most 256
// entries are stored per lifetime, so at most twice that can be held at once.
const BUDGET_ENTRIES = 256;

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let redis: Redis;

beforeAll(async () => {
  stack = await startStack("cachebounds", { inventory: { PUBLIC_CACHE_MAX_MB: "0.25" } });
  owner = await stack.signUp("Bounded Owner");
  for (let i = 0; i < 12; i += 1)
    await owner.client.items.create({ body: newItem({ categoryId: "garden" }) });
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  redis.disconnect();
  await stack.close();
});

/** The public cache's keys in Redis: entries, index, version and budget counter. */
async function cacheKeys(): Promise<number> {
  let count = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(
      cursor,
      "MATCH",
      `${stack.namespace}:inventory-api:pc:*`,
      "COUNT",
      1000,
    );
    count += keys.length;
    cursor = next;
  } while (cursor !== "0");
  return count;
}

/** GETs every path, `concurrency` at a time, and answers the statuses seen. */
async function getAll(paths: string[], concurrency = 16): Promise<Set<number>> {
  const statuses = new Set<number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const res = await fetch(`${stack.inventory.url}${paths[next++]!}`);
        await res.arrayBuffer();
        statuses.add(res.status);
      }
    }),
  );
  return statuses;
}

const sqlCalls = () => watchRequestSql(stack.inventory.api.db);
const titles = (body: { items?: unknown[] }) => (body.items as Item[]).map((i) => i.title);

// Two tests send 2,000 requests each, several times what the budget could hold (at most 512 entries),
// so an unbounded cache would show; 10,000 proved no more and took five times as long. They assert
// what is stored, never how fast.
describe("what the public cache stores", () => {
  it("stores no page after the first: 2,000 distinct cursors add no entry, and each is answered from PostgreSQL", async () => {
    const all = await raw(`${stack.inventory.url}/items?category=garden&limit=100`);
    const first = await raw(`${stack.inventory.url}/items?category=garden&limit=5`);
    const before = await cacheKeys();
    const start = Date.parse("2030-01-01T00:00:00Z");
    const cursors = Array.from({ length: 2_000 }, (_, i) =>
      encodeCursor([new Date(start - i * 1000).toISOString(), `crawler-${i}`]),
    );
    expect(await getAll(cursors.map((c) => `/items?cursor=${c}`))).toEqual(new Set([200]));
    expect(await cacheKeys()).toBe(before);

    // A real next page is still right, and read from the database each time.
    const spy = sqlCalls();
    const second = await raw(
      `${stack.inventory.url}/items?category=garden&limit=5&cursor=${String(first.body.nextCursor)}`,
    );
    await raw(`${stack.inventory.url}/items?category=garden&limit=5&cursor=${String(first.body.nextCursor)}`);
    expect(spy.count()).toBe(2);
    spy.restore();
    expect(titles(second.body)).toEqual(titles(all.body).slice(5, 10));
  }, 90_000);

  it("stores no availability range and no long search", async () => {
    const before = await cacheKeys();
    const paths = Array.from({ length: 50 }, (_, i) => {
      const day = `2031-01-${String((i % 28) + 1).padStart(2, "0")}`;
      return i % 2 === 0
        ? `/items?availableFrom=${day}&availableTo=${day}&limit=${(i % 20) + 1}`
        : `/items?q=${encodeURIComponent(`a long search of many words number ${i} ${"x".repeat(40)}`)}`;
    });
    expect(await getAll(paths)).toEqual(new Set([200]));
    expect(await cacheKeys()).toBe(before);
  });

  it("holds a bounded number of entries for 2,000 distinct searches, answers each correctly, and caches again after a write", async () => {
    await owner.client.items.create({ body: newItem({ title: "Wheelbarrow", categoryId: "garden" }) });
    const paths = Array.from({ length: 2_000 }, (_, i) => `/items?q=crawl${i}`);
    expect(await getAll(paths)).toEqual(new Set([200]));
    const held = await cacheKeys();
    expect(held).toBeLessThanOrEqual(2 * BUDGET_ENTRIES + 3); // + version, index and budget counter
    // With the budget spent, answers still come (uncached) from PostgreSQL, and are right.
    expect(titles((await raw(`${stack.inventory.url}/items?q=wheelbarrow`)).body)).toEqual(["Wheelbarrow"]);
    expect((await raw(`${stack.inventory.url}/items?q=crawl17`)).body.items).toEqual([]);
    // A write empties the cache, and the next reads are cached again.
    await owner.client.items.create({ body: newItem({ categoryId: "garden" }) });
    await raw(`${stack.inventory.url}/items?category=garden`);
    const spy = sqlCalls();
    await raw(`${stack.inventory.url}/items?category=garden`);
    expect(spy.count()).toBe(0);
    spy.restore();
  }, 90_000);

  it("does not store a page larger than 256 KB, and still answers it", async () => {
    const long = "A sturdy tent with every accessory you could want. ".repeat(100).slice(0, 4990);
    for (let i = 0; i < 60; i += 1)
      await owner.client.items.create({ body: newItem({ categoryId: "camping", description: long }) });
    const path = `/items?category=camping&limit=60`;
    const first = await raw(`${stack.inventory.url}${path}`);
    expect(first.text.length).toBeGreaterThan(256 * 1024);
    expect(first.body.items).toHaveLength(60);
    const spy = sqlCalls();
    const again = await raw(`${stack.inventory.url}${path}`);
    expect(spy.count()).toBeGreaterThan(0); // not served from the cache
    spy.restore();
    expect(again.text).toBe(first.text);
  });
});
