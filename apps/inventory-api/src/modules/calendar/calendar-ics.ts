import ical, { ICalEventStatus, ICalEventTransparency, type ICalEventData } from "ical-generator";
import type { LoanStatus } from "@sharehood/sdk";
import { addDays } from "../../dates.ts";
import type { FeedLoanRow } from "./calendar.repository.ts";

/** How a loan's status reads in a calendar: asked for, settled, or off. */
const STATUS: Record<LoanStatus, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.CONFIRMED,
  active: ICalEventStatus.CONFIRMED,
  returned: ICalEventStatus.CONFIRMED,
  // Kept as cancelled rather than dropped, so a calendar that showed the day marks it off.
  cancelled: ICalEventStatus.CANCELLED,
  declined: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
};

const STATUS_WORDS: Record<LoanStatus, string> = {
  requested: "requested, waiting for the owner's answer",
  approved: "approved",
  active: "handed over",
  returned: "returned",
  cancelled: "cancelled",
  declined: "declined",
  expired: "expired unanswered",
};

/** A `YYYY-MM-DD` day as the midnight UTC that ical-generator writes back as that same DATE. */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** The two days of a loan in the holder's words: collecting or handing over, and bringing or getting back. */
function summaries(loan: FeedLoanRow, holderId: string): { pickup: string; return: string } {
  const item = loan.itemTitle;
  return loan.borrowerId === holderId
    ? { pickup: `Pick up: ${item} from ${loan.ownerName}`, return: `Return: ${item} to ${loan.ownerName}` }
    : {
        pickup: `Hand over: ${item} to ${loan.borrowerName}`,
        return: `Get back: ${item} from ${loan.borrowerName}`,
      };
}

/**
 * The two all-day events of a loan: pick-up on its start date, return on its end date. UIDs are the
 * loan's id and the kind, so a calendar updates the same events as the loan changes; SEQUENCE (the
 * loan's history length) and LAST-MODIFIED move with every change. Dates are written as DATE values
 * (no time, no zone): a loan's days are the same days wherever the calendar is read.
 */
function loanEvents(loan: FeedLoanRow, holderId: string, loanUrl: string): ICalEventData[] {
  const words = summaries(loan, holderId);
  const common = {
    allDay: true,
    url: loanUrl,
    description: `${loan.itemTitle}, ${loan.startDate} to ${loan.endDate}: ${STATUS_WORDS[loan.status]}.\n${loanUrl}`,
    status: STATUS[loan.status],
    // A reminder of a day, not a busy day: free/busy lookups should not see the person as taken.
    transparency: ICalEventTransparency.TRANSPARENT,
    sequence: loan.revision,
    stamp: loan.updatedAt,
    lastModified: loan.updatedAt,
  };
  return [
    {
      ...common,
      id: `${loan.id}-pickup@sharehood`,
      summary: words.pickup,
      start: day(loan.startDate),
      end: day(addDays(loan.startDate, 1)),
    },
    {
      ...common,
      id: `${loan.id}-return@sharehood`,
      summary: words.return,
      start: day(loan.endDate),
      end: day(addDays(loan.endDate, 1)),
    },
  ];
}

/** How often calendar programs should fetch the feed again, in seconds (REFRESH-INTERVAL). */
export const FEED_REFRESH_SECONDS = 3600;

/**
 * The iCalendar document (RFC 5545) of a person's loans, as borrower and as owner. Loan dates are
 * UTC calendar dates (see dates.ts), which X-WR-TIMEZONE says; all-day events carry no zone anyway.
 */
export function renderFeed(loans: readonly FeedLoanRow[], holderId: string, loanUrl: (id: string) => string) {
  const calendar = ical({
    name: "Sharehood loans",
    description: "What you borrow and lend on Sharehood: pick-up and return days.",
    prodId: { company: "Sharehood", product: "loans", language: "EN" },
    ttl: FEED_REFRESH_SECONDS,
    x: [["X-WR-TIMEZONE", "UTC"]],
    events: loans.flatMap((loan) => loanEvents(loan, holderId, loanUrl(loan.id))),
  });
  return calendar.toString();
}
