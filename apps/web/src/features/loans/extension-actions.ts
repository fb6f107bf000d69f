"use server";
import { RequestExtensionBodySchema, type LoanDetail } from "@sharehood/sdk";
import { borrowingFailure, borrowingRefusal } from "@/features/items/borrowing-failure";
import { failure, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

const signedOut = () => failure("Your session has ended. Please sign in again.", {}, "unauthenticated");

/** The borrower asks to keep an approved or active loan until a later `endDate`. */
export async function requestExtensionAction(loanId: string, endDate: string): Promise<ActionResult> {
  const parsed = RequestExtensionBodySchema.safeParse({ endDate });
  if (!parsed.success) return failure("Choose the new end date.", zodFieldErrors(parsed.error));
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    await session.client.loans.requestExtension({ params: { id: loanId }, body: parsed.data });
    return success(undefined);
  } catch (error) {
    return borrowingFailure(error);
  }
}

/** What one can do with a pending extension: the owner approves or declines, the borrower withdraws. */
export type ExtensionDecision = "approve" | "decline" | "cancel";

/** Answers the pending extension; the answer is the loan with its new dates and history. */
export async function decideExtensionAction(
  loanId: string,
  decision: ExtensionDecision,
): Promise<ActionResult<LoanDetail>> {
  const session = await getUserClient();
  if (!session) return signedOut();
  const input = { params: { id: loanId } };
  const loans = session.client.loans;
  try {
    const loan = await (decision === "approve"
      ? loans.approveExtension(input)
      : decision === "decline"
        ? loans.declineExtension(input)
        : loans.cancelExtension(input));
    return success(loan);
  } catch (error) {
    // The owner approving over another loan or their own blocked days: say what to do about it.
    const reason = borrowingRefusal(error);
    if (decision === "approve" && (reason === "dates_taken" || reason === "dates_blocked")) {
      return failure(
        reason === "dates_taken"
          ? "The new dates run into another loan of this item, so the extension can't be approved. Decline it, or talk to the other borrower first."
          : "The new dates run into days you blocked for yourself, so the extension can't be approved. Decline it, or remove those blocked days first.",
        {},
        "conflict",
      );
    }
    return borrowingFailure(error);
  }
}
