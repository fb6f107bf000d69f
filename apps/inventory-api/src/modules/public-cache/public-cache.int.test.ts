import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createStore, type KeyValueStore } from "@sharehood/server-kit";
import { testRedisUrl } from "@sharehood/server-kit/testing";
import { CATALOGUE_CHANGED_CHANNEL } from "@sharehood/sdk/contract";
import { createPublicCache, MAX_ENTRY_BYTES, type CachedResponse } from "./public-cache.ts";

const logger = pino({ level: "silent" });
const opened: KeyValueStore[] = [];
afterAll(() => Promise.all(opened.map((store) => store.close())));

// The same store the service makes: in-process without REDIS_URL, else the real Redis.
const stores: [string, string | undefined][] = [
  ["in-process", undefined],
  ["Redis", testRedisUrl()],
];

async function open(redisUrl: string | undefined): Promise<KeyValueStore> {
  const store = await createStore({
    redisUrl,
    service: "inventory",
    namespace: `test-${randomUUID()}`,
    logger,
  });
  opened.push(store);
  return store;
}

const cacheOn = (store: KeyValueStore, maxBytes = 64 * 1024 * 1024) =>
  createPublicCache({ store, ttlSeconds: 60, maxBytes, logger });

/** A build whose answer is held back until `release` is called, counting how often it ran. */
function heldBuild(body: string) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const build = {
    calls: 0,
    release: () => release(),
    run: async (): Promise<CachedResponse> => {
      build.calls += 1;
      await gate;
      return { etag: `"${body}"`, body };
    },
  };
  return build;
}

describe.each(stores)("the public cache on the %s store", (_name, redisUrl) => {
  it("serves a hit without building, and rebuilds after an invalidation", async () => {
    const cache = cacheOn(await open(redisUrl));
    let builds = 0;
    const build = () => Promise.resolve({ etag: `"${++builds}"`, body: `v${builds}` });
    expect((await cache.get("page", build)).body).toBe("v1");
    expect((await cache.get("page", build)).body).toBe("v1");
    expect((await cache.peek("page"))?.body).toBe("v1");
    await cache.invalidate();
    expect(await cache.peek("page")).toBeUndefined();
    expect((await cache.get("page", build)).body).toBe("v2");
  });

  it("announces every invalidation to other processes (the web servers' page caches)", async () => {
    const store = await open(redisUrl);
    const announced: string[] = [];
    const stop = await store.subscribe(CATALOGUE_CHANGED_CHANNEL, (message) => announced.push(message));
    await cacheOn(store).invalidate();
    await cacheOn(store).invalidate();
    await expect.poll(() => announced.length).toBe(2);
    await stop();
  });

  it("never stores what a build read before a write that finished while it ran", async () => {
    const cache = cacheOn(await open(redisUrl));
    const before = heldBuild("before the write");
    const answer = cache.get("page", before.run);
    await expect.poll(() => before.calls).toBe(1); // the version is read before the build starts
    await cache.invalidate(); // a write commits meanwhile
    before.release();
    expect((await answer).body).toBe("before the write"); // that request began before the write
    expect(await cache.peek("page")).toBeUndefined(); // but nobody after it is served that
    const after = heldBuild("after the write");
    after.release();
    expect((await cache.get("page", after.run)).body).toBe("after the write");
    expect((await cache.peek("page"))?.body).toBe("after the write");
  });

  it("shares one build among concurrent misses", async () => {
    const cache = cacheOn(await open(redisUrl));
    const build = heldBuild("page");
    const answers = Array.from({ length: 10 }, () => cache.get("page", build.run));
    await new Promise((resolve) => setTimeout(resolve, 20));
    build.release();
    expect(new Set((await Promise.all(answers)).map((a) => a.body))).toEqual(new Set(["page"]));
    expect(build.calls).toBe(1);
  });

  it("builds once when a miss is looked up just before another request's build is stored", async () => {
    const store = await open(redisUrl);
    // Holds the next entry lookup's answer (a miss) until the first request's build has been stored.
    let hold: Promise<unknown> | undefined;
    const get = store.get.bind(store);
    store.get = async (key: string) => {
      const value = await get(key);
      const held = key.includes("entry") ? hold : undefined;
      hold = undefined;
      if (held) await held;
      return value;
    };
    const cache = cacheOn(store);
    const build = heldBuild("page");
    const first = cache.get("page", build.run);
    await expect.poll(() => build.calls).toBe(1); // the first build is running
    hold = first;
    const second = cache.get("page", build.run); // misses, then waits for the first to finish
    build.release();
    expect((await first).body).toBe("page");
    expect((await second).body).toBe("page");
    expect(build.calls).toBe(1);
  });
  it("stores entries until the budget is spent, then serves builds without storing them until a write", async () => {
    // 8 KiB: each small entry counts as 1 KiB, so 8 are stored and the rest only served.
    const cache = cacheOn(await open(redisUrl), 8 * 1024);
    for (let i = 0; i < 20; i += 1) {
      const body = `page ${i}`;
      expect((await cache.get(`page-${i}`, () => Promise.resolve({ etag: `"${i}"`, body }))).body).toBe(body);
    }
    const stored = await Promise.all(Array.from({ length: 20 }, (_, i) => cache.peek(`page-${i}`)));
    expect(stored.filter(Boolean)).toHaveLength(8);
    await cache.get("more", () => Promise.resolve({ etag: '"m"', body: "more" }));
    expect(await cache.peek("more")).toBeUndefined();
    await cache.invalidate(); // a write empties the cache, so its entries no longer count
    await cache.get("after", () => Promise.resolve({ etag: '"a"', body: "after" }));
    expect((await cache.peek("after"))?.body).toBe("after");
  });

  it("serves but never stores an entry over 256 KB", async () => {
    const cache = cacheOn(await open(redisUrl));
    const big = "x".repeat(MAX_ENTRY_BYTES + 1);
    const fits = "y".repeat(MAX_ENTRY_BYTES - 100);
    expect((await cache.get("big", () => Promise.resolve({ etag: '"b"', body: big }))).body).toBe(big);
    expect(await cache.peek("big")).toBeUndefined();
    await cache.get("fits", () => Promise.resolve({ etag: '"f"', body: fits }));
    expect((await cache.peek("fits"))?.body).toBe(fits);
  });
});
