import type { NewDomainEvent } from "@sharehood/sdk";

/** What a `review.revealed` event tells of one loan. */
export interface RevealedLoan {
  loanId: string;
  itemId: string;
  itemTitle: string;
  ownerId: string;
  borrowerId: string;
  reviews: { id: string; authorId: string; subjectId: string }[];
}

/**
 * The event that a loan's reviews became public: by the second review (`actorId`, its author) or
 * by the window's end (the sweep, no actor). One per loan, about the loan (the page where both
 * reviews show), for both of its people.
 */
export function reviewRevealedEvent(loan: RevealedLoan, actorId: string | null): NewDomainEvent {
  return {
    type: "review.revealed",
    actor: actorId === null ? null : { id: actorId },
    subject: { type: "loan", id: loan.loanId },
    audience: [loan.ownerId, loan.borrowerId],
    payload: {
      loan: { id: loan.loanId, item: { id: loan.itemId, title: loan.itemTitle } },
      reviews: loan.reviews,
    },
  };
}
