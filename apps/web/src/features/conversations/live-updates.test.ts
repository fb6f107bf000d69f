import { describe, expect, it } from "vitest";
import type { Conversation, Message } from "@sharehood/sdk/contract";
import {
  inboxWithMessage,
  inboxWithRead,
  messageEventFrom,
  messagesInOrder,
  readEventFrom,
  withMessage,
  withSeenBy,
  type InboxPages,
  type MessagePages,
} from "@/features/conversations/live-updates";

const ME = "user-me";
const THEM = "user-them";

function message(id: string, minute: number, authorId = THEM, conversationId = "c1"): Message {
  const createdAt = `2026-12-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
  return { id, conversationId, authorId, body: `message ${id}`, createdAt, seen: false };
}

function thread(id: string, last: Message | null, unreadCount = 0): Conversation {
  return {
    id,
    item: { id: `item-${id}`, title: `Item ${id}`, thumbnailUrl: null, deleted: false },
    other: { id: THEM, name: "Them", formerMember: false },
    loanId: null,
    lastMessage: last,
    unreadCount,
    createdAt: "2026-12-01T09:00:00.000Z",
    lastActivityAt: last?.createdAt ?? "2026-12-01T09:00:00.000Z",
  };
}

const pagesOf = <T>(...pages: T[][]) => ({
  pages: pages.map((items, index) => ({
    items,
    nextCursor: index < pages.length - 1 ? `p${index + 1}` : null,
  })),
  pageParams: pages.map((_, index) => (index === 0 ? null : `p${index}`)),
});

describe("stream data", () => {
  it("reads a message event and refuses anything half-formed", () => {
    const event = { conversationId: "c1", item: { id: "i1", title: "Drill" }, message: message("m1", 1) };
    expect(messageEventFrom(JSON.stringify(event))).toEqual(event);
    expect(messageEventFrom("not json")).toBeUndefined();
    expect(messageEventFrom(JSON.stringify({ ...event, message: { id: "m1" } }))).toBeUndefined();
    expect(messageEventFrom(JSON.stringify({ ...event, item: null }))).toBeUndefined();
    // A message of another thread than the event names is not believed.
    expect(messageEventFrom(JSON.stringify({ ...event, conversationId: "c2" }))).toBeUndefined();
  });

  it("reads a conversation-read event", () => {
    expect(readEventFrom('{"conversationId":"c1","readerId":"u1"}')).toEqual({
      conversationId: "c1",
      readerId: "u1",
    });
    expect(readEventFrom('{"conversationId":"c1"}')).toBeUndefined();
    expect(readEventFrom(undefined)).toBeUndefined();
  });
});

describe("a thread's messages", () => {
  it("are shown oldest first, each once, across pages", () => {
    const pages: MessagePages = pagesOf(
      [message("m3", 3), message("m2", 2)],
      [message("m2", 2), message("m1", 1)],
    );
    expect(messagesInOrder(pages).map((item) => item.id)).toEqual(["m1", "m2", "m3"]);
    expect(messagesInOrder(undefined)).toEqual([]);
  });

  it("take a new message at the newest end, once", () => {
    const pages: MessagePages = pagesOf([message("m1", 1)]);
    const once = withMessage(pages, message("m2", 2));
    expect(once?.pages[0]?.items.map((item) => item.id)).toEqual(["m2", "m1"]);
    expect(withMessage(once, message("m2", 2))).toBe(once);
    expect(withMessage(undefined, message("m2", 2))).toBeUndefined();
  });

  it("mark what I wrote seen when the other person reads, and nothing of theirs", () => {
    const pages: MessagePages = pagesOf([message("m2", 2, ME), message("m1", 1, THEM)]);
    const seen = withSeenBy(pages, ME);
    expect(seen?.pages[0]?.items.map((item) => [item.id, item.seen])).toEqual([
      ["m2", true],
      ["m1", false],
    ]);
  });
});

describe("the inbox", () => {
  it("moves a thread with a new message to the top and counts it unread", () => {
    const inbox: InboxPages = pagesOf(
      [thread("c1", message("a", 5), 0), thread("c2", message("b", 4, ME, "c2"))],
      [thread("c3", message("c", 1, THEM, "c3"), 2)],
    );
    const after = inboxWithMessage(inbox, message("new", 9, THEM, "c3"), true);
    expect(after?.pages[0]?.items.map((item) => item.id)).toEqual(["c3", "c1", "c2"]);
    expect(after?.pages[1]?.items).toEqual([]);
    expect(after?.pages[0]?.items[0]).toMatchObject({
      unreadCount: 3,
      lastActivityAt: "2026-12-01T10:09:00.000Z",
      lastMessage: { id: "new" },
    });
  });

  it("does not count my own message, nor the same message twice", () => {
    const inbox: InboxPages = pagesOf([thread("c1", message("a", 5), 1)]);
    const mine = inboxWithMessage(inbox, message("m", 6, ME), false);
    expect(mine?.pages[0]?.items[0]?.unreadCount).toBe(1);
    expect(inboxWithMessage(mine, message("m", 6, ME), true)).toBe(mine);
  });

  it("asks to be read again for a thread it does not hold", () => {
    const inbox: InboxPages = pagesOf([thread("c1", message("a", 5))]);
    expect(inboxWithMessage(inbox, message("x", 6, THEM, "c9"), true)).toBeUndefined();
    expect(inboxWithMessage(undefined, message("x", 6, THEM, "c9"), true)).toBeUndefined();
  });

  it("clears a thread's unread count when I read it, and marks my last message seen when they do", () => {
    const inbox: InboxPages = pagesOf([
      thread("c1", message("a", 5, ME), 0),
      thread("c2", message("b", 4, THEM, "c2"), 2),
    ]);
    const readByMe = inboxWithRead(inbox, { conversationId: "c2", readerId: ME }, ME);
    expect(readByMe?.pages[0]?.items.map((item) => item.unreadCount)).toEqual([0, 0]);
    const readByThem = inboxWithRead(inbox, { conversationId: "c1", readerId: THEM }, ME);
    expect(readByThem?.pages[0]?.items[0]?.lastMessage?.seen).toBe(true);
    // Their own last message is not "seen" by their reading.
    const theirs = inboxWithRead(inbox, { conversationId: "c2", readerId: THEM }, ME);
    expect(theirs?.pages[0]?.items[1]?.lastMessage?.seen).toBe(false);
  });
});
