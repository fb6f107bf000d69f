import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema } from "./common.ts";
import { EVENT_PAYLOADS, PUBLIC_EVENT_TYPES, type PublicEventType } from "./events.ts";

/**
 * Webhooks and the events feed: the public events about a person's own items, loans, messages and
 * account, served by the Notification API as `GET /events` (kept 30 days) and pushed to the
 * endpoints they register, in one shape (`WebhookEvent`), signed per the Standard Webhooks
 * specification (https://www.standardwebhooks.com).
 */

/** The event types a webhook can subscribe to, and the feed serves. */
export const WebhookEventTypeSchema = z.enum(PUBLIC_EVENT_TYPES);

/** What the event is about and who did it (null: the system, such as a reminder). */
const dataEnvelope = {
  subject: z.object({
    type: z.enum(["loan", "user", "item", "conversation", "review", "report"]),
    id: IdSchema,
  }),
  actor: z.object({ id: IdSchema }).nullable(),
};

function webhookEventOf<T extends PublicEventType>(type: T) {
  return z.object({
    /** The event's id: the same in the feed, in `webhook-id`, and on every retry (deduplicate by it). */
    id: z.uuid(),
    type: z.literal(type),
    /** When it happened. */
    timestamp: TimestampSchema,
    /** Its subject and actor, and the fields of its type's payload (a loan event's `loan`, …). */
    data: z.intersection(z.object(dataEnvelope), EVENT_PAYLOADS[type]),
  });
}

/**
 * One event as the feed serves it and a webhook receives it (the request body): Standard Webhooks'
 * `{ type, timestamp, data }` and the event's `id`.
 */
export const WebhookEventSchema = z.discriminatedUnion("type", [
  webhookEventOf("loan.requested"),
  webhookEventOf("loan.approved"),
  webhookEventOf("loan.declined"),
  webhookEventOf("loan.cancelled"),
  webhookEventOf("loan.handed_over"),
  webhookEventOf("loan.returned"),
  webhookEventOf("loan.expired"),
  webhookEventOf("loan.due_soon"),
  webhookEventOf("loan.overdue"),
  webhookEventOf("loan.request_waiting"),
  webhookEventOf("loan.extension_requested"),
  webhookEventOf("loan.extension_approved"),
  webhookEventOf("loan.extension_declined"),
  webhookEventOf("message.created"),
  webhookEventOf("user.registered"),
  webhookEventOf("user.email_changed"),
  webhookEventOf("user.password_changed"),
  webhookEventOf("user.deleted"),
  webhookEventOf("user.suspended"),
  webhookEventOf("review.revealed"),
  webhookEventOf("item.hidden"),
  webhookEventOf("report.resolved"),
]);
/** One event of the feed, or a webhook's request body. */
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** How long the events feed keeps an event. */
export const EVENTS_RETENTION_DAYS = 30;
/** The most webhook endpoints one person may register. */
export const MAX_WEBHOOKS_PER_PERSON = 10;
/** The longest endpoint URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;
/** Every signing secret starts with this (then the base64 of the key), as Standard Webhooks has it. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** The `user-agent` of every delivery. */
export const WEBHOOK_USER_AGENT = "Sharehood-Webhooks/1";

/** `GET /events` query: the page after `cursor` (the feed's `nextCursor`), oldest first. */
export const ListEventsQuerySchema = PageQuerySchema;
/** `GET /events` query. */
export type ListEventsQuery = z.input<typeof ListEventsQuerySchema>;

/** The events an endpoint receives: some types, or `["*"]` for all (those added later included). */
export const WebhookEventsSelectionSchema = z.union([
  z.tuple([z.literal("*")]),
  z.array(WebhookEventTypeSchema).min(1).max(PUBLIC_EVENT_TYPES.length),
]);

/** An endpoint URL: http or https, no credentials, at most 2,000 characters. */
export const WebhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(MAX_WEBHOOK_URL_LENGTH)
  .refine((url) => {
    const parsed = new URL(url);
    return parsed.username === "" && parsed.password === "";
  }, "must not carry a user name or password");

/** `POST /webhooks` body. */
export const CreateWebhookBodySchema = z.strictObject({
  url: WebhookUrlSchema,
  events: WebhookEventsSelectionSchema,
});
/** `POST /webhooks` body. */
export type CreateWebhookBody = z.input<typeof CreateWebhookBodySchema>;

/** A webhook endpoint as its owner sees it (never its secret, which is shown once). */
export const WebhookSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(z.union([WebhookEventTypeSchema, z.literal("*")])),
  createdAt: TimestampSchema,
  /** Set when deliveries failed for a day: nothing more is sent to it (delete it and register again). */
  disabledAt: TimestampSchema.nullable(),
  disabledReason: z.string().nullable(),
});
/** A webhook endpoint. */
export type Webhook = z.infer<typeof WebhookSchema>;

/** `POST /webhooks` answer: the endpoint and its signing secret (`whsec_…`), shown this once. */
export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().startsWith(WEBHOOK_SECRET_PREFIX),
});
/** `POST /webhooks` answer. */
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

/** Where one event's delivery to one endpoint stands. */
export const WebhookDeliveryStatusSchema = z.enum(["pending", "succeeded", "failed"]);

/** One event's delivery to one endpoint, with its latest attempt. */
export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  eventId: z.uuid(),
  eventType: WebhookEventTypeSchema,
  /** Attempts made so far (0: not tried yet). */
  attempt: z.number().int().nonnegative(),
  /** `failed`: every retry failed (or the endpoint was disabled); a redelivery makes it `pending` again. */
  status: WebhookDeliveryStatusSchema,
  /** The endpoint's HTTP status at the latest attempt; null when none came (timeout, refused, …). */
  responseStatus: z.number().int().nullable(),
  /** How long the latest attempt took. */
  latencyMs: z.number().int().nonnegative().nullable(),
  /** Why the latest attempt failed. */
  error: z.string().nullable(),
  createdAt: TimestampSchema,
  /** When the next attempt is due; null when none is planned. */
  nextAttemptAt: TimestampSchema.nullable(),
});
/** One event's delivery to one endpoint. */
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** `GET /webhooks/:id/deliveries` query (newest first). */
export const ListWebhookDeliveriesQuerySchema = PageQuerySchema;

/** `/webhooks/:id/deliveries/:deliveryId/…` parameters. */
export const WebhookDeliveryParamsSchema = z.object({ id: IdSchema, deliveryId: IdSchema });
