import {
  EMAIL_KINDS,
  PUBLIC_EVENT_TYPES,
  type EmailKind,
  type PublicEventType,
  type WebhookDelivery,
} from "@sharehood/sdk/contract";
import { formatTimestamp } from "@/features/items/dates";
import { EMAIL_KIND_TEXT } from "@/features/notifications/email-kinds";

/** The event types a webhook can subscribe to, in the contract's order. */
export const WEBHOOK_EVENT_TYPES: readonly PublicEventType[] = PUBLIC_EVENT_TYPES;

/** What a webhook subscribed to every event type sends for its `events`. */
export const ALL_EVENTS = "*";

// The account events people are not emailed about (they are told on the spot, or it is them).
const ACCOUNT_EVENT_TEXT: Partial<Record<PublicEventType, string>> = {
  "user.registered": "Your account is created",
  "user.email_changed": "Your sign-in email changes",
  "user.password_changed": "Your password changes",
  "user.deleted": "Your account is deleted",
  "user.suspended": "Your account is suspended",
};

const isEmailKind = (type: string): type is EmailKind => (EMAIL_KINDS as readonly string[]).includes(type);

/** An event type in plain words: the email settings' wording where there is one. */
export function eventTypeText(type: string): string {
  if (isEmailKind(type)) return EMAIL_KIND_TEXT[type].label;
  return ACCOUNT_EVENT_TEXT[type as PublicEventType] ?? type;
}

/** A webhook's subscription in a line: "All events" or the dotted names. */
export function eventsText(events: readonly string[]): string {
  return events.includes(ALL_EVENTS) ? "All events" : events.join(", ");
}

/** The delivery fields the log's wording reads. */
export type DeliveryFacts = Pick<
  WebhookDelivery,
  "status" | "attempt" | "responseStatus" | "latencyMs" | "error" | "nextAttemptAt"
>;

/** "Succeeded", "Failed" or "Waiting: next try 4 Jul 2026, 14:05 UTC". */
export function deliveryStatusText(delivery: Pick<DeliveryFacts, "status" | "nextAttemptAt">): string {
  if (delivery.status === "succeeded") return "Succeeded";
  if (delivery.status === "failed") return "Failed";
  return delivery.nextAttemptAt ? `Waiting: next try ${formatTimestamp(delivery.nextAttemptAt)}` : "Waiting";
}

/**
 * "HTTP 200 in 35 ms", "HTTP 500 in 1.2 s", "No answer in 5.0 s" (a timeout or a refused
 * connection), or null before the first try.
 */
export function responseText(
  delivery: Pick<DeliveryFacts, "responseStatus" | "latencyMs" | "error">,
): string | null {
  const { responseStatus, latencyMs, error } = delivery;
  if (responseStatus === null && latencyMs === null && error === null) return null;
  const latency = latencyMs === null ? "" : ` in ${latencyText(latencyMs)}`;
  return responseStatus === null ? `No answer${latency}` : `HTTP ${responseStatus}${latency}`;
}

/** Milliseconds for people: "35 ms" below a second, "1.2 s" from there. */
export function latencyText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A delivery's line in words: "Attempt 2 · Failed · HTTP 500 in 35 ms", "Not tried yet · Waiting". */
export function deliverySummary(delivery: DeliveryFacts): string {
  const attempt = delivery.attempt === 0 ? "Not tried yet" : `Attempt ${delivery.attempt}`;
  const parts = [attempt, deliveryStatusText(delivery), responseText(delivery)];
  return parts.filter(Boolean).join(" · ");
}
