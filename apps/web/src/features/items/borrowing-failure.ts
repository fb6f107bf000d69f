import { ApiError, BORROWING_REFUSALS, type BorrowingRefusal } from "@sharehood/sdk";
import { BORROWING_REFUSAL_TEXT } from "@/features/items/borrow-rules";
import { failure, failureFrom } from "@/server/action-result";

/** The `reason` of a refusal by the item's rules (422/409), if the API named one. */
export function borrowingRefusal(error: unknown): BorrowingRefusal | null {
  const reason = error instanceof ApiError ? error.problem.reason : undefined;
  return (BORROWING_REFUSALS as readonly string[]).includes(reason ?? "")
    ? (reason as BorrowingRefusal)
    : null;
}

/**
 * An action's answer to a failed request or extension: a refusal by the item's rules in plain
 * words, anything else as usual.
 */
export function borrowingFailure(error: unknown) {
  const reason = borrowingRefusal(error);
  if (reason && error instanceof ApiError) return failure(BORROWING_REFUSAL_TEXT[reason], {}, error.code);
  return failureFrom(error);
}
