"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { conversationStreamListeners } from "@/features/conversations/stream-listeners";
import { fetchJson } from "@/features/layout/fetch-json";
import { useViewer } from "@/features/layout/viewer";
import {
  addArrivedNotification,
  catchUpNotifications,
  UNREAD_COUNT_URL,
  unreadCountQuery,
} from "@/features/notifications/queries";
import { notificationFrom, reconnectDelayMs, unreadCountFrom } from "@/features/notifications/stream-events";

/** The same-origin relay of the Notification API's stream (app/api/notifications/stream). */
const STREAM_URL = "/api/notifications/stream";

/**
 * Keeps the unread count and the loaded notifications current from the live stream, and answers
 * the title of the latest notification (for a polite announcement). The same stream carries the
 * conversations' `message` and `conversation-read` events: they move the open thread, the inbox
 * and the unread message count (features/conversations/stream-listeners.ts). The browser reconnects by
 * itself when a stream ends; when it gives up (the relay answered an error: the Notification API
 * is down, or the session ended), this opens a new one after a growing delay, and at once when
 * the tab comes back into view or the network returns.
 */
export function useNotificationStream(): string | null {
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<string | null>(null);
  const viewerId = useViewer()?.id;

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let openedBefore = false;
    const conversations = viewerId ? conversationStreamListeners(queryClient, viewerId) : null;
    // An `unread` event newer than the count being fetched wins over the fetched one.
    let countVersion = 0;
    const countKey = unreadCountQuery().queryKey;

    async function refreshCount() {
      const version = countVersion;
      try {
        const { count } = await fetchJson<{ count: number }>(UNREAD_COUNT_URL);
        if (version === countVersion) queryClient.setQueryData(countKey, { count });
      } catch {
        // No count: the bell shows none.
        if (version === countVersion) void queryClient.resetQueries({ queryKey: countKey });
      }
    }

    function connect() {
      clearTimeout(retryTimer);
      source?.close();
      const current = new EventSource(STREAM_URL);
      source = current;
      current.addEventListener("open", () => {
        failures = 0;
        // Whatever happened while the stream was closed is in the count now, and in the newest
        // notifications (a loaded list takes those it lacks: one may have come between the
        // page's render and this opening). The message count was read as the header mounted;
        // after a break, it and the loaded threads and inbox may have missed messages (the
        // stream does not replay them), so they are read again.
        void refreshCount();
        void catchUpNotifications(queryClient);
        if (openedBefore) void queryClient.invalidateQueries({ queryKey: ["conversations"] });
        openedBefore = true;
      });
      if (conversations) {
        for (const [type, listener] of Object.entries(conversations)) {
          current.addEventListener(type, (event) => listener(event.data));
        }
      }
      current.addEventListener("unread", (event) => {
        const count = unreadCountFrom(event.data);
        if (count === undefined) return;
        countVersion += 1;
        queryClient.setQueryData(countKey, { count });
      });
      current.addEventListener("notification", (event) => {
        const notification = notificationFrom(event.data);
        if (!notification) return;
        addArrivedNotification(queryClient, notification);
        setLatest(notification.title);
      });
      current.addEventListener("error", () => {
        // CONNECTING: the browser is already trying again. CLOSED: it gave up; we try later.
        if (current.readyState !== EventSource.CLOSED || source !== current) return;
        void queryClient.resetQueries({ queryKey: countKey });
        retryTimer = setTimeout(connect, reconnectDelayMs(failures));
        failures += 1;
      });
    }

    function reconnectIfClosed() {
      if (document.visibilityState === "visible" && source?.readyState === EventSource.CLOSED) connect();
    }

    connect();
    document.addEventListener("visibilitychange", reconnectIfClosed);
    window.addEventListener("online", reconnectIfClosed);
    return () => {
      clearTimeout(retryTimer);
      source?.close();
      source = null;
      document.removeEventListener("visibilitychange", reconnectIfClosed);
      window.removeEventListener("online", reconnectIfClosed);
    };
  }, [queryClient, viewerId]);

  return latest;
}
