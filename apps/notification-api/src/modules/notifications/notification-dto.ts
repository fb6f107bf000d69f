import type { Notification } from "@sharehood/sdk/contract";
import type { NotificationTypeSchema } from "@sharehood/sdk/contract";
import type { z } from "zod";

/** A notification row as the repositories answer it. */
export interface NotificationRow {
  id: string;
  userId: string;
  type: string;
  title: string;
  body: string;
  url: string;
  readAt: Date | null;
  createdAt: Date;
}

/** The wire shape (the contract's `Notification`). */
export const toNotificationDto = (row: NotificationRow): Notification => ({
  id: row.id,
  type: row.type as z.infer<typeof NotificationTypeSchema>,
  title: row.title,
  body: row.body,
  url: row.url,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
