import { describe, expect, it } from "vitest";
import {
  badgeText,
  bellLabel,
  notificationFrom,
  reconnectDelayMs,
  unreadCountFrom,
} from "./stream-events.ts";

const notification = {
  id: "n1",
  type: "loan.requested",
  title: "Ben asks to borrow your drill",
  body: "From 3 to 5 July",
  url: "/loans/l1",
  readAt: null,
  createdAt: "2026-07-01T10:00:00.000Z",
};

describe("the stream's events", () => {
  it("reads the unread count, and ignores anything that is not one", () => {
    expect(unreadCountFrom('{"count":3}')).toBe(3);
    expect(unreadCountFrom('{"count":0}')).toBe(0);
    expect(unreadCountFrom('{"count":-1}')).toBeUndefined();
    expect(unreadCountFrom('{"count":"3"}')).toBeUndefined();
    expect(unreadCountFrom("not json")).toBeUndefined();
    expect(unreadCountFrom(undefined)).toBeUndefined();
  });

  it("reads a notification, and ignores a half-formed one", () => {
    expect(notificationFrom(JSON.stringify(notification))).toEqual(notification);
    expect(
      notificationFrom(JSON.stringify({ ...notification, readAt: "2026-07-01T11:00:00.000Z" })),
    ).toBeDefined();
    expect(notificationFrom(JSON.stringify({ ...notification, url: undefined }))).toBeUndefined();
    expect(notificationFrom(JSON.stringify({ ...notification, readAt: 5 }))).toBeUndefined();
    expect(notificationFrom("null")).toBeUndefined();
    expect(notificationFrom("{")).toBeUndefined();
  });
});

describe("reconnecting", () => {
  it("waits longer after each failure, up to about a minute", () => {
    const middle = () => 0.5;
    expect(reconnectDelayMs(0, middle)).toBe(2_000);
    expect(reconnectDelayMs(1, middle)).toBe(4_000);
    expect(reconnectDelayMs(4, middle)).toBe(32_000);
    expect(reconnectDelayMs(5, middle)).toBe(60_000);
    expect(reconnectDelayMs(50, middle)).toBe(60_000);
  });

  it("spreads tabs out by up to a quarter either way", () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(1_500);
    expect(reconnectDelayMs(0, () => 1)).toBe(2_500);
  });
});

describe("the bell", () => {
  it("says how many are unread, and nothing about a count it does not know", () => {
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
    expect(bellLabel(0)).toBe("Notifications");
    expect(bellLabel(undefined)).toBe("Notifications");
  });

  it("caps the badge so that it fits", () => {
    expect(badgeText(7)).toBe("7");
    expect(badgeText(120)).toBe("99+");
  });
});
