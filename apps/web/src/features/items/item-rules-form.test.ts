import { describe, expect, it } from "vitest";
import { readRulesAndPosition, validateRules } from "./item-rules-form.ts";

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

describe("the item form's rules", () => {
  it("reads blank bounds as none and drops a blocked row left blank", () => {
    const rules = readRulesAndPosition(
      form([
        ["minDays", ""],
        ["maxDays", "7"],
        ["noticeDays", ""],
        ["blockedStart", "2026-12-20"],
        ["blockedEnd", "2026-12-24"],
        ["blockedStart", ""],
        ["blockedEnd", ""],
        ["lat", "48.85"],
        ["lng", "2.35"],
      ]),
    );
    expect(rules).toEqual({
      paused: false,
      minDays: null,
      maxDays: 7,
      noticeDays: 0,
      blockedRanges: [{ start: "2026-12-20", end: "2026-12-24" }],
      position: { lat: 48.85, lng: 2.35 },
    });
  });

  it("refuses a shortest loan longer than the longest, and a range ending before it starts", () => {
    const errors = validateRules({
      paused: true,
      minDays: 5,
      maxDays: 3,
      noticeDays: 0,
      blockedRanges: [{ start: "2026-12-24", end: "2026-12-20" }],
      position: null,
    });
    expect(errors).toEqual({
      minDays: "Must not be more than the longest loan",
      "blockedRanges.0.end": "Must not be before the first blocked day",
    });
  });
});
