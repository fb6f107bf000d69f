import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOGUE_CHANGED_CHANNEL, EVENT_STREAM, type DomainEvent } from "@sharehood/sdk/contract";
import { createEventBus, createLogger, createStore } from "@sharehood/server-kit";
import * as pageCache from "../../scripts/page-cache.mjs";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the page cache on Redis", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(() => Promise.all(closers.map((close) => close())));

  it("listens where the Inventory API announces catalogue changes, and reads the services' event stream", () => {
    expect(pageCache.CATALOGUE_CHANGED_CHANNEL).toBe(CATALOGUE_CHANGED_CHANNEL);
    expect(pageCache.EVENT_STREAM).toBe(EVENT_STREAM);
  });

  it("hears every change the services' store publishes in its namespace, and none from another", async () => {
    const namespace = `test-web-${randomUUID().slice(0, 8)}`;
    const events: string[] = [];
    const unwatch = pageCache.watchChangesOnRedis({ url: REDIS_URL, namespace, log: () => {} })({
      changed: () => events.push("changed"),
      peopleChanged: () => undefined,
      watching: (live: boolean) => events.push(live ? "live" : "down"),
    });
    closers.push(unwatch);
    await expect.poll(() => events).toContain("live");

    // The Inventory API's store, as it publishes in public-cache.ts.
    const logger = createLogger("test", "silent");
    const [inventory, elsewhere] = await Promise.all(
      [namespace, `${namespace}-other`].map((ns) =>
        createStore({ redisUrl: REDIS_URL, service: "inventory", namespace: ns, logger }),
      ),
    );
    closers.push(
      () => inventory!.close(),
      () => elsewhere!.close(),
    );
    await elsewhere!.publish(CATALOGUE_CHANGED_CHANNEL, "1");
    await inventory!.publish(CATALOGUE_CHANGED_CHANNEL, "2");
    await expect.poll(() => events.filter((e) => e === "changed")).toHaveLength(1);
  });

  it("hears whom each event published on the stream concerns, from the stream's end, in its namespace only", async () => {
    const namespace = `test-web-${randomUUID().slice(0, 8)}`;
    const logger = createLogger("test", "silent");
    const [bus, elsewhere] = [namespace, `${namespace}-other`].map((ns) =>
      createEventBus({ logger, redisUrl: REDIS_URL, namespace: ns }),
    );
    closers.push(
      () => bus!.close(),
      () => elsewhere!.close(),
    );
    const event = (audience: string[]): DomainEvent => ({
      id: randomUUID(),
      version: 1,
      time: new Date().toISOString(),
      source: "inventory-api",
      type: "user.suspended",
      actor: null,
      subject: { type: "user", id: audience[0] ?? "nobody" },
      audience,
      payload: { user: { id: audience[0] ?? "nobody" } },
    });
    // Published before the watch began: not a change it needs to hear.
    await bus!.publish([event(["before"])]);

    const heard: string[][] = [];
    let live = false;
    closers.push(
      pageCache.watchChangesOnRedis({ url: REDIS_URL, namespace, log: () => {} })({
        changed: () => undefined,
        peopleChanged: (ids: readonly string[]) => heard.push([...ids]),
        watching: (isLive: boolean) => (live = isLive),
      }),
    );
    await expect.poll(() => live).toBe(true);
    await elsewhere!.publish([event(["other-namespace"])]);
    await bus!.publish([event(["ann", "bob"]), event([])]);
    await bus!.publish([event(["cat"])]);
    await expect.poll(() => heard).toEqual([["ann", "bob"], ["cat"]]);
  });

  it("reads no audience from an entry it cannot read", () => {
    expect(pageCache.audienceOf(["event", "{not json"])).toEqual([]);
    expect(pageCache.audienceOf(["other", "{}"])).toEqual([]);
    expect(pageCache.audienceOf(["event", JSON.stringify({ audience: ["a", 3, "b"] })])).toEqual(["a", "b"]);
  });
});
