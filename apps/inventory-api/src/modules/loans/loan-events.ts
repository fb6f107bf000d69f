import type { EventLoan, LoanExtension, LoanStatus, NewDomainEvent } from "@sharehood/sdk";
import type { LoanRow } from "./loans.repository.ts";

/** The loan event types: a transition (`loan.approved`, ...) or a reminder. */
export type LoanEventType = Exclude<Extract<NewDomainEvent["type"], `loan.${string}`>, ExtensionEventType>;
/** The events of an extension request: asked for, approved, declined (a withdrawal tells no one). */
export type ExtensionEventType =
  "loan.extension_requested" | "loan.extension_approved" | "loan.extension_declined";

function eventLoan(row: LoanRow, status: LoanStatus): EventLoan {
  return {
    id: row.id,
    item: { id: row.itemId, title: row.itemTitle },
    ownerId: row.ownerId,
    borrowerId: row.borrowerId,
    borrowerName: row.borrowerName,
    startDate: row.startDate,
    endDate: row.endDate,
    status,
  };
}

/**
 * The domain event of a loan's change, for the outbox. The audience is both parties, the actor
 * included (the Notification API decides who is told); a waiting request concerns only the owner.
 * `status` is the loan's status after the change, for rows read before it.
 */
export function loanEvent(
  type: LoanEventType,
  row: LoanRow,
  actorId: string | null,
  status: LoanStatus = row.status,
): NewDomainEvent {
  const audience = type === "loan.request_waiting" ? [row.ownerId] : [row.ownerId, row.borrowerId];
  return {
    type,
    actor: actorId === null ? null : { id: actorId },
    subject: { type: "loan", id: row.id },
    audience,
    payload: {
      loan: eventLoan(row, status),
      ...(type === "loan.requested" ? { message: row.message } : {}),
    },
  };
}

/**
 * The domain event of an extension request's change, about both parties (the Notification API tells
 * the owner of a request, the borrower of the answer). The loan is read after the change: an
 * approval's event carries the loan's new end date.
 */
export function extensionEvent(
  type: ExtensionEventType,
  row: LoanRow,
  actorId: string,
  extension: Pick<LoanExtension, "id" | "previousEndDate" | "endDate">,
): NewDomainEvent {
  return {
    type,
    actor: { id: actorId },
    subject: { type: "loan", id: row.id },
    audience: [row.ownerId, row.borrowerId],
    payload: { loan: eventLoan(row, row.status), extension },
  };
}
