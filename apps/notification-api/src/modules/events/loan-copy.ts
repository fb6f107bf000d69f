import { formatDay } from "@sharehood/sdk";
import { REVIEW_WINDOW_DAYS, type EventLoan } from "@sharehood/sdk/contract";
import type { LoanDomainEventType } from "@sharehood/sdk/contract";
import type { LoanRole } from "./loan-recipients.ts";

/** What a person reads about a loan event: in the app, and as the email's subject and text. */
export interface LoanCopy {
  title: string;
  body: string;
}

/** The review window's rule in a sentence (double-blind: see the contract's trust.ts). */
const REVIEW_INVITATION =
  `How did it go? You have ${REVIEW_WINDOW_DAYS} days to review each other; ` +
  `reviews show once you have both written yours, or when the ${REVIEW_WINDOW_DAYS} days are over.`;

/**
 * A loan's days, written out: its start and end, and on the extension events the end asked for
 * (`asked`) and the end it had when asked (`previous`).
 */
interface Days {
  start: string;
  end: string;
  asked?: string;
  previous?: string;
}

type Writer = (loan: EventLoan, days: Days) => LoanCopy;

/** The end date asked for (the loan's own on an event without one, which the producer never sends). */
const asked = (d: Days) => d.asked ?? d.end;

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
  // The owner answers on the loan's page; the borrower learns until when they keep the item.
  "loan.extension_requested": {
    owner: (l, d) => ({
      title: `${l.borrowerName} asks to keep ${l.item.title} longer`,
      body: `${l.borrowerName} would like to keep ${l.item.title} until ${asked(d)} instead of ${d.previous ?? d.end}. You can approve or decline it on the loan's page.`,
    }),
    borrower: (l, d) => ({
      title: `Extension asked: ${l.item.title}`,
      body: `You asked to keep ${l.item.title} until ${asked(d)} instead of ${d.previous ?? d.end}.`,
    }),
  },
  "loan.extension_approved": {
    owner: (l, d) => ({
      title: `You extended the loan of ${l.item.title}`,
      body: `${l.borrowerName} keeps ${l.item.title} until ${asked(d)}.`,
    }),
    borrower: (l, d) => ({
      title: `Extension approved: ${l.item.title}`,
      body: `The owner agreed: you can keep ${l.item.title} until ${asked(d)}, instead of ${d.previous ?? d.end}.`,
    }),
  },
  "loan.extension_declined": {
    owner: (l, d) => ({
      title: `You declined an extension of ${l.item.title}`,
      body: `${l.borrowerName} returns ${l.item.title} by ${d.end}, as planned.`,
    }),
    borrower: (l, d) => ({
      title: `Extension declined: ${l.item.title}`,
      body: `The owner declined keeping ${l.item.title} until ${asked(d)}. Please return it by ${d.end}, as planned.`,
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

/** What `role` reads about loan event `type` (with the extension's dates on an extension event). */
export function loanCopy(
  type: LoanDomainEventType,
  role: LoanRole,
  loan: EventLoan,
  extension?: { previousEndDate: string; endDate: string },
): LoanCopy {
  return COPY[type][role](loan, {
    start: formatDay(loan.startDate),
    end: formatDay(loan.endDate),
    ...(extension && { asked: formatDay(extension.endDate), previous: formatDay(extension.previousEndDate) }),
  });
}

/** The web app's page about a loan. */
export const loanPath = (loanId: string): string => `/loans/${encodeURIComponent(loanId)}`;

/** Where a loan event's notification and email lead: a return opens the loan's review form. */
export const loanEventPath = (type: LoanDomainEventType, loanId: string): string =>
  type === "loan.returned" ? `${loanPath(loanId)}#review` : loanPath(loanId);
