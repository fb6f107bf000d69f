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

/** Whether the participant who did not write `message` has read it (the "seen" mark). */
export function isSeen(row: ConversationRow, message: MessageRow): boolean {
  const readSeq = message.authorId === row.ownerId ? row.askerReadSeq : row.ownerReadSeq;
  return message.seq <= readSeq;
}

/** A message as either participant sees it, with its "seen" mark (see `isSeen`). */
export function toMessageDto(message: MessageRow, seen: boolean): Message {
  return {
    id: message.id,
    conversationId: message.conversationId,
    authorId: message.authorId,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    seen,
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
    lastMessage: last ? toMessageDto(last, isSeen(row, last)) : null,
    unreadCount: Math.max(0, row.messageCount - readSeq),
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

export function toBlockDto(row: BlockRow): Block {
  return { user: toPersonDto(row.blockedId, row.name, row.gone), createdAt: row.createdAt.toISOString() };
}
