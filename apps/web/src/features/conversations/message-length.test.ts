import { describe, expect, it } from "vitest";
import { counterText, MESSAGE_MAX, messageProblem } from "@/features/conversations/message-length";

describe("message length", () => {
  it("refuses an empty or blank message", () => {
    expect(messageProblem("")).toBe("Write a message first");
    expect(messageProblem("  \n ")).toBe("Write a message first");
  });

  it("counts after trimming, as the API does", () => {
    expect(MESSAGE_MAX).toBe(2000);
    expect(messageProblem(` ${"a".repeat(2000)}\n`)).toBeNull();
    expect(messageProblem("a".repeat(2001))).toBe("Too long: 2,001 characters, at most 2,000");
    expect(counterText("  hello ")).toBe("5 of 2,000 characters");
  });
});
