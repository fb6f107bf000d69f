"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Conversation, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { cx } from "@sharehood/ui/cx";
import { EmptyState } from "@sharehood/ui/empty-state";
import { ItemThumbnail } from "@/features/conversations/item-thumbnail";
import { inboxQuery } from "@/features/conversations/queries";
import { formatTimestamp } from "@/features/items/dates";
import { ShowMore } from "@/features/layout/show-more";

function lastLine(conversation: Conversation, viewerId: string): string {
  const last = conversation.lastMessage;
  if (!last) return "No messages yet";
  const who = last.authorId === viewerId ? "You: " : "";
  return `${who}${last.body.replace(/\s+/g, " ").slice(0, 160)}`;
}

function ThreadRow({ conversation, viewerId }: { conversation: Conversation; viewerId: string }) {
  const unread = conversation.unreadCount;
  const { item, other } = conversation;
  return (
    <li>
      <Link
        href={`/messages/${conversation.id}`}
        data-unread={unread}
        className={cx(
          "flex gap-3 rounded-2xl p-3 shadow-sm ring-1 transition-colors hover:bg-stone-50 sm:p-4",
          unread ? "bg-brand-50/60 ring-brand-200" : "bg-white ring-stone-200",
        )}
      >
        <ItemThumbnail item={item} className="size-14 sm:size-16" />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline justify-between gap-2">
            <span className={cx("min-w-0 truncate text-stone-900", unread ? "font-bold" : "font-semibold")}>
              {other.name}
            </span>
            <time dateTime={conversation.lastActivityAt} className="shrink-0 text-xs text-stone-600">
              {formatTimestamp(conversation.lastActivityAt)}
            </time>
          </span>
          <span className="truncate text-sm text-stone-700">
            {item.deleted ? `${item.title} (removed item)` : item.title}
            {conversation.loanId ? " · loan" : ""}
          </span>
          <span
            className={cx("line-clamp-2 text-sm", unread ? "font-medium text-stone-900" : "text-stone-600")}
          >
            {lastLine(conversation, viewerId)}
          </span>
        </span>
        {unread > 0 && (
          <span className="self-center rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white">
            {unread > 99 ? "99+" : unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </Link>
    </li>
  );
}

/** My threads, newest activity first: the item, the other person, the last message, what is unread. */
export function Inbox({
  initialPage,
  viewerId,
}: {
  initialPage: Page<Conversation> | undefined;
  viewerId: string;
}) {
  const query = useInfiniteQuery(inboxQuery(initialPage));
  // Once each: a thread moved to the top by a live message may come again in a later page.
  const threads = [
    ...new Map(
      (query.data?.pages.flatMap((page) => page.items) ?? []).map((item) => [item.id, item]),
    ).values(),
  ];
  if (query.isError && threads.length === 0) {
    return (
      <Alert tone="error" title="We couldn't load your messages">
        {query.error.message}
      </Alert>
    );
  }
  if (query.isPending) return <p className="text-stone-600">Loading…</p>;
  if (threads.length === 0) {
    return (
      <EmptyState title="No messages yet">
        Ask an owner about something on its page, or write in a loan&apos;s conversation: your threads appear
        here.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-3" aria-label="Conversations">
        {threads.map((conversation) => (
          <ThreadRow key={conversation.id} conversation={conversation} viewerId={viewerId} />
        ))}
      </ul>
      <ShowMore query={query}>Show more conversations</ShowMore>
    </div>
  );
}
