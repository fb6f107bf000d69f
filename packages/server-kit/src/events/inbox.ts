import type { SqlExecutor } from "./outbox.ts";

/**
 * Records that `group` handled event `eventId`: true the first time, false for a redelivery.
 * Call it inside the transaction that makes the event's effect, so both commit or neither does:
 * delivery is at least once, the effect exactly once.
 */
export async function claimEvent(
  tx: Pick<SqlExecutor, "$executeRaw">,
  group: string,
  eventId: string,
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO processed_events (consumer_group, event_id) VALUES (${group}, ${eventId}::uuid)
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/**
 * Forgets claims older than `olderThanMs` (run it periodically). Keep them longer than an event can
 * be redelivered: the stream's retention, or the outbox's when events are pushed. Answers how many.
 */
export async function forgetProcessedEvents(
  db: Pick<SqlExecutor, "$executeRaw">,
  olderThanMs: number,
): Promise<number> {
  return db.$executeRaw`
    DELETE FROM processed_events
    WHERE processed_at < now() - make_interval(secs => ${olderThanMs / 1000}::double precision)`;
}
