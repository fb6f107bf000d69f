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

// Refusals about one date, shown beside it with the API's own sentence, which has the numbers
// ("The owner lends this for at most 7 days", "A loan lasts at most 90 days").
const FIELD_OF: Partial<Record<BorrowingRefusal, "startDate" | "endDate">> = {
  too_short: "endDate",
  too_long: "endDate",
  notice: "startDate",
};

/**
 * An action's answer to a failed request or extension: a refusal by the item's rules in plain
 * words (beside the date it is about, or under the dates), anything else as usual.
 */
export function borrowingFailure(error: unknown) {
  const reason = borrowingRefusal(error);
  if (!reason || !(error instanceof ApiError)) return failureFrom(error);
  const field = FIELD_OF[reason];
  const text = BORROWING_REFUSAL_TEXT[reason];
  return field
    ? failure(text, { [field]: error.problem.detail || text }, error.code)
    : failure(text, {}, error.code);
}
