import { describe, expect, it } from "vitest";
import { expiresAtFor, expiryText, lastUsedText, prefixText } from "@/features/api-access/token-text";
import {
  deliverySummary,
  eventsText,
  eventTypeText,
  latencyText,
  responseText,
} from "@/features/api-access/webhook-text";

const now = Date.parse("2026-07-04T12:00:00Z");

describe("an access token in words", () => {
  it("says when and from where it was last used, or that it never was", () => {
    expect(lastUsedText({ lastUsedAt: "2026-07-04T11:57:00Z", lastUsedFrom: "203.0.113.7" }, now)).toBe(
      "Last used 3 minutes ago from 203.0.113.7",
    );
    expect(lastUsedText({ lastUsedAt: "2026-07-04T11:59:40Z", lastUsedFrom: null }, now)).toBe(
      "Last used just now",
    );
    expect(lastUsedText({ lastUsedAt: "2026-07-01T10:00:00Z", lastUsedFrom: "2001:db8::1" }, now)).toBe(
      "Last used 3 days ago from 2001:db8::1",
    );
    expect(lastUsedText({ lastUsedAt: null, lastUsedFrom: null }, now)).toBe("Never used");
  });

  it("says its expiry, past or to come, or none", () => {
    expect(expiryText({ expiresAt: "2026-08-03T12:00:00Z" }, now)).toBe("Expires Mon, 3 Aug 2026");
    expect(expiryText({ expiresAt: "2026-07-01T12:00:00Z" }, now)).toBe("Expired Wed, 1 Jul 2026");
    expect(expiryText({ expiresAt: null }, now)).toBe("Never expires");
  });

  it("shows only the secret's first characters", () => {
    expect(prefixText("shp_abcd")).toBe("shp_abcd…");
  });

  it("turns the form's expiry choice into a moment, none, or a refusal of anything else", () => {
    expect(expiresAtFor("7", now)).toBe("2026-07-11T12:00:00.000Z");
    expect(expiresAtFor("365", now)).toBe("2027-07-04T12:00:00.000Z");
    expect(expiresAtFor("never", now)).toBeNull();
    expect(expiresAtFor("9999", now)).toBeUndefined();
  });
});

describe("a webhook in words", () => {
  it("names its events in plain words and lists what it subscribed to", () => {
    expect(eventTypeText("loan.requested")).toBe("Someone asks to borrow something of yours");
    expect(eventTypeText("user.password_changed")).toBe("Your password changes");
    expect(eventsText(["*"])).toBe("All events");
    expect(eventsText(["loan.requested", "message.created"])).toBe("loan.requested, message.created");
  });

  it("sums a delivery up: attempt, outcome, answer and time", () => {
    const base = { attempt: 1, error: null, nextAttemptAt: null };
    expect(deliverySummary({ ...base, status: "succeeded", responseStatus: 204, latencyMs: 35 })).toBe(
      "Attempt 1 · Succeeded · HTTP 204 in 35 ms",
    );
    expect(
      deliverySummary({
        ...base,
        attempt: 3,
        status: "pending",
        responseStatus: null,
        latencyMs: 5000,
        error: "timed out",
        nextAttemptAt: "2026-07-04T12:30:00Z",
      }),
    ).toBe("Attempt 3 · Waiting: next try 4 Jul 2026, 12:30 UTC · No answer in 5.0 s");
    // Not tried yet: nothing to say about an answer.
    expect(
      deliverySummary({ ...base, attempt: 0, status: "pending", responseStatus: null, latencyMs: null }),
    ).toBe("Not tried yet · Waiting");
    expect(responseText({ responseStatus: null, latencyMs: 20, error: "connection refused" })).toBe(
      "No answer in 20 ms",
    );
    expect(latencyText(1234)).toBe("1.2 s");
  });
});
