import { QueryClient } from "@tanstack/react-query";
import type { Notification } from "@sharehood/sdk/contract";
import { describe, expect, it, vi } from "vitest";
import {
  addArrivedNotification,
  catchUpNotifications,
  notificationsQuery,
  showAsRead,
  unreadCountQuery,
} from "./queries.ts";

/** Notification "a" is the oldest; each letter after it a minute newer. */
function notification(id: string, readAt: string | null = null): Notification {
  return {
    id,
    type: "loan.requested",
    title: `Request ${id}`,
    body: "",
    url: "/loans?view=owner",
    readAt,
    createdAt: new Date(Date.UTC(2026, 6, 1, 10, id.charCodeAt(0) - 97)).toISOString(),
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

describe("catching up when the stream opens", () => {
  it("adds the newest notifications the list lacks, in their places, keeping one the stream brought", async () => {
    const client = withList([notification("b"), notification("a")]);
    addArrivedNotification(client, notification("e"));
    const fetched = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValue(
        Response.json({ items: [notification("d"), notification("c"), notification("b")], nextCursor: "x" }),
      );
    await catchUpNotifications(client);
    expect(fetched).toHaveBeenCalledWith("/api/notifications", expect.anything());
    expect(listed(client).map((item) => item.id)).toEqual(["e", "d", "c", "b", "a"]);
    fetched.mockRestore();
  });

  it("asks for nothing when the list is not loaded, and keeps the list when the answer fails", async () => {
    const fetched = vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("fetch failed"));
    await catchUpNotifications(new QueryClient());
    expect(fetched).not.toHaveBeenCalled();
    const client = withList([notification("a")]);
    await catchUpNotifications(client);
    expect(listed(client).map((item) => item.id)).toEqual(["a"]);
    fetched.mockRestore();
  });
});

describe("showing notifications as read", () => {
  it("marks the chosen ones, and asks for the count again", async () => {
    const client = withList([
      notification("c"),
      notification("b", "2026-07-01T11:00:00.000Z"),
      notification("a"),
    ]);
    client.setQueryData(unreadCountQuery().queryKey, { count: 5 });
    const fetched = vi.spyOn(globalThis, "fetch").mockResolvedValue(Response.json({ count: 1 }));
    await showAsRead(client, ["c", "b"], new Date("2026-07-02T00:00:00.000Z"));
    expect(listed(client).map((item) => item.readAt)).toEqual([
      "2026-07-02T00:00:00.000Z",
      "2026-07-01T11:00:00.000Z",
      null,
    ]);
    expect(fetched).toHaveBeenCalledWith("/api/notifications/unread-count", expect.anything());
    expect(client.getQueryData(unreadCountQuery().queryKey)).toEqual({ count: 1 });
    fetched.mockRestore();
  });

  it("marks them all and sets the count to nought, without asking", async () => {
    const client = withList([notification("b")], [notification("a")]);
    client.setQueryData(unreadCountQuery().queryKey, { count: 9 });
    const fetched = vi.spyOn(globalThis, "fetch");
    await showAsRead(client);
    expect(listed(client).every((item) => item.readAt)).toBe(true);
    expect(client.getQueryData(unreadCountQuery().queryKey)).toEqual({ count: 0 });
    expect(fetched).not.toHaveBeenCalled();
    fetched.mockRestore();
  });

  it("keeps the last count when the new one cannot be had", async () => {
    const client = withList([notification("a")]);
    client.setQueryData(unreadCountQuery().queryKey, { count: 1 });
    const fetched = vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("fetch failed"));
    await showAsRead(client, ["a"]);
    expect(listed(client)[0]?.readAt).not.toBeNull();
    expect(client.getQueryData(unreadCountQuery().queryKey)).toEqual({ count: 1 });
    fetched.mockRestore();
  });
});
