import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOGUE_CHANGED_CHANNEL } from "@sharehood/sdk/contract";
import { createLogger, createStore } from "@sharehood/server-kit";
import * as pageCache from "../../scripts/page-cache.mjs";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the page cache on Redis", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(() => Promise.all(closers.map((close) => close())));

  it("listens where the Inventory API announces catalogue changes", () => {
    expect(pageCache.CATALOGUE_CHANGED_CHANNEL).toBe(CATALOGUE_CHANGED_CHANNEL);
  });

  it("hears every change the services' store publishes in its namespace, and none from another", async () => {
    const namespace = `test-web-${randomUUID().slice(0, 8)}`;
    const events: string[] = [];
    const unwatch = pageCache.watchCatalogueOnRedis({ url: REDIS_URL, namespace, log: () => {} })({
      changed: () => events.push("changed"),
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
});
