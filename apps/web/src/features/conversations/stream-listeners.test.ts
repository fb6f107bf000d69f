import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Message } from "@sharehood/sdk/contract";
import { inboxQuery, messageCountQuery, messagesQuery } from "@/features/conversations/queries";
import { conversationStreamListeners } from "@/features/conversations/stream-listeners";

const ME = "me";
const THEM = "them";

function message(id: string, authorId: string): Message {
  return {
    id,
    conversationId: "c1",
    authorId,
    body: id,
    createdAt: `2026-12-01T10:00:0${id.length}Z`,
    seen: false,
  };
}

function setUp() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(messageCountQuery().queryKey, { count: 2 });
  queryClient.setQueryData(messagesQuery("c1").queryKey, {
    pages: [{ items: [message("m1", ME)], nextCursor: null }],
    pageParams: [null],
  });
  return { queryClient, listeners: conversationStreamListeners(queryClient, ME) };
}

const event = (body: unknown) => JSON.stringify(body);

describe("the stream's conversation events", () => {
  it("put a message to me into its open thread and count it unread", () => {
    const { queryClient, listeners } = setUp();
    listeners.message(
      event({ conversationId: "c1", item: { id: "i1", title: "Drill" }, message: message("m22", THEM) }),
    );
    expect(queryClient.getQueryData(messageCountQuery().queryKey)).toEqual({ count: 3 });
    const pages = queryClient.getQueryData(messagesQuery("c1").queryKey);
    expect(pages?.pages[0]?.items.map((item) => item.id)).toEqual(["m22", "m1"]);
  });

  it("ignore a message of mine and a malformed event", () => {
    const { queryClient, listeners } = setUp();
    listeners.message(
      event({ conversationId: "c1", item: { id: "i1", title: "Drill" }, message: message("m22", ME) }),
    );
    listeners.message("{");
    expect(queryClient.getQueryData(messageCountQuery().queryKey)).toEqual({ count: 2 });
  });

  it("mark my messages seen when the other person reads the thread", () => {
    const { queryClient, listeners } = setUp();
    listeners["conversation-read"](event({ conversationId: "c1", readerId: THEM }));
    expect(queryClient.getQueryData(messagesQuery("c1").queryKey)?.pages[0]?.items[0]?.seen).toBe(true);
  });

  it("read the inbox again for a message in a thread it does not hold", async () => {
    const { queryClient, listeners } = setUp();
    queryClient.setQueryData(inboxQuery().queryKey, {
      pages: [{ items: [], nextCursor: null }],
      pageParams: [null],
    });
    listeners.message(
      event({ conversationId: "c1", item: { id: "i1", title: "Drill" }, message: message("m22", THEM) }),
    );
    await Promise.resolve();
    expect(queryClient.getQueryState(inboxQuery().queryKey)?.isInvalidated).toBe(true);
  });
});
