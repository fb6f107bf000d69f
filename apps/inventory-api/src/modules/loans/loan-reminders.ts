import type { Logger } from "@sharehood/server-kit";
import { todayUtc } from "../../dates.ts";
import type { LoansRepository } from "./loans.repository.ts";

/** A request unanswered this long is brought to its owner's attention again (loan.request_waiting). */
export const REQUEST_WAITING_AFTER_MS = 2 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * Writes the reminder events that are due (loan.due_soon, loan.overdue, loan.request_waiting), each
 * once per loan whichever replica runs it first (see `sendReminders`). Safe to run on every replica.
 */
export async function sendLoanReminders(
  loans: LoansRepository,
  logger: Logger,
  now = new Date(),
): Promise<void> {
  const sent = await loans.sendReminders({
    today: todayUtc(now),
    tomorrow: todayUtc(new Date(now.getTime() + DAY_MS)),
    waitingSince: new Date(now.getTime() - REQUEST_WAITING_AFTER_MS),
  });
  if (sent.dueSoon + sent.overdue + sent.waiting > 0) logger.info(sent, "sent loan reminders");
}
