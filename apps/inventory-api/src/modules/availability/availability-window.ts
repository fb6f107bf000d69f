import { daysBetween, type DateRange } from "@sharehood/sdk";
import type { AvailabilityQuerySchema } from "@sharehood/sdk/contract";
import { AppError } from "@sharehood/server-kit";
import type { z } from "zod";

/** How many days the window covers when the query does not say: today and 89 more (about 3 months). */
export const DEFAULT_WINDOW_DAYS = 90;
/** The widest window (the contract's limit). */
const MAX_WINDOW_DAYS = 400;

/** The last day a date here can name (`YYYY-MM-DD` has four digits of year). */
const LAST_DAY = "9999-12-31";

const addDays = (date: string, days: number) => {
  const later = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
  // Past year 9999 the ISO string grows a sign and two digits: the window ends at the last day.
  return later.startsWith("+") ? LAST_DAY : later.slice(0, 10);
};

const badWindow = (message: string) =>
  new AppError("validation_failed", `The window of days is not valid: ${message}`, {
    errors: [{ path: "query.to", message }],
  });

/**
 * The window an availability query asks about: from `from` (default today) to `to` (default 89
 * days after `from`). The contract checks a window given whole; one given by its end alone can
 * still come out reversed or too wide, and is refused the same way.
 */
export function availabilityWindow(
  query: z.output<typeof AvailabilityQuerySchema>,
  today: string,
): DateRange {
  const start = query.from ?? today;
  const end = query.to ?? addDays(start, DEFAULT_WINDOW_DAYS - 1);
  if (end < start) throw badWindow("must not be before from (today, when from is left out)");
  if (daysBetween(start, end) >= MAX_WINDOW_DAYS)
    throw badWindow(`the window must be at most ${MAX_WINDOW_DAYS} days`);
  return { start, end };
}
