import { Prisma } from "../../db.ts";

/** A message as the repository returns it. */
export interface MessageRow {
  id: string;
  conversationId: string;
  /** Its position in the thread (1, 2, ...). */
  seq: number;
  authorId: string;
  body: string;
  createdAt: Date;
}

/** A thread as the repository returns it, the same for both participants (the DTO picks a side). */
export interface ConversationRow {
  id: string;
  itemId: string;
  itemTitle: string;
  itemDeleted: boolean;
  /** The storage key of the item's first photo, if any. */
  photoKey: string | null;
  ownerId: string;
  askerId: string;
  loanId: string | null;
  messageCount: number;
  ownerReadSeq: number;
  askerReadSeq: number;
  createdAt: Date;
  lastActivityAt: Date;
  /** Public names as the owners table knows them (null if never seen); `...Gone` for deleted accounts. */
  ownerName: string | null;
  ownerGone: boolean;
  askerName: string | null;
  askerGone: boolean;
  /** The newest message (all null when the thread has none). */
  lastId: string | null;
  lastSeq: number | null;
  lastAuthorId: string | null;
  lastBody: string | null;
  lastCreatedAt: Date | null;
}

// Items are never deleted, only unlisted (deleted_at), so the join always finds the item and the
// thread shows its last title. The newest message is found through the (conversation_id, seq)
// unique index: the thread's message_count is its seq.
export const SELECT_CONVERSATION = Prisma.sql`
  SELECT c.id, c.item_id AS "itemId", i.title AS "itemTitle", (i.deleted_at IS NOT NULL) AS "itemDeleted",
         (SELECT p.key FROM photos p WHERE p.item_id = c.item_id ORDER BY p.position LIMIT 1) AS "photoKey",
         c.owner_id AS "ownerId", c.asker_id AS "askerId", c.loan_id AS "loanId",
         c.message_count AS "messageCount", c.owner_read_seq AS "ownerReadSeq", c.asker_read_seq AS "askerReadSeq",
         c.created_at AS "createdAt", c.last_activity_at AS "lastActivityAt",
         ow.name AS "ownerName", (ow.deleted_at IS NOT NULL) AS "ownerGone",
         ak.name AS "askerName", (ak.deleted_at IS NOT NULL) AS "askerGone",
         m.id AS "lastId", m.seq AS "lastSeq", m.author_id AS "lastAuthorId", m.body AS "lastBody",
         m.created_at AS "lastCreatedAt"
  FROM conversations c
  JOIN items i ON i.id = c.item_id
  LEFT JOIN owners ow ON ow.id = c.owner_id
  LEFT JOIN owners ak ON ak.id = c.asker_id
  LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.message_count`;

export const MESSAGE_COLUMNS = Prisma.sql`
  id, conversation_id AS "conversationId", seq, author_id AS "authorId", body, created_at AS "createdAt"`;
