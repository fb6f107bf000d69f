import type { Counter } from "prom-client";
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../logger.ts";
import type { EventHandler, Subscription } from "./bus.ts";
import { deliver, parseJson } from "./deliver.ts";

/** Fails fast while Redis is down (the relay backs off and retries), reconnects in the background. */
export const REDIS_EVENT_OPTIONS: RedisOptions = {
  lazyConnect: true,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectTimeout: 2_000,
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
};

type Entry = [id: string, fields: string[]];

/** How long one XREADGROUP waits for new entries; also the longest a stop waits for it. */
const BLOCK_MS = 2_000;
const BATCH = 50;

/**
 * One member of a consumer group reading `stream`: XREADGROUP for new entries, each handed to the
 * handler and acknowledged (XACK) once it resolved. An entry whose handler failed stays pending and
 * comes back through XAUTOCLAIM once idle for `claimIdleMs`, here or in another member; so do the
 * entries a crashed member left, which is why the idle threshold must exceed the slowest handler.
 * An entry delivered `maxDeliveries` times is logged as dead and acknowledged, so one poisoned
 * event cannot keep coming back forever.
 */
export async function consumeStream(options: {
  redisUrl: string;
  stream: string;
  group: string;
  consumer: string;
  handler: EventHandler;
  logger: Logger;
  handled: Counter<"group" | "outcome">;
  claimIdleMs: number;
  claimIntervalMs?: number;
  maxDeliveries: number;
}): Promise<Subscription> {
  const { stream, group, consumer, logger } = options;
  const log = logger.child({ group, consumer });
  // A connection of its own: XREADGROUP BLOCK holds it while waiting.
  const redis = new Redis(options.redisUrl, { ...REDIS_EVENT_OPTIONS, connectionName: `events-${group}` });
  redis.on("error", () => undefined); // the loop reports failures
  const claimIntervalMs = options.claimIntervalMs ?? Math.max(100, Math.floor(options.claimIdleMs / 3));
  // The reclaim runs between reads, so a read must not outwait it.
  const blockMs = Math.min(BLOCK_MS, claimIntervalMs);
  let stopping = false;
  let reading = false;

  async function ensureGroup(): Promise<void> {
    try {
      // "0": a new group starts at the oldest entry kept, so nothing published before it existed
      // (a first deployment racing the producers) is missed.
      await redis.xgroup("CREATE", stream, group, "0", "MKSTREAM");
    } catch (error) {
      if (!String((error as Error).message).includes("BUSYGROUP")) throw error;
    }
  }

  async function handleEntry([id, fields]: Entry): Promise<void> {
    const text = fields[fields.indexOf("event") + 1] ?? "";
    try {
      await deliver(parseJson(text), options.handler, {
        group,
        logger: log,
        handled: options.handled,
        transport: "redis",
      });
    } catch {
      if (!(await isDead(id))) return; // stays pending: retried after claimIdleMs
    }
    await redis.xack(stream, group, id);
  }

  async function isDead(id: string): Promise<boolean> {
    const pending = (await redis.call("XPENDING", stream, group, id, id, "1")) as [
      string,
      string,
      number,
      number,
    ][];
    const deliveries = pending[0]?.[3] ?? 0;
    if (deliveries < options.maxDeliveries) return false;
    log.error({ entryId: id, deliveries }, "giving up on an event that keeps failing");
    options.handled.inc({ group, outcome: "dead" });
    return true;
  }

  /** Takes over entries idle past the threshold (a dead member's, or ones whose handler failed). */
  async function reclaim(): Promise<void> {
    let cursor = "0-0";
    do {
      const [next, entries] = (await redis.call(
        "XAUTOCLAIM",
        stream,
        group,
        consumer,
        String(options.claimIdleMs),
        cursor,
        "COUNT",
        String(BATCH),
      )) as [string, (Entry | null)[]];
      if (entries.length > 0) log.info({ reclaimed: entries.length }, "reclaimed pending events");
      for (const entry of entries) if (entry) await handleEntry(entry);
      cursor = next;
    } while (cursor !== "0-0" && !stopping);
  }

  async function readNew(): Promise<void> {
    reading = true;
    const reply = (await redis
      .call(
        "XREADGROUP",
        "GROUP",
        group,
        consumer,
        "COUNT",
        String(BATCH),
        "BLOCK",
        String(blockMs),
        "STREAMS",
        stream,
        ">",
      )
      .finally(() => {
        reading = false;
      })) as [string, Entry[]][] | null;
    for (const entry of reply?.[0]?.[1] ?? []) await handleEntry(entry);
  }

  async function run(): Promise<void> {
    let failures = 0;
    let needGroup = true;
    let nextClaimAt = 0;
    while (!stopping) {
      try {
        if (redis.status !== "ready") await redis.connect().catch(() => undefined);
        if (needGroup) await ensureGroup();
        needGroup = false;
        if (Date.now() >= nextClaimAt) {
          await reclaim();
          nextClaimAt = Date.now() + claimIntervalMs;
        }
        await readNew();
        if (failures > 0) log.info("events: reading the stream again");
        failures = 0;
      } catch (error) {
        if (stopping) break;
        const message = (error as Error).message;
        // The group is gone when Redis lost its data (a restart without persistence).
        if (message.includes("NOGROUP")) needGroup = true;
        if (failures === 0) log.warn({ err: message }, "events: cannot read the stream; retrying");
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(failures * 200, 2_000)));
      }
    }
  }

  await redis.connect().catch(() => undefined);
  const running = run();

  return {
    async stop() {
      if (stopping) return running;
      stopping = true;
      // A read waiting for entries is cut short; a handler under way finishes and acknowledges.
      if (reading) redis.disconnect();
      await running;
      await forgetConsumer().catch(() => undefined);
      redis.disconnect();
    },
  };

  /** Removes this member from the group unless it still holds entries (another member reclaims those). */
  async function forgetConsumer(): Promise<void> {
    if (redis.status !== "ready") await redis.connect();
    const held = (await redis.call("XPENDING", stream, group, "-", "+", "1", consumer)) as unknown[];
    if (held.length === 0) await redis.call("XGROUP", "DELCONSUMER", stream, group, consumer);
  }
}
