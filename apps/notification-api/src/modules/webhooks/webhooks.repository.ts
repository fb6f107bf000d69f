import type { PublicEventType } from "@sharehood/sdk/contract";
import type { Db, Tx } from "../../db.ts";
import type { FeedEntry } from "../feed/feed.repository.ts";

/** A delivery row as the log shows it. */
export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  attempt: number;
  status: string;
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
}

const DELIVERY_COLUMNS = {
  id: true,
  eventId: true,
  eventType: true,
  attempt: true,
  status: true,
  responseStatus: true,
  latencyMs: true,
  error: true,
  createdAt: true,
  nextAttemptAt: true,
} as const;

const WEBHOOK_COLUMNS = {
  id: true,
  url: true,
  events: true,
  createdAt: true,
  disabledAt: true,
  disabledReason: true,
} as const;

/** The endpoint a sender holds: where to send and with which (sealed) secret. */
export interface HeldEndpoint {
  url: string;
  secret: string;
  userId: string;
}

/** The next delivery a sender sends: its row and the event's body. */
export interface DueDelivery {
  id: string;
  eventId: string;
  attempt: number;
  body: unknown;
}

/**
 * Webhook endpoints and their deliveries. The routes' queries all name the owner (`userId`): a person
 * reads and changes only their own. The sender's queries name the endpoint it holds.
 */
export const webhooksRepository = {
  count: (db: Db, userId: string) => db.webhook.count({ where: { userId } }),

  create: (db: Db, data: { userId: string; url: string; events: string[]; secret: string }) =>
    db.webhook.create({ data, select: WEBHOOK_COLUMNS }),

  list: (db: Db, userId: string) =>
    db.webhook.findMany({
      where: { userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: WEBHOOK_COLUMNS,
    }),

  find: (db: Db, userId: string, id: string) =>
    db.webhook.findFirst({ where: { id, userId }, select: WEBHOOK_COLUMNS }),

  /** Deletes one of the person's endpoints with its deliveries; false when they have no such one. */
  async remove(db: Db, userId: string, id: string): Promise<boolean> {
    const { count } = await db.webhook.deleteMany({ where: { id, userId } });
    return count === 1;
  },

  /** A page of an endpoint's deliveries, newest first (ids are UUIDv7: their order is creation order). */
  deliveries: (
    db: Db,
    webhookId: string,
    options: { beforeId?: string; limit: number },
  ): Promise<DeliveryRow[]> =>
    db.webhookDelivery.findMany({
      where: { webhookId, ...(options.beforeId ? { id: { lt: options.beforeId } } : {}) },
      orderBy: { id: "desc" },
      take: options.limit,
      select: DELIVERY_COLUMNS,
    }),

  /** Makes a delivery due now (a person's redelivery); undefined when the endpoint has no such one. */
  async redeliver(tx: Tx, webhookId: string, deliveryId: string): Promise<DeliveryRow | undefined> {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, webhookId },
      data: { status: "pending", nextAttemptAt: new Date() },
    });
    if (count === 0) return undefined;
    return (
      (await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: DELIVERY_COLUMNS })) ??
      undefined
    );
  },

  /**
   * Records the deliveries of a new event, in its handling's transaction: one per enabled endpoint
   * of each person it was added to the feed of, that takes its type. A repeat records none.
   */
  async addDeliveries(
    tx: Tx,
    event: { id: string; type: PublicEventType },
    entries: readonly FeedEntry[],
  ): Promise<{ webhookId: string; eventId: string }[]> {
    if (entries.length === 0) return [];
    const endpoints = await tx.webhook.findMany({
      where: {
        userId: { in: entries.map((entry) => entry.userId) },
        disabledAt: null,
        events: { hasSome: ["*", event.type] },
      },
      select: { id: true, userId: true },
    });
    if (endpoints.length === 0) return [];
    const seqOf = new Map(entries.map((entry) => [entry.userId, entry.seq]));
    const now = new Date();
    return tx.webhookDelivery.createManyAndReturn({
      data: endpoints.map((endpoint) => ({
        webhookId: endpoint.id,
        feedSeq: seqOf.get(endpoint.userId)!,
        eventId: event.id,
        eventType: event.type,
        nextAttemptAt: now,
      })),
      skipDuplicates: true,
      select: { webhookId: true, eventId: true },
    });
  },

  /**
   * Takes the endpoint for a sender until `leaseMs` from now: answers it when it is enabled and no
   * other sender holds it; in one statement, so two senders never both get it.
   */
  async take(db: Db, webhookId: string, leaseMs: number): Promise<HeldEndpoint | "busy" | "gone"> {
    const rows = await db.$queryRaw<(HeldEndpoint & { taken: boolean })[]>`
      WITH taken AS (
        UPDATE webhooks SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
        WHERE id = ${webhookId}::uuid AND disabled_at IS NULL AND (lease_until IS NULL OR lease_until < now())
        RETURNING id
      )
      SELECT w.url, w.secret, w.user_id AS "userId", EXISTS (SELECT 1 FROM taken) AS taken
      FROM webhooks w WHERE w.id = ${webhookId}::uuid AND w.disabled_at IS NULL`;
    const row = rows[0];
    if (!row) return "gone";
    return row.taken ? { url: row.url, secret: row.secret, userId: row.userId } : "busy";
  },

  async release(db: Db, webhookId: string): Promise<void> {
    await db.$executeRaw`UPDATE webhooks SET lease_until = NULL WHERE id = ${webhookId}::uuid`;
  },

  /**
   * The endpoint's earliest due delivery (feed order), counted as attempted; undefined when none is
   * due. It stays due until its outcome is recorded, so a sender that dies mid-send leaves it to the
   * next one (sent at least once; receivers deduplicate by `webhook-id`).
   */
  async next(db: Db, webhookId: string, leaseMs: number): Promise<DueDelivery | undefined> {
    // Holding the endpoint a while longer in the same statement: one round trip per delivery.
    const rows = await db.$queryRaw<DueDelivery[]>`
      WITH held AS (
        UPDATE webhooks SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
        WHERE id = ${webhookId}::uuid
      ), due AS (
        SELECT id FROM webhook_deliveries
        WHERE webhook_id = ${webhookId}::uuid AND status = 'pending' AND next_attempt_at <= now()
        ORDER BY feed_seq LIMIT 1
      )
      UPDATE webhook_deliveries d SET attempt = d.attempt + 1
      FROM due, feed_events f
      WHERE d.id = due.id AND f.seq = d.feed_seq
      RETURNING d.id, d.event_id AS "eventId", d.attempt, f.body`;
    return rows[0];
  },

  /** Whether any of the endpoint's deliveries is due now. */
  async hasDue(db: Db, webhookId: string): Promise<boolean> {
    const rows = await db.$queryRaw<{ due: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM webhook_deliveries
        WHERE webhook_id = ${webhookId}::uuid AND status = 'pending' AND next_attempt_at <= now()
      ) AS due`;
    return rows[0]?.due ?? false;
  },

  /** The attempt succeeded: the delivery is done, and the endpoint is no longer failing (one statement). */
  async succeeded(
    db: Db,
    webhookId: string,
    deliveryId: string,
    result: { status: number; latencyMs: number },
  ) {
    await db.$executeRaw`
      WITH endpoint AS (
        UPDATE webhooks SET failing_since = NULL
        WHERE id = ${webhookId}::uuid AND failing_since IS NOT NULL
      )
      UPDATE webhook_deliveries SET status = 'succeeded', response_status = ${result.status},
        latency_ms = ${result.latencyMs}, error = NULL, next_attempt_at = NULL
      WHERE id = ${deliveryId}::uuid`;
  },

  /** The attempt failed: retried at `retryAt`, or given up (`failed`) without one. The endpoint is failing. */
  async failed(
    tx: Tx,
    webhookId: string,
    deliveryId: string,
    result: { status: number | null; latencyMs: number; error: string },
    retryAt: Date | undefined,
  ) {
    await tx.$executeRaw`
      UPDATE webhook_deliveries SET status = ${retryAt ? "pending" : "failed"},
        response_status = ${result.status}, latency_ms = ${result.latencyMs},
        error = ${result.error.slice(0, 500)}, next_attempt_at = ${retryAt ?? null}
      WHERE id = ${deliveryId}::uuid`;
    await tx.$executeRaw`
      UPDATE webhooks SET failing_since = COALESCE(failing_since, now()) WHERE id = ${webhookId}::uuid`;
  },

  /**
   * Disables the endpoint when it has failed since at least `failingForMs` ago (no success since),
   * giving up its pending deliveries; answers its owner and URL when it did so now.
   */
  async disableIfFailingFor(
    tx: Tx,
    webhookId: string,
    failingForMs: number,
    reason: string,
  ): Promise<{ userId: string; url: string } | undefined> {
    const rows = await tx.$queryRaw<{ userId: string; url: string }[]>`
      UPDATE webhooks SET disabled_at = now(), disabled_reason = ${reason}, lease_until = NULL
      WHERE id = ${webhookId}::uuid AND disabled_at IS NULL
        AND failing_since <= now() - make_interval(secs => ${failingForMs / 1000}::double precision)
      RETURNING user_id AS "userId", url`;
    if (!rows[0]) return undefined;
    await tx.$executeRaw`
      UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL,
        error = COALESCE(error, 'the endpoint was disabled')
      WHERE webhook_id = ${webhookId}::uuid AND status = 'pending'`;
    return rows[0];
  },

  /** Endpoints with a delivery due for a while and nobody sending it (their job was lost): to wake. */
  async leftBehind(db: Db, dueBefore: Date): Promise<string[]> {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT w.id FROM webhooks w
      WHERE w.disabled_at IS NULL AND (w.lease_until IS NULL OR w.lease_until < now())
        AND EXISTS (
          SELECT 1 FROM webhook_deliveries d
          WHERE d.webhook_id = w.id AND d.status = 'pending' AND d.next_attempt_at < ${dueBefore}
        )`;
    return rows.map((row) => row.id);
  },

  async forgetPerson(tx: Tx, userId: string): Promise<void> {
    await tx.webhook.deleteMany({ where: { userId } });
  },
};
