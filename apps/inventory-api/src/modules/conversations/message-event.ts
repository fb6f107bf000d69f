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
        authorId: posted.authorId,
        authorName: posted.authorName,
        body: posted.body,
        createdAt: posted.createdAt.toISOString(),
      },
    },
  };
}
