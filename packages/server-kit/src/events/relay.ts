import type { DomainEvent } from "@sharehood/sdk/contract";
import type { Registry } from "prom-client";
import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import type { Logger } from "../logger.ts";
import { contextFromTraceparent, traceparentOf, tracer, tracingOn, untraced } from "../telemetry/context.ts";
import type { EventBus } from "./bus.ts";
import { relayMetrics } from "./metrics.ts";
import type { SqlExecutor } from "./outbox.ts";

/** A Prisma client, as far as the relay needs one: raw SQL and interactive transactions. */
export interface OutboxDatabase extends SqlExecutor {
  $transaction<R>(
    fn: (tx: SqlExecutor) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
}

export interface OutboxRelayOptions {
  db: OutboxDatabase;
  bus: Pick<EventBus, "publish" | "canPublish">;
  logger: Logger;
  /** Events published per round (one transaction). Default 100. */
  batchSize?: number;
  /** How often to look for events nobody nudged about (another replica's, a retry). Default 500 ms. */
  pollIntervalMs?: number;
  /** The longest wait between retries while publishing fails. Default 5 s. */
  maxBackoffMs?: number;
  /** Published rows are deleted this long after. Default 3 days. */
  retentionMs?: number;
  /** Longest a round's transaction may stay open (it waits for the publish). Default 20 s. */
  transactionTimeoutMs?: number;
  /** Where the relay's metrics go (the service's registry); none when unset. */
  registry?: Registry;
}

/** A running relay. Its functions need no `this`: pass `relay.nudge` along as it is. */
export interface OutboxRelay {
  /** Publish soon: call it right after a transaction that wrote events committed. */
  nudge: () => void;
  /** Publishes everything unpublished now; answers how many, rejects if a publish fails. */
  drain: () => Promise<number>;
  /**
   * Stops the relay: the round under way finishes, one last round publishes what the last requests
   * wrote (if it can), and whatever is left waits in the outbox for the next start or another replica.
   */
  stop: () => Promise<void>;
}

interface Row {
  seq: bigint | number | string;
  createdAt: Date | string;
  body: DomainEvent;
}

/** Another replica holds the relay's lock: it is publishing, this one need not. */
const BUSY = -1;
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Publishes the outbox: each round, in one transaction, takes the oldest unpublished rows
 * (`FOR UPDATE SKIP LOCKED`), publishes them in seq order and marks them published; a crash between
 * the publish and the commit publishes them again (consumers deduplicate). Safe on every replica: a
 * transaction-scoped advisory lock lets one replica publish at a time, which keeps the order, and the
 * others wait for the next round. Woken by `nudge()`, else polls; while publishing fails (Redis or a
 * consumer down) it backs off, and the events wait in the outbox. With a bus that cannot publish
 * (no Redis, no push URLs) it says so once and does nothing: the events stay in the outbox.
 *
 * The round's transaction stays open while the bus publishes (a Redis XADD, or a push answered once
 * the consumers handled it). On PostgreSQL that holds only the locked rows; on the embedded PGlite,
 * one session for all connections, it holds the service's other queries for that long too, which a
 * consumer on loopback keeps to milliseconds (and a consumer that is down refuses at once).
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, bus, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const retentionMs = options.retentionMs ?? 3 * 24 * 3_600_000;
  const timeout = options.transactionTimeoutMs ?? 20_000;
  const metrics = relayMetrics(options.registry);

  if (!bus.canPublish) {
    logger.warn("events: no REDIS_URL and no EVENTS_PUSH_URLS, so events stay in the outbox");
    return { nudge: () => undefined, drain: () => Promise.resolve(0), stop: () => Promise.resolve() };
  }

  async function round(): Promise<number> {
    return db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtext('sharehood.outbox_relay')) AS locked`;
        if (!lock?.locked) return BUSY;
        // Reads the partial index on unpublished rows, oldest first.
        const rows = await tx.$queryRaw<Row[]>`
          SELECT seq, created_at AS "createdAt", body FROM outbox_events
          WHERE published_at IS NULL ORDER BY seq LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        await publishTraced(rows.map((row) => row.body));
        // Exactly these rows: a row that committed meanwhile with a seq among them is not published yet.
        await tx.$executeRaw`
          UPDATE outbox_events SET published_at = now()
          WHERE seq = ANY(string_to_array(${rows.map((row) => String(row.seq)).join(",")}, ',')::bigint[])`;
        for (const row of rows) metrics.published.inc({ type: row.body.type });
        metrics.lag.set((Date.now() - new Date(rows[0]!.createdAt).getTime()) / 1000);
        return rows.length;
      },
      { maxWait: 5_000, timeout },
    );
  }

  /**
   * Publishes the events; with tracing on, each in a PRODUCER span that is a child of the span that
   * wrote it, and travels with that span as its parent (the consumers' spans are its children).
   */
  async function publishTraced(events: DomainEvent[]): Promise<void> {
    if (!tracingOn()) return bus.publish(events);
    const spans: Span[] = [];
    const sent = events.map((event) => {
      if (!event.trace) return event;
      const span = tracer().startSpan(
        `publish ${event.type}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            "messaging.operation.type": "send",
            "messaging.destination.name": "events",
            "messaging.message.id": event.id,
          },
        },
        contextFromTraceparent(event.trace.traceparent),
      );
      spans.push(span);
      return { ...event, trace: { traceparent: traceparentOf(span.spanContext()) } };
    });
    try {
      await untraced(() => bus.publish(sent));
    } catch (error) {
      for (const span of spans)
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  // Rounds of this process run one at a time (the loop and `drain` share them).
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function recordLag(): Promise<void> {
    const [oldest] = await db.$queryRaw<{ createdAt: Date | string }[]>`
      SELECT created_at AS "createdAt" FROM outbox_events WHERE published_at IS NULL ORDER BY seq LIMIT 1`;
    metrics.lag.set(oldest ? (Date.now() - new Date(oldest.createdAt).getTime()) / 1000 : 0);
  }

  let lastPurge = 0;
  async function purge(): Promise<void> {
    if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    // In slices, so a long backlog of old rows never makes one long statement.
    await db.$executeRaw`
      DELETE FROM outbox_events WHERE seq IN (
        SELECT seq FROM outbox_events
        WHERE published_at < now() - make_interval(secs => ${retentionMs / 1000}::double precision)
        LIMIT 5000)`;
  }

  let stopped = false;
  let nudged = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number, wakeable: boolean) =>
    new Promise<void>((resolve) => {
      if (stopped || (wakeable && nudged)) return resolve();
      const timer = setTimeout(done, ms).unref();
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = wakeable ? done : undefined;
      stopHook = done;
    });
  let stopHook: (() => void) | undefined;

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      nudged = false;
      let count: number;
      try {
        count = await exclusive(round);
        if (failures > 0) logger.info({ failures }, "events: publishing again");
        failures = 0;
        if (count === 0) metrics.lag.set(0);
        await purge().catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, "events: could not purge the outbox"),
        );
      } catch (error) {
        failures += 1;
        metrics.failures.inc();
        if (failures === 1)
          logger.warn({ err: (error as Error).message }, "events: publish failed; events wait in the outbox");
        await recordLag().catch(() => undefined);
        await pause(Math.min(pollIntervalMs * 2 ** Math.min(failures - 1, 10), maxBackoffMs), false);
        continue;
      }
      if (count !== batchSize) await pause(pollIntervalMs, true);
    }
  }

  const running = loop();
  return {
    nudge() {
      nudged = true;
      wake?.();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const count = await exclusive(round);
        if (count === BUSY) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        total += count;
        if (count < batchSize) return total;
      }
    },
    async stop() {
      if (stopped) return running;
      stopped = true;
      stopHook?.();
      await running;
      await exclusive(round).catch(() => undefined);
    },
  };
}
