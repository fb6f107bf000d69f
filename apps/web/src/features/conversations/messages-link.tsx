"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { messageCountQuery } from "@/features/conversations/queries";

/** "Messages, 2 unread": the link's name with the count, when there is one. */
export function messagesLabel(count: number | undefined): string {
  return count ? `Messages, ${count} unread` : "Messages";
}

/**
 * How many messages to me are unread, for signed-in people: read by the browser (public pages
 * stay the same for everyone) and kept live by the notification stream's conversation events.
 */
export function useMessageCount(signedIn: boolean): number | undefined {
  return useQuery(messageCountQuery(signedIn)).data?.count;
}

/** The header's "Messages" link with the unread count as a badge (wide screens; phones use the menu). */
export function MessagesLink({ className, count }: { className: string; count: number | undefined }) {
  const pathname = usePathname();
  return (
    <Link
      href="/messages"
      aria-label={messagesLabel(count)}
      aria-current={pathname === "/messages" ? "page" : undefined}
      // What the header knows, for tests and styling: a number, or "unknown" while it has none.
      data-unread-count={count ?? "unknown"}
      className={`${className} flex items-center gap-1.5`}
    >
      Messages
      {count ? (
        <span
          aria-hidden="true"
          data-testid="message-badge"
          className="flex h-5 min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs leading-none font-bold text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
