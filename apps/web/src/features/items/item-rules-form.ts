import type { DateRange, Position } from "@sharehood/sdk/contract";
import { BORROWING_RULE_LIMITS } from "@sharehood/sdk/limits";

/** The rules and position fields of the item form, as the item bodies take them. */
export interface RulesAndPosition {
  paused: boolean;
  minDays: number | null;
  maxDays: number | null;
  noticeDays: number;
  blockedRanges: DateRange[];
  position: Position | null;
}

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
};
// Blank is "no bound"; anything else a number, which the contract's schema checks.
const count = (value: string) => (value === "" ? null : Number(value));

/**
 * Reads the rules and the position from the item form (the browser's check and the server action
 * both): blank bounds are none, a blocked row left wholly blank is dropped.
 */
export function readRulesAndPosition(form: FormData): RulesAndPosition {
  const starts = form.getAll("blockedStart").map(String);
  const ends = form.getAll("blockedEnd").map(String);
  const blockedRanges = starts
    .map((start, index) => ({ start: start.trim(), end: (ends[index] ?? "").trim() }))
    .filter((range) => range.start || range.end);
  const lat = text(form, "lat");
  const lng = text(form, "lng");
  return {
    paused: form.get("paused") === "on",
    minDays: count(text(form, "minDays")),
    maxDays: count(text(form, "maxDays")),
    noticeDays: count(text(form, "noticeDays")) ?? 0,
    blockedRanges,
    position: lat && lng ? { lat: Number(lat), lng: Number(lng) } : null,
  };
}

const whole = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/** The browser's check of the rules, worded for people; the server checks with the contract. */
export function validateRules(rules: RulesAndPosition): Record<string, string> {
  const errors: Record<string, string> = {};
  const { maxLoanDays, maxNoticeDays } = BORROWING_RULE_LIMITS;
  if (rules.minDays !== null && !whole(rules.minDays, 1, maxLoanDays))
    errors.minDays = `A whole number of days, 1 to ${maxLoanDays}`;
  if (rules.maxDays !== null && !whole(rules.maxDays, 1, maxLoanDays))
    errors.maxDays = `A whole number of days, 1 to ${maxLoanDays}`;
  if (
    !errors.minDays &&
    !errors.maxDays &&
    rules.minDays !== null &&
    rules.maxDays !== null &&
    rules.minDays > rules.maxDays
  )
    errors.minDays = "Must not be more than the longest loan";
  if (!whole(rules.noticeDays, 0, maxNoticeDays))
    errors.noticeDays = `A whole number of days, 0 to ${maxNoticeDays}`;
  rules.blockedRanges.forEach((range, index) => {
    if (!range.start) errors[`blockedRanges.${index}.start`] = "Choose the first blocked day";
    if (!range.end) errors[`blockedRanges.${index}.end`] = "Choose the last blocked day";
    else if (range.start && range.end < range.start)
      errors[`blockedRanges.${index}.end`] = "Must not be before the first blocked day";
  });
  return errors;
}
