import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, runLoad, summarise, type Sample } from "../src/load.ts";
import { startWorld, type World } from "../src/world.ts";

let world: World;
beforeAll(async () => {
  world = await startWorld("sigterm", {
    inventoryEnv: { SHUTDOWN_DELAY_MS: "1000", SHUTDOWN_GRACE_MS: "8000" },
  });
});
afterAll(() => world?.close());

const SIGNAL_AT = 4_000;

describe("SIGTERM under load", () => {
  let samples: Sample[];
  let readinessAfterSignal: number[] = [];
  let signalledAt = 0;
  let exitCode: number | null = null;
  beforeAll(async () => {
    samples = await runLoad(world, {
      rps: 150,
      durationMs: 9_000,
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
