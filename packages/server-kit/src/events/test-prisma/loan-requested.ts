import type { NewDomainEvent } from "@sharehood/sdk/contract";

/** A valid `loan.requested` event about `loanId`, for the event backbone's own tests. */
export function loanRequested(loanId: string, message = "may I?"): NewDomainEvent<"loan.requested"> {
  return {
    type: "loan.requested",
    actor: { id: "borrower" },
    subject: { type: "loan", id: loanId },
    audience: ["owner", "borrower"],
    payload: {
      loan: {
        id: loanId,
        item: { id: "item", title: "Drill" },
        ownerId: "owner",
        borrowerId: "borrower",
        borrowerName: "Bo",
        startDate: "2030-01-01",
        endDate: "2030-01-02",
        status: "requested",
      },
      message,
    },
  };
}
