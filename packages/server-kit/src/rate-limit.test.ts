import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.ts";
import { MemoryStore } from "./kv/memory-store.ts";
import type { KeyValueStore } from "./kv/store.ts";
import { RateLimiter } from "./rate-limit.ts";

const logger = pino({ level: "silent" });
const rule = { key: "r", max: 2, windowMs: 60_000 };

describe("RateLimiter", () => {
  it("refuses the hit past the limit with 429 and Retry-After", async () => {
    const limiter = new RateLimiter(new MemoryStore({ keyPrefix: "", channelPrefix: "" }), logger);
    await limiter.consume([rule]);
    await limiter.consume([rule]);
    const error = (await limiter.consume([rule]).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(429);
    expect(Number(error.headers["retry-after"])).toBeGreaterThanOrEqual(59);
    await limiter.reset([rule]);
    await expect(limiter.check([rule])).resolves.toBeUndefined();
  });

  it("keeps limiting in-process when the store is down", async () => {
    const broken = {
      hit: () => Promise.reject(new Error("down")),
      del: () => Promise.reject(new Error("down")),
    } as unknown as KeyValueStore;
    const limiter = new RateLimiter(broken, logger);
    await limiter.consume([rule]);
    await limiter.consume([rule]);
    await expect(limiter.consume([rule])).rejects.toMatchObject({ status: 429 });
    await limiter.reset([rule]);
    await expect(limiter.consume([rule])).resolves.toBeUndefined();
  });

  it("counts each of many parallel attempts before any of them is let through", async () => {
    const limiter = new RateLimiter(new MemoryStore({ keyPrefix: "", channelPrefix: "" }), logger);
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => limiter.consume([rule])));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(rule.max);
  });

  it("takes back a hit with release", async () => {
    const limiter = new RateLimiter(new MemoryStore({ keyPrefix: "", channelPrefix: "" }), logger);
    await limiter.consume([rule]);
    await limiter.consume([rule]);
    await limiter.release([rule]);
    await expect(limiter.consume([rule])).resolves.toBeUndefined();
    await expect(limiter.consume([rule])).rejects.toMatchObject({ status: 429 });
  });
});
