import { describe, expect, it } from "vitest";
import { decideCheck } from "./message-email-rule.ts";

const timing = { delayMs: 600_000, intervalMs: 3_600_000 };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, minutes));

describe("the message email rule", () => {
  it("does nothing when everything was read", () => {
    expect(decideCheck({ now: at(10), oldestUnreadAt: null, lastEmailedAt: null }, timing)).toEqual({
      action: "none",
    });
  });

  it("emails once the oldest unread message is ten minutes old, and not before", () => {
    expect(decideCheck({ now: at(10), oldestUnreadAt: at(0), lastEmailedAt: null }, timing)).toEqual({
      action: "email",
    });
    expect(decideCheck({ now: at(10), oldestUnreadAt: at(5), lastEmailedAt: null }, timing)).toEqual({
      action: "later",
      at: at(15),
    });
  });

  it("waits for the end of the hour after the last message email about the thread", () => {
    expect(decideCheck({ now: at(30), oldestUnreadAt: at(15), lastEmailedAt: at(10) }, timing)).toEqual({
      action: "later",
      at: at(70),
    });
    expect(decideCheck({ now: at(70), oldestUnreadAt: at(15), lastEmailedAt: at(10) }, timing)).toEqual({
      action: "email",
    });
  });
});
