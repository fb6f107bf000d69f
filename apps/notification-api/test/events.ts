import { randomUUID } from "node:crypto";
import type { AuditRecord, DomainEvent, EventLoan, LoanDomainEventType } from "@sharehood/sdk/contract";

/** Someone as the tests know them: id, name and address. */
export interface Person {
  id: string;
  name: string;
  email: string;
}

const envelope = (actor: string | null, audience: string[], subject: DomainEvent["subject"]) => ({
  id: randomUUID(),
  version: 1 as const,
  time: new Date().toISOString(),
  actor: actor ? { id: actor } : null,
  audience,
  subject,
});

/** `user.registered`, as the User API writes it. */
export const registered = (person: Person): DomainEvent => ({
  ...envelope(person.id, [person.id], { type: "user", id: person.id }),
  source: "user-api",
  type: "user.registered",
  payload: { user: person },
});

/** A loan between an owner and a borrower, as loan events carry it. */
export function loanBetween(owner: Person, borrower: Person, overrides: Partial<EventLoan> = {}): EventLoan {
  return {
    id: randomUUID(),
    item: { id: randomUUID(), title: "Cordless drill" },
    ownerId: owner.id,
    borrowerId: borrower.id,
    borrowerName: borrower.name,
    startDate: "2026-12-10",
    endDate: "2026-12-12",
    status: "requested",
    ...overrides,
  };
}

/** The loan event types whose payload is the loan alone (the extension events add the extension). */
export type PlainLoanEventType = Exclude<LoanDomainEventType, `loan.extension_${string}`>;

/** A loan event, as the Inventory API writes it: both parties in the audience. */
export function loanEvent(
  type: PlainLoanEventType,
  loan: EventLoan,
  actor: string | null,
  extra: { message?: string } = {},
): DomainEvent {
  return {
    ...envelope(actor, [loan.ownerId, loan.borrowerId], { type: "loan", id: loan.id }),
    source: "inventory-api",
    type,
    payload: { loan, ...extra },
  };
}

/** An extension event, as the Inventory API writes it: the loan after the change, and the extension's dates. */
export function extensionEvent(
  type: Exclude<LoanDomainEventType, PlainLoanEventType>,
  loan: EventLoan,
  actor: string,
  extension: { previousEndDate: string; endDate: string },
): DomainEvent {
  return {
    ...envelope(actor, [loan.ownerId, loan.borrowerId], { type: "loan", id: loan.id }),
    source: "inventory-api",
    type,
    payload: { loan, extension: { id: randomUUID(), ...extension } },
  };
}

/** A thread between an item's owner and someone who asked about it, as message events name it. */
export interface Thread {
  id: string;
  item: { id: string; title: string };
}

/** A new thread about an item (ids as the Inventory API makes them). */
export const newThread = (title = "Camping tent"): Thread => ({
  id: randomUUID(),
  item: { id: randomUUID(), title },
});

/** `message.created`, as the Inventory API writes it: the other participant is the audience. */
export function messageCreated(
  thread: Thread,
  from: Person,
  to: Person,
  message: { seq: number; body: string; createdAt?: string },
): DomainEvent {
  return {
    ...envelope(from.id, [to.id], { type: "conversation", id: thread.id }),
    source: "inventory-api",
    type: "message.created",
    payload: {
      conversation: { id: thread.id, item: thread.item, loanId: null },
      message: {
        id: randomUUID(),
        seq: message.seq,
        authorId: from.id,
        authorName: from.name,
        body: message.body,
        createdAt: message.createdAt ?? new Date().toISOString(),
      },
    },
  };
}

/** `conversation.read`, as the Inventory API writes it when a read mark advances. */
export function conversationRead(
  thread: Thread,
  reader: Person,
  other: Person,
  readSeq: number,
): DomainEvent {
  return {
    ...envelope(reader.id, [reader.id, other.id], { type: "conversation", id: thread.id }),
    source: "inventory-api",
    type: "conversation.read",
    payload: { conversationId: thread.id, readerId: reader.id, readSeq, otherId: other.id },
  };
}

/** An account event of the User API with a one-time token (verification or password reset). */
export function accountEvent(
  type: "account.verification_requested" | "account.password_reset_requested",
  person: Person,
  token: string,
): DomainEvent {
  return {
    ...envelope(null, [person.id], { type: "user", id: person.id }),
    source: "user-api",
    type,
    payload: { user: person, token, expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() },
  };
}

/** Polls `check` until it answers something truthy, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T> | T, ms = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `review.revealed`, as the Inventory API writes it: the loan's two sides are the audience. */
export function reviewsRevealed(
  loan: EventLoan,
  reviews: { authorId: string; subjectId: string }[],
  actor: string | null = null,
): DomainEvent {
  return {
    ...envelope(actor, [loan.ownerId, loan.borrowerId], { type: "loan", id: loan.id }),
    source: "inventory-api",
    type: "review.revealed",
    payload: {
      loan: { id: loan.id, item: loan.item },
      reviews: reviews.map((review) => ({ id: randomUUID(), ...review })),
    },
  };
}

/** `item.hidden`, as the Inventory API writes it: the owner is the audience. */
export function itemHidden(
  admin: string,
  ownerId: string,
  item: { id: string; title: string },
  reason: string,
): DomainEvent {
  return {
    ...envelope(admin, [ownerId], { type: "item", id: item.id }),
    source: "inventory-api",
    type: "item.hidden",
    payload: { item, reason },
  };
}

/** `report.resolved`, as the Inventory API writes it: the reporter is the audience. */
export function reportResolved(
  admin: string,
  reporterId: string,
  action: "dismiss" | "hide_item" | "suspend_user",
  subject: { type: "item" | "user" | "message"; id: string },
): DomainEvent {
  const id = randomUUID();
  return {
    ...envelope(admin, [reporterId], { type: "report", id }),
    source: "inventory-api",
    type: "report.resolved",
    payload: { report: { id, subjectType: subject.type, subjectId: subject.id, reason: "spam" }, action },
  };
}

/** `user.suspended`, as the User API writes it (only the id: the address is this service's copy). */
export const userSuspended = (admin: string, userId: string): DomainEvent => ({
  ...envelope(admin, [userId], { type: "user", id: userId }),
  source: "user-api",
  type: "user.suspended",
  payload: { user: { id: userId } },
});

/** `audit.recorded`, as the User or Inventory API writes it for an admin action. */
export function auditRecorded(
  record: AuditRecord,
  source: "user-api" | "inventory-api" = "inventory-api",
): DomainEvent {
  return {
    ...envelope(record.actor.id, [], { type: record.subject.type, id: record.subject.id }),
    source,
    type: "audit.recorded",
    payload: record,
  };
}
