import type { LoanStatus } from "@sharehood/sdk";
import type { Transition } from "./loans.repository.ts";

export type Action = "approve" | "decline" | "handover" | "return" | "cancel";
export type Role = "owner" | "borrower" | "admin";

interface Rule {
  to: LoanStatus;
  event: Transition["type"];
  /** Which states each kind of caller may take this action from. */
  from: Partial<Record<Role, LoanStatus[]>>;
  /** Whether the move changes which dates are booked (approved/active hold the item's dates). */
  changesBookings: (from: LoanStatus) => boolean;
}

/**
 * The loan lifecycle of ARCHITECTURE.md as data:
 *   requested --approve--> approved --handover--> active --return--> returned
 *   requested --decline--> declined; requested --cancel (borrower)--> cancelled;
 *   approved --cancel (borrower or owner)--> cancelled; an admin may cancel anything not finished.
 *   (requested --start date passes--> expired is done by the expiry sweep.)
 */
export const LIFECYCLE: Record<Action, Rule> = {
  approve: { to: "approved", event: "approved", from: { owner: ["requested"] }, changesBookings: () => true },
  decline: {
    to: "declined",
    event: "declined",
    from: { owner: ["requested"] },
    changesBookings: () => false,
  },
  handover: {
    to: "active",
    event: "handed_over",
    from: { owner: ["approved"] },
    changesBookings: () => false,
  },
  return: { to: "returned", event: "returned", from: { owner: ["active"] }, changesBookings: () => true },
  cancel: {
    to: "cancelled",
    event: "cancelled",
    from: {
      borrower: ["requested", "approved"],
      owner: ["approved"],
      admin: ["requested", "approved", "active"],
    },
    changesBookings: (from) => from === "approved" || from === "active",
  },
};

export const VERB: Record<Action, string> = {
  approve: "approved",
  decline: "declined",
  handover: "handed over",
  return: "marked returned",
  cancel: "cancelled",
};
