import type { Loan, LoanStatus } from "@sharehood/sdk/contract";
import type { BadgeTone } from "@sharehood/ui/badge";

/** How each status reads, and its colour. */
export const STATUS_LOOK: Record<LoanStatus, { label: string; tone: BadgeTone }> = {
  requested: { label: "Waiting for approval", tone: "amber" },
  approved: { label: "Approved", tone: "sky" },
  active: { label: "Borrowed now", tone: "violet" },
  returned: { label: "Returned", tone: "brand" },
  declined: { label: "Declined", tone: "red" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  expired: { label: "Expired", tone: "neutral" },
};

/** The dashboard's groups, in the order they matter. */
export const STATUS_GROUPS: { title: string; statuses: LoanStatus[] }[] = [
  { title: "Waiting for an answer", statuses: ["requested"] },
  { title: "Approved — to hand over", statuses: ["approved"] },
  { title: "Borrowed now", statuses: ["active"] },
  { title: "Finished", statuses: ["returned", "declined", "cancelled", "expired"] },
];

/** A transition a person can make on a loan. */
export type LoanAction = "approve" | "decline" | "handover" | "return" | "cancel";

/** What each action's button says. */
export const ACTION_LABELS: Record<LoanAction, string> = {
  approve: "Approve",
  decline: "Decline",
  handover: "Mark as handed over",
  return: "Confirm return",
  cancel: "Cancel",
};

/** The actions the loan's state allows for this person (the API enforces the same rules). */
export function allowedActions(loan: Loan, viewerId: string, canCancelAny: boolean): LoanAction[] {
  const isOwner = loan.ownerId === viewerId;
  const isBorrower = loan.borrowerId === viewerId;
  const actions: LoanAction[] = [];
  if (isOwner && loan.status === "requested") actions.push("approve", "decline");
  if (isOwner && loan.status === "approved") actions.push("handover");
  if (isOwner && loan.status === "active") actions.push("return");
  const open = loan.status === "requested" || loan.status === "approved";
  const cancellable =
    (isBorrower && open) ||
    (isOwner && loan.status === "approved") ||
    (canCancelAny && (open || loan.status === "active"));
  if (cancellable) actions.push("cancel");
  return actions;
}
