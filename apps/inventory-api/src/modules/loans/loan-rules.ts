import { formatDay } from "@sharehood/sdk";
import type { BorrowingRefusal } from "@sharehood/sdk";
import { AppError } from "@sharehood/server-kit";
import { addDays, daysBetween } from "../../dates.ts";
import type { CollisionReason } from "./collision.ts";

/**
 * The owner's rules for an item as the loans module reads them (the items module writes them). A
 * loan's length counts both ends: the 3rd to the 5th is 3 days.
 */
export interface ItemRules {
  paused: boolean;
  minDays: number | null;
  maxDays: number | null;
  noticeDays: number;
}

/** What the database says about a range of days of an item, besides its rules. */
export interface DatesCheck {
  /** Some of the days are the owner's blocked days. */
  datesBlocked: boolean;
  /** Some of the days belong to another approved or active loan. */
  datesTaken: boolean;
}

/** The longest loan of an item whose owner set no maximum (the contract allows maxDays up to 365). */
export const DEFAULT_MAX_LOAN_DAYS = 90;

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** A refusal by the item's rules: 422 `unprocessable`, or 409 `conflict` for the dates. */
export function refusal(reason: BorrowingRefusal, detail: string): AppError {
  const code = reason === "dates_taken" || reason === "dates_blocked" || reason === "extension_pending";
  return new AppError(code ? "conflict" : "unprocessable", detail, { extensions: { reason } });
}

const COLLISIONS: Record<CollisionReason, string> = {
  dates_taken: "The item is already booked for some of those dates. Pick other dates.",
  dates_blocked: "The owner keeps some of those dates for themselves. Pick other dates.",
};

/** The 409 of dates another loan or the owner's blocked days hold. */
export const collisionRefusal = (reason: CollisionReason): AppError => refusal(reason, COLLISIONS[reason]);

/** Throws the refusal of dates the database says are held, blocked days first (the owner's own). */
export function refuseHeldDates(check: DatesCheck): void {
  if (check.datesBlocked) throw collisionRefusal("dates_blocked");
  if (check.datesTaken) throw collisionRefusal("dates_taken");
}

/** The most days a loan of the item may last. */
export const maxLoanDays = (rules: Pick<ItemRules, "maxDays">): number =>
  rules.maxDays ?? DEFAULT_MAX_LOAN_DAYS;

/** Throws the 422 of a loan from `start` to `end` longer than the item allows. */
export function refuseTooLong(rules: Pick<ItemRules, "maxDays">, start: string, end: string): void {
  const max = maxLoanDays(rules);
  if (daysBetween(start, end) + 1 > max)
    throw refusal(
      "too_long",
      rules.maxDays === null
        ? `A loan lasts at most ${days(max)}`
        : `The owner lends this for at most ${days(max)}`,
    );
}

/**
 * Checks a new request against the item's rules, in the order a borrower can act on: the listing is
 * paused, the length, the notice; then the dates held by the owner or another loan.
 */
export function refuseByRules(
  rules: ItemRules,
  check: DatesCheck,
  dates: { startDate: string; endDate: string },
  today: string,
): void {
  if (rules.paused) throw refusal("item_paused", "The owner has paused lending this for now");
  const length = daysBetween(dates.startDate, dates.endDate) + 1;
  if (rules.minDays !== null && length < rules.minDays)
    throw refusal("too_short", `The owner lends this for at least ${days(rules.minDays)}`);
  refuseTooLong(rules, dates.startDate, dates.endDate);
  if (daysBetween(today, dates.startDate) < rules.noticeDays)
    throw refusal(
      "notice",
      `The owner needs ${rules.noticeDays === 1 ? "a day's" : `${rules.noticeDays} days'`} notice: the earliest start is ${formatDay(addDays(today, rules.noticeDays))}`,
    );
  refuseHeldDates(check);
}
