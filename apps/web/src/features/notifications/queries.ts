import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type { Notification, Page } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";

/** How many notifications a page of the list holds. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Where the browser reads my notifications, newest first. */
const NOTIFICATIONS_URL = "/api/notifications";

/** Where the browser reads the unread count. */
export const UNREAD_COUNT_URL = "/api/notifications/unread-count";

/**
 * How many of my notifications are unread. The live stream (use-notification-stream.ts) fetches
 * it when it opens and keeps it current; readers do not fetch it themselves (`enabled: false`),
 * and no data means the count is not known (the Notification API is down).
 */
export function unreadCountQuery() {
  return queryOptions({
    queryKey: ["notifications", "unread"] as const,
    queryFn: ({ signal }) => fetchJson<{ count: number }>(UNREAD_COUNT_URL, signal),
    enabled: false,
    staleTime: Infinity,
  });
}

/** My notifications, newest first, a page at a time through the app's /api/notifications. */
export function notificationsQuery(initialPage?: Page<Notification>) {
  return infiniteQueryOptions({
    queryKey: ["notifications", "list"] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<Notification>>(
        `${NOTIFICATIONS_URL}${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

type NotificationPages = InfiniteData<Page<Notification>, string | null>;

/**
 * Puts a notification that just arrived into the loaded list, once, in its place by time: at the
 * top when it came on the stream, below one the stream brought later when a catch-up found it.
 */
export function addArrivedNotification(queryClient: QueryClient, notification: Notification): void {
  queryClient.setQueryData<NotificationPages>(notificationsQuery().queryKey, (data) => {
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first) return data;
    if (data.pages.some((page) => page.items.some((item) => item.id === notification.id))) return data;
    const items = [...first.items];
    const place = items.findIndex((item) => item.createdAt <= notification.createdAt);
    items.splice(place === -1 ? items.length : place, 0, notification);
    return { ...data, pages: [{ ...first, items }, ...rest] };
  });
}

/**
 * Puts into a loaded list the notifications that arrived while the stream was not open:
 * before it first connected (after the page was rendered), or during a break. The stream does not
 * replay them; the newest page is read again and whatever the list lacks is added.
 * A merge rather than a refetch, so a notification the stream brings meanwhile is not overwritten.
 */
export async function catchUpNotifications(queryClient: QueryClient): Promise<void> {
  const { queryKey } = notificationsQuery();
  if (!queryClient.getQueryData(queryKey)) return;
  let newest: Page<Notification>;
  try {
    newest = await fetchJson<Page<Notification>>(NOTIFICATIONS_URL);
  } catch {
    return; // The list stays as it is; the next opening tries again.
  }
  for (const notification of newest.items) addArrivedNotification(queryClient, notification);
}

/**
 * Shows notifications as read in the loaded list: `ids`, or all of them. After "all" the count is
 * nought; after some, it is asked for again rather than worked out here, as the stream may already
 * have brought the new count (and a notification listed twice would be counted twice).
 */
export async function showAsRead(queryClient: QueryClient, ids?: readonly string[], now = new Date()) {
  const wanted = ids ? new Set(ids) : undefined;
  queryClient.setQueryData<NotificationPages>(notificationsQuery().queryKey, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) =>
              item.readAt || (wanted && !wanted.has(item.id)) ? item : { ...item, readAt: now.toISOString() },
            ),
          })),
        }
      : data,
  );
  if (!wanted) {
    queryClient.setQueryData(unreadCountQuery().queryKey, { count: 0 });
    return;
  }
  // No count (the Notification API is down): the bell shows none, as before.
  await queryClient.fetchQuery({ ...unreadCountQuery(), staleTime: 0 }).catch(() => undefined);
}
