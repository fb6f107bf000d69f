// Calendar days (`YYYY-MM-DD`, read in UTC) as loans count them. No imports here: the pages'
// scripts use these without pulling the schemas into the browser bundle.

/** `date` (`YYYY-MM-DD`) moved by `days` (negative: earlier), as `YYYY-MM-DD` in UTC. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// Made once: building a formatter costs far more than using one (it showed in server profiles of
// the Borrowing page, which formats a few dates per loan).
const DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * `2026-12-03` as `Thu, 3 Dec 2026`, for what people read: pages, refusals, notifications, emails.
 * Loan dates are calendar dates, read in UTC, so the server and the browser say the same day.
 */
export function formatDay(date: string): string {
  return DAY.format(new Date(`${date}T00:00:00Z`));
}

/** Days from one date to another (`YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
