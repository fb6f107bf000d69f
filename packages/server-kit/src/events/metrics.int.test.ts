import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { DomainEvent, NewDomainEvent } from "@sharehood/sdk/contract";
import { Redis } from "ioredis";
import { pino } from "pino";
import { Registry } from "prom-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, freePort, metricValue, testRedisUrl } from "../testing/index.ts";
import { createEventBus, startOutboxRelay, writeEvents } from "./index.ts";
import { loanRequested as requested } from "./test-prisma/loan-requested.ts";
import { pgDatabase } from "./test-prisma/pg-database.ts";

// The event metrics a dashboard watches: the outbox's age and each consumer group's lag.
const logger = pino({ level: "silent" });
const prismaDir = fileURLToPath(new URL("./test-prisma", import.meta.url));

let database: { url: string; drop: () => Promise<void> };
let db: ReturnType<typeof pgDatabase>;
const redis = new Redis(testRedisUrl(), { lazyConnect: true });
// A stream per test: a new group starts at the stream's oldest entry.
const relayNamespace = `sharehood-test-${randomUUID()}`;
const consumerNamespace = `sharehood-test-${randomUUID()}`;
const closing: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ name: "server_kit_event_metrics", prismaDir });
  db = pgDatabase(database.url);
  await redis.connect();
});
beforeEach(() => db.$executeRaw`UPDATE outbox_events SET published_at = now() WHERE published_at IS NULL`);
afterAll(async () => {
  for (const close of closing.reverse()) await close();
  await redis.del(`${relayNamespace}:events`, `${consumerNamespace}:events`);
  redis.disconnect();
  await db.end();
  await database.drop();
});

const commit = (...events: NewDomainEvent[]) =>
  db.$transaction((tx) => writeEvents(tx, "inventory-api", events));
const value = async (registry: Registry, name: string, labels?: Record<string, string>) =>
  metricValue(await registry.metrics(), name, labels);

describe("event metrics", () => {
  it("reports the age of the oldest unpublished event while the relay cannot publish, and 0 once it has", async () => {
    const registry = new Registry();
    // A bus whose Redis is not there: every publish fails and the events wait.
    const down = createEventBus({
      logger,
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      namespace: relayNamespace,
    });
    closing.push(() => down.close());
    const failing = startOutboxRelay({
      db,
      bus: down,
      logger,
      registry,
      pollIntervalMs: 20,
      maxBackoffMs: 50,
    });
    await commit(requested(`late-${randomUUID()}`));
    failing.nudge();
    await expect.poll(() => value(registry, "events_outbox_lag_seconds")).toBeGreaterThan(0);
    expect(await value(registry, "events_publish_failures_total")).toBeGreaterThan(0);
    await failing.stop();

    const up = createEventBus({ logger, redisUrl: testRedisUrl(), namespace: relayNamespace });
    closing.push(() => up.close());
    const relay = startOutboxRelay({ db, bus: up, logger, registry, pollIntervalMs: 20 });
    closing.push(() => relay.stop());
    relay.nudge();
    await expect.poll(() => value(registry, "events_outbox_lag_seconds")).toBe(0);
    expect(await value(registry, "events_published_total", { type: "loan.requested" })).toBe(1);
    await relay.stop();
  });

  it("reports a group's undelivered and unacknowledged entries, read from Redis when scraped", async () => {
    const registry = new Registry();
    const bus = createEventBus({ logger, redisUrl: testRedisUrl(), namespace: consumerNamespace, registry });
    closing.push(() => bus.close());
    // The handler holds the first event until released: it stays pending, and later ones wait undelivered.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const reachedFirst = new Promise<void>((resolve) => (reached = resolve));
    const seen: DomainEvent[] = [];
    await bus.subscribe("mailers", async (event) => {
      seen.push(event);
      reached();
      await held;
    });
    const events = await commit(requested("m1"), requested("m2"), requested("m3"));
    await bus.publish(events.slice(0, 1));
    await reachedFirst;
    await bus.publish(events.slice(1));
    expect(await value(registry, "events_consumer_pending", { group: "mailers" })).toBe(1);
    expect(await value(registry, "events_consumer_lag", { group: "mailers" })).toBe(2);

    release();
    await expect.poll(() => seen.length).toBe(3);
    await expect.poll(() => value(registry, "events_consumer_pending", { group: "mailers" })).toBe(0);
    expect(await value(registry, "events_consumer_lag", { group: "mailers" })).toBe(0);
    expect(await value(registry, "events_handled_total", { group: "mailers", outcome: "ok" })).toBe(3);
  });
});
