import { ApiError } from "@sharehood/sdk";
import { describe, expect, it } from "vitest";
import { dateInDays, expectRefusal } from "./outcomes.ts";
import { need, runSteps } from "./steps.ts";

const forbidden = new ApiError({
  type: "about:blank",
  title: "Forbidden",
  status: 403,
  detail: "Only the item's owner can do that",
  code: "forbidden",
  requestId: "rid",
});

describe("the step runner", () => {
  it("prints a numbered line per step and keeps going after a failure", async () => {
    const lines: string[] = [];
    const results = await runSteps(
      [
        { title: "first", run: () => Promise.resolve(["went fine", "a detail"]) },
        { title: "second", run: () => Promise.reject(new Error("broke")) },
        { title: "third", run: () => Promise.resolve([need<string>(undefined, "the second's output")]) },
        { title: "fourth", run: () => Promise.resolve(["still ran"]) },
      ],
      (line) => lines.push(line),
    );
    expect(results.map((r) => r.status)).toEqual(["passed", "failed", "skipped", "passed"]);
    expect(lines).toEqual([
      "✔ 1. first — went fine",
      "     a detail",
      "✘ 2. second — broke",
      "– 3. third — skipped: needs the second's output from an earlier step",
      "✔ 4. fourth — still ran",
    ]);
  });
});

describe("expectRefusal", () => {
  it("answers the refusal when the API refuses with the expected status", async () => {
    await expect(expectRefusal(403, () => Promise.reject(forbidden))).resolves.toBe(forbidden);
  });

  it("fails when the API allowed what it should have refused", async () => {
    await expect(expectRefusal(403, () => Promise.resolve({}))).rejects.toThrow("but the API allowed it");
  });

  it("fails when the API refused with another status, saying which", async () => {
    await expect(expectRefusal(401, () => Promise.reject(forbidden))).rejects.toThrow(
      "expected a 401 refusal, got 403 forbidden: Only the item's owner can do that",
    );
  });
});

describe("dateInDays", () => {
  it("counts days in UTC, across a month end", () => {
    expect(dateInDays(3, new Date("2026-01-30T23:30:00-05:00"))).toBe("2026-02-03");
  });
});
