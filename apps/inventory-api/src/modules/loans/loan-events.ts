import type { EventLoan, LoanStatus, NewDomainEvent } from "@sharehood/sdk";
import type { LoanRow } from "./loans.repository.ts";

/** The loan event types: a transition (`loan.approved`, ...) or a reminder. */
export type LoanEventType = Extract<NewDomainEvent["type"], `loan.${string}`>;

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
