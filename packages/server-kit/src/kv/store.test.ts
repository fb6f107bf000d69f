import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../testing/test-database.ts";
import { MemoryStore } from "./memory-store.ts";
import { RedisStore } from "./redis-store.ts";
import type { KeyValueStore } from "./store.ts";

// What both stores must do alike; the Redis one runs against the real server.
const opened: KeyValueStore[] = [];
afterAll(() => Promise.all(opened.map((s) => s.close())));

const stores: [string, () => Promise<KeyValueStore>][] = [
  [
    "in-process",
    () => Promise.resolve(new MemoryStore({ keyPrefix: `t${randomUUID()}:`, channelPrefix: "c:" })),
  ],
  [
    "Redis",
    async () => {
      const store = new RedisStore({
        url: testRedisUrl(),
        keyPrefix: `sharehood-test:${randomUUID()}:`,
        channelPrefix: "sharehood-test:",
        logger: pino({ level: "silent" }),
      });
      await store.connect();
      opened.push(store);
      return store;
    },
  ],
];

describe.each(stores)("the %s store", (_name, open) => {
  it("reads a versioned entry: version 0 before any bump, then the entry under the new version", async () => {
    const store = await open();
    expect(await store.getVersioned("v", "e:", ":page")).toEqual({ version: "0", value: null });
    await store.set("e:0:page", "zero", 10_000);
    expect(await store.getVersioned("v", "e:", ":page")).toEqual({ version: "0", value: "zero" });
    await store.incr("v");
    expect(await store.getVersioned("v", "e:", ":page")).toEqual({ version: "1", value: null });
    await store.set("e:1:page", "one", 10_000);
    expect(await store.getVersioned("v", "e:", ":page")).toEqual({ version: "1", value: "one" });
  });

  it("keeps each store's keys to its own prefix", async () => {
    const [a, b] = [await open(), await open()];
    await a.set("k", "a's", 10_000);
    expect(await b.get("k")).toBeNull();
    expect(await b.getVersioned("k", "", "")).toEqual({ version: "0", value: null });
  });
});
