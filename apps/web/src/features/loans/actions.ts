"use server";
import type { LoanDetail } from "@sharehood/sdk";
import type { LoanAction } from "@/features/loans/loan-status";
import { adminReasonBody } from "@/features/moderation/admin-reason";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";

const ACTIONS = new Set<LoanAction>(["approve", "decline", "handover", "return", "cancel"]);

/**
 * Moves a loan on (approve, decline, hand over, return, cancel); answers with the loan and its
 * history. An admin cancelling someone else's loan may say why (`reason`, for the audit log).
 */
export async function loanTransitionAction(
  loanId: string,
  action: LoanAction,
  reason?: string,
): Promise<ActionResult<LoanDetail>> {
  if (!ACTIONS.has(action)) return failure("Unknown action.");
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  try {
    const input = { params: { id: loanId } };
    const loans = session.client.loans;
    const loan = await (action === "approve"
      ? loans.approve(input)
      : action === "decline"
        ? loans.decline(input)
        : action === "handover"
          ? loans.handover(input)
          : action === "return"
            ? loans.return(input)
            : loans.cancel({ ...input, body: adminReasonBody(reason) }));
    return success(loan);
  } catch (error) {
    return failureFrom(error);
  }
}
