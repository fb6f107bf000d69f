import type { InfiniteData } from "@tanstack/react-query";
import type { Conversation, Message, Page } from "@sharehood/sdk/contract";

// How a thread's loaded messages and the loaded inbox follow what happens: a message sent here,
// or one that arrived on the live stream (`message` and `conversation-read` events, relayed from
// the Notification API). Pure, so React Query's caches are changed only through these.

/** A thread's messages as React Query holds them: pages newest first, each newest first. */
export type MessagePages = InfiniteData<Page<Message>, string | null>;
/** The inbox as React Query holds it: pages of threads, newest activity first. */
export type InboxPages = InfiniteData<Page<Conversation>, string | null>;

/** A `message` event: a message written to me. */
export interface MessageEvent {
  conversationId: string;
  item: { id: string; title: string };
  message: Message;
}

/** A `conversation-read` event: `readerId` read the thread (me, in another tab, or the other person). */
export interface ReadEvent {
  conversationId: string;
  readerId: string;
}

function parse(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== "string") return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

function isMessage(value: unknown): value is Message {
  if (!value || typeof value !== "object") return false;
  const message = value as Record<string, unknown>;
  return (
    ["id", "conversationId", "authorId", "createdAt"].every((field) => isText(message[field])) &&
    typeof message.body === "string" &&
    typeof message.seen === "boolean"
  );
}

/** The data of a `message` event, or undefined when it is not one (checked without zod in the browser). */
export function messageEventFrom(data: unknown): MessageEvent | undefined {
  const value = parse(data);
  if (!value || !isText(value.conversationId) || !isMessage(value.message)) return undefined;
  const item = value.item as Record<string, unknown> | undefined;
  if (!item || !isText(item.id) || typeof item.title !== "string") return undefined;
  if (value.message.conversationId !== value.conversationId) return undefined;
  return {
    conversationId: value.conversationId,
    item: { id: item.id, title: item.title },
    message: value.message,
  };
}

/** The data of a `conversation-read` event, or undefined when it is not one. */
export function readEventFrom(data: unknown): ReadEvent | undefined {
  const value = parse(data);
  if (!value || !isText(value.conversationId) || !isText(value.readerId)) return undefined;
  return { conversationId: value.conversationId, readerId: value.readerId };
}

/** A thread's loaded messages, oldest first, each once (a live one may come again in a later page). */
export function messagesInOrder(pages: { pages: readonly Page<Message>[] } | undefined): Message[] {
  const byId = new Map<string, Message>();
  for (const page of pages?.pages ?? [])
    for (const message of page.items) if (!byId.has(message.id)) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The thread's messages with `message` at the newest end, once. Unloaded stays unloaded. */
export function withMessage(pages: MessagePages | undefined, message: Message): MessagePages | undefined {
  const [first, ...rest] = pages?.pages ?? [];
  if (!pages || !first) return pages;
  if (pages.pages.some((page) => page.items.some((item) => item.id === message.id))) return pages;
  return { ...pages, pages: [{ ...first, items: [message, ...first.items] }, ...rest] };
}

/** The thread's messages with everything `authorId` wrote marked seen: the other person read them. */
export function withSeenBy(pages: MessagePages | undefined, authorId: string): MessagePages | undefined {
  if (!pages) return pages;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      items: page.items.map((message) =>
        message.authorId === authorId && !message.seen ? { ...message, seen: true } : message,
      ),
    })),
  };
}

/**
 * The inbox after a message in one of its threads: that thread moves to the top with the message
 * as its last, one more unread when `unread`. Undefined when the thread is not loaded (a new
 * thread, or one further down than the pages read): the inbox must then be read again.
 */
export function inboxWithMessage(
  pages: InboxPages | undefined,
  message: Message,
  unread: boolean,
): InboxPages | undefined {
  const [first, ...rest] = pages?.pages ?? [];
  if (!pages || !first) return pages;
  const found = pages.pages.flatMap((page) => page.items).find((item) => item.id === message.conversationId);
  if (!found) return undefined;
  if (found.lastMessage?.id === message.id) return pages;
  const moved: Conversation = {
    ...found,
    lastMessage: message,
    lastActivityAt: message.createdAt,
    unreadCount: found.unreadCount + (unread ? 1 : 0),
  };
  const without = (page: Page<Conversation>) => page.items.filter((item) => item.id !== found.id);
  return {
    ...pages,
    pages: [
      { ...first, items: [moved, ...without(first)] },
      ...rest.map((page) => ({ ...page, items: without(page) })),
    ],
  };
}

/**
 * The inbox after a thread was read: by me (nothing unread there any more), or by the other
 * person (my last message there is seen).
 */
export function inboxWithRead(
  pages: InboxPages | undefined,
  event: ReadEvent,
  viewerId: string,
): InboxPages | undefined {
  if (!pages) return pages;
  const byMe = event.readerId === viewerId;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => {
        if (item.id !== event.conversationId) return item;
        if (byMe) return item.unreadCount === 0 ? item : { ...item, unreadCount: 0 };
        const last = item.lastMessage;
        return last && last.authorId === viewerId && !last.seen
          ? { ...item, lastMessage: { ...last, seen: true } }
          : item;
      }),
    })),
  };
}
