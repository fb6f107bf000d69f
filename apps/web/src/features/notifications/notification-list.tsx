"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import type { Notification, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { cx } from "@sharehood/ui/cx";
import { EmptyState } from "@sharehood/ui/empty-state";
import { safeReturnPath } from "@/features/auth/safe-return-path";
import { formatTimestamp } from "@/features/items/dates";
import { ShowMore } from "@/features/layout/show-more";
import { markNotificationsReadAction } from "@/features/notifications/actions";
import { notificationsQuery, showAsRead, unreadCountQuery } from "@/features/notifications/queries";

/** Marks notifications read at the Notification API, and at once in the list and the bell. */
function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids?: string[]) => {
      const result = await markNotificationsReadAction(ids);
      if (!result.ok) throw new Error(result.message);
      return ids;
    },
    onSuccess: (ids) => {
      void showAsRead(queryClient, ids);
    },
  });
}

/** My notifications, newest first: unread ones stand out; opening one marks it read. */
export function NotificationList({ initialPage }: { initialPage: Page<Notification> | undefined }) {
  const query = useInfiniteQuery(notificationsQuery(initialPage));
  const unread = useQuery(unreadCountQuery()).data?.count;
  const markRead = useMarkRead();
  const router = useRouter();
  // Once each: one that arrived live may come again in a page fetched after it.
  const notifications = [
    ...new Map(
      (query.data?.pages.flatMap((page) => page.items) ?? []).map((item) => [item.id, item]),
    ).values(),
  ];
  const anyUnread = (unread ?? 0) > 0 || notifications.some((item) => !item.readAt);

  if (query.isError && notifications.length === 0) {
    return (
      <Alert tone="error" title="We couldn't load your notifications">
        {query.error.message}
      </Alert>
    );
  }
  if (query.isPending) return <p className="text-stone-600">Loading…</p>;
  if (notifications.length === 0) {
    return (
      <EmptyState title="No notifications yet">
        When someone asks to borrow your things, or answers your requests, you will hear about it here.
      </EmptyState>
    );
  }

  // A plain click marks it read first, then opens the page it is about; a click that opens a new
  // tab or window is left to the browser.
  async function open(event: MouseEvent<HTMLAnchorElement>, notification: Notification, href: string) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (!notification.readAt) await markRead.mutateAsync([notification.id]).catch(() => undefined);
    router.push(href);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-700" aria-live="polite">
          {unread === undefined ? "" : unread === 0 ? "All caught up." : `${unread} unread`}
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={!anyUnread}
          pending={markRead.isPending && markRead.variables === undefined}
          onClick={() => markRead.mutate(undefined)}
        >
          Mark all read
        </Button>
      </div>
      {markRead.isError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {markRead.error.message}
        </p>
      )}
      <ul className="flex flex-col gap-3">
        {notifications.map((notification) => {
          const href = safeReturnPath(notification.url);
          const isUnread = !notification.readAt;
          return (
            <li key={notification.id}>
              <a
                href={href}
                onClick={(event) => void open(event, notification, href)}
                className={cx(
                  "flex gap-3 rounded-2xl p-4 shadow-sm ring-1 transition-colors hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700",
                  isUnread ? "bg-brand-50/60 ring-brand-200" : "bg-white ring-stone-200",
                )}
              >
                <span
                  aria-hidden="true"
                  className={cx(
                    "mt-1.5 size-2.5 shrink-0 rounded-full",
                    isUnread ? "bg-brand-700" : "bg-transparent",
                  )}
                />
                <span className="flex min-w-0 flex-1 flex-col gap-1">
                  <span
                    className={cx("break-words text-stone-900", isUnread ? "font-semibold" : "font-medium")}
                  >
                    {isUnread && <span className="sr-only">Unread: </span>}
                    {notification.title}
                  </span>
                  {notification.body && (
                    <span className="break-words text-sm text-stone-700">{notification.body}</span>
                  )}
                  <time dateTime={notification.createdAt} className="text-xs text-stone-600">
                    {formatTimestamp(notification.createdAt)}
                  </time>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      <ShowMore query={query}>Show older notifications</ShowMore>
    </div>
  );
}
