import type { Logger } from "@sharehood/server-kit";
import type { ReviewsRepository } from "./reviews.repository.ts";

/**
 * Announces the reviews whose window ended without the other side's review (`review.revealed`,
 * once per loan whichever replica runs it first; see `announceReveals`). A reveal by the second
 * review was announced when it was written. Safe to run on every replica.
 */
export async function announceRevealedReviews(reviews: ReviewsRepository, logger: Logger): Promise<void> {
  const loans = await reviews.announceReveals();
  if (loans > 0) logger.info({ loans }, "announced reviews revealed by the window's end");
}
