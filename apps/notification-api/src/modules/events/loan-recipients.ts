import type { DomainEventOf, LoanDomainEventType } from "@sharehood/sdk/contract";

/** A loan event: every type whose payload is the loan. */
export type LoanEvent = DomainEventOf<LoanDomainEventType>;
/** Which side of a loan a person is on. */
export type LoanRole = "owner" | "borrower";

/**
 * Who is told of each loan event, by role: transitions go to the party that did not make them (a
 * return to both, see TELLS_ACTOR); reminders and expiry go to whichever parties the producer named
 * in the audience.
 */
const TOLD: Record<LoanDomainEventType, readonly LoanRole[]> = {
  "loan.requested": ["owner"],
  "loan.approved": ["borrower"],
  "loan.declined": ["borrower"],
  "loan.cancelled": ["owner", "borrower"],
  "loan.handed_over": ["borrower"],
  "loan.returned": ["owner", "borrower"],
  "loan.expired": ["owner", "borrower"],
  "loan.due_soon": ["owner", "borrower"],
  "loan.overdue": ["owner", "borrower"],
  "loan.request_waiting": ["owner", "borrower"],
  "loan.extension_requested": ["owner"],
  "loan.extension_approved": ["borrower"],
  "loan.extension_declined": ["borrower"],
};

const LOAN_TYPES = new Set<string>(Object.keys(TOLD));

/**
 * Events told to their actor too: a return is not news to the owner who confirmed it, but it is
 * their invitation to review the loan, as it is the borrower's.
 */
const TELLS_ACTOR = new Set<LoanDomainEventType>(["loan.returned"]);

/** Whether an event is about a loan (its payload carries the loan). */
export function isLoanEvent(event: { type: string }): event is LoanEvent {
  return LOAN_TYPES.has(event.type);
}

/**
 * The people to tell of a loan event, each with their role: those the rule names, only if the
 * event's audience includes them (the producer says who it concerns), and never the actor (nobody
 * is told of their own action; a cancellation thus reaches the other party, or both when an
 * admin cancelled), but for the events in TELLS_ACTOR.
 */
export function loanRecipients(event: LoanEvent): { userId: string; role: LoanRole }[] {
  const { loan } = event.payload;
  const audience = new Set(event.audience);
  const ids: Record<LoanRole, string> = { owner: loan.ownerId, borrower: loan.borrowerId };
  return TOLD[event.type]
    .map((role) => ({ userId: ids[role], role }))
    .filter(
      ({ userId }) => audience.has(userId) && (TELLS_ACTOR.has(event.type) || userId !== event.actor?.id),
    );
}
