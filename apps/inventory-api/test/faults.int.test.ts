import { afterAll, describe, expect, it } from "vitest";
import { ApiError } from "@sharehood/sdk";
import { newItem, raw, refused } from "./fixtures.ts";
import { startPrivateRedis } from "@sharehood/test-stack";
import { startStack, type TestStack } from "./stack.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("when the User API is down", () => {
  it("keeps public reads working, refuses writes with 503 and writes nothing, then recovers", async () => {
    const stack = await startStack("fault_users", {
      inventory: { USER_API_TIMEOUT_MS: "500", USER_API_BREAKER_RESET_MS: "500" },
    });
    cleanups.push(() => stack.close());
    const user = await stack.signUp();
    const item = await user.client.items.create({ body: newItem() });
    const newcomer = await stack.signUp(); // a token the Inventory API has never validated
    await stack.users.stop();

    expect((await raw(`${stack.inventory.url}/items`)).status).toBe(200);
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).status).toBe(200);
    expect((await raw(`${stack.inventory.url}/categories`)).status).toBe(200);
    const before = await stack.inventory.api.db.item.count();
    for (let i = 0; i < 6; i += 1) {
      const error = await refused(
        newcomer.client.items.create({ body: newItem() }),
        503,
        "dependency_unavailable",
      );
      expect(error.message).toMatch(/User API/);
    }
    expect(await stack.inventory.api.db.item.count()).toBe(before);

    await stack.users.start();
    const deadline = Date.now() + 5_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = await newcomer.client.items.create({ body: newItem() }).then(
        () => true,
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 503) return false;
          throw e;
        },
      );
      if (!recovered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(recovered).toBe(true);
  });
});

describe("when Redis is down", () => {
  let stack: TestStack;

  it("serves reads from PostgreSQL and still accepts writes, with no 5xx", async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    stack = await startStack("fault_redis", {
      users: { REDIS_URL: redis.url },
      inventory: { REDIS_URL: redis.url },
    });
    cleanups.push(() => stack.close());
    const user = await stack.signUp();
    await user.client.items.create({ body: newItem({ title: "Before the outage" }) });
    await redis.kill();

    const list = await raw(`${stack.inventory.url}/items`);
    expect(list.status).toBe(200);
    expect((list.body.items as { title: string }[]).map((i) => i.title)).toContain("Before the outage");
    const created = await user.client.items.create({ body: newItem({ title: "During the outage" }) });
    expect((await raw(`${stack.inventory.url}/items/${created.id}`)).status).toBe(200);
    expect((await raw(`${stack.inventory.url}/readyz`)).status).toBe(503);

    await redis.start();
    const deadline = Date.now() + 5_000;
    while ((await raw(`${stack.inventory.url}/readyz`)).status !== 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect((await raw(`${stack.inventory.url}/readyz`)).status).toBe(200);
    await user.client.items.create({ body: newItem({ title: "After the outage" }) });
    const titles = ((await raw(`${stack.inventory.url}/items`)).body.items as { title: string }[]).map(
      (i) => i.title,
    );
    expect(titles).toEqual(
      expect.arrayContaining(["Before the outage", "During the outage", "After the outage"]),
    );
  });

  it("never serves an entry cached before an outage that hid a write", async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const frozen = await startStack("fault_freeze", {
      users: { REDIS_URL: redis.url },
      inventory: { REDIS_URL: redis.url },
    });
    cleanups.push(() => frozen.close());
    const user = await frozen.signUp();
    await user.client.items.create({ body: newItem({ title: "Cached first" }) });
    const cachedList = await raw(`${frozen.inventory.url}/items`); // cached, and Redis keeps its data while frozen
    expect(cachedList.status).toBe(200);
    redis.freeze();
    try {
      const during = await user.client.items.create({ body: newItem({ title: "Written while frozen" }) });
      expect(during.title).toBe("Written while frozen");
    } finally {
      redis.thaw();
    }
    const titles = ((await raw(`${frozen.inventory.url}/items`)).body.items as { title: string }[]).map(
      (i) => i.title,
    );
    expect(titles).toContain("Written while frozen");
  });
});
