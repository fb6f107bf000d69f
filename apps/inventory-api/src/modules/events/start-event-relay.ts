import {
  createEventBus,
  startOutboxRelay,
  type HttpMetrics,
  type Logger,
  type OutboxRelay,
  type ServiceConfig,
} from "@sharehood/server-kit";
import type { Db } from "../../db.ts";

/** The outbox relay of this service, and how to stop it and its bus. */
export interface EventRelay extends Pick<OutboxRelay, "nudge" | "drain"> {
  stop(): Promise<void>;
}

/**
 * Publishes the loan events this service writes to its outbox: to the Redis Stream with REDIS_URL,
 * else pushed to EVENTS_PUSH_URLS (the Notification API on `npm start`); with neither, the relay
 * says so once and the events wait in the outbox.
 */
export function startEventRelay(deps: {
  config: Pick<ServiceConfig, "REDIS_URL" | "REDIS_NAMESPACE" | "EVENTS_PUSH_URLS" | "EVENTS_SECRET">;
  db: Db;
  logger: Logger;
  registry: HttpMetrics["registry"];
}): EventRelay {
  const { config, logger, registry } = deps;
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
  const relay = startOutboxRelay({ db: deps.db, bus, logger, registry });
  return {
    nudge: relay.nudge,
    drain: relay.drain,
    async stop() {
      await relay.stop();
      await bus.close();
    },
  };
}
