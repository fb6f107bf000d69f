/**
 * The event backbone: a transactional outbox, a relay that publishes it, a bus that carries events
 * between services, and an inbox for consumers' idempotency.
 *
 * Producer (user-api, inventory-api):
 * ```ts
 * // The bus from REDIS_URL / EVENTS_PUSH_URLS / EVENTS_SECRET, and the relay on it:
 * const relay = startEventRelay({ config, db, logger, registry: core.metrics.registry });
 * core.onDispose(relay.stop);
 * // in a repository, inside the change's own transaction:
 * await db.$transaction(async (tx) => { ...the change...; await writeEvents(tx, "inventory-api", [event]); });
 * relay.nudge(); // after the commit: publish now rather than at the next poll
 * ```
 *
 * Consumer (notification-api):
 * ```ts
 * const bus = createEventBus({ logger, redisUrl: config.REDIS_URL, namespace: config.REDIS_NAMESPACE,
 *   secret: config.EVENTS_SECRET, registry: core.metrics.registry });
 * app.use(bus.router); // POST /internal/events, for the embedded default (no Redis)
 * const subscription = await bus.subscribe("notifications", (event) =>
 *   db.$transaction(async (tx) => {
 *     if (!(await claimEvent(tx, "notifications", event.id))) return; // seen already
 *     ...the effect, in the same transaction...
 *   }));
 * core.onDispose(async () => { await subscription.stop(); await bus.close(); });
 * ```
 *
 * Each service declares the two tables in its own Prisma schema: see {@link OUTBOX_PRISMA_MODELS}
 * and {@link OUTBOX_PARTIAL_INDEX_SQL}.
 *
 * Delivery is at least once: an event is published again if the relay dies between the publish and
 * marking the row published, and a consumer sees an event again if it dies before acknowledging it.
 * Order: events of one subject (one loan, one user) are published in the order their changes
 * committed (the changes lock the subject's row, and one relay publishes at a time); across subjects
 * the order is close to commit order but not guaranteed.
 */
export {
  OUTBOX_PARTIAL_INDEX_SQL,
  OUTBOX_PRISMA_MODELS,
  writeEvents,
  type EventSource,
  type SqlExecutor,
} from "./outbox.ts";
export { claimEvent, forgetProcessedEvents } from "./inbox.ts";
export {
  createEventBus,
  EVENTS_PUSH_PATH,
  EVENTS_SECRET_HEADER,
  type EventBus,
  type EventBusOptions,
  type EventHandler,
  type Subscription,
  type SubscribeOptions,
} from "./bus.ts";
export { startOutboxRelay, type OutboxDatabase, type OutboxRelay, type OutboxRelayOptions } from "./relay.ts";
export { startEventRelay } from "./event-relay.ts";
