import type { EmailKind } from "@sharehood/sdk/contract";

/**
 * Each kind of email, in plain words: what happened, and to whom it matters. The settings page
 * lists them in this order: lending first, then borrowing, then the rest of a loan's life, then
 * messages, reviews and moderation.
 */
export const EMAIL_KIND_TEXT: Record<EmailKind, { label: string; hint: string }> = {
  "loan.requested": {
    label: "Someone asks to borrow something of yours",
    hint: "So you can approve or decline the request.",
  },
  "loan.request_waiting": {
    label: "A request for your things is still waiting",
    hint: "A reminder when you have not answered a request for two days.",
  },
  "loan.approved": {
    label: "Your request to borrow is approved",
    hint: "With the dates, so you can arrange the pick-up.",
  },
  "loan.declined": {
    label: "Your request to borrow is declined",
    hint: "So you can look for something else.",
  },
  "loan.cancelled": {
    label: "A loan is cancelled",
    hint: "By the other person, or by Sharehood's moderators.",
  },
  "loan.expired": {
    label: "A request ran out without an answer",
    hint: "Its start date passed before it was approved.",
  },
  "loan.handed_over": {
    label: "A loan is handed over",
    hint: "When the owner marks that the borrower has the item.",
  },
  "loan.extension_requested": {
    label: "A borrower asks to keep something of yours longer",
    hint: "So you can approve or decline the new end date.",
  },
  "loan.extension_approved": {
    label: "Your request to keep a loan longer is approved",
    hint: "With the new end date.",
  },
  "loan.extension_declined": {
    label: "Your request to keep a loan longer is declined",
    hint: "The loan keeps its end date.",
  },
  "loan.due_soon": {
    label: "Something you borrowed is due back tomorrow",
    hint: "A reminder the day before a loan ends.",
  },
  "loan.overdue": {
    label: "A loan is overdue",
    hint: "When an item has not come back by the end date.",
  },
  "loan.returned": {
    label: "A loan is returned",
    hint: "When the owner confirms the item came back.",
  },
  "message.created": {
    label: "Someone sends you a message",
    hint: "When a message is still unread ten minutes after it came; at most one email an hour per conversation.",
  },
  "review.revealed": {
    label: "Reviews of a loan are visible",
    hint: "When both of you have reviewed, or the 14 days to review are over.",
  },
  "item.hidden": {
    label: "Moderators hide one of your items",
    hint: "With the reason, so you know what to change.",
  },
  "report.resolved": {
    label: "A report you made is handled",
    hint: "When an admin has looked at something you reported.",
  },
};
