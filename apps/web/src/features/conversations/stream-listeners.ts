import type { QueryClient } from "@tanstack/react-query";
import {
  inboxWithMessage,
  inboxWithRead,
  messageEventFrom,
  readEventFrom,
  withMessage,
  withSeenBy,
  type InboxPages,
  type MessagePages,
} from "@/features/conversations/live-updates";
import { inboxQuery, messageCountQuery, messagesQuery } from "@/features/conversations/queries";

/** Reads the unread message count again (after a read, or when the stream reopens). */
export function refreshMessageCount(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: messageCountQuery().queryKey });
}

/** Shows a message I sent (or one that arrived) in its thread and in the inbox, where they are loaded. */
export function showMessage(
  queryClient: QueryClient,
  message: MessagePages["pages"][number]["items"][number],
  unread: boolean,
): void {
  queryClient.setQueryData<MessagePages>(messagesQuery(message.conversationId).queryKey, (pages) =>
    withMessage(pages, message),
  );
  const inboxKey = inboxQuery().queryKey;
  const inbox = queryClient.getQueryData<InboxPages>(inboxKey);
  if (!inbox) return;
  const next = inboxWithMessage(inbox, message, unread);
  if (next) queryClient.setQueryData(inboxKey, next);
  // A thread the inbox does not hold yet (a new one): read its first page again.
  else void queryClient.invalidateQueries({ queryKey: inboxKey });
}

/**
 * What the live stream's conversation events do: a `message` to me goes into its thread and the
 * inbox, and one more is unread; a `conversation-read` marks my messages seen (the other person
 * read them) or clears my unread count there (I read them, maybe in another tab).
 */
export function conversationStreamListeners(queryClient: QueryClient, viewerId: string) {
  return {
    message(data: unknown): void {
      const event = messageEventFrom(data);
      if (!event || event.message.authorId === viewerId) return;
      showMessage(queryClient, event.message, true);
      queryClient.setQueryData<{ count: number }>(messageCountQuery().queryKey, (current) =>
        current ? { count: current.count + 1 } : current,
      );
    },
    "conversation-read"(data: unknown): void {
      const event = readEventFrom(data);
      if (!event) return;
      queryClient.setQueryData<InboxPages>(inboxQuery().queryKey, (pages) =>
        inboxWithRead(pages, event, viewerId),
      );
      if (event.readerId === viewerId) {
        void refreshMessageCount(queryClient);
        return;
      }
      queryClient.setQueryData<MessagePages>(messagesQuery(event.conversationId).queryKey, (pages) =>
        withSeenBy(pages, viewerId),
      );
    },
  };
}
