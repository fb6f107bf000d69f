import type { AuditEntry, DomainEvent, DomainEventOf } from "@sharehood/sdk/contract";
import type { EmailContent } from "../email/email-content.ts";
import type { IncomingMessage } from "../messages/message-threads.repository.ts";
import type { NewNotification } from "../notifications/notifications.repository.ts";
import type { LiveEvent } from "../stream/stream-hub.ts";
import { loanCopy, loanEventPath } from "./loan-copy.ts";
import { isLoanEvent, loanRecipients } from "./loan-recipients.ts";
import { itemHiddenCopy, reportResolvedCopy, reviewsVisibleCopy, type NoticeCopy } from "./trust-copy.ts";

/**
 * An email to someone at the address this service keeps for them: a switchable kind (`kind`) goes
 * out if they have it on; an account notice (a suspension) always does.
 */
export interface PersonEmail {
  userId: string;
  content: Extract<EmailContent, { template: "loan" | "notice" | "account-suspended" }>;
}

/** An account email, always sent: its address comes with the event. */
export interface AccountEmail {
  userId: string;
  to: { name: string; address: string };
  content: Extract<
    EmailContent,
    { template: "verify-email" | "reset-password" | "email-changed" | "password-changed" }
  >;
}

/** What an event means for this service, decided without the database. */
export interface EventPlan {
  /** People to remember (or update) from the event. */
  remember: { id: string; name: string; email: string }[];
  /** A person to forget entirely (their account was deleted). */
  forget?: string;
  notifications: NewNotification[];
  emails: PersonEmail[];
  accountEmails: AccountEmail[];
  /** Messages to keep for their recipient's delayed email check (messages/). */
  unreadMessages: IncomingMessage[];
  /** Read marks that moved: they hold back a message email no longer needed. */
  readMarks: { userId: string; conversationId: string; readSeq: number }[];
  /** What the people's open streams hear after the commit, each with its key (the event's id). */
  live: { userId: string; key: string; event: LiveEvent }[];
  /** An admin action to add to the audit log (its id is the event's). */
  audit?: AuditEntry;
}

const empty = (): EventPlan => ({
  remember: [],
  notifications: [],
  emails: [],
  accountEmails: [],
  unreadMessages: [],
  readMarks: [],
  live: [],
});

/** The in-app notifications and emails of a loan event, one per person told. */
function planLoanEvent(event: Parameters<typeof loanRecipients>[0]): EventPlan {
  const plan = empty();
  const { loan, message } = event.payload;
  const extension = "extension" in event.payload ? event.payload.extension : undefined;
  for (const { userId, role } of loanRecipients(event)) {
    const copy = loanCopy(event.type, role, loan, extension);
    const path = loanEventPath(event.type, loan.id);
    plan.notifications.push({ userId, eventId: event.id, type: event.type, ...copy, url: path });
    plan.emails.push({
      userId,
      content: {
        template: "loan",
        kind: event.type,
        ...copy,
        message: event.type === "loan.requested" && role === "owner" ? (message ?? null) : null,
        path,
      },
    });
  }
  return plan;
}

type NoticeEvent = DomainEventOf<"review.revealed" | "item.hidden" | "report.resolved">;

/** One notification per person told, and the email of the event's kind (sent if they have it on). */
function planNotices(event: NoticeEvent, told: readonly { userId: string; copy: NoticeCopy }[]): EventPlan {
  const plan = empty();
  for (const { userId, copy } of told) {
    const { title, body, path, action } = copy;
    plan.notifications.push({ userId, eventId: event.id, type: event.type, title, body, url: path });
    plan.emails.push({
      userId,
      content: { template: "notice", kind: event.type, title, body, path, action },
    });
  }
  return plan;
}

/**
 * Whom each trust and moderation event tells: only people in its audience (the producer says who it
 * concerns), once each; the revealed reviews' authors and subjects, the hidden item's owner, the
 * report's reporter. An admin acting on their own item or report is not told of their own action.
 */
function planTrustEvent(event: NoticeEvent): EventPlan {
  const audience = [...new Set(event.audience)];
  switch (event.type) {
    case "review.revealed": {
      const concerned = new Set(event.payload.reviews.flatMap((r) => [r.authorId, r.subjectId]));
      return planNotices(
        event,
        audience
          .filter((userId) => concerned.has(userId))
          .map((userId) => ({ userId, copy: reviewsVisibleCopy(event.payload, userId) })),
      );
    }
    case "item.hidden":
    case "report.resolved": {
      const copy =
        event.type === "item.hidden" ? itemHiddenCopy(event.payload) : reportResolvedCopy(event.payload);
      return planNotices(
        event,
        audience.filter((userId) => userId !== event.actor?.id).map((userId) => ({ userId, copy })),
      );
    }
  }
}

/**
 * A new message: no in-app notification per message (the inbox and its unread count are the in-app
 * place for messages, and a busy thread would bury everything else); its recipient's open streams
 * get it live, and a check is scheduled to email it if it stays unread.
 */
function planMessage(event: DomainEventOf<"message.created">): EventPlan {
  const plan = empty();
  const { conversation, message } = event.payload;
  // Writing means having read the thread (the Inventory API moves the author's mark to the new
  // message without a conversation.read): a reply holds back the email about what it answers.
  plan.readMarks.push({ userId: message.authorId, conversationId: conversation.id, readSeq: message.seq });
  for (const userId of event.audience) {
    if (userId === event.actor?.id || userId === message.authorId) continue;
    plan.live.push({
      userId,
      key: event.id,
      event: {
        event: "message",
        data: {
          conversationId: conversation.id,
          item: conversation.item,
          message: {
            id: message.id,
            conversationId: conversation.id,
            authorId: message.authorId,
            body: message.body,
            createdAt: message.createdAt,
            seen: false,
          },
        },
      },
    });
    plan.unreadMessages.push({
      userId,
      conversationId: conversation.id,
      seq: message.seq,
      messageId: message.id,
      authorName: message.authorName,
      itemTitle: conversation.item.title,
      body: message.body,
      createdAt: new Date(message.createdAt),
    });
  }
  return plan;
}

/** A thread was read: both participants' streams hear it; the reader's mark holds back emails. */
function planConversationRead(event: DomainEventOf<"conversation.read">): EventPlan {
  const plan = empty();
  const { conversationId, readerId, readSeq, otherId } = event.payload;
  plan.readMarks.push({ userId: readerId, conversationId, readSeq });
  for (const userId of new Set([readerId, otherId]))
    plan.live.push({
      userId,
      key: event.id,
      event: { event: "conversation-read", data: { conversationId, readerId } },
    });
  return plan;
}

/**
 * Decides what an event means here: whom to remember or forget, which notifications to create,
 * which emails to send and what goes to the audit log. Applying it (events/handle-event.ts) is one
 * transaction.
 */
export function planEvent(event: DomainEvent): EventPlan {
  if (isLoanEvent(event)) return planLoanEvent(event);
  const plan = empty();
  switch (event.type) {
    case "user.registered":
    case "account.renamed":
      plan.remember.push(event.payload.user);
      break;
    case "user.email_changed": {
      const { user, previousEmail } = event.payload;
      plan.remember.push(user);
      // To the old address: if the change was not theirs, the new one belongs to whoever made it.
      plan.accountEmails.push({
        userId: user.id,
        to: { name: user.name, address: previousEmail },
        content: { template: "email-changed", name: user.name, newEmail: user.email },
      });
      break;
    }
    case "user.password_changed": {
      const { user } = event.payload;
      plan.remember.push(user);
      plan.accountEmails.push({
        userId: user.id,
        to: { name: user.name, address: user.email },
        content: { template: "password-changed", name: user.name },
      });
      break;
    }
    case "user.deleted":
      plan.forget = event.payload.user.id;
      break;
    case "user.suspended":
      // No in-app notification: they can no longer sign in to read it. The email is an account
      // email, always sent, to the address kept here (the event carries only the id).
      plan.emails.push({ userId: event.payload.user.id, content: { template: "account-suspended" } });
      break;
    case "review.revealed":
    case "item.hidden":
    case "report.resolved":
      return planTrustEvent(event);
    case "audit.recorded":
      plan.audit = { id: event.id, ...event.payload };
      break;
    case "message.created":
      return planMessage(event);
    case "conversation.read":
      return planConversationRead(event);
    case "account.verification_requested":
    case "account.password_reset_requested": {
      const { user, token, expiresAt } = event.payload;
      plan.remember.push(user);
      plan.accountEmails.push({
        userId: user.id,
        to: { name: user.name, address: user.email },
        content: {
          template: event.type === "account.verification_requested" ? "verify-email" : "reset-password",
          name: user.name,
          token,
          expiresAt,
        },
      });
      break;
    }
    default: {
      // A new event type must be decided on here (tsc says so): tell someone, or knowingly not.
      const unhandled: never = event;
      return unhandled;
    }
  }
  return plan;
}
