import { startPeriodic, type Logger } from "@sharehood/server-kit";
import { purgeExpiredKeys } from "../idempotency/idempotency.ts";
import type { IdempotencyRepository } from "../idempotency/idempotency.repository.ts";
import { expireUnansweredRequests } from "../loans/expire-requests.ts";
import { sendLoanReminders } from "../loans/loan-reminders.ts";
import type { LoansRepository } from "../loans/loans.repository.ts";
import { announceRevealedReviews } from "../reviews/announce-reveals.ts";
import type { ReviewsRepository } from "../reviews/reviews.repository.ts";

/**
 * Periodic upkeep: expire requests whose start date passed unanswered, send the loan reminders that
 * are due, announce reviews the window's end revealed, and forget idempotency keys older than their
 * 24 hours. One replica runs each period (startPeriodic claims it in the database); each task is
 * still a sweep of what is due (an idempotent statement, or an UPDATE that picks each loan or review
 * once), so a period cut short by a dying replica is finished by the next.
 * Each task lives in the module whose data it keeps; this only schedules them.
 */
export function startMaintenance(deps: {
  loans: LoansRepository;
  reviews: ReviewsRepository;
  /** Empties the public cache once reviews the window's end revealed were announced. */
  onReviewsRevealed: () => Promise<void>;
  idempotency: IdempotencyRepository;
  intervalMs: number;
  /** Where each period's run is claimed. */
  db: Parameters<typeof startPeriodic>[0]["db"];
  registry?: Parameters<typeof startPeriodic>[0]["registry"];
  logger: Logger;
}) {
  return startPeriodic({
    name: "maintenance",
    intervalMs: deps.intervalMs,
    db: deps.db,
    registry: deps.registry,
    logger: deps.logger,
    task: async () => {
      await expireUnansweredRequests(deps.loans, deps.logger);
      await sendLoanReminders(deps.loans, deps.logger);
      await announceRevealedReviews(deps.reviews, deps.logger, deps.onReviewsRevealed);
      await purgeExpiredKeys(deps.idempotency);
    },
  });
}
