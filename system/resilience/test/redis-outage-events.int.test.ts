import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgedLoans, isWrite, runLoanRequests } from "../src/loan-requests.ts";
import { summarise, type Sample } from "../src/load.ts";
import { awaitRequestNotifications, type RequestNotifications } from "../src/request-notifications.ts";
import { startWorld, type World } from "../src/world.ts";

// redis-outage.int.test.ts checks what the two APIs answer while Redis is down, under a heavy mixed
// load; this one follows the events, under a light load of loan requests that each must become
// exactly one notification, with the Notification API running.
let world: World;
beforeAll(async () => {
  world = await startWorld("redis_events", { notifications: true });
});
afterAll(() => world?.close());

const KILL_AT = 3_000;
/** Late in the outage: what the outbox holds then is what waited for Redis. */
const PROBE_AT = 11_000;
const START_AT = 12_000;
/** How long after the load ends the events that waited must have become notifications. */
const DELIVERY_BOUND_MS = 30_000;

/** Requests sent once Redis was surely gone and before it was started again. */
const inOutage = (s: Sample) => s.at > KILL_AT + 300 && s.at < START_AT;

describe("Redis is killed (losing its data) under a load of loan requests, then started", () => {
  let samples: Sample[];
  let killedAt: Date;
  /** The loans whose `loan.requested` event was in the outbox, unpublished, at PROBE_AT. */
  let waitingAtProbe = new Set<string>();
  let outage: RequestNotifications & { waitedMs: number };
  let overall: RequestNotifications & { waitedMs: number };
  beforeAll(async () => {
    samples = await runLoanRequests(world, {
      rps: 8,
      durationMs: START_AT + 4_000,
      events: {
        [KILL_AT]: async () => {
          await world.redis.kill();
          killedAt = new Date();
        },
        [PROBE_AT]: async () => {
          const rows = await world.query<{ loan: string }>(
            `SELECT body->'subject'->>'id' AS loan FROM outbox_events
             WHERE published_at IS NULL AND type = 'loan.requested'`,
          );
          waitingAtProbe = new Set(rows.map((row) => row.loan));
        },
        [START_AT]: () => world.redis.start(),
      },
    });
    console.log("redis outage, loan requests:", JSON.stringify(summarise(samples)));
    outage = await awaitRequestNotifications(
      world,
      acknowledgedLoans(samples.filter(inOutage)),
      DELIVERY_BOUND_MS,
    );
    overall = await awaitRequestNotifications(world, acknowledgedLoans(samples), 15_000);
    console.log(
      "notifications:",
      JSON.stringify({ outage, overall: { ...overall, missing: overall.missing.length } }),
    );
  }, 120_000);

  it("refuses no write with a 500 or by hanging: each is acknowledged, or refused while not ready", () => {
    expect(samples.filter((s) => isWrite(s) && s.status !== 201 && s.status !== 503)).toEqual([]);
    expect(acknowledgedLoans(samples.filter(inOutage)).length).toBeGreaterThan(20);
  });

  it("keeps the events of requests acknowledged during the outage in the outbox, unpublished", () => {
    const answeredBeforeProbe = acknowledgedLoans(
      samples.filter((s) => inOutage(s) && s.doneAt < PROBE_AT - 50),
    );
    expect(answeredBeforeProbe.length).toBeGreaterThan(15);
    expect(answeredBeforeProbe.filter((id) => !waitingAtProbe.has(id))).toEqual([]);
  });

  it("delivers them once Redis is back: each becomes exactly one notification for the item's owner", async () => {
    expect({
      missing: outage.missing,
      duplicated: outage.duplicated,
      misdirected: outage.misdirected,
    }).toEqual({
      missing: [],
      duplicated: [],
      misdirected: [],
    });
    expect(outage.delivered).toBe(acknowledgedLoans(samples.filter(inOutage)).length);
    const [left] = await world.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`,
    );
    expect(left?.n).toBe(0);
  });

  it("duplicates nothing, and loses only what Redis lost: events it had taken before it was killed", async () => {
    expect({ duplicated: overall.duplicated, misdirected: overall.misdirected }).toEqual({
      duplicated: [],
      misdirected: [],
    });
    // This Redis runs without persistence, so its stream dies with it: an event published (and so
    // marked published in the outbox) that the Notification API had not read yet is gone. A Redis
    // with an append-only file, as docker-compose.yml runs it, keeps them.
    const rows = await world.query<{ loan: string; published_at: Date | null }>(
      `SELECT body->'subject'->>'id' AS loan, published_at FROM outbox_events
       WHERE type = 'loan.requested' AND body->'subject'->>'id' = ANY($1)`,
      [overall.missing],
    );
    expect(rows.filter((row) => row.published_at === null || row.published_at > killedAt)).toEqual([]);
    expect(rows).toHaveLength(overall.missing.length);
  });
});
