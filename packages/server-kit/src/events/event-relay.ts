import type { Registry } from "prom-client";
import type { z } from "zod";
import type { ServiceEnvSchema } from "../env.ts";
import type { Logger } from "../logger.ts";
import { createEventBus } from "./bus.ts";
import { startOutboxRelay, type OutboxDatabase, type OutboxRelay } from "./relay.ts";

/**
 * A producer's publishing, from its configuration: the bus (the Redis Stream with REDIS_URL, else
 * a push to EVENTS_PUSH_URLS) and the outbox relay on it; with neither, the relay says so once and
 * the events wait in the outbox. `stop` stops the relay, then closes the bus. Both producers start
 * it the same way: `core.onDispose(relay.stop)`, and `relay.nudge` to the code that writes events.
 */
export function startEventRelay(options: {
  config: Pick<
    z.output<typeof ServiceEnvSchema>,
    "REDIS_URL" | "REDIS_NAMESPACE" | "EVENTS_PUSH_URLS" | "EVENTS_SECRET"
  >;
  db: OutboxDatabase;
  logger: Logger;
  /** The service's metrics registry (`core.metrics.registry`). */
  registry?: Registry;
}): OutboxRelay {
  const { config, logger, registry } = options;
  const bus = createEventBus({
    logger,
    redisUrl: config.REDIS_URL,
    namespace: config.REDIS_NAMESPACE,
    pushUrls: config.EVENTS_PUSH_URLS,
    secret: config.EVENTS_SECRET,
    registry,
  });
  if (bus.kind === "redis") logger.info("events: publishing the outbox to the Redis stream");
  else if (bus.canPublish) logger.info({ to: config.EVENTS_PUSH_URLS }, "events: pushing the outbox");
  const relay = startOutboxRelay({ db: options.db, bus, logger, registry });
  return {
    nudge: relay.nudge,
    drain: relay.drain,
    stop: async () => {
      await relay.stop();
      await bus.close();
    },
  };
}
