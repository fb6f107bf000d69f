import { z } from "zod";
import { AuditRecordSchema } from "./audit.ts";
import { IdSchema, TimestampSchema } from "./common.ts";
import { LoanExtensionSchema } from "./borrowing.ts";
import { LoanSchema } from "./inventory.ts";

/**
 * Domain events: what the services tell each other happened. The service that owns a change writes
 * its event in the same database transaction (outbox); a relay publishes it (a Redis Stream, or
 * straight to the consumers on the embedded default). Delivery is at least once; consumers
 * deduplicate by `id`.
 */

/** What happens to loans that people hear about: a transition or a reminder. */
export const LOAN_DOMAIN_EVENT_TYPES = [
  "loan.requested",
  "loan.approved",
  "loan.declined",
  "loan.cancelled",
  "loan.handed_over",
  "loan.returned",
  "loan.expired",
  "loan.due_soon",
  "loan.overdue",
  "loan.request_waiting",
  "loan.extension_requested",
  "loan.extension_approved",
  "loan.extension_declined",
] as const;

/** A loan event type: the payload is the loan (the extension events add the extension). */
export type LoanDomainEventType = (typeof LOAN_DOMAIN_EVENT_TYPES)[number];

/** What happens in conversations that people hear about: a new message. */
export const MESSAGE_DOMAIN_EVENT_TYPES = ["message.created"] as const;

/** The event types people hear about, webhooks subscribe to and the events feed serves. */
export const PUBLIC_EVENT_TYPES = [
  ...LOAN_DOMAIN_EVENT_TYPES,
  ...MESSAGE_DOMAIN_EVENT_TYPES,
  "user.registered",
  "user.email_changed",
  "user.password_changed",
  "user.deleted",
  "user.suspended",
  "review.revealed",
  "item.hidden",
  "report.resolved",
] as const;

/**
 * Events between services only, never shown to people, webhooks or the events feed: two carry a
 * one-time secret for an email (a verification or a password-reset link), a new name (or avatar)
 * keeps the other services' copies of a person current, a read thread lets the Notification API
 * update open streams and hold back a message email that is no longer needed, and an admin action
 * goes to the audit log (kept by the Notification API).
 */
export const INTERNAL_EVENT_TYPES = [
  "account.verification_requested",
  "account.password_reset_requested",
  "account.renamed",
  "conversation.read",
  "audit.recorded",
] as const;

/** A public event type. */
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];
/** Every event type. */
export type EventType = PublicEventType | (typeof INTERNAL_EVENT_TYPES)[number];

/** Which service wrote an event. */
export const EventSourceSchema = z.enum(["user-api", "inventory-api"]);

/** A person as the user events carry them: what the Notification API needs to write to them. */
export const EventPersonSchema = z.object({ id: IdSchema, name: z.string(), email: z.string() });
/** A person as the user events carry them. */
export type EventPerson = z.infer<typeof EventPersonSchema>;

/** The loan as its events carry it: the loan's own fields, without the request's message or times. */
export const EventLoanSchema = LoanSchema.pick({
  id: true,
  item: true,
  ownerId: true,
  borrowerId: true,
  borrowerName: true,
  startDate: true,
  endDate: true,
  status: true,
});
/** The loan as its events carry it. */
export type EventLoan = z.infer<typeof EventLoanSchema>;

const LoanPayloadSchema = z.object({ loan: EventLoanSchema, message: z.string().nullable().optional() });

/**
 * An extension asked for, approved or declined: the loan (with its end date after the change) and
 * the extension's dates.
 */
export const LoanExtensionPayloadSchema = LoanPayloadSchema.extend({
  extension: LoanExtensionSchema.pick({ id: true, previousEndDate: true, endDate: true }),
});

/**
 * A new message as its event carries it: the thread (what it is about, for the notification's
 * text and link), and the message with its author's public name. The audience is the other
 * participant only.
 */
export const MessageCreatedPayloadSchema = z.object({
  conversation: z.object({
    id: IdSchema,
    item: z.object({ id: IdSchema, title: z.string() }),
    /** The loan the thread belongs to; null for a question about the item. */
    loanId: IdSchema.nullable(),
  }),
  message: z.object({
    id: IdSchema,
    /** Its number in the thread (1, 2, …): read marks are compared with it. */
    seq: z.number().int().positive(),
    authorId: IdSchema,
    authorName: z.string(),
    body: z.string(),
    createdAt: TimestampSchema,
  }),
});
/** The payload of `message.created`. */
export type MessageCreatedPayload = z.infer<typeof MessageCreatedPayloadSchema>;

/**
 * A participant's read mark moved: they have read the thread up to message `readSeq`. Written only
 * when the mark advances, so a repeated read writes nothing. `otherId` is the other participant
 * (whose messages are now seen).
 */
export const ConversationReadPayloadSchema = z.object({
  conversationId: IdSchema,
  readerId: IdSchema,
  readSeq: z.number().int().nonnegative(),
  otherId: IdSchema,
});
/** The payload of `conversation.read`. */
export type ConversationReadPayload = z.infer<typeof ConversationReadPayloadSchema>;

const PersonPayloadSchema = z.object({ user: EventPersonSchema });

/**
 * Both reviews of a loan became public (both were written, or the window closed): the audience is
 * the loan's borrower and owner.
 */
export const ReviewRevealedPayloadSchema = z.object({
  loan: z.object({ id: IdSchema, item: z.object({ id: IdSchema, title: z.string() }) }),
  reviews: z.array(z.object({ id: IdSchema, authorId: IdSchema, subjectId: IdSchema })),
});
/** The payload of `review.revealed`. */
export type ReviewRevealedPayload = z.infer<typeof ReviewRevealedPayloadSchema>;

/** Moderators hid an item, and why: the audience is its owner. */
export const ItemHiddenPayloadSchema = z.object({
  item: z.object({ id: IdSchema, title: z.string() }),
  reason: z.string(),
});

/**
 * An admin handled a report: the audience is its reporter. What was done is said only as far as
 * the reporter may know it (`action`).
 */
export const ReportResolvedPayloadSchema = z.object({
  report: z.object({
    id: IdSchema,
    subjectType: z.enum(["item", "user", "message"]),
    subjectId: IdSchema,
    reason: z.string(),
  }),
  action: z.enum(["dismiss", "hide_item", "suspend_user"]),
});

/** Each event type's payload. */
export const EVENT_PAYLOADS = {
  "loan.requested": LoanPayloadSchema,
  "loan.approved": LoanPayloadSchema,
  "loan.declined": LoanPayloadSchema,
  "loan.cancelled": LoanPayloadSchema,
  "loan.handed_over": LoanPayloadSchema,
  "loan.returned": LoanPayloadSchema,
  "loan.expired": LoanPayloadSchema,
  "loan.due_soon": LoanPayloadSchema,
  "loan.overdue": LoanPayloadSchema,
  "loan.request_waiting": LoanPayloadSchema,
  "loan.extension_requested": LoanExtensionPayloadSchema,
  "loan.extension_approved": LoanExtensionPayloadSchema,
  "loan.extension_declined": LoanExtensionPayloadSchema,
  "message.created": MessageCreatedPayloadSchema,
  "user.registered": PersonPayloadSchema,
  "user.email_changed": PersonPayloadSchema.extend({ previousEmail: z.string() }),
  "user.password_changed": PersonPayloadSchema,
  "user.deleted": z.object({ user: z.object({ id: IdSchema }) }),
  "user.suspended": z.object({ user: z.object({ id: IdSchema }) }),
  "review.revealed": ReviewRevealedPayloadSchema,
  "item.hidden": ItemHiddenPayloadSchema,
  "report.resolved": ReportResolvedPayloadSchema,
  "account.verification_requested": PersonPayloadSchema.extend({
    token: z.string(),
    expiresAt: TimestampSchema,
  }),
  "account.password_reset_requested": PersonPayloadSchema.extend({
    token: z.string(),
    expiresAt: TimestampSchema,
  }),
  // A new name or avatar (`avatarUrl` absent in events written before avatars existed).
  "account.renamed": PersonPayloadSchema.extend({ avatarUrl: z.string().nullable().optional() }),
  "conversation.read": ConversationReadPayloadSchema,
  "audit.recorded": AuditRecordSchema,
} as const satisfies Record<EventType, z.ZodType>;

const envelope = {
  /** Unique per event: consumers deduplicate by it. */
  id: z.uuid(),
  /** The version of this type's payload shape. */
  version: z.literal(1),
  time: TimestampSchema,
  source: EventSourceSchema,
  /** Who did it; null for the system (a reminder, an expiry). */
  actor: z.object({ id: IdSchema }).nullable(),
  /** What it is about. */
  subject: z.object({
    type: z.enum(["loan", "user", "item", "conversation", "review", "report"]),
    id: IdSchema,
  }),
  /** The people it concerns (who may be told). */
  audience: z.array(IdSchema),
  /** Trace context (W3C `traceparent`), when the change was traced. */
  trace: z.object({ traceparent: z.string().max(128) }).optional(),
};

function eventOf<T extends EventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: EVENT_PAYLOADS[type] });
}

/** Any domain event, checked against its type's payload. */
export const DomainEventSchema = z.discriminatedUnion("type", [
  eventOf("loan.requested"),
  eventOf("loan.approved"),
  eventOf("loan.declined"),
  eventOf("loan.cancelled"),
  eventOf("loan.handed_over"),
  eventOf("loan.returned"),
  eventOf("loan.expired"),
  eventOf("loan.due_soon"),
  eventOf("loan.overdue"),
  eventOf("loan.request_waiting"),
  eventOf("loan.extension_requested"),
  eventOf("loan.extension_approved"),
  eventOf("loan.extension_declined"),
  eventOf("message.created"),
  eventOf("user.registered"),
  eventOf("user.email_changed"),
  eventOf("user.password_changed"),
  eventOf("user.deleted"),
  eventOf("user.suspended"),
  eventOf("review.revealed"),
  eventOf("item.hidden"),
  eventOf("report.resolved"),
  eventOf("account.verification_requested"),
  eventOf("account.password_reset_requested"),
  eventOf("account.renamed"),
  eventOf("conversation.read"),
  eventOf("audit.recorded"),
]);
/** Any domain event. */
export type DomainEvent = z.infer<typeof DomainEventSchema>;
/** The event of one type. */
export type DomainEventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
/** What a service fills in to write an event; the outbox adds id, version and time. */
export type NewDomainEvent<T extends EventType = EventType> = T extends EventType
  ? Omit<DomainEventOf<T>, "id" | "version" | "time" | "source">
  : never;

/** The Redis Stream every service's relay publishes to (`<REDIS_NAMESPACE>:<stream>`). */
export const EVENT_STREAM = "events";
