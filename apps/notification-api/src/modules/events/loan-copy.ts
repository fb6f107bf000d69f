import { REVIEW_WINDOW_DAYS, type EventLoan } from "@sharehood/sdk/contract";
import type { LoanDomainEventType } from "@sharehood/sdk/contract";
import type { LoanRole } from "./loan-recipients.ts";

/** What a person reads about a loan event: in the app, and as the email's subject and text. */
export interface LoanCopy {
  title: string;
  body: string;
}

const DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** `2026-12-03` as `Thu, 3 Dec 2026` (loan dates are calendar dates, read in UTC). */
export const formatDay = (date: string): string => DAY.format(new Date(`${date}T00:00:00Z`));

/** The review window's rule in a sentence (double-blind: see the contract's trust.ts). */
const REVIEW_INVITATION =
  `How did it go? You have ${REVIEW_WINDOW_DAYS} days to review each other; ` +
  `reviews show once you have both written yours, or when the ${REVIEW_WINDOW_DAYS} days are over.`;

type Writer = (loan: EventLoan, dates: { start: string; end: string }) => LoanCopy;

/**
 * The wording of every loan event for each side, in one place: the in-app notification and the
 * email say the same thing. Every kind has both sides, though some are told to one side only.
 */
const COPY: Record<LoanDomainEventType, Record<LoanRole, Writer>> = {
  "loan.requested": {
    owner: (l, d) => ({
      title: `New request for ${l.item.title}`,
      body: `${l.borrowerName} would like to borrow ${l.item.title} from ${d.start} to ${d.end}.`,
    }),
    borrower: (l, d) => ({
      title: `Request sent for ${l.item.title}`,
      body: `You asked to borrow ${l.item.title} from ${d.start} to ${d.end}.`,
    }),
  },
  "loan.approved": {
    owner: (l, d) => ({
      title: `You approved a request for ${l.item.title}`,
      body: `${l.borrowerName} borrows ${l.item.title} from ${d.start} to ${d.end}.`,
    }),
    borrower: (l, d) => ({
      title: `Request approved: ${l.item.title}`,
      body: `The owner approved your request for ${l.item.title}, ${d.start} to ${d.end}. Arrange the handover with them.`,
    }),
  },
  "loan.declined": {
    owner: (l) => ({
      title: `You declined a request for ${l.item.title}`,
      body: `You declined ${l.borrowerName}'s request for ${l.item.title}.`,
    }),
    borrower: (l, d) => ({
      title: `Request declined: ${l.item.title}`,
      body: `The owner declined your request for ${l.item.title} (${d.start} to ${d.end}).`,
    }),
  },
  "loan.cancelled": {
    owner: (l, d) => ({
      title: `Loan cancelled: ${l.item.title}`,
      body: `The loan of ${l.item.title} to ${l.borrowerName} (${d.start} to ${d.end}) was cancelled.`,
    }),
    borrower: (l, d) => ({
      title: `Loan cancelled: ${l.item.title}`,
      body: `Your loan of ${l.item.title} (${d.start} to ${d.end}) was cancelled.`,
    }),
  },
  "loan.handed_over": {
    owner: (l, d) => ({
      title: `${l.item.title} handed over`,
      body: `${l.borrowerName} has ${l.item.title} now, to return by ${d.end}.`,
    }),
    borrower: (l, d) => ({
      title: `You have ${l.item.title}`,
      body: `The handover of ${l.item.title} is recorded. Please return it by ${d.end}.`,
    }),
  },
  // Both sides, the owner who confirmed it included: the return opens the review window.
  "loan.returned": {
    owner: (l) => ({
      title: `You can review your loan of ${l.item.title}`,
      body: `You confirmed that ${l.borrowerName} returned ${l.item.title}. ${REVIEW_INVITATION}`,
    }),
    borrower: (l) => ({
      title: `You can review your loan of ${l.item.title}`,
      body: `The owner confirmed that you returned ${l.item.title}. Thank you! ${REVIEW_INVITATION}`,
    }),
  },
  "loan.expired": {
    owner: (l) => ({
      title: `Request expired: ${l.item.title}`,
      body: `${l.borrowerName}'s request for ${l.item.title} expired before it was answered.`,
    }),
    borrower: (l, d) => ({
      title: `Request expired: ${l.item.title}`,
      body: `Your request for ${l.item.title} (${d.start} to ${d.end}) expired without an answer.`,
    }),
  },
  "loan.due_soon": {
    owner: (l, d) => ({
      title: `${l.item.title} is due back tomorrow`,
      body: `${l.borrowerName} should return ${l.item.title} by ${d.end}.`,
    }),
    borrower: (l, d) => ({
      title: `${l.item.title} is due back tomorrow`,
      body: `Please return ${l.item.title} by ${d.end}.`,
    }),
  },
  "loan.overdue": {
    owner: (l, d) => ({
      title: `${l.item.title} is overdue`,
      body: `${l.borrowerName} has not returned ${l.item.title}, due back on ${d.end}.`,
    }),
    borrower: (l, d) => ({
      title: `${l.item.title} is overdue`,
      body: `${l.item.title} was due back on ${d.end}. Please return it as soon as you can.`,
    }),
  },
  "loan.request_waiting": {
    owner: (l) => ({
      title: `A request is waiting for you`,
      body: `${l.borrowerName} has been waiting two days for your answer about ${l.item.title}.`,
    }),
    borrower: (l) => ({
      title: `Still waiting for an answer`,
      body: `The owner has not answered your request for ${l.item.title} yet.`,
    }),
  },
};

/** What `role` reads about loan event `type`. */
export function loanCopy(type: LoanDomainEventType, role: LoanRole, loan: EventLoan): LoanCopy {
  return COPY[type][role](loan, { start: formatDay(loan.startDate), end: formatDay(loan.endDate) });
}

/** The web app's page about a loan. */
export const loanPath = (loanId: string): string => `/loans/${encodeURIComponent(loanId)}`;

/** Where a loan event's notification and email lead: a return opens the loan's review form. */
export const loanEventPath = (type: LoanDomainEventType, loanId: string): string =>
  type === "loan.returned" ? `${loanPath(loanId)}#review` : loanPath(loanId);
