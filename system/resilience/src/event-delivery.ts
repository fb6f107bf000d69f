import type { World } from "./world.ts";

/** The Notification API's consumer group: the name its inbox (`processed_events`) records. */
const NOTIFICATION_GROUP = "notification-api";

/** Both producers' outboxes set against what the Notification API's consumer group handled. */
export interface EventDelivery {
  /** Events the User and Inventory APIs wrote (every row of both outboxes). */
  written: number;
  /** Of those, how many the relays have not published yet. */
  waiting: number;
  /** Events written that the Notification API never handled, with their types. */
  unhandled: { id: string; type: string }[];
}

/**
 * Reads the three databases: an event is handled once the Notification API committed its effect
 * with its id in the inbox, and the inbox has one row per event and group, so "handled" here means
 * handled once. Nothing is compared by time, so a run can check this at any moment.
 */
export async function compareOutboxesWithInbox(world: World): Promise<EventDelivery> {
  const outbox = `SELECT id::text AS id, type, published_at IS NULL AS waiting FROM outbox_events`;
  const [users, inventory, inbox] = await Promise.all([
    world.queryIn<{ id: string; type: string; waiting: boolean }>("users", outbox),
    world.queryIn<{ id: string; type: string; waiting: boolean }>("inventory", outbox),
    world.queryIn<{ id: string }>(
      "notifications",
      `SELECT event_id::text AS id FROM processed_events WHERE consumer_group = $1`,
      [NOTIFICATION_GROUP],
    ),
  ]);
  const handled = new Set(inbox.map((row) => row.id));
  const written = [...users, ...inventory];
  return {
    written: written.length,
    waiting: written.filter((row) => row.waiting).length,
    unhandled: written.filter((row) => !handled.has(row.id)).map(({ id, type }) => ({ id, type })),
  };
}

/** Compares again every second until every event written is handled, or `timeoutMs` has passed. */
export async function awaitEventsHandled(world: World, timeoutMs: number): Promise<EventDelivery> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await compareOutboxesWithInbox(world);
    if (delivery.unhandled.length === 0 || Date.now() > deadline) return delivery;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
