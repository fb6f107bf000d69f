"use client";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Conversation, Message, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { cx } from "@sharehood/ui/cx";
import { markConversationReadAction } from "@/features/conversations/actions";
import { BlockButton } from "@/features/conversations/block-button";
import { ItemThumbnail } from "@/features/conversations/item-thumbnail";
import { inboxWithRead, messagesInOrder, type InboxPages } from "@/features/conversations/live-updates";
import { MessageBody } from "@/features/conversations/message-body";
import { REFUSED } from "@/features/conversations/message-failure";
import { MessageForm } from "@/features/conversations/message-form";
import { inboxQuery, messagesQuery } from "@/features/conversations/queries";
import { refreshMessageCount, showMessage } from "@/features/conversations/stream-listeners";
import { formatTimestamp } from "@/features/items/dates";
import { ShowMore } from "@/features/layout/show-more";
import { ReportButton } from "@/features/reports/report-button";

/** Marks the thread read at the API, then in the inbox and the header's count. */
function useMarkRead(conversationId: string, viewerId: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const result = await markConversationReadAction(conversationId);
    if (!result.ok) return;
    queryClient.setQueryData<InboxPages>(inboxQuery().queryKey, (pages) =>
      inboxWithRead(pages, { conversationId, readerId: viewerId }, viewerId),
    );
    await refreshMessageCount(queryClient);
  }, [conversationId, viewerId, queryClient]);
}

/** What the thread is about: the item (a link, or "removed"), and the loan it belongs to. */
function ThreadSubject({ conversation }: { conversation: Conversation }) {
  const { item } = conversation;
  return (
    <div className="flex min-w-0 items-center gap-3">
      <ItemThumbnail item={item} className="size-14" />
      <div className="min-w-0">
        {item.deleted ? (
          <p className="font-semibold text-stone-900">
            {item.title} <span className="font-normal text-stone-600">(removed item)</span>
          </p>
        ) : (
          <Link href={`/items/${item.id}`} className="font-semibold text-stone-900 hover:underline">
            {item.title}
          </Link>
        )}
        <p className="text-sm text-stone-600">
          {conversation.loanId ? (
            <Link href={`/loans/${conversation.loanId}`} className="underline">
              About a loan
            </Link>
          ) : (
            "A question about the item"
          )}
        </p>
      </div>
    </div>
  );
}

function MessageItem({ message, mine, otherName }: { message: Message; mine: boolean; otherName: string }) {
  return (
    <li className={cx("flex flex-col gap-1", mine ? "items-end" : "items-start")}>
      <div
        className={cx(
          "max-w-[85%] rounded-2xl px-4 py-2.5 text-[0.95rem] sm:max-w-[75%]",
          mine
            ? "rounded-br-md bg-brand-700 text-white"
            : "rounded-bl-md bg-white text-stone-900 ring-1 ring-stone-200",
        )}
      >
        <span className="sr-only">{mine ? "You" : otherName}: </span>
        <MessageBody body={message.body} />
      </div>
      <p className="flex gap-2 text-xs text-stone-600">
        <time dateTime={message.createdAt}>{formatTimestamp(message.createdAt)}</time>
        {mine && <span data-testid="seen-mark">{message.seen ? "· Seen" : "· Sent"}</span>}
        {!mine && (
          <ReportButton
            compact
            subject={{ type: "message", id: message.id }}
            title={`Report this message from ${otherName}`}
            accessibleLabel={`Report this message from ${otherName}`}
          />
        )}
      </p>
    </li>
  );
}

/**
 * A thread: its messages oldest to newest (older ones on demand), each with its time and, for
 * mine, whether the other person has seen it; the send form, or a note when the other account is
 * gone. Opening it marks it read, and so does a message arriving while it is in view. New
 * messages come in through the live stream (React Query's cache) and are announced politely.
 */
export function ThreadView({
  conversation,
  initialMessages,
  viewerId,
  initiallyBlocked,
  withHeading = true,
  showSubject = true,
}: {
  conversation: Conversation;
  initialMessages: Page<Message>;
  viewerId: string;
  /** Whether I blocked the other person; undefined hides the block button (the loan page). */
  initiallyBlocked?: boolean;
  /** A (screen-reader) heading over the messages; off where the page already names them (the loan page). */
  withHeading?: boolean;
  showSubject?: boolean;
}) {
  const query = useInfiniteQuery(messagesQuery(conversation.id, initialMessages));
  const queryClient = useQueryClient();
  const messages = messagesInOrder(query.data);
  const { other } = conversation;
  const [blocked, setBlocked] = useState(initiallyBlocked);
  const [formerMember, setFormerMember] = useState(other.formerMember);
  const [announcement, setAnnouncement] = useState("");
  const markRead = useMarkRead(conversation.id, viewerId);

  // The newest message from the other person: opening the thread, or one arriving while it is in
  // view, marks it read; one arriving after the first render is announced.
  const newestFromOther = messages.findLast((message) => message.authorId !== viewerId);
  const seenNewest = useRef<string | undefined>(undefined);
  const firstRender = useRef(true);
  useEffect(() => {
    const first = firstRender.current;
    firstRender.current = false;
    if (!newestFromOther || seenNewest.current === newestFromOther.id) return;
    const arrived = !first;
    seenNewest.current = newestFromOther.id;
    if (arrived) setAnnouncement(`New message from ${other.name}: ${newestFromOther.body.slice(0, 200)}`);
    if (first && conversation.unreadCount === 0 && newestFromOther.seen) return;
    if (document.visibilityState === "visible") void markRead();
    else {
      const onVisible = () => {
        if (document.visibilityState !== "visible") return;
        document.removeEventListener("visibilitychange", onVisible);
        void markRead();
      };
      document.addEventListener("visibilitychange", onVisible);
    }
  }, [newestFromOther, conversation.unreadCount, other.name, markRead]);

  const onSent = useCallback((message: Message) => showMessage(queryClient, message, false), [queryClient]);
  const onRefused = useCallback((code: string | undefined) => {
    if (code === REFUSED.formerMember) setFormerMember(true);
  }, []);

  return (
    <div className="flex flex-col gap-5">
      {showSubject && (
        <div className="flex flex-col gap-4 rounded-3xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:flex-row sm:items-center sm:justify-between sm:p-5">
          <ThreadSubject conversation={conversation} />
          {blocked !== undefined && !other.formerMember && (
            <BlockButton person={other} blocked={blocked} onChange={setBlocked} />
          )}
        </div>
      )}
      {blocked && (
        <Alert tone="info">
          You blocked {other.name}: they cannot write to you or ask to borrow your things. You can still write
          to them.
        </Alert>
      )}
      <div className="flex flex-col gap-4">
        {withHeading && <h2 className="sr-only">Messages with {other.name}</h2>}
        <ShowMore query={query}>Show older messages</ShowMore>
        {messages.length === 0 ? (
          <p className="text-stone-600">No messages yet.</p>
        ) : (
          <ol className="flex flex-col gap-4" aria-label={`Messages with ${other.name}`}>
            {messages.map((message) => (
              <MessageItem
                key={message.id}
                message={message}
                mine={message.authorId === viewerId}
                otherName={other.name}
              />
            ))}
          </ol>
        )}
        {query.isError && (
          <p role="alert" className="text-sm text-red-700">
            {query.error.message}
          </p>
        )}
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
      {formerMember ? (
        <Alert tone="warning" title="This conversation has ended">
          {other.name === "Former member" ? "This person" : other.name} left Sharehood, so they can no longer
          receive messages. You can still read what was written here.
        </Alert>
      ) : (
        <MessageForm
          conversationId={conversation.id}
          otherName={other.name}
          onSent={onSent}
          onRefused={onRefused}
        />
      )}
    </div>
  );
}
