import { describe, expect, it } from "vitest";
import { createUnsubscribeTokens } from "./unsubscribe-token.ts";

const tokens = createUnsubscribeTokens("a".repeat(32));

describe("unsubscribe tokens", () => {
  it("answers the person and kind a token was signed for", () => {
    const token = tokens.sign("019a-user_1", "loan.requested");
    expect(tokens.verify(token)).toEqual({ userId: "019a-user_1", kind: "loan.requested" });
  });

  it("refuses a token whose person or kind was changed", () => {
    const [, signature] = tokens.sign("alice", "loan.requested").split(".");
    const forged = `${Buffer.from("u1.bob.loan.requested").toString("base64url")}.${signature}`;
    expect(tokens.verify(forged)).toBeUndefined();
  });

  it("refuses a token signed with another secret, and strings that are no token", () => {
    const other = createUnsubscribeTokens("b".repeat(32)).sign("alice", "loan.approved");
    for (const token of [other, "", ".", "abc", "a.b.c", `${other}x`])
      expect(tokens.verify(token)).toBeUndefined();
  });
});
