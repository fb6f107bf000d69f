import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awaitEventsHandled } from "../src/event-delivery.ts";
import { acknowledgedLoans, isWrite, runLoanRequests } from "../src/loan-requests.ts";
import { summarise, type Sample } from "../src/load.ts";
import {
  awaitRequestNotifications,
  readAllNotifications,
  type RequestNotifications,
} from "../src/request-notifications.ts";
import { startWorld, type World } from "../src/world.ts";

// Two outages under a light load of loan requests that each must become exactly one notification,
// one after the other on one world with the Notification API running (starting a world of three
// processes was a good part of each scenario's time): the Notification API killed and restarted,
// then Redis killed and started. Each has its own load, samples and checks, as when each had a
// world of its own. The Notification API's outage comes first: its checks include that every event
// ever written was handled, which the Redis outage, losing its stream, rightly breaks.
// inventory-outages.int.test.ts checks what the two APIs answer while Redis is down, under a heavy
// mixed load; the Redis outage here follows the events.
const CLAIM_IDLE_SECONDS = 5;

let world: World;
beforeAll(async () => {
  // Entries a dead consumer held are taken over once idle for 5 s (30 s by default, which the
  // 30 s outage would only just pass), so the restarted process surely finds them idle.
  world = await startWorld("events", {
    notifications: true,
    notificationsEnv: { EVENTS_CLAIM_IDLE_SECONDS: String(CLAIM_IDLE_SECONDS) },
  });
});
afterAll(() => world?.close());

// SIGKILL, not SIGTERM: a crash is the case that can lose or repeat an event. The process dies
// holding entries it read but never acknowledged, possibly between a handler's commit and its XACK;
// the restarted one is a new member of the consumer group and must take those over (they have been
// idle longer than the reclaim threshold by then) without applying any twice. A SIGTERM would
// let the handler under way finish and acknowledge first, the easier path.
describe("the Notification API is killed under a steady load of loan requests, and restarted 30 s later", () => {
  const KILL_AT = 3_000;
  // Half a minute down: the producers keep writing, and about 240 events wait for the restart.
  const OUTAGE_MS = 30_000;
  const RESTART_AT = KILL_AT + OUTAGE_MS;
  /**
   * How long after the load ends every notification must have arrived: the backlog of 30 s of events
   * drains at some tens a second on an idle machine, and at under ten on a busy shared one.
   */
  const DELIVERY_BOUND_MS = 90_000;

  let samples: Sample[];
  let readinessInOutage = -1;
  let outcome: RequestNotifications & { waitedMs: number };
  beforeAll(async () => {
    const notifications = world.notifications!;
    samples = await runLoanRequests(world, {
      rps: 8,
      durationMs: RESTART_AT + 5_000,
      events: {
        [KILL_AT]: async () => void (await notifications.stop("SIGKILL")),
        [KILL_AT + OUTAGE_MS / 2]: async () => {
          readinessInOutage = await fetch(`${notifications.url}/readyz`).then(
            (r) => r.status,
            () => 0,
          );
        },
        [RESTART_AT]: () => notifications.start(),
      },
    });
    console.log("notification-api outage:", JSON.stringify(summarise(samples)));
    outcome = await awaitRequestNotifications(world, acknowledgedLoans(samples), DELIVERY_BOUND_MS);
    console.log(
      "notifications after the restart:",
      JSON.stringify({ ...outcome, missing: outcome.missing.length, duplicated: outcome.duplicated.length }),
    );
  }, 200_000);

  it("keeps the User and Inventory APIs accepting every write while it is down", () => {
    expect(readinessInOutage).toBe(0); // really down: nothing listens on its port
    const writes = samples.filter(isWrite);
    expect(writes.filter((s) => s.status !== 201)).toEqual([]);
    const gap = writes.filter((s) => s.at > KILL_AT + 100 && s.doneAt < RESTART_AT);
    expect(gap.filter((s) => s.op === "request-loan").length).toBeGreaterThan(30);
    expect(gap.filter((s) => s.op === "register").length).toBeGreaterThan(0);
  });

  it("tells each owner of each acknowledged request exactly once after the restart, within a minute", () => {
    const acknowledged = acknowledgedLoans(samples);
    expect(acknowledged.length).toBeGreaterThan(60);
    expect({
      missing: outcome.missing,
      duplicated: outcome.duplicated,
      misdirected: outcome.misdirected,
    }).toEqual({
      missing: [],
      duplicated: [],
      misdirected: [],
    });
    expect(outcome.delivered).toBe(acknowledged.length);
  });

  it("handles every event either API wrote, the User API's registrations included", async () => {
    const delivery = await awaitEventsHandled(world, 10_000);
    expect(delivery.unhandled).toEqual([]);
    expect(delivery.waiting).toBe(0);
    expect(delivery.written).toBeGreaterThan(acknowledgedLoans(samples).length);
  });

  it("counts as unread exactly the notifications each owner can list", async () => {
    for (const owner of world.warm) {
      const listed = await readAllNotifications(world, owner.token);
      const { count } = await world.client(owner.token).notifications.unreadCount({});
      expect(count).toBe(listed.filter((n) => n.readAt === null).length);
    }
  });
});

describe("Redis is killed (losing its data) under a load of loan requests, then started", () => {
  const KILL_AT = 3_000;
  /** Late in the outage: what the outbox holds then is what waited for Redis. */
  const PROBE_AT = 11_000;
  const START_AT = 12_000;
  /** How long after the load ends the events that waited must have become notifications. */
  const DELIVERY_BOUND_MS = 30_000;
  /**
   * Past every start date the Notification API's outage asked for (about 300 requests over the 24
   * items: 13 days from day 5), so no request of this run asks for an item's dates again.
   */
  const FIRST_DAY = 60;

  /** Requests sent once Redis was surely gone and before it was started again. */
  const inOutage = (s: Sample) => s.at > KILL_AT + 300 && s.at < START_AT;

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
      firstDay: FIRST_DAY,
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
