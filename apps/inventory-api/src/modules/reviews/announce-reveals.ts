import type { Logger } from "@sharehood/server-kit";
import type { ReviewsRepository } from "./reviews.repository.ts";

/**
 * Announces the reviews whose window ended without the other side's review (`review.revealed`,
 * once per loan whichever replica runs it first; see `announceReveals`). A reveal by the second
 * review was announced when it was written. Safe to run on every replica.
 *
 * Such a review shows on a public profile from its `reveal_at` on; the web app keeps those pages
 * until the catalogue changes, and this is no HTTP write whose route empties the cache, so
 * `onAnnounced` does it (at most one sweep interval, `LOAN_EXPIRY_INTERVAL_SECONDS`, late).
 */
export async function announceRevealedReviews(
  reviews: ReviewsRepository,
  logger: Logger,
  onAnnounced: () => Promise<void>,
): Promise<void> {
  const loans = await reviews.announceReveals();
  if (loans === 0) return;
  await onAnnounced();
  logger.info({ loans }, "announced reviews revealed by the window's end");
}
