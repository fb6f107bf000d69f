import { describe, expect, it } from "vitest";
import { ApiError, type Problem } from "@sharehood/sdk";
import { messageFailure, waitInWords } from "@/features/conversations/message-failure";

function apiError(status: number, code: Problem["code"], extra: Partial<Problem> = {}, retryAfter?: number) {
  return new ApiError(
    { type: "about:blank", title: "t", status, detail: "The API's words.", code, requestId: "r", ...extra },
    retryAfter,
  );
}

describe("messageFailure", () => {
  it("says plainly that a block refused the message", () => {
    const result = messageFailure(apiError(403, "forbidden", { reason: "blocked" }));
    expect(result).toMatchObject({ ok: false, code: "blocked" });
    expect(result.message).toMatch(/has blocked you/);
  });

  it("tells a 403 without the blocked reason apart", () => {
    expect(messageFailure(apiError(403, "forbidden")).code).toBe("forbidden");
  });

  it("says the other account is gone on 409", () => {
    expect(messageFailure(apiError(409, "conflict"))).toMatchObject({ code: "former_member" });
  });

  it("says when to try again after 429, from Retry-After", () => {
    expect(messageFailure(apiError(429, "rate_limited", {}, 41)).message).toMatch(
      /Try again in 41 seconds\.$/,
    );
    expect(messageFailure(apiError(429, "rate_limited", {}, 3600)).message).toMatch(/in 60 minutes\.$/);
    expect(messageFailure(apiError(429, "rate_limited")).message).toMatch(/wait a moment/);
  });

  it("puts a validation error beside the field", () => {
    const result = messageFailure(
      apiError(400, "validation_failed", { errors: [{ path: "body.body", message: "must not be empty" }] }),
    );
    expect(result.fieldErrors).toEqual({ body: "Must not be empty" });
  });

  it("words the wait in seconds, then minutes", () => {
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(59.2)).toBe("60 seconds");
    expect(waitInWords(61)).toBe("2 minutes");
  });
});
