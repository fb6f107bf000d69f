"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { unreadCountQuery } from "@/features/notifications/queries";
import { badgeText, bellLabel } from "@/features/notifications/stream-events";
import { useNotificationStream } from "@/features/notifications/use-notification-stream";

/**
 * The header's bell: a link to the notifications page whose name and badge carry the unread
 * count, kept live by the notification stream. Without a count (the Notification API is down,
 * or not answered yet) it is a plain link, and the page around it works as ever.
 */
export function NotificationBell() {
  const latest = useNotificationStream();
  const count = useQuery(unreadCountQuery()).data?.count;
  const pathname = usePathname();
  return (
    <>
      <Link
        href="/notifications"
        aria-label={bellLabel(count)}
        aria-current={pathname === "/notifications" ? "page" : undefined}
        // What the bell knows, for tests and styling: a number, or "unknown" while it has none.
        data-unread-count={count ?? "unknown"}
        className="relative flex size-10 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-stone-900 aria-[current=page]:bg-stone-100"
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6" fill="none">
          <path
            d="M6 10a6 6 0 1 1 12 0v3.5l1.6 2.7a.9.9 0 0 1-.8 1.3H5.2a.9.9 0 0 1-.8-1.3L6 13.5z"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
          <path
            d="M9.8 20a2.3 2.3 0 0 0 4.4 0"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
        {count ? (
          <span
            aria-hidden="true"
            data-testid="unread-badge"
            className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs leading-none font-bold text-white ring-2 ring-white"
          >
            {badgeText(count)}
          </span>
        ) : null}
      </Link>
      {/* Announced politely as it arrives; the link's name carries the count. */}
      <p role="status" className="sr-only">
        {latest ? `New notification: ${latest}` : ""}
      </p>
    </>
  );
}
