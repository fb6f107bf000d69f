/** Today's date in UTC as `YYYY-MM-DD`. Loan dates are calendar dates; UTC is the one calendar every replica agrees on. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, and a date moved by some days: the contract's, which forms use too. */
export { addDays, daysBetween } from "@sharehood/sdk";

/** A `Date` column (no time) as `YYYY-MM-DD`. */
export const toDateString = (date: Date): string => date.toISOString().slice(0, 10);
