import type { Db, Tx } from "../../db.ts";

/** A message to a person, as its event brought it: what the message email quotes. */
export interface IncomingMessage {
  userId: string;
  conversationId: string;
  seq: number;
  messageId: string;
  authorName: string;
  itemTitle: string;
  body: string;
  createdAt: Date;
}

/** A person's state in one thread, locked for the check that reads it. */
export interface ThreadState {
  readSeq: number;
  checkAt: Date | null;
  lastEmailedAt: Date | null;
}

/**
 * Per person and thread: the read mark, the one pending check and the last message email
 * (`message_threads`), and the messages neither read nor emailed yet (`unread_messages`). Every
 * call runs inside a transaction: an event's handling or a check's.
 */
export const messageThreadsRepository = {
  /**
   * Keeps a message for its recipient and answers when their pending check is due: the one already
   * pending (it will see this message too), else `checkAt`. A redelivered message inserts nothing.
   */
  async addUnread(tx: Tx, message: IncomingMessage, checkAt: Date): Promise<Date> {
    const { userId, conversationId } = message;
    await tx.$executeRaw`
      INSERT INTO unread_messages (user_id, conversation_id, seq, message_id, author_name, item_title, body, created_at)
      VALUES (${userId}, ${conversationId}, ${message.seq}, ${message.messageId}, ${message.authorName},
              ${message.itemTitle}, ${message.body}, ${message.createdAt})
      ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<{ checkAt: Date }[]>`
      INSERT INTO message_threads (user_id, conversation_id, check_at)
      VALUES (${userId}, ${conversationId}, ${checkAt})
      ON CONFLICT (user_id, conversation_id) DO UPDATE
        SET check_at = coalesce(message_threads.check_at, excluded.check_at), updated_at = now()
      RETURNING check_at AS "checkAt"`;
    return rows[0]!.checkAt;
  },

  /** Moves a person's read mark forward (events may come out of order: it never moves back). */
  async markRead(tx: Tx, read: { userId: string; conversationId: string; readSeq: number }): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO message_threads (user_id, conversation_id, read_seq)
      VALUES (${read.userId}, ${read.conversationId}, ${read.readSeq})
      ON CONFLICT (user_id, conversation_id) DO UPDATE
        SET read_seq = greatest(message_threads.read_seq, excluded.read_seq), updated_at = now()`;
  },

  /** The thread's state, locked until the check's transaction ends (one check at a time). */
  async lock(tx: Tx, userId: string, conversationId: string): Promise<ThreadState | null> {
    const rows = await tx.$queryRaw<ThreadState[]>`
      SELECT read_seq AS "readSeq", check_at AS "checkAt", last_emailed_at AS "lastEmailedAt"
      FROM message_threads WHERE user_id = ${userId} AND conversation_id = ${conversationId}
      FOR UPDATE`;
    return rows[0] ?? null;
  },

  /** The messages past the read mark, oldest first; those it has reached are dropped first. */
  async unread(tx: Tx, userId: string, conversationId: string, readSeq: number): Promise<IncomingMessage[]> {
    await tx.$executeRaw`
      DELETE FROM unread_messages
      WHERE user_id = ${userId} AND conversation_id = ${conversationId} AND seq <= ${readSeq}`;
    return tx.$queryRaw<IncomingMessage[]>`
      SELECT user_id AS "userId", conversation_id AS "conversationId", seq, message_id AS "messageId",
             author_name AS "authorName", item_title AS "itemTitle", body, created_at AS "createdAt"
      FROM unread_messages WHERE user_id = ${userId} AND conversation_id = ${conversationId}
      ORDER BY seq`;
  },

  /** The next check's time (null: none pending). */
  async setCheck(tx: Tx, userId: string, conversationId: string, checkAt: Date | null): Promise<void> {
    await tx.$executeRaw`
      UPDATE message_threads SET check_at = ${checkAt}, updated_at = now()
      WHERE user_id = ${userId} AND conversation_id = ${conversationId}`;
  },

  /**
   * Done with the messages up to `throughSeq` (emailed, or not to be emailed): they are dropped and
   * no check is pending; `emailedAt` starts the interval when an email was drafted.
   */
  async settle(
    tx: Tx,
    thread: { userId: string; conversationId: string; throughSeq: number; emailedAt?: Date },
  ): Promise<void> {
    const { userId, conversationId } = thread;
    await tx.$executeRaw`
      DELETE FROM unread_messages
      WHERE user_id = ${userId} AND conversation_id = ${conversationId} AND seq <= ${thread.throughSeq}`;
    await tx.$executeRaw`
      UPDATE message_threads
      SET check_at = NULL, last_emailed_at = coalesce(${thread.emailedAt ?? null}::timestamptz, last_emailed_at),
          updated_at = now()
      WHERE user_id = ${userId} AND conversation_id = ${conversationId}`;
  },

  /**
   * Forgets threads with no check pending and untouched since `before` (far longer than the
   * interval): a message that comes later finds no read mark, which is right for a new message.
   */
  async purgeIdle(db: Db, before: Date): Promise<number> {
    return db.$executeRaw`
      DELETE FROM message_threads WHERE check_at IS NULL AND updated_at < ${before}`;
  },

  /** Drops a person's threads and messages (they deleted their account); their checks find nothing. */
  async forgetPerson(tx: Tx, userId: string): Promise<void> {
    await tx.$executeRaw`DELETE FROM unread_messages WHERE user_id = ${userId}`;
    await tx.$executeRaw`DELETE FROM message_threads WHERE user_id = ${userId}`;
  },
};
