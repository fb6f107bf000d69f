import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Conversation, Message, Page } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";

/** Threads a page of the inbox holds. */
export const INBOX_PAGE_SIZE = 20;
/** Messages a page of a thread holds. */
export const MESSAGES_PAGE_SIZE = 30;

/** Where the browser reads how many messages to me are unread. */
export const MESSAGE_COUNT_URL = "/api/conversations/unread-count";

/**
 * How many messages written to me I have not read, across my threads: read by the header for
 * signed-in people (never part of a page, so public pages stay shared), again whenever the live
 * stream opens, and moved by its `message` and `conversation-read` events.
 */
export function messageCountQuery(enabled = true) {
  return queryOptions({
    queryKey: ["conversations", "unread"] as const,
    queryFn: ({ signal }) => fetchJson<{ count: number }>(MESSAGE_COUNT_URL, signal),
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}

/** My threads, newest activity first, a page at a time through /api/conversations. */
export function inboxQuery(initialPage?: Page<Conversation>) {
  return infiniteQueryOptions({
    queryKey: ["conversations", "inbox"] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<Conversation>>(
        `/api/conversations${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

/** A thread's messages, newest first, a page at a time going back in time. */
export function messagesQuery(conversationId: string, initialPage?: Page<Message>) {
  return infiniteQueryOptions({
    queryKey: ["conversations", "messages", conversationId] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<Message>>(
        `/api/conversations/${encodeURIComponent(conversationId)}/messages${
          pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""
        }`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}
