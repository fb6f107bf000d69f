import type { Db } from "../../db.ts";
import type { MessageRow } from "../conversations/conversation-row.ts";

/** A message as a report needs it: who wrote it, in which thread, between whom. */
export interface ReportedMessage {
  id: string;
  conversationId: string;
  seq: number;
  authorId: string;
  authorName: string | null;
  /** The thread's two participants and its item. */
  ownerId: string;
  askerId: string;
  itemId: string;
}

/** Reads messages for reports: the one reported, and the thread around it for the admin's context. */
export function createReportedMessagesRepository(db: Db) {
  return {
    async find(id: string): Promise<ReportedMessage | null> {
      const rows = await db.$queryRaw<ReportedMessage[]>`
        SELECT m.id, m.conversation_id AS "conversationId", m.seq, m.author_id AS "authorId", o.name AS "authorName",
               c.owner_id AS "ownerId", c.asker_id AS "askerId", c.item_id AS "itemId"
        FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN owners o ON o.id = m.author_id
        WHERE m.id = ${id}`;
      return rows[0] ?? null;
    },

    /**
     * The messages from `span` before to `span` after `seq` in the thread (it included), oldest
     * first, each with its "seen" mark as the participants' read marks give it (the unique
     * (conversation_id, seq) index reads just these).
     */
    around(conversationId: string, seq: number, span: number): Promise<(MessageRow & { seen: boolean })[]> {
      return db.$queryRaw`
        SELECT m.id, m.conversation_id AS "conversationId", m.seq, m.author_id AS "authorId", m.body,
               m.created_at AS "createdAt",
               (m.seq <= CASE WHEN m.author_id = c.owner_id THEN c.asker_read_seq ELSE c.owner_read_seq END) AS seen
        FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.conversation_id = ${conversationId} AND m.seq BETWEEN ${seq - span} AND ${seq + span}
        ORDER BY m.seq`;
    },
  };
}

export type ReportedMessagesRepository = ReturnType<typeof createReportedMessagesRepository>;
