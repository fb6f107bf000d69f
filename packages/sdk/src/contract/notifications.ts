import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema } from "./common.ts";
import { MessageSchema } from "./conversations.ts";
import { LOAN_DOMAIN_EVENT_TYPES, MESSAGE_DOMAIN_EVENT_TYPES, PUBLIC_EVENT_TYPES } from "./events.ts";

/** What a notification is about: the public event type that caused it. */
export const NotificationTypeSchema = z.enum(PUBLIC_EVENT_TYPES);

/** One in-app notification. `url` is the web app's page it is about (a path, such as `/loans/…`). */
export const NotificationSchema = z.object({
  id: IdSchema,
  type: NotificationTypeSchema,
  title: z.string(),
  body: z.string(),
  url: z.string(),
  readAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
});
/** One in-app notification. */
export type Notification = z.infer<typeof NotificationSchema>;

/** `GET /notifications` query: a page, optionally only the unread ones. */
export const ListNotificationsQuerySchema = PageQuerySchema.extend({
  unread: z.enum(["true", "false"]).optional(),
});
/** `GET /notifications` query. */
export type ListNotificationsQuery = z.input<typeof ListNotificationsQuerySchema>;

/** `GET /notifications/unread-count` answer. */
export const UnreadCountSchema = z.object({ count: z.number().int().nonnegative() });

/** `POST /notifications/read` body: the notifications to mark read; none marks them all. */
export const MarkReadBodySchema = z.strictObject({ ids: z.array(IdSchema).min(1).max(100).optional() });
/** `POST /notifications/read` body. */
export type MarkReadBody = z.input<typeof MarkReadBodySchema>;

/**
 * The kinds a person can be emailed about, each switchable. Account emails (verification, password
 * reset, notices of a changed email or password) are always sent: they are about the account's
 * safety, not news; so is the notice of a suspension (`user.suspended`). `message.created` is the
 * email about messages still unread a while after they came (at most one per thread in an interval).
 */
export const EMAIL_KINDS = [
  ...LOAN_DOMAIN_EVENT_TYPES,
  ...MESSAGE_DOMAIN_EVENT_TYPES,
  "review.revealed",
  "item.hidden",
  "report.resolved",
] as const;
/** A kind of email a person can switch on or off. */
export type EmailKind = (typeof EMAIL_KINDS)[number];
/** A kind of email a person can switch on or off. */
export const EmailKindSchema = z.enum(EMAIL_KINDS);

/** Whether each kind is emailed when nobody has chosen: the messages that need an answer or act. */
export const EMAIL_DEFAULTS: Record<EmailKind, boolean> = {
  "loan.requested": true,
  "loan.approved": true,
  "loan.declined": true,
  "loan.cancelled": true,
  "loan.handed_over": false,
  "loan.returned": false,
  "loan.expired": true,
  "loan.due_soon": true,
  "loan.overdue": true,
  "loan.request_waiting": true,
  // An extension needs the owner's answer; its outcome changes when the borrower must bring it back.
  "loan.extension_requested": true,
  "loan.extension_approved": true,
  "loan.extension_declined": true,
  "message.created": true,
  "review.revealed": false,
  // Moderators hid one of your items: you need to know why, and may want to answer.
  "item.hidden": true,
  "report.resolved": false,
};

const KindSettingSchema = z.strictObject({ email: z.boolean() });

/** `GET /notification-preferences` answer: every kind with its setting. */
export const NotificationPreferencesSchema = z.object({
  kinds: z.record(EmailKindSchema, KindSettingSchema),
});
/** A person's notification preferences. */
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** `PUT /notification-preferences` body: the kinds to change (the others keep their setting). */
export const UpdateNotificationPreferencesBodySchema = z.strictObject({
  kinds: z.partialRecord(EmailKindSchema, KindSettingSchema),
});
/** `PUT /notification-preferences` body. */
export type UpdateNotificationPreferencesBody = z.input<typeof UpdateNotificationPreferencesBodySchema>;

/** `?token=` of the one-click unsubscribe link (signed: who and which kind). */
export const UnsubscribeQuerySchema = z.object({ token: z.string().min(1).max(512) });

/** The unsubscribe answer: which kind was switched off. */
export const UnsubscribeResultSchema = z.object({ kind: EmailKindSchema, email: z.literal(false) });

/**
 * `event: message` of the notification stream: a new message in one of the caller's threads,
 * written by the other participant, as the caller sees it (`seen` false). Not a stored
 * notification: a resumed stream does not replay it (refetch the thread and the inbox instead).
 */
export const StreamMessageEventSchema = z.object({
  conversationId: IdSchema,
  item: z.object({ id: IdSchema, title: z.string() }),
  message: MessageSchema,
});
/** `event: message` of the notification stream. */
export type StreamMessageEvent = z.infer<typeof StreamMessageEventSchema>;

/**
 * `event: conversation-read` of the notification stream, to both participants: `readerId` read the
 * thread. For the other participant their messages are now seen; for the reader's other tabs the
 * thread is no longer unread. Not replayed on resume either.
 */
export const StreamConversationReadEventSchema = z.object({
  conversationId: IdSchema,
  readerId: IdSchema,
});
/** `event: conversation-read` of the notification stream. */
export type StreamConversationReadEvent = z.infer<typeof StreamConversationReadEventSchema>;
