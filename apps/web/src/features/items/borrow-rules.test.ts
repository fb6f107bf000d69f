import { describe, expect, it } from "vitest";
import {
  addDays,
  canEndOn,
  canStartOn,
  checkRange,
  LOAN_LIMITS,
  rulesInWords,
  type BorrowRules,
} from "./borrow-rules.ts";
import { monthWeeks, shiftMonth } from "./calendar-month.ts";
import { formatDistance } from "./distance.ts";

const none: BorrowRules = { paused: false, minDays: null, maxDays: null, noticeDays: 0 };
const today = "2026-12-02";
const taken = [{ start: "2026-12-10", end: "2026-12-12" }];

describe("the borrow form's date picker", () => {
  it("does not offer a taken day as a start", () => {
    expect(canStartOn("2026-12-11", today, none, taken)).toBe(false);
    expect(canStartOn("2026-12-13", today, none, taken)).toBe(true);
  });

  it("does not offer days inside the notice period", () => {
    const rules = { ...none, noticeDays: 2 };
    expect(canStartOn("2026-12-03", today, rules, [])).toBe(false);
    expect(canStartOn("2026-12-04", today, rules, [])).toBe(true);
  });

  it("offers nothing while the item is paused", () => {
    expect(canStartOn("2026-12-20", today, { ...none, paused: true }, [])).toBe(false);
  });

  it("does not offer a start more than a year ahead", () => {
    expect(canStartOn(addDays(today, LOAN_LIMITS.maxDaysAhead + 1), today, none, [])).toBe(false);
  });

  it("offers only ends that keep the loan within the owner's minimum and maximum", () => {
    const rules = { ...none, minDays: 2, maxDays: 4 };
    expect(canEndOn("2026-12-03", "2026-12-03", rules, [])).toBe(false);
    expect(canEndOn("2026-12-03", "2026-12-04", rules, [])).toBe(true);
    expect(canEndOn("2026-12-03", "2026-12-06", rules, [])).toBe(true);
    expect(canEndOn("2026-12-03", "2026-12-07", rules, [])).toBe(false);
  });

  it("offers a loan longer than 90 days when the owner's maximum allows it", () => {
    expect(canEndOn("2026-12-03", addDays("2026-12-03", 99), none, [])).toBe(false);
    expect(canEndOn("2026-12-03", addDays("2026-12-03", 99), { ...none, maxDays: 120 }, [])).toBe(true);
  });

  it("does not offer an end that jumps over taken days", () => {
    expect(canEndOn("2026-12-08", "2026-12-09", none, taken)).toBe(true);
    expect(canEndOn("2026-12-08", "2026-12-14", none, taken)).toBe(false);
  });

  it("names the API's reason for a range it would refuse", () => {
    expect(checkRange("2026-12-08", "2026-12-14", today, none, taken)).toBe("dates_taken");
    expect(checkRange("2026-12-02", "2026-12-03", today, { ...none, noticeDays: 1 }, [])).toBe("notice");
    expect(checkRange("2026-12-05", "2026-12-05", today, { ...none, minDays: 2 }, [])).toBe("too_short");
    expect(checkRange("2026-12-05", "2026-12-09", today, { ...none, maxDays: 3 }, [])).toBe("too_long");
    expect(checkRange("2026-12-05", "2026-12-06", today, none, taken)).toBeNull();
  });
});

describe("rulesInWords", () => {
  it("says the loan length, the notice and a pause in plain words", () => {
    expect(rulesInWords({ paused: true, minDays: 2, maxDays: 7, noticeDays: 2 })).toEqual([
      "Paused by the owner: not taking requests",
      "Lent for 2–7 days",
      "Needs 2 days' notice",
    ]);
  });

  it("says one bound alone, and nothing when there are no rules", () => {
    expect(rulesInWords({ ...none, minDays: 3 })).toEqual(["Lent for at least 3 days"]);
    expect(rulesInWords({ ...none, maxDays: 1, noticeDays: 1 })).toEqual([
      "Lent for up to 1 day",
      "Needs a day's notice",
    ]);
    expect(rulesInWords(none)).toEqual([]);
  });
});

describe("the calendar's month grid", () => {
  it("starts weeks on Monday with blanks before the first day", () => {
    const weeks = monthWeeks("2026-12");
    // 1 December 2026 is a Tuesday.
    expect(weeks[0]).toEqual([
      null,
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(weeks.at(-1)).toContain("2026-12-31");
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it("moves across years", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
  });
});

describe("formatDistance", () => {
  it("says kilometres to one decimal, and metres under one", () => {
    expect(formatDistance(1.2)).toBe("1.2 km away");
    expect(formatDistance(0.44)).toBe("400 m away");
    expect(formatDistance(0)).toBe("100 m away");
    expect(formatDistance(12.4)).toBe("12 km away");
  });
});
