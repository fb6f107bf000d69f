import { decodeCursor, encodeCursor } from "@sharehood/server-kit";
import type { Notification, Page } from "@sharehood/sdk/contract";
import { z } from "zod";
import type { StreamHub } from "../stream/stream-hub.ts";
import { toNotificationDto } from "./notification-dto.ts";
import type { NotificationsRepository } from "./notifications.repository.ts";

/** A list position: the last row's creation time and id (the sort keys). */
const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

/** The caller's notifications: list, count, mark read. Marking tells the caller's open streams. */
export function createNotificationsService(deps: { notifications: NotificationsRepository; hub: StreamHub }) {
  return {
    async list(
      userId: string,
      query: { limit: number; cursor?: string; unread?: "true" | "false" },
    ): Promise<Page<Notification>> {
      const position = query.cursor ? decodeCursor(query.cursor, CursorSchema) : undefined;
      const rows = await deps.notifications.list(userId, {
        limit: query.limit + 1,
        unreadOnly: query.unread === "true",
        after: position ? { createdAt: new Date(position[0]), id: position[1] } : undefined,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toNotificationDto),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    unreadCount: async (userId: string) => ({ count: await deps.notifications.countUnread(userId) }),

    /** Marks read; ids that are not the caller's (or not unread) are left alone, silently. */
    async markRead(userId: string, ids: readonly string[] | undefined): Promise<void> {
      if ((await deps.notifications.markRead(userId, ids)) > 0) await deps.hub.announceUnreadChange(userId);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
