import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, runLoad, settle, summarise, type Sample } from "../src/load.ts";
import { startWorld, type World } from "../src/world.ts";

// Four faults under the same heavy mixed load, one after another on one world (starting a world
// was a good part of each scenario's time): the inventory database, Redis, the User API, then the
// Inventory API's own SIGTERM, last because it ends the process. Each scenario has its own load,
// samples and checks, as when each had a world of its own; a later one also finds the service
// whole after the earlier ones, which it must be anyway.
const REDIS_COLD_USERS = 60;
// Enough neighbours with never-seen tokens for the whole User API run: the load sends about 10 cold
// writes a second for 22 s, and with 150 they could run out just after the restart, leaving too few
// samples for the "accepts writes again" check (a CI run once had 5 of the 6 it needs).
const USER_API_COLD_USERS = 250;

let world: World;
beforeAll(async () => {
  world = await startWorld("inventory", {
    coldUsers: REDIS_COLD_USERS + USER_API_COLD_USERS,
    inventoryEnv: { SHUTDOWN_DELAY_MS: "1000", SHUTDOWN_GRACE_MS: "8000" },
  });
});
afterAll(() => world?.close());

/** The four items the borrowing of the `round`th scenario races for: the earlier ones' are booked up. */
const loanItems = (round: number) =>
  world.warm.flatMap((neighbour) => neighbour.itemIds).slice(round * 4, round * 4 + 4);

describe("the inventory database drops every connection and refuses new ones for a while", () => {
  const CUT_AT = 4_000;
  const RESTORE_AT = 7_000;
  let samples: Sample[];
  beforeAll(async () => {
    samples = await runLoad(world, {
      rps: 150,
      durationMs: 14_000,
      loanItems: loanItems(0),
      events: {
        [CUT_AT]: () => world.cutInventoryDatabase(),
        [RESTORE_AT]: () => world.restoreInventoryDatabase(),
      },
    });
    console.log("database outage:", JSON.stringify(summarise(samples)));
  });

  it("fails requests in the gap cleanly: 503 dependency_unavailable, never 500", () => {
    expect(samples.filter((s) => s.status === 500 || s.status === 0)).toEqual([]);
    for (const s of samples.filter((s) => s.status >= 500)) expect(s.code).toBe("dependency_unavailable");
    const gapWrites = samples.filter(
      (s) => s.at > CUT_AT + 300 && s.at < RESTORE_AT - 1_000 && s.op === "create",
    );
    // Writes that stall for a connection hold the load's clients, so on a busy machine only a
    // handful start in the gap; every kind of request counts towards proving that the gap really
    // refused work. A write either fails with 503, or is still waiting for a connection when the
    // database returns (a transaction waits up to 2 s for one), and then succeeds: never a 500,
    // never lost.
    expect(gapWrites.length).toBeGreaterThan(4);
    const refusedInGap = samples.filter((s) => s.at > CUT_AT + 300 && s.at < RESTORE_AT && s.status === 503);
    expect(refusedInGap.length).toBeGreaterThan(10);
    const refused = gapWrites.filter((s) => s.status === 503);
    const waitedOut = gapWrites.filter((s) => s.status === 201 && s.doneAt >= RESTORE_AT);
    expect(refused.length).toBeGreaterThan(1);
    expect(gapWrites.filter((s) => !refused.includes(s) && !waitedOut.includes(s))).toEqual([]);
  });

  it("reconnects by itself: writes succeed again without a restart", () => {
    const after = samples.filter((s) => s.at > RESTORE_AT + 2_000 && s.op === "create");
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((s) => s.status !== 201)).toEqual([]);
    expect(world.inventory.exitCode).toBeNull();
  });

  it("keeps every acknowledged write, and never double-books an item", async () => {
    const { acknowledged, stored, overlaps } = await checkInvariants(world, samples);
    expect(stored).toBe(acknowledged);
    expect(overlaps).toBe(0);
  });
});

describe("Redis is stopped mid-load, then started", () => {
  let samples: Sample[];
  beforeAll(async () => {
    samples = await runLoad(world, {
      rps: 150,
      durationMs: 15_000,
      loanItems: loanItems(1),
      cold: world.cold.slice(0, REDIS_COLD_USERS),
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

describe("the User API is killed mid-load, then restarted", () => {
  const KILL_AT = 4_000;
  const RESTART_AT = 9_000;
  let samples: Sample[];
  let restartedAt = 0;
  beforeAll(async () => {
    // The load's clock starts as runLoad is called (it sets nothing up before it paces).
    const loadStartedAt = Date.now();
    samples = await runLoad(world, {
      rps: 200,
      // Long enough after the restart for the check below: the User API itself takes up to about
      // 6 s to be ready again under this load on two cores.
      durationMs: 22_000,
      loanItems: loanItems(2),
      cold: world.cold.slice(REDIS_COLD_USERS),
      events: {
        [KILL_AT]: async () => void (await world.users.stop("SIGKILL")),
        [RESTART_AT]: async () => {
          await world.users.start();
          // When it was ready again (start() returns then), on the load's clock: on a busy
          // machine the restart itself can take seconds, which are not the Inventory API's to make up.
          restartedAt = Date.now() - loadStartedAt;
        },
      },
    });
    console.log("user-api outage:", JSON.stringify(summarise(samples)), `back at ${restartedAt} ms`);
  });

  it("never answers 500, and public reads keep succeeding throughout", () => {
    expect(samples.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
    const reads = samples.filter((s) => s.op === "list" || s.op === "get");
    expect(reads.length).toBeGreaterThan(1000);
    expect(reads.filter((s) => s.status !== 200)).toEqual([]);
  });

  it("refuses with 503 every write in the gap that needed the User API, and accepts none unchecked", () => {
    const gap = samples.filter((s) => s.at > KILL_AT + 200 && s.at < RESTART_AT);
    const cold = gap.filter((s) => s.op === "create-cold");
    expect(cold.length).toBeGreaterThan(10);
    for (const s of cold)
      expect({ status: s.status, code: s.code }).toEqual({ status: 503, code: "dependency_unavailable" });
    // Tokens validated in the last TOKEN_CACHE_TTL_SECONDS keep working: that is a checked token.
    for (const s of gap.filter((s) => s.op === "create")) expect([201, 503]).toContain(s.status);
  });

  it("accepts writes again within 5 s of the User API being back", () => {
    const after = samples.filter((s) => s.op === "create-cold" && s.at > restartedAt + 5_000);
    expect(after.length).toBeGreaterThan(5);
    expect(after.filter((s) => s.status !== 201)).toEqual([]);
  });

  it("keeps every acknowledged write, and never double-books an item", async () => {
    const { acknowledged, stored, overlaps } = await checkInvariants(world, samples);
    expect(acknowledged).toBeGreaterThan(100);
    expect(stored).toBe(acknowledged);
    expect(overlaps).toBe(0);
  });
});

describe("SIGTERM under load", () => {
  const SIGNAL_AT = 4_000;
  let samples: Sample[];
  let readinessAfterSignal: number[] = [];
  let signalledAt = 0;
  let exitCode: number | null = null;
  beforeAll(async () => {
    samples = await runLoad(world, {
      rps: 150,
      durationMs: 9_000,
      loanItems: loanItems(3),
      events: {
        [SIGNAL_AT]: async () => {
          signalledAt = Date.now();
          const exited = world.inventory.stop("SIGTERM");
          await new Promise((r) => setTimeout(r, 100));
          readinessAfterSignal = await Promise.all(
            [0, 1, 2].map(() =>
              fetch(`${world.inventory.url}/readyz`).then(
                (r) => r.status,
                () => 0,
              ),
            ),
          );
          exitCode = await exited;
        },
      },
    });
    console.log("sigterm:", JSON.stringify(summarise(samples)), "readiness:", readinessAfterSignal);
  });

  it("turns readiness to 503 at once", () => {
    expect(readinessAfterSignal).toEqual([503, 503, 503]);
  });

  it("exits 0 within 10 s", () => {
    expect(exitCode).toBe(0);
    expect(world.inventory.exitedAt! - signalledAt).toBeLessThan(10_000);
  });

  it("finishes in-flight requests: nothing sent before the signal failed", () => {
    const before = samples.filter((s) => s.at < SIGNAL_AT);
    expect(before.length).toBeGreaterThan(300);
    expect(before.filter((s) => s.status === 0 || s.status >= 500)).toEqual([]);
  });

  it("loses no acknowledged write", async () => {
    const { acknowledged, stored, overlaps } = await checkInvariants(world, samples);
    expect(acknowledged).toBeGreaterThan(50);
    expect(stored).toBe(acknowledged);
    expect(overlaps).toBe(0);
  });
});
