import type { NewDomainEvent } from "@sharehood/sdk";

/** What the repository knows of a message just written, for its event. */
export interface PostedMessage {
  id: string;
  conversationId: string;
  seq: number;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  itemId: string;
  itemTitle: string;
  loanId: string | null;
  recipientId: string;
}

/**
 * The `message.created` event of a new message, for the outbox. Its audience is the other
 * participant only: the author needs no notification of what they wrote.
 */
export function messageCreatedEvent(posted: PostedMessage): NewDomainEvent {
  return {
    type: "message.created",
    actor: { id: posted.authorId },
    subject: { type: "conversation", id: posted.conversationId },
    audience: [posted.recipientId],
    payload: {
      conversation: {
        id: posted.conversationId,
        item: { id: posted.itemId, title: posted.itemTitle },
        loanId: posted.loanId,
      },
      message: {
        id: posted.id,
        seq: posted.seq,
        authorId: posted.authorId,
        authorName: posted.authorName,
        body: posted.body,
        createdAt: posted.createdAt.toISOString(),
      },
    },
  };
}

/** A participant's read mark just moved: up to which message, and who the other participant is. */
export interface ReadMark {
  readSeq: number;
  otherId: string;
}

/**
 * The internal `conversation.read` event, for the outbox. Both participants are its audience: the
 * writer's messages are now seen, and the reader's other tabs drop the unread mark.
 */
export function conversationReadEvent(
  conversationId: string,
  readerId: string,
  mark: ReadMark,
): NewDomainEvent {
  return {
    type: "conversation.read",
    actor: { id: readerId },
    subject: { type: "conversation", id: conversationId },
    audience: [readerId, mark.otherId],
    payload: { conversationId, readerId, readSeq: mark.readSeq, otherId: mark.otherId },
  };
}
