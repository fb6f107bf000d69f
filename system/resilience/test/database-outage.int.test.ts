import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, runLoad, summarise, type Sample } from "../src/load.ts";
import { startWorld, type World } from "../src/world.ts";

let world: World;
beforeAll(async () => {
  world = await startWorld("database");
});
afterAll(() => world?.close());

const CUT_AT = 4_000;
const RESTORE_AT = 7_000;

describe("the inventory database drops every connection and refuses new ones for a while", () => {
  let samples: Sample[];
  beforeAll(async () => {
    samples = await runLoad(world, {
      rps: 150,
      durationMs: 14_000,
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
