import { writeEvents } from "@sharehood/server-kit";
import { Prisma, type Db } from "../../db.ts";
import {
  MESSAGE_COLUMNS,
  SELECT_CONVERSATION,
  type ConversationRow,
  type MessageRow,
} from "./conversation-row.ts";
import {
  conversationReadEvent,
  messageCreatedEvent,
  type PostedMessage,
  type ReadMark,
} from "./message-event.ts";
import { newId } from "../../new-id.ts";

const { sql } = Prisma;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Appends a message to a thread the author takes part in, inside the caller's transaction, and
 * answers it with what its event needs (null when the thread is not the author's). The UPDATE
 * numbers the message under the thread's row lock, so concurrent messages get consecutive seqs;
 * it also moves the author's read mark to it (writing means having read the thread) and takes the
 * time after the lock (clock_timestamp), so times follow seqs.
 */
export async function appendMessage(
  tx: Tx,
  message: { conversationId: string; authorId: string; body: string },
): Promise<PostedMessage | null> {
  const { conversationId, authorId, body } = message;
  const rows = await tx.$queryRaw<PostedMessage[]>`
    WITH bumped AS (
      UPDATE conversations SET message_count = message_count + 1, last_activity_at = clock_timestamp(),
        owner_read_seq = CASE WHEN owner_id = ${authorId} THEN message_count + 1 ELSE owner_read_seq END,
        asker_read_seq = CASE WHEN asker_id = ${authorId} THEN message_count + 1 ELSE asker_read_seq END
      WHERE id = ${conversationId} AND (owner_id = ${authorId} OR asker_id = ${authorId})
      RETURNING id, item_id, owner_id, asker_id, loan_id, message_count, last_activity_at),
    inserted AS (
      INSERT INTO messages (id, conversation_id, seq, author_id, body, created_at)
      SELECT ${newId()}, id, message_count, ${authorId}, ${body}, last_activity_at FROM bumped
      RETURNING id, conversation_id, seq, author_id, body, created_at)
    SELECT m.id, m.conversation_id AS "conversationId", m.seq, m.author_id AS "authorId", m.body,
           m.created_at AS "createdAt", coalesce(o.name, 'A neighbour') AS "authorName",
           b.item_id AS "itemId", i.title AS "itemTitle", b.loan_id AS "loanId",
           CASE WHEN b.owner_id = ${authorId} THEN b.asker_id ELSE b.owner_id END AS "recipientId"
    FROM inserted m JOIN bumped b ON b.id = m.conversation_id JOIN items i ON i.id = b.item_id
    LEFT JOIN owners o ON o.id = m.author_id`;
  return rows[0] ?? null;
}

/**
 * Opens a loan's thread between borrower and owner inside the loan request's transaction, with the
 * request's message as its first message. No `message.created` event: `loan.requested` already
 * carries the message to the owner.
 */
export async function openLoanThread(
  tx: Tx,
  loan: { id: string; itemId: string; ownerId: string; borrowerId: string; message: string | null },
): Promise<string> {
  const id = newId();
  await tx.$executeRaw`
    INSERT INTO conversations (id, item_id, owner_id, asker_id, loan_id, created_at, last_activity_at)
    VALUES (${id}, ${loan.itemId}, ${loan.ownerId}, ${loan.borrowerId}, ${loan.id}, clock_timestamp(), clock_timestamp())`;
  if (loan.message)
    await appendMessage(tx, { conversationId: id, authorId: loan.borrowerId, body: loan.message });
  return id;
}

export function createConversationsRepository(db: Db, options: { onEventsWritten?: () => void } = {}) {
  const nudge = () => options.onEventsWritten?.();

  /** Writes a message and its `message.created` event in one transaction of the caller's. */
  async function postIn(tx: Tx, message: Parameters<typeof appendMessage>[1]): Promise<MessageRow | null> {
    const posted = await appendMessage(tx, message);
    if (!posted) return null;
    await writeEvents(tx, "inventory-api", [messageCreatedEvent(posted)]);
    return posted;
  }

  return {
    /** The thread, if this person is one of its two participants (anyone else learns nothing). */
    async findForParticipant(id: string, userId: string): Promise<ConversationRow | null> {
      const rows = await db.$queryRaw<ConversationRow[]>`
        ${SELECT_CONVERSATION} WHERE c.id = ${id} AND (c.owner_id = ${userId} OR c.asker_id = ${userId})`;
      return rows[0] ?? null;
    },

    /**
     * What a send needs to know, in one lookup: whether this person takes part in the thread and,
     * if so, whether the other one's account is gone or has blocked them (null: not theirs).
     */
    async writerView(
      id: string,
      userId: string,
    ): Promise<{ otherId: string; otherGone: boolean; blocked: boolean } | null> {
      const rows = await db.$queryRaw<{ otherId: string; otherGone: boolean; blocked: boolean }[]>`
        SELECT t."otherId", (o.deleted_at IS NOT NULL) AS "otherGone",
               EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = t."otherId" AND b.blocked_id = ${userId}) AS blocked
        FROM (SELECT CASE WHEN owner_id = ${userId} THEN asker_id ELSE owner_id END AS "otherId"
              FROM conversations WHERE id = ${id} AND (owner_id = ${userId} OR asker_id = ${userId})) t
        LEFT JOIN owners o ON o.id = t."otherId"`;
      return rows[0] ?? null;
    },

    /** The id of this person's question thread about the item, if they asked before. */
    async findQuestion(itemId: string, askerId: string): Promise<string | null> {
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM conversations WHERE item_id = ${itemId} AND asker_id = ${askerId} AND loan_id IS NULL`;
      return rows[0]?.id ?? null;
    },

    /**
     * Opens this person's question thread about the item (or finds it: the partial unique index
     * decides between two first questions at once) and writes the message in it, with its event,
     * in one transaction. `opened` says whether the thread is new.
     */
    async ask(question: {
      itemId: string;
      ownerId: string;
      askerId: string;
      body: string;
    }): Promise<{ conversationId: string; opened: boolean }> {
      const { itemId, ownerId, askerId, body } = question;
      const result = await db.$transaction(async (tx) => {
        const inserted = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO conversations (id, item_id, owner_id, asker_id, created_at, last_activity_at)
          VALUES (${newId()}, ${itemId}, ${ownerId}, ${askerId}, clock_timestamp(), clock_timestamp())
          ON CONFLICT (item_id, asker_id) WHERE loan_id IS NULL DO NOTHING RETURNING id`;
        const conversationId =
          inserted[0]?.id ??
          (
            await tx.$queryRaw<{ id: string }[]>`
              SELECT id FROM conversations WHERE item_id = ${itemId} AND asker_id = ${askerId} AND loan_id IS NULL`
          )[0]!.id;
        await postIn(tx, { conversationId, authorId: askerId, body });
        return { conversationId, opened: inserted.length > 0 };
      });
      nudge();
      return result;
    },

    /** Writes a message in a thread of the author's, with its event; null if the thread is not theirs. */
    async post(message: {
      conversationId: string;
      authorId: string;
      body: string;
    }): Promise<MessageRow | null> {
      const row = await db.$transaction((tx) => postIn(tx, message));
      if (row) nudge();
      return row;
    },

    /**
     * A person's threads, newest activity first, keyset-paged on (last_activity_at, id). They are
     * owner in some threads and asker in others: each side reads its own index in order and stops
     * at the page size, and only the merged page is read in full.
     */
    list(userId: string, options: { after?: [string, string]; limit: number }): Promise<ConversationRow[]> {
      const after = options.after
        ? sql`AND (last_activity_at, id) < (${options.after[0]}::timestamptz, ${options.after[1]})`
        : sql``;
      const { limit } = options;
      return db.$queryRaw`
        WITH page AS (
          (SELECT id, last_activity_at FROM conversations WHERE owner_id = ${userId} ${after}
           ORDER BY last_activity_at DESC, id DESC LIMIT ${limit})
          UNION ALL
          (SELECT id, last_activity_at FROM conversations WHERE asker_id = ${userId} ${after}
           ORDER BY last_activity_at DESC, id DESC LIMIT ${limit})
          ORDER BY last_activity_at DESC, id DESC LIMIT ${limit})
        ${SELECT_CONVERSATION} JOIN page ON page.id = c.id
        ORDER BY c.last_activity_at DESC, c.id DESC`;
    },

    /** Unread messages across a person's threads: past their read mark, everything is the other's. */
    async unreadCount(userId: string): Promise<number> {
      const rows = await db.$queryRaw<{ count: number }[]>`
        SELECT ((SELECT coalesce(sum(message_count - owner_read_seq), 0) FROM conversations WHERE owner_id = ${userId})
              + (SELECT coalesce(sum(message_count - asker_read_seq), 0) FROM conversations WHERE asker_id = ${userId}))::int AS count`;
      return rows[0]?.count ?? 0;
    },

    /** A page of a thread's messages, newest first, before `beforeSeq` (the unique index, walked backwards). */
    messages(conversationId: string, options: { beforeSeq?: number; limit: number }): Promise<MessageRow[]> {
      const before = options.beforeSeq === undefined ? sql`` : sql`AND seq < ${options.beforeSeq}`;
      return db.$queryRaw`
        SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ${conversationId} ${before}
        ORDER BY seq DESC LIMIT ${options.limit}`;
    },

    /**
     * Moves this participant's read mark to the newest message; false if the thread is not theirs.
     * When the mark advances, `conversation.read` goes to the outbox in the same transaction (the
     * Notification API updates open streams and holds back a message email no longer needed); a
     * repeated read matches no row in the UPDATE and writes nothing.
     */
    async markRead(conversationId: string, userId: string): Promise<boolean> {
      const { isMine, advanced } = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<ReadMark[]>`
          UPDATE conversations SET
            owner_read_seq = CASE WHEN owner_id = ${userId} THEN message_count ELSE owner_read_seq END,
            asker_read_seq = CASE WHEN asker_id = ${userId} THEN message_count ELSE asker_read_seq END
          WHERE id = ${conversationId}
            AND ((owner_id = ${userId} AND owner_read_seq < message_count)
              OR (asker_id = ${userId} AND asker_read_seq < message_count))
          RETURNING message_count AS "readSeq",
            CASE WHEN owner_id = ${userId} THEN asker_id ELSE owner_id END AS "otherId"`;
        const mark = rows[0];
        if (mark) {
          await writeEvents(tx, "inventory-api", [conversationReadEvent(conversationId, userId, mark)]);
          return { isMine: true, advanced: true };
        }
        const found = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM conversations
          WHERE id = ${conversationId} AND (owner_id = ${userId} OR asker_id = ${userId})`;
        return { isMine: found.length > 0, advanced: false };
      });
      if (advanced) nudge();
      return isMine;
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
