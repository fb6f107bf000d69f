import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema } from "./common.ts";
import { FIELD_LIMITS } from "./limits.ts";

/**
 * Conversations: a thread between an item's owner and one other person, either about the item
 * (a question, one thread per item and asker) or about one loan (every loan has its own). Only the
 * two participants can read or write in a thread; anyone else is told it does not exist (404).
 */

/** `POST /items/:id/conversations` and `POST /conversations/:id/messages` body: plain text. */
export const SendMessageBodySchema = z.strictObject({
  body: z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.message),
});
/** A message as sent. */
export type SendMessageBody = z.input<typeof SendMessageBodySchema>;

/** One message of a thread. Plain text: clients show it as text, never as HTML. */
export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  authorId: IdSchema,
  body: z.string(),
  createdAt: TimestampSchema,
  /** Whether the participant who did not write it has read it (the "seen" mark). */
  seen: z.boolean(),
});
/** One message of a thread. */
export type Message = z.infer<typeof MessageSchema>;

/** The item a thread is about; it stays shown (with its last title) after the item is removed. */
export const ConversationItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** The first photo's thumbnail, if the item has one. */
  thumbnailUrl: z.string().nullable(),
  /** The item was removed: the thread stays readable. */
  deleted: z.boolean(),
});
/** The item a thread is about. */
export type ConversationItem = z.infer<typeof ConversationItemSchema>;

/** A person as threads and blocks show them. A deleted account shows as a former member. */
export const ConversationPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The account was deleted; `name` is then a stand-in ("Former member"). */
  formerMember: z.boolean(),
});
/** A person as threads and blocks show them. */
export type ConversationPerson = z.infer<typeof ConversationPersonSchema>;

/** A thread as one of its two participants sees it. */
export const ConversationSchema = z.object({
  id: IdSchema,
  item: ConversationItemSchema,
  /** The other participant. */
  other: ConversationPersonSchema,
  /** The loan this thread belongs to; null for a question about the item. */
  loanId: IdSchema.nullable(),
  /** The newest message; null for a loan requested without a message, before anyone writes. */
  lastMessage: MessageSchema.nullable(),
  /** How many of the other participant's messages the caller has not read. */
  unreadCount: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  /** When the newest message was written (the thread's creation before any); the inbox's order. */
  lastActivityAt: TimestampSchema,
});
/** A thread as one of its participants sees it. */
export type Conversation = z.infer<typeof ConversationSchema>;

/** `GET /conversations` query: your threads, newest activity first. */
export const ListConversationsQuerySchema = PageQuerySchema;
/** `GET /conversations` query. */
export type ListConversationsQuery = z.input<typeof ListConversationsQuerySchema>;

/** `GET /conversations/:id/messages` query: newest first; `cursor` pages back in time. */
export const ListMessagesQuerySchema = PageQuerySchema;
/** `GET /conversations/:id/messages` query. */
export type ListMessagesQuery = z.input<typeof ListMessagesQuerySchema>;

/** `GET /conversations/unread-count` answer: unread messages across all your threads. */
export const ConversationUnreadCountSchema = z.object({ count: z.number().int().nonnegative() });

/** A route parameter `:userId`. */
export const UserIdParamsSchema = z.object({ userId: IdSchema });

/** Someone you blocked: they cannot write to you or ask to borrow your items. */
export const BlockSchema = z.object({ user: ConversationPersonSchema, createdAt: TimestampSchema });
/** Someone you blocked. */
export type Block = z.infer<typeof BlockSchema>;

/** `GET /blocks` query. */
export const ListBlocksQuerySchema = PageQuerySchema;

/**
 * The `reason` a 403 problem carries when the refusal is a block: the person asked has blocked the
 * caller, so the caller can neither write to them nor ask to borrow their items.
 */
export const BLOCKED_REASON = "blocked";
