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

let world: World;
beforeAll(async () => {
  // Entries a dead consumer held are taken over once idle for 5 s (30 s by default, which the
  // 30 s outage would only just pass), so the restarted process surely finds them idle.
  world = await startWorld("notifications", {
    notifications: true,
    notificationsEnv: { EVENTS_CLAIM_IDLE_SECONDS: String(CLAIM_IDLE_SECONDS) },
  });
});
afterAll(() => world?.close());

const CLAIM_IDLE_SECONDS = 5;
const KILL_AT = 3_000;
// Half a minute down: the producers keep writing, and about 240 events wait for the restart.
const OUTAGE_MS = 30_000;
const RESTART_AT = KILL_AT + OUTAGE_MS;
/**
 * How long after the load ends every notification must have arrived: the backlog of 30 s of events
 * drains at some tens a second on an idle machine, and at under ten on a busy shared one.
 */
const DELIVERY_BOUND_MS = 90_000;

// SIGKILL, not SIGTERM: a crash is the case that can lose or repeat an event. The process dies
// holding entries it read but never acknowledged, possibly between a handler's commit and its XACK;
// the restarted one is a new member of the consumer group and must take those over (they have been
// idle longer than the reclaim threshold by then) without applying any twice. A SIGTERM would
// let the handler under way finish and acknowledge first, the easier path.
describe("the Notification API is killed under a steady load of loan requests, and restarted 30 s later", () => {
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
