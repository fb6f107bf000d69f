import type { Block, Conversation, ConversationPerson, Message } from "@sharehood/sdk";
import type { PhotoUrls } from "../items/item-dto.ts";
import { FORMER_MEMBER } from "../owners/owners.repository.ts";
import type { BlockRow } from "./blocks.repository.ts";
import type { ConversationRow, MessageRow } from "./conversation-row.ts";

/** How someone the owners table has never seen is shown (as loans show them). */
const UNKNOWN_NAME = "A neighbour";

export function toPersonDto(id: string, name: string | null, gone: boolean): ConversationPerson {
  return { id, name: gone ? FORMER_MEMBER : (name ?? UNKNOWN_NAME), formerMember: gone };
}

/** The read mark of the participant who is not `authorId`. */
function recipientReadSeq(row: ConversationRow, authorId: string): number {
  return authorId === row.ownerId ? row.askerReadSeq : row.ownerReadSeq;
}

/**
 * A message as either participant sees it: `seen` once the one who did not write it has read it
 * (known from the thread's read marks, or given).
 */
export function toMessageDto(message: MessageRow, thread: ConversationRow | { seen: boolean }): Message {
  return {
    id: message.id,
    conversationId: message.conversationId,
    authorId: message.authorId,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    seen: "seen" in thread ? thread.seen : message.seq <= recipientReadSeq(thread, message.authorId),
  };
}

/** A thread as `viewerId` (one of its participants) sees it. */
export function toConversationDto(
  row: ConversationRow,
  viewerId: string,
  photoUrls: PhotoUrls,
): Conversation {
  const viewerIsOwner = row.ownerId === viewerId;
  const other = viewerIsOwner
    ? toPersonDto(row.askerId, row.askerName, row.askerGone)
    : toPersonDto(row.ownerId, row.ownerName, row.ownerGone);
  const readSeq = viewerIsOwner ? row.ownerReadSeq : row.askerReadSeq;
  const last =
    row.lastId !== null && row.lastSeq !== null && row.lastAuthorId !== null && row.lastCreatedAt !== null
      ? {
          id: row.lastId,
          conversationId: row.id,
          seq: row.lastSeq,
          authorId: row.lastAuthorId,
          body: row.lastBody ?? "",
          createdAt: row.lastCreatedAt,
        }
      : null;
  return {
    id: row.id,
    item: {
      id: row.itemId,
      title: row.itemTitle,
      thumbnailUrl: row.photoKey === null ? null : photoUrls(row.photoKey).thumbnailUrl,
      deleted: row.itemDeleted,
    },
    other,
    loanId: row.loanId,
    lastMessage: last ? toMessageDto(last, row) : null,
    unreadCount: Math.max(0, row.messageCount - readSeq),
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

export function toBlockDto(row: BlockRow): Block {
  return { user: toPersonDto(row.blockedId, row.name, row.gone), createdAt: row.createdAt.toISOString() };
}
