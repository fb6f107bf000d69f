import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect, createServer as createTcpServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import type { DomainEvent, NewDomainEvent } from "@sharehood/sdk/contract";
import express from "express";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, freePort, testRedisUrl } from "../testing/index.ts";
import {
  claimEvent,
  createEventBus,
  EVENTS_PUSH_PATH,
  EVENTS_SECRET_HEADER,
  startOutboxRelay,
  writeEvents,
  type EventBus,
} from "./index.ts";
import { loanRequested as requested } from "./test-prisma/loan-requested.ts";
import { pgDatabase } from "./test-prisma/pg-database.ts";

const logger = pino({ level: "silent" });
const SECRET = "s".repeat(40);
const prismaDir = fileURLToPath(new URL("./test-prisma", import.meta.url));

let database: { url: string; drop: () => Promise<void> };
let db: ReturnType<typeof pgDatabase>;
const redis = new Redis(testRedisUrl(), { lazyConnect: true });
const namespaces: string[] = [];
const closing: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ name: "server_kit_events", prismaDir });
  db = pgDatabase(database.url);
  await redis.connect();
});

// Tests that publish without the relay leave rows unpublished; a later relay must not see them.
beforeEach(() => db.$executeRaw`UPDATE outbox_events SET published_at = now() WHERE published_at IS NULL`);

afterAll(async () => {
  for (const close of closing.reverse()) await close();
  if (namespaces.length > 0) await redis.del(...namespaces.map((ns) => `${ns}:events`));
  redis.disconnect();
  await db.end();
  await database.drop();
});

/** A fresh stream per test, so tests never see each other's events. */
function namespace(): string {
  const ns = `sharehood-test-${randomUUID()}`;
  namespaces.push(ns);
  return ns;
}

function redisBus(ns: string, url = testRedisUrl()): EventBus {
  const bus = createEventBus({ logger, redisUrl: url, namespace: ns });
  closing.push(() => bus.close());
  return bus;
}

/** Writes events the way a service does: in a transaction of its own, committed. */
const commit = (...events: NewDomainEvent[]) =>
  db.$transaction((tx) => writeEvents(tx, "inventory-api", events));

/** Resolves once `count` events reached the handler; answers them. */
function collector(count: number) {
  const seen: DomainEvent[] = [];
  let done: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const handler = (event: DomainEvent) => {
    seen.push(event);
    if (seen.length >= count) done();
    return Promise.resolve();
  };
  return { seen, handler, all };
}

const unpublished = async () =>
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`
  )[0]!.n;

describe("the outbox", () => {
  it("keeps no event of a transaction that rolled back, and fills in a committed one", async () => {
    const loanId = `rolled-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await writeEvents(tx, "inventory-api", [requested(loanId)]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [written] = await commit(requested(`kept-${randomUUID()}`));
    const rows = await db.$queryRaw<{ id: string; type: string; body: DomainEvent }[]>`
      SELECT id::text, type, body FROM outbox_events WHERE body->'subject'->>'id' IN (${loanId}, ${written!.subject.id})`;
    expect(rows).toEqual([{ id: written!.id, type: "loan.requested", body: written }]);
    expect(written).toMatchObject({ version: 1, source: "inventory-api" });
  });

  it("refuses an event that breaks the contract, rolling the change back", async () => {
    const bad = { ...requested("x"), audience: ["not an id!"] };
    await expect(db.$transaction((tx) => writeEvents(tx, "inventory-api", [bad]))).rejects.toThrow();
  });
});

describe("the relay and the Redis bus", () => {
  it("publishes in order, and a consumer group gets each event once and acknowledges it", async () => {
    const ns = namespace();
    const bus = redisBus(ns);
    const events = [...(await commit(requested("a1"), requested("a2"))), ...(await commit(requested("a3")))];
    const { seen, handler, all } = collector(3);
    const subscription = await bus.subscribe("orders", handler);
    const relay = startOutboxRelay({ db, bus, logger, pollIntervalMs: 50 });
    closing.push(() => relay.stop());
    relay.nudge();
    await all;
    expect(seen.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(await unpublished()).toBe(0);
    await subscription.stop();
    const [pending] = (await redis.xpending(`${ns}:events`, "orders")) as [number];
    expect(pending).toBe(0);
    await relay.stop();
  });

  it("hands an entry a dead consumer left pending to another, and drops an unparseable one", async () => {
    const ns = namespace();
    const bus = redisBus(ns);
    await redis.xadd(`${ns}:events`, "*", "event", "not json");
    const [event] = await commit(requested("left-pending"));
    await bus.publish([event!]);
    await redis.xgroup("CREATE", `${ns}:events`, "orders", "0");
    // The "dead" consumer reads both and never acknowledges.
    await redis.call("XREADGROUP", "GROUP", "orders", "dead", "COUNT", "10", "STREAMS", `${ns}:events`, ">");
    const { seen, handler, all } = collector(1);
    await bus.subscribe("orders", handler, { claimIdleMs: 100, claimIntervalMs: 50 });
    await all;
    expect(seen.map((e) => e.id)).toEqual([event!.id]);
    await expect.poll(async () => ((await redis.xpending(`${ns}:events`, "orders")) as [number])[0]).toBe(0);
  });

  it("delivers again an event whose handler failed", async () => {
    const bus = redisBus(namespace());
    const [event] = await commit(requested("flaky"));
    let attempts = 0;
    const { seen, handler, all } = collector(1);
    await bus.subscribe(
      "flaky",
      (e) => (++attempts === 1 ? Promise.reject(new Error("database hiccup")) : handler(e)),
      { claimIdleMs: 50, claimIntervalMs: 50 },
    );
    await bus.publish([event!]);
    await all;
    expect([attempts, seen.length]).toEqual([2, 1]);
  });

  it("has a duplicate delivery take effect once when the handler claims the event", async () => {
    const ns = namespace();
    const bus = redisBus(ns);
    const [event] = await commit(requested("twice"));
    let effects = 0;
    const { all, handler: count } = collector(2);
    await bus.subscribe("effects", (e) =>
      db
        .$transaction(async (tx) => {
          if (await claimEvent(tx, "effects", e.id)) effects += 1;
        })
        .then(() => count(e)),
    );
    await bus.publish([event!, event!]); // the relay died between publishing and marking once
    await all;
    expect(effects).toBe(1);
  });

  it("keeps events in the outbox while Redis is unreachable and publishes them once it is back", async () => {
    const ns = namespace();
    const proxy = await redisProxy();
    closing.push(() => proxy.close());
    // Producer and consumer both reach Redis through the proxy: both live through the outage.
    const bus = redisBus(ns, `redis://127.0.0.1:${proxy.port}`);
    const consumer = redisBus(ns, `redis://127.0.0.1:${proxy.port}`);
    const { seen, handler, all } = collector(1);
    await consumer.subscribe("orders", handler);
    await proxy.close(); // Redis "stops"
    const relay = startOutboxRelay({ db, bus, logger, pollIntervalMs: 20, maxBackoffMs: 100 });
    closing.push(() => relay.stop());
    const [event] = await commit(requested("during-outage"));
    relay.nudge();
    await expect(relay.drain()).rejects.toThrow();
    expect(await unpublished()).toBeGreaterThan(0);
    expect(seen).toEqual([]);
    await proxy.open(); // Redis is back
    await all;
    expect(seen.map((e) => e.id)).toEqual([event!.id]);
    await expect.poll(unpublished).toBe(0);
    await relay.stop();
  });
});

describe("the HTTP push bus (no Redis)", () => {
  async function consumerApp() {
    const bus = createEventBus({ logger, secret: SECRET });
    closing.push(() => bus.close());
    const app = express();
    app.use(bus.router);
    const server = createServer(app).listen(0, "127.0.0.1");
    await once(server, "listening");
    closing.push(() => new Promise((resolve) => server.close(resolve)));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}${EVENTS_PUSH_PATH}`;
    return { bus, url, server };
  }

  it("delivers the outbox to every consumer process, and refuses a wrong secret", async () => {
    const [first, second] = [await consumerApp(), await consumerApp()];
    const a = collector(2);
    const b = collector(2);
    await first.bus.subscribe("a", a.handler);
    await second.bus.subscribe("b", b.handler);
    const producer = createEventBus({ logger, pushUrls: [first.url, second.url], secret: SECRET });
    const events = await commit(requested("push-1"), requested("push-2"));
    const relay = startOutboxRelay({ db, bus: producer, logger });
    closing.push(() => relay.stop());
    await relay.drain();
    await Promise.all([a.all, b.all]);
    const ids = events.map((e) => e.id);
    expect(a.seen.map((e) => e.id)).toEqual(ids);
    expect(b.seen.map((e) => e.id)).toEqual(ids);

    const post = (headers: Record<string, string>) =>
      fetch(first.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ events }),
      });
    expect((await post({ [EVENTS_SECRET_HEADER]: "x".repeat(40) })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    expect(a.seen).toHaveLength(2);
    await relay.stop();
  });

  it("fails the publish while a consumer is down, so the events wait in the outbox", async () => {
    const producer = createEventBus({
      logger,
      pushUrls: [`http://127.0.0.1:${await freePort()}${EVENTS_PUSH_PATH}`],
      secret: SECRET,
    });
    await commit(requested("push-down"));
    const relay = startOutboxRelay({ db, bus: producer, logger, pollIntervalMs: 60_000 });
    await expect(relay.drain()).rejects.toThrow();
    expect(await unpublished()).toBeGreaterThan(0);
    await relay.stop();
  });
});

/** A TCP proxy to the test Redis that can be closed (Redis "down") and opened again on its port. */
async function redisProxy() {
  const target = new URL(testRedisUrl());
  const port = await freePort();
  let server: ReturnType<typeof createTcpServer> | undefined;
  const sockets = new Set<Socket>();
  const open = async () => {
    server = createTcpServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("error", () => undefined);
        socket.on("close", () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
  };
  await open();
  return {
    port,
    open,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (server?.listening) await new Promise((resolve) => (server as Server | undefined)?.close(resolve));
    },
  };
}
