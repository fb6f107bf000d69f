import { addDays } from "@/features/items/borrow-rules";

// The month grid of the availability calendar: weeks from Monday, days as `YYYY-MM-DD` (UTC, the
// calendar the Inventory API counts loan days in).

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month after (`step` 1) or before (-1) `month` (`YYYY-MM`). */
export function shiftMonth(month: string, step: number): string {
  const [year = 0, index = 1] = month.split("-").map(Number);
  const shifted = new Date(Date.UTC(year, index - 1 + step, 1));
  return shifted.toISOString().slice(0, 7);
}

/** The first and last day of a month. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/**
 * The weeks of a month, Monday first; days outside the month are null (blank cells), so every
 * row has seven cells.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const { first, last } = monthBounds(month);
  // getUTCDay: Sunday 0 … Saturday 6; Monday-first offset.
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "December 2026". */
export function monthName(month: string): string {
  return MONTH_NAME.format(new Date(`${month}-01T00:00:00Z`));
}
