import { AppError, type RateLimiter } from "@sharehood/server-kit";

/** Reports one person may file an hour: plenty for real trouble, too few to flood the queue. */
export const REPORTS_PER_HOUR = 20;

const HOUR_MS = 60 * 60_000;

/**
 * Counts one report of this person before anything else is looked at (so a flood of reports about
 * things that do not exist is limited too); past the limit, 429 with Retry-After.
 */
export function createReportLimit(limiter: RateLimiter) {
  return async (userId: string): Promise<void> => {
    await limiter
      .consume([{ key: `reports:${userId}`, max: REPORTS_PER_HOUR, windowMs: HOUR_MS }])
      .catch((error: unknown) => {
        if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
        throw new AppError(
          "rate_limited",
          `You can file ${REPORTS_PER_HOUR} reports an hour. Try again in ${error.headers["retry-after"]} seconds.`,
          { headers: error.headers },
        );
      });
  };
}

export type ReportLimit = ReturnType<typeof createReportLimit>;
