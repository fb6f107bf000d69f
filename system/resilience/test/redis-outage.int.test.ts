import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, runLoad, settle, summarise, type Sample } from "../src/load.ts";
import { startWorld, type World } from "../src/world.ts";

let world: World;
beforeAll(async () => {
  world = await startWorld("redis", { coldUsers: 60 });
});
afterAll(() => world?.close());

describe("Redis is stopped mid-load, then started", () => {
  let samples: Sample[];
  beforeAll(async () => {
    samples = await runLoad(world, {
      rps: 150,
      durationMs: 15_000,
      events: { 4_000: () => world.redis.kill(), 9_000: () => world.redis.start() },
    });
    console.log("redis outage:", JSON.stringify(summarise(samples)));
    await settle(world);
  });

  it("answers no 5xx at all: reads come from PostgreSQL, tokens are checked with the User API directly", () => {
    expect(samples.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
    const gapWrites = samples.filter(
      (s) => s.at > 4_200 && s.at < 9_000 && (s.op === "create" || s.op === "create-cold"),
    );
    expect(gapWrites.length).toBeGreaterThan(20);
    expect(gapWrites.filter((s) => s.status !== 201)).toEqual([]);
  });

  it("recovers its caches afterwards and serves no stale entry", async () => {
    const ready = await fetch(`${world.inventory.url}/readyz`);
    expect(ready.status).toBe(200);
    const newest = await world.query<{ id: string }>(
      `SELECT id FROM items WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 20`,
    );
    for (let i = 0; i < 2; i += 1) {
      // twice: the second answer comes from the rebuilt cache
      const page = (await (await fetch(`${world.inventory.url}/items`)).json()) as {
        items: { id: string }[];
      };
      expect(page.items.map((item) => item.id)).toEqual(newest.map((row) => row.id));
    }
  });

  it("keeps every acknowledged write, and never double-books an item", async () => {
    const { acknowledged, stored, overlaps } = await checkInvariants(world, samples);
    expect(stored).toBe(acknowledged);
    expect(overlaps).toBe(0);
  });
});
