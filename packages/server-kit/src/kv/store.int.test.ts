import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
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
  it("stores a versioned entry only under the current version, and a bump deletes every entry", async () => {
    const store = await open();
    expect(await store.setIfVersion("v", "0", "index", "e:a", "a0", 10_000)).toBe(true);
    expect(await store.setIfVersion("v", "0", "index", "e:b", "b0", 10_000)).toBe(true);
    await store.set("other", "kept", 10_000);
    await store.bumpVersion("v", "index");
    expect(await store.get("v")).toBe("1");
    expect([await store.get("e:a"), await store.get("e:b"), await store.get("other")]).toEqual([
      null,
      null,
      "kept",
    ]);
    // Built from data read before the bump: refused.
    expect(await store.setIfVersion("v", "0", "index", "e:a", "stale", 10_000)).toBe(false);
    expect(await store.get("e:a")).toBeNull();
    expect(await store.setIfVersion("v", "1", "index", "e:a", "a1", 10_000)).toBe(true);
    expect(await store.get("e:a")).toBe("a1");
  });

  it("bumps through an index too large to delete in one command", async () => {
    const store = await open();
    for (let i = 0; i < 1_200; i += 1) await store.setIfVersion("v", "0", "index", `e:${i}`, "x", 10_000);
    await store.bumpVersion("v", "index");
    expect(await store.get("e:0")).toBeNull();
    expect(await store.get("e:1199")).toBeNull();
  });

  it("keeps each store's keys to its own prefix", async () => {
    const [a, b] = [await open(), await open()];
    await a.set("k", "a's", 10_000);
    expect(await b.get("k")).toBeNull();
    await a.setIfVersion("v", "0", "index", "e", "a's", 10_000);
    await b.bumpVersion("v", "index");
    expect(await a.get("e")).toBe("a's");
  });
});

describe("the Redis store's channels", () => {
  const namespace = `sharehood-test-${randomUUID().slice(0, 8)}:`;
  const open = async (service: string) => {
    const store = new RedisStore({
      url: testRedisUrl(),
      keyPrefix: `${namespace}${service}:`,
      channelPrefix: namespace,
      logger: pino({ level: "silent" }),
    });
    await store.connect();
    opened.push(store);
    return store;
  };

  it("delivers what was published while the subscription was cut, once it is back", async () => {
    const [publisher, subscriber] = [await open("publisher"), await open("subscriber")];
    const received: string[] = [];
    await subscriber.subscribe("events", (message) => received.push(message));
    await publisher.publish("events", "before");
    await vi.waitFor(() => expect(received).toEqual(["before"]));

    // Cut only this subscriber's connection (others' tests share the server), and publish while
    // it is reconnecting: pub/sub alone would lose "during".
    const admin = new Redis(testRedisUrl());
    const clients = String(await admin.call("CLIENT", "LIST", "TYPE", "pubsub"));
    const id = /id=(\d+) .*name=(\S+)/
      .exec(clients.split("\n").find((line) => line.includes(`name=${namespace}subscriber:subscriber`)) ?? "")
      ?.at(1);
    expect(id).toBeDefined();
    await admin.client("KILL", "ID", id!);
    await publisher.publish("events", "during");
    await admin.quit();

    await vi.waitFor(() => expect(received).toContain("during"), { timeout: 5_000 });
    await publisher.publish("events", "after");
    await vi.waitFor(() => expect(received).toContain("after"));
    expect(received.filter((m) => m === "during")).toHaveLength(1);
  });
});
