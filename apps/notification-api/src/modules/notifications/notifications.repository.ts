import type { Db, Tx } from "../../db.ts";
import type { NotificationRow } from "./notification-dto.ts";

/** A notification to create for one person from one event. */
export interface NewNotification {
  userId: string;
  eventId: string;
  type: string;
  title: string;
  body: string;
  url: string;
}

/** Ids are UUIDs here; anything else names no notification (and must not reach a uuid column). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const COLUMNS = {
  id: true,
  userId: true,
  type: true,
  title: true,
  body: true,
  url: true,
  readAt: true,
  createdAt: true,
} as const;

/**
 * Every query names the owner (`userId`): a person reads, counts and marks only their own. The list
 * and the count read the (user_id, created_at DESC, id DESC) index, the count the partial index of
 * unread rows (see the migration).
 */
export function createNotificationsRepository(db: Db) {
  return {
    /** Creates one notification per person for an event, in its transaction; a repeat adds none. */
    async create(tx: Tx, notifications: readonly NewNotification[]): Promise<NotificationRow[]> {
      if (notifications.length === 0) return [];
      return tx.notification.createManyAndReturn({
        data: [...notifications],
        skipDuplicates: true,
        select: COLUMNS,
      });
    },

    /** A page of the person's notifications, newest first, after the keyset position `after`. */
    async list(
      userId: string,
      options: { limit: number; unreadOnly: boolean; after?: { createdAt: Date; id: string } },
    ): Promise<NotificationRow[]> {
      const { after } = options;
      return db.notification.findMany({
        where: {
          userId,
          ...(options.unreadOnly ? { readAt: null } : {}),
          ...(after
            ? {
                OR: [
                  { createdAt: { lt: after.createdAt } },
                  { createdAt: after.createdAt, id: { lt: after.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: options.limit,
        select: COLUMNS,
      });
    },

    /** The person's notifications created after `since`, oldest first (a stream resuming). */
    async createdSince(userId: string, since: Date, limit: number): Promise<NotificationRow[]> {
      return db.notification.findMany({
        where: { userId, createdAt: { gt: since } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit,
        select: COLUMNS,
      });
    },

    countUnread(userId: string): Promise<number> {
      return db.notification.count({ where: { userId, readAt: null } });
    },

    /** Marks the person's unread notifications among `ids` (all of them without) read; answers how many changed. */
    async markRead(userId: string, ids: readonly string[] | undefined): Promise<number> {
      const only = ids?.filter(isUuid);
      if (only?.length === 0) return 0;
      const { count } = await db.notification.updateMany({
        where: { userId, readAt: null, ...(only ? { id: { in: only } } : {}) },
        data: { readAt: new Date() },
      });
      return count;
    },

    async forgetPerson(tx: Tx, userId: string): Promise<void> {
      await tx.notification.deleteMany({ where: { userId } });
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
