import { formatDay } from "@sharehood/sdk/days";

/** Today as `YYYY-MM-DD` in UTC, the calendar the Inventory API checks loan dates against. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// Made once: building a formatter costs far more than using one.
const MOMENT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** `2026-07-04` → "Sat, 4 Jul 2026": the SDK's formatDay, as the APIs' messages write dates. */
export const formatDate = formatDay;

/** A date range for people: "4 – 6 Jul 2026" style, or one day. */
export function formatRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}

/** A timestamp for people, such as "4 Jul 2026, 14:05 UTC". */
export function formatTimestamp(iso: string): string {
  return MOMENT.format(new Date(iso));
}
