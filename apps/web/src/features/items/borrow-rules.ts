import type { BorrowingRefusal, DateRange } from "@sharehood/sdk/contract";
import { addDays, daysBetween } from "@sharehood/sdk/days";

// What the borrow form's date picker may offer, from the item's rules and the days it is taken.
// The Inventory API checks all of it again; this only keeps people from picking what it refuses.

/** The rules of an item that bound which dates can be asked for (fields of `Item`). */
export interface BorrowRules {
  paused: boolean;
  minDays: number | null;
  maxDays: number | null;
  noticeDays: number;
}

/** The Inventory API's own bounds on a request: a year ahead, and 90 days long unless the owner allows more. */
export const LOAN_LIMITS = { maxDaysAhead: 365, maxLoanDays: 90 } as const;

/** `date` moved by `days` (negative: earlier): the contract's, as the API counts them. */
export { addDays };

/** A loan's length in days, both ends included (3rd to 5th: 3 days). */
export function loanLength(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Whether a day falls in one of the taken ranges. */
export function isTaken(day: string, taken: readonly DateRange[]): boolean {
  return taken.some((range) => range.start <= day && day <= range.end);
}

/** The first day a loan may start: today plus the owner's notice. */
export function earliestStart(today: string, rules: Pick<BorrowRules, "noticeDays">): string {
  return addDays(today, rules.noticeDays);
}

/** The longest loan allowed, in days: the owner's maximum (which may be more than 90), else the API's. */
export function longestLoan(rules: Pick<BorrowRules, "maxDays">): number {
  return rules.maxDays ?? LOAN_LIMITS.maxLoanDays;
}

/** Whether a loan may start on `day` (the notice, the API's year ahead, and not taken). */
export function canStartOn(
  day: string,
  today: string,
  rules: BorrowRules,
  taken: readonly DateRange[],
): boolean {
  return (
    !rules.paused &&
    day >= earliestStart(today, rules) &&
    daysBetween(today, day) <= LOAN_LIMITS.maxDaysAhead &&
    !isTaken(day, taken)
  );
}

/**
 * Whether a loan from `start` may end on `end`: long enough, not too long, and no taken day in
 * between (a range that jumps over a booking is refused as a whole).
 */
export function canEndOn(
  start: string,
  end: string,
  rules: BorrowRules,
  taken: readonly DateRange[],
): boolean {
  if (end < start) return false;
  const length = loanLength(start, end);
  if (length < (rules.minDays ?? 1) || length > longestLoan(rules)) return false;
  return !taken.some((range) => range.start <= end && start <= range.end);
}

/**
 * Why a range would be refused, with the API's own reasons (`dates_taken` covers blocked days too:
 * the browser cannot tell them apart); null when it is fine to ask.
 */
export function checkRange(
  start: string,
  end: string,
  today: string,
  rules: BorrowRules,
  taken: readonly DateRange[],
): BorrowingRefusal | null {
  if (rules.paused) return "item_paused";
  if (start < earliestStart(today, rules)) return "notice";
  const length = loanLength(start, end);
  if (rules.minDays !== null && length < rules.minDays) return "too_short";
  if (rules.maxDays !== null && length > rules.maxDays) return "too_long";
  if (taken.some((range) => range.start <= end && start <= range.end)) return "dates_taken";
  return null;
}

const days = (count: number) => (count === 1 ? "1 day" : `${count} days`);

/** The owner's rules in plain words, one line each ("Lent for 2–7 days", "Needs 2 days' notice"). */
export function rulesInWords(rules: BorrowRules): string[] {
  const lines: string[] = [];
  if (rules.paused) lines.push("Paused by the owner: not taking requests");
  const { minDays, maxDays } = rules;
  if (minDays !== null && maxDays !== null) {
    lines.push(minDays === maxDays ? `Lent for ${days(minDays)}` : `Lent for ${minDays}–${maxDays} days`);
  } else if (minDays !== null && minDays > 1) {
    lines.push(`Lent for at least ${days(minDays)}`);
  } else if (maxDays !== null) {
    lines.push(`Lent for up to ${days(maxDays)}`);
  }
  if (rules.noticeDays === 1) lines.push("Needs a day's notice");
  else if (rules.noticeDays > 1) lines.push(`Needs ${rules.noticeDays} days' notice`);
  return lines;
}

/** Why the API refused a request or an extension, in plain words (the problem's `reason`). */
export const BORROWING_REFUSAL_TEXT: Record<BorrowingRefusal, string> = {
  item_paused: "The owner has paused this item for now: it is not taking requests.",
  too_short: "That is shorter than the owner lends it for. Pick more days.",
  too_long: "That is longer than the owner lends it for. Pick fewer days.",
  notice: "The owner needs more notice. Pick a later start date.",
  dates_taken: "Some of those days are already taken. Pick other dates.",
  dates_blocked: "The owner has kept some of those days for themselves. Pick other dates.",
  extension_pending: "There is already a request to extend this loan waiting for an answer.",
};
