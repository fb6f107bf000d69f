import { addDays } from "@/features/items/borrow-rules";
import { monthOf } from "@/features/items/calendar-month";

/** The most days one availability answer covers (the API takes windows under 400 days). */
const WINDOW_DAYS = 399;

/**
 * The days the item page reads at once: from the first of this month, the longest window the API
 * answers, which covers every day a request may start on (a year ahead) and most loans' ends. The
 * same for every visitor in a month, so the API's cache and the page cache share it.
 */
export function availabilityWindow(today: string): { from: string; to: string } {
  const from = `${monthOf(today)}-01`;
  return { from, to: addDays(from, WINDOW_DAYS) };
}
