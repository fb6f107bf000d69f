import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { MemoryStore } from "./kv/memory-store.ts";
import type { KeyValueStore } from "./kv/store.ts";
import { createTokenCache } from "./token-cache.ts";

interface Answer {
  user: string;
  expiresAt: string;
}

function setUp() {
  const reconnects: (() => void)[] = [];
  const store: KeyValueStore = Object.assign(new MemoryStore({ keyPrefix: "t:", channelPrefix: "c:" }), {
    onReconnect: (listener: () => void) => void reconnects.push(listener),
  });
  const cache = createTokenCache<Answer>({
    store,
    ttlSeconds: 30,
    logger: pino({ level: "silent" }),
    expiresAtOf: (answer) => answer.expiresAt,
  });
  const answer = { user: "sam", expiresAt: new Date(Date.now() + 900_000).toISOString() };
  return { cache, answer, reconnect: () => reconnects.forEach((listener) => listener()) };
}

describe("the token cache", () => {
  it("never stores or serves an answer fetched before an eviction, whatever order they land in", async () => {
    const { cache, answer } = setUp();
    // Fetched, then the logout's eviction, then the store write of the old answer.
    const fetchedAt = Date.now();
    await cache.evict(["h1"]);
    await cache.put("h1", answer, fetchedAt);
    expect(await cache.get("h1")).toBeNull();

    // Stored first, evicted, then a late duplicate of the same old answer.
    await cache.put("h2", answer, fetchedAt - 1);
    expect(await cache.get("h2")).toEqual(answer);
    await cache.evict(["h2"]);
    await cache.put("h2", answer, fetchedAt);
    expect(await cache.get("h2")).toBeNull();
  });

  it("caches again an answer fetched well after the eviction (a renamed user's token stays valid)", async () => {
    const { cache, answer } = setUp();
    await cache.evict(["h"]);
    await cache.put("h", answer, Date.now() + 5_000);
    expect(await cache.get("h")).toEqual(answer);
  });

  it("drops every entry when the store comes back after an outage (evictions may have been lost)", async () => {
    const { cache, answer, reconnect } = setUp();
    await cache.put("h", answer, Date.now());
    expect(await cache.get("h")).toEqual(answer);
    reconnect();
    expect(await cache.get("h")).toBeNull();
  });
});
