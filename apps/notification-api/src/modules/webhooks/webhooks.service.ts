import {
  MAX_WEBHOOKS_PER_PERSON,
  type CreatedWebhook,
  type CreateWebhookBody,
  type Page,
  type Webhook,
  type WebhookDelivery,
} from "@sharehood/sdk/contract";
import { AppError, conflict, decodeCursor, encodeCursor, notFound } from "@sharehood/server-kit";
import { z } from "zod";
import type { Db } from "../../db.ts";
import { isUuid } from "../notifications/notifications.repository.ts";
import type { WebhookQueue } from "./delivery-queue.ts";
import { literalAddressOf, refusalOf } from "./target-guard.ts";
import { newWebhookSecret, type SecretBox } from "./webhook-secrets.ts";
import { webhooksRepository as webhooks, type DeliveryRow } from "./webhooks.repository.ts";

type WebhookRow = NonNullable<Awaited<ReturnType<typeof webhooks.find>>>;

const toWebhookDto = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: row.events as Webhook["events"],
  createdAt: row.createdAt.toISOString(),
  disabledAt: row.disabledAt?.toISOString() ?? null,
  disabledReason: row.disabledReason,
});

const toDeliveryDto = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  eventId: row.eventId,
  eventType: row.eventType as WebhookDelivery["eventType"],
  attempt: row.attempt,
  status: row.status as WebhookDelivery["status"],
  responseStatus: row.responseStatus,
  latencyMs: row.latencyMs,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
});

/** A delivery log position: the last row's id. */
const CursorSchema = z.tuple([z.uuid()]);

/**
 * A person's webhook endpoints: register (the secret shown once), list, delete, read the delivery
 * log, redeliver. Each call names the owner; another person's endpoint is a 404, as a missing one.
 */
export function createWebhooksService(deps: {
  db: Db;
  box: SecretBox;
  queue: WebhookQueue;
  /** WEBHOOKS_ALLOW_PRIVATE_TARGETS. */
  allowPrivate: boolean;
}) {
  const { db } = deps;
  const owned = async (userId: string, id: string): Promise<WebhookRow> => {
    const row = isUuid(id) ? await webhooks.find(db, userId, id) : null;
    if (!row) throw notFound("The webhook");
    return row;
  };

  return {
    async list(userId: string): Promise<Page<Webhook>> {
      return { items: (await webhooks.list(db, userId)).map(toWebhookDto), nextCursor: null };
    },

    async create(userId: string, body: CreateWebhookBody): Promise<CreatedWebhook> {
      // A name is resolved, and its addresses checked, at each delivery; a literal address now.
      const literal = literalAddressOf(new URL(body.url));
      const refused = literal && refusalOf(literal, deps.allowPrivate);
      if (refused)
        throw new AppError("unprocessable", "Webhooks cannot be sent to this address", {
          errors: [{ path: "body.url", message: refused }],
        });
      if ((await webhooks.count(db, userId)) >= MAX_WEBHOOKS_PER_PERSON)
        throw conflict(`You have ${MAX_WEBHOOKS_PER_PERSON} webhooks already: delete one first`);
      const secret = newWebhookSecret();
      const row = await webhooks.create(db, {
        userId,
        url: body.url,
        events: body.events[0] === "*" ? ["*"] : [...new Set(body.events as string[])],
        secret: deps.box.seal(secret),
      });
      return { ...toWebhookDto(row), secret };
    },

    async remove(userId: string, id: string): Promise<void> {
      if (!isUuid(id) || !(await webhooks.remove(db, userId, id))) throw notFound("The webhook");
    },

    async deliveries(
      userId: string,
      id: string,
      query: { limit: number; cursor?: string },
    ): Promise<Page<WebhookDelivery>> {
      const webhook = await owned(userId, id);
      const beforeId = query.cursor ? decodeCursor(query.cursor, CursorSchema)[0] : undefined;
      const rows = await webhooks.deliveries(db, webhook.id, { beforeId, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toDeliveryDto),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    /** Makes the delivery due now (one more attempt, counted after the earlier ones) and wakes its sender. */
    async redeliver(userId: string, id: string, deliveryId: string): Promise<WebhookDelivery> {
      const webhook = await owned(userId, id);
      if (webhook.disabledAt) throw conflict("This webhook is disabled: register the endpoint again");
      if (!isUuid(deliveryId)) throw notFound("The delivery");
      const row = await db.$transaction(async (tx) => {
        const updated = await webhooks.redeliver(tx, webhook.id, deliveryId);
        if (updated) await deps.queue.wake(tx, webhook.id);
        return updated;
      });
      if (!row) throw notFound("The delivery");
      deps.queue.nudge();
      return toDeliveryDto(row);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
