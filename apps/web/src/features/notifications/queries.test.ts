import { QueryClient } from "@tanstack/react-query";
import type { Notification } from "@sharehood/sdk/contract";
import { describe, expect, it } from "vitest";
import { addArrivedNotification, notificationsQuery, showAsRead, unreadCountQuery } from "./queries.ts";

function notification(id: string, readAt: string | null = null): Notification {
  return {
    id,
    type: "loan.requested",
    title: `Request ${id}`,
    body: "",
    url: "/loans?view=owner",
    readAt,
    createdAt: "2026-07-01T10:00:00.000Z",
  };
}

function withList(...pages: Notification[][]) {
  const client = new QueryClient();
  client.setQueryData(notificationsQuery().queryKey, {
    pages: pages.map((items, index) => ({
      items,
      nextCursor: index < pages.length - 1 ? `c${index}` : null,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
  });
  return client;
}

const listed = (client: QueryClient) =>
  client.getQueryData(notificationsQuery().queryKey)?.pages.flatMap((page) => page.items) ?? [];

describe("a notification that arrives on the stream", () => {
  it("goes to the top of the loaded list, once", () => {
    const client = withList([notification("b")], [notification("a")]);
    addArrivedNotification(client, notification("c"));
    addArrivedNotification(client, notification("c"));
    expect(listed(client).map((item) => item.id)).toEqual(["c", "b", "a"]);
  });

  it("loads nothing when the list is not loaded", () => {
    const client = new QueryClient();
    addArrivedNotification(client, notification("c"));
    expect(client.getQueryData(notificationsQuery().queryKey)).toBeUndefined();
  });
});

describe("showing notifications as read", () => {
  it("marks the chosen ones and lowers the count by as many as were unread", () => {
    const client = withList([
      notification("c"),
      notification("b", "2026-07-01T11:00:00.000Z"),
      notification("a"),
    ]);
    client.setQueryData(unreadCountQuery().queryKey, { count: 5 });
    showAsRead(client, ["c", "b"], new Date("2026-07-02T00:00:00.000Z"));
    expect(listed(client).map((item) => item.readAt)).toEqual([
      "2026-07-02T00:00:00.000Z",
      "2026-07-01T11:00:00.000Z",
      null,
    ]);
    expect(client.getQueryData(unreadCountQuery().queryKey)).toEqual({ count: 4 });
  });

  it("marks them all and sets the count to nought", () => {
    const client = withList([notification("b")], [notification("a")]);
    client.setQueryData(unreadCountQuery().queryKey, { count: 9 });
    showAsRead(client);
    expect(listed(client).every((item) => item.readAt)).toBe(true);
    expect(client.getQueryData(unreadCountQuery().queryKey)).toEqual({ count: 0 });
  });

  it("leaves an unknown count unknown", () => {
    const client = withList([notification("a")]);
    showAsRead(client);
    expect(client.getQueryData(unreadCountQuery().queryKey)).toBeUndefined();
  });
});
