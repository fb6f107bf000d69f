import { randomUUID } from "node:crypto";
import {
  DomainEventSchema,
  type DomainEvent,
  type EventSourceSchema,
  type NewDomainEvent,
} from "@sharehood/sdk/contract";
import type { z } from "zod";
import { currentTraceparent } from "../telemetry/context.ts";

/** Which service writes an event (`"user-api"`, `"inventory-api"`). */
export type EventSource = z.infer<typeof EventSourceSchema>;

/**
 * What the outbox needs of a database handle: Prisma's raw tagged templates. A Prisma client and
 * the `tx` of an interactive `$transaction` both fit.
 */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
}

/**
 * The two tables every service that produces or consumes events declares in its Prisma schema,
 * copied as they are (the relay and `claimEvent` use these column names).
 */
export const OUTBOX_PRISMA_MODELS = `
/// Domain events written in the same transaction as the change they tell of; the relay
/// (server-kit events) publishes them in seq order and deletes them some days after.
/// The partial index on unpublished rows is hand-written in the migration (Prisma cannot say it).
model OutboxEvent {
  seq         BigInt    @id @default(autoincrement())
  id          String    @unique @db.Uuid
  type        String
  body        Json
  createdAt   DateTime  @default(now()) @map("created_at") @db.Timestamptz(3)
  publishedAt DateTime? @map("published_at") @db.Timestamptz(3)

  @@map("outbox_events")
}

/// Events a consumer group has handled, so a redelivered one has no second effect (claimEvent).
model ProcessedEvent {
  consumerGroup String   @map("consumer_group")
  eventId       String   @map("event_id") @db.Uuid
  processedAt   DateTime @default(now()) @map("processed_at") @db.Timestamptz(3)

  @@id([consumerGroup, eventId])
  @@index([processedAt])
  @@map("processed_events")
}
`;

/**
 * Add this to the migration that creates `outbox_events`: the relay's "what is left to publish"
 * query reads only this index, which stays as small as the backlog.
 */
export const OUTBOX_PARTIAL_INDEX_SQL = `CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events" ("seq") WHERE "published_at" IS NULL;`;

/**
 * Appends events to the outbox inside the caller's transaction, so they exist exactly when the
 * change does: pass the `tx` of the `$transaction` that makes the change. Fills each event's id,
 * version, time and source, checks it against the contract (a bad event throws, rolling the change
 * back: it is a bug, not a user error) and answers the events as they will be published. With
 * tracing on, each carries the active span as its `trace.traceparent`.
 * After the transaction commits, `relay.nudge()` publishes them without waiting for the next poll.
 */
export async function writeEvents(
  tx: Pick<SqlExecutor, "$executeRaw">,
  source: EventSource,
  events: readonly NewDomainEvent[],
): Promise<DomainEvent[]> {
  if (events.length === 0) return [];
  const time = new Date().toISOString();
  // The writer's span travels with each event, so what consumers do joins the request's trace.
  const traceparent = currentTraceparent();
  const trace = traceparent ? { trace: { traceparent } } : {};
  const full = events.map((event) =>
    DomainEventSchema.parse({ ...event, ...trace, id: randomUUID(), version: 1, time, source }),
  );
  // One statement for the whole batch; WITH ORDINALITY keeps the caller's order in seq.
  await tx.$executeRaw`
    INSERT INTO outbox_events (id, type, body)
    SELECT (e->>'id')::uuid, e->>'type', e
    FROM jsonb_array_elements(${JSON.stringify(full)}::jsonb) WITH ORDINALITY AS t(e, n)
    ORDER BY n`;
  return full;
}
