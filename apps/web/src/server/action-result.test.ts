import { ApiError } from "@sharehood/sdk";
import { describe, expect, it } from "vitest";
import { failureFrom, tooManyAttemptsMessage } from "./action-result.ts";

const problem = {
  type: "about:blank",
  title: "Too Many Requests",
  status: 429,
  detail: "Too many attempts",
  code: "rate_limited" as const,
  requestId: "r1",
};

describe("too many attempts", () => {
  it("says when to try again, in minutes rounded up, from Retry-After", () => {
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts. Try again in 2 minutes.");
    expect(tooManyAttemptsMessage(60)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts. Try again in 1 second.");
    expect(tooManyAttemptsMessage(42)).toBe("Too many attempts. Try again in 42 seconds.");
    expect(tooManyAttemptsMessage(undefined)).toBe("Too many attempts. Please wait a moment and try again.");
  });

  it("is what a 429 from an API shows", () => {
    expect(failureFrom(new ApiError(problem, 840))).toMatchObject({
      ok: false,
      message: "Too many attempts. Try again in 14 minutes.",
      code: "rate_limited",
    });
  });
});
