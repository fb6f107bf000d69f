import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { EVENT_STREAM } from "@sharehood/sdk/contract";
import { Router } from "express";
import { Redis } from "ioredis";
import type { EventBus, EventBusOptions, Subscription } from "./bus.ts";
import { consumerMetrics, reportConsumerLag } from "./metrics.ts";
import { consumeStream, REDIS_EVENT_OPTIONS } from "./stream-consumer.ts";

/**
 * The bus over a Redis Stream, `<namespace>:events`: XADD to publish (trimmed to about `maxLength`
 * entries), a consumer group per subscriber (see stream-consumer.ts).
 */
export function createRedisBus(options: EventBusOptions & { redisUrl: string }): EventBus {
  const { logger, redisUrl } = options;
  const stream = `${options.namespace ?? "sharehood"}:${EVENT_STREAM}`;
  const maxLength = options.maxLength ?? 100_000;
  const handled = consumerMetrics(options.registry);
  const publisher = new Redis(redisUrl, {
    ...REDIS_EVENT_OPTIONS,
    connectionName: "events-publisher",
    commandTimeout: 2_000,
  });
  let down = false;
  publisher.on("error", (error: Error) => {
    if (!down) logger.warn({ err: error.message }, "events: redis unavailable; retrying");
    down = true;
  });
  publisher.on("ready", () => {
    if (down) logger.info("events: redis reconnected");
    down = false;
  });
  const connected = publisher.connect().catch(() => undefined);
  const subscriptions = new Set<Subscription>();
  // Unique per process and subscription, so a restarted process never inherits a dead one's name.
  const consumerPrefix = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const groups = new Set<string>();
  const stopReportingLag = reportConsumerLag(options.registry, { redis: publisher, stream, groups });

  return {
    kind: "redis",
    canPublish: true,
    router: Router(),
    async publish(events) {
      if (events.length === 0) return;
      await connected;
      const pipeline = publisher.pipeline();
      for (const event of events)
        pipeline.xadd(stream, "MAXLEN", "~", maxLength, "*", "event", JSON.stringify(event));
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed?.[0] || results.length !== events.length)
        throw failed?.[0] ?? new Error("events: the publish pipeline did not run");
    },
    async subscribe(group, handler, subscribeOptions = {}) {
      const subscription = await consumeStream({
        redisUrl,
        stream,
        group,
        consumer: `${consumerPrefix}-${subscriptions.size + 1}`,
        handler,
        logger,
        handled,
        claimIdleMs: subscribeOptions.claimIdleMs ?? 30_000,
        claimIntervalMs: subscribeOptions.claimIntervalMs,
        maxDeliveries: subscribeOptions.maxDeliveries ?? 20,
      });
      subscriptions.add(subscription);
      groups.add(group);
      return {
        async stop() {
          subscriptions.delete(subscription);
          await subscription.stop();
        },
      };
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      subscriptions.clear();
      stopReportingLag();
      publisher.disconnect();
    },
  };
}
