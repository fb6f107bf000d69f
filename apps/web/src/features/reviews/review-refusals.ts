import { ApiError } from "@sharehood/sdk";
import { failure, failureFrom } from "@/server/action-result";

// The rules that refuse a review or a reply, in plain words. The Inventory API names the rule in
// the 409 problem's `reason` (REVIEW_REFUSALS in the contract).
const REASONS: Partial<Record<string, string>> = {
  not_returned: "This loan has not been returned yet. You can review it once it has.",
  already_reviewed: "You have already reviewed this loan. A review cannot be changed.",
  window_closed: "The 14 days for reviewing this loan are over.",
  already_replied: "You have already replied to this review.",
};

/** An action result for a refused review or reply. */
export function reviewFailure(error: unknown, refusedWhat: "review" | "reply") {
  if (error instanceof ApiError) {
    const reason = error.problem.reason;
    if (error.status === 409 && reason && REASONS[reason]) return failure(REASONS[reason], {}, reason);
    if (error.status === 403)
      return failure(
        refusedWhat === "review"
          ? "Only the borrower and the owner of this loan can review it."
          : "Only the person reviewed can reply to a review.",
        {},
        "forbidden",
      );
    if (error.status === 404)
      return failure(
        refusedWhat === "review"
          ? "That loan no longer exists."
          : "That review is not public yet, or no longer exists.",
        {},
        "not_found",
      );
  }
  return failureFrom(error);
}
