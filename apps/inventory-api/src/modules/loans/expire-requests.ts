import type { Logger } from "@sharehood/server-kit";
import { todayUtc } from "../../dates.ts";
import type { LoansRepository } from "./loans.repository.ts";

/**
 * Expires requests whose start date passed unanswered (one idempotent statement, safe on every
 * replica). Requests are not bookings, so public reads do not change and nothing is invalidated.
 */
export async function expireUnansweredRequests(loans: LoansRepository, logger: Logger): Promise<void> {
  const expired = await loans.expireStale(todayUtc());
  if (expired > 0) logger.info({ expired }, "expired unanswered loan requests");
}
