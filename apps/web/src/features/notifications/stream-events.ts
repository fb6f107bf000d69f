import type { Notification } from "@sharehood/sdk/contract";

// The stream's data, read in the browser without shipping zod to it: only what the bell and the
// list use is checked, and anything else is ignored rather than shown half-formed.

function parse(data: unknown): unknown {
  if (typeof data !== "string") return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** The count of an `unread` event (`{"count": 3}`), or undefined when it is not one. */
export function unreadCountFrom(data: unknown): number | undefined {
  const value = parse(data) as { count?: unknown } | undefined;
  const count = value?.count;
  return typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : undefined;
}

const TEXT_FIELDS = ["id", "type", "title", "body", "url", "createdAt"] as const;

/** The notification of a `notification` event, or undefined when it is not one. */
export function notificationFrom(data: unknown): Notification | undefined {
  const value = parse(data) as Record<string, unknown> | undefined;
  if (!value || typeof value !== "object") return undefined;
  if (!TEXT_FIELDS.every((field) => typeof value[field] === "string")) return undefined;
  if (value.readAt !== null && typeof value.readAt !== "string") return undefined;
  return value as unknown as Notification;
}

/**
 * How long to wait before opening the stream again after it failed (`attempt` counts from 0):
 * doubling from 2 s up to a minute, with some jitter so that a restarted Notification API is
 * not met by every open tab in the same second.
 */
export function reconnectDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The bell's accessible name: "Notifications, 3 unread", or just "Notifications". */
export function bellLabel(count: number | undefined): string {
  return count ? `Notifications, ${count} unread` : "Notifications";
}

/** What the bell's badge shows: the count, capped so that it fits. */
export function badgeText(count: number): string {
  return count > 99 ? "99+" : String(count);
}
