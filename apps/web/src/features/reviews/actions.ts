"use server";
import { CreateReviewBodySchema, ReviewReplyBodySchema, type LoanReviews, type Review } from "@sharehood/sdk";
import { formText } from "@/features/layout/form-text";
import { reviewFailure } from "@/features/reviews/review-refusals";
import { failure, success, type ActionResult } from "@/server/action-result";
import { loanReviewsForSite, withSiteAuthor } from "@/server/profiles";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

const SESSION_ENDED = "Your session has ended. Please sign in again.";

/**
 * Writes my review of the other side of a returned loan: a rating from 1 to 5 and an optional
 * text. Answers the loan's reviews as they now are (both, when mine was the second).
 */
export async function writeReviewAction(
  loanId: string,
  _state: ActionResult<LoanReviews> | null,
  form: FormData,
): Promise<ActionResult<LoanReviews>> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const rating = Number(formText(form, "rating"));
  if (!formText(form, "rating"))
    return failure("Choose a rating from 1 to 5 stars.", { rating: "Choose a rating" });
  const parsed = CreateReviewBodySchema.safeParse({ rating, body: formText(form, "body") });
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  try {
    await session.client.reviews.write({ params: { id: loanId }, body: parsed.data });
    return success(loanReviewsForSite(await session.client.reviews.forLoan({ params: { id: loanId } })));
  } catch (error) {
    return reviewFailure(error, "review");
  }
}

/** Adds my one public reply to a revealed review of me. Answers the review with it. */
export async function replyToReviewAction(
  reviewId: string,
  _state: ActionResult<Review> | null,
  form: FormData,
): Promise<ActionResult<Review>> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const parsed = ReviewReplyBodySchema.safeParse({ body: formText(form, "body") });
  if (!parsed.success) return failure("Please write your reply first.", zodFieldErrors(parsed.error));
  try {
    return success(
      withSiteAuthor(await session.client.reviews.reply({ params: { id: reviewId }, body: parsed.data })),
    );
  } catch (error) {
    return reviewFailure(error, "reply");
  }
}
