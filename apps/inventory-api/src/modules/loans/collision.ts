import { sqlStateOf } from "../../db.ts";

/** Which booking rule the database enforced when it refused a loan's dates. */
export type CollisionReason = "dates_taken" | "dates_blocked";

/**
 * The database refused to book a loan's dates (approving it, or moving its end for an extension):
 * they overlap another approved or active loan (the exclusion constraint `loans_no_overlap`) or the
 * owner's blocked days (the `loans_no_blocked_overlap` trigger). Both raise SQLSTATE 23P01.
 */
export class Collision extends Error {
  constructor(readonly reason: CollisionReason) {
    super(`the database refused the loan's dates: ${reason}`);
  }
}

/**
 * The driver adapter keeps PostgreSQL's message but not the constraint's name for 23P01, so the
 * name is read from the message: the exclusion constraint's says `exclusion constraint
 * "loans_no_overlap"`; the blocked-days trigger raises its own message with that SQLSTATE.
 */
function messagesOf(error: unknown): string {
  const e = error as {
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown; message?: unknown } } };
    cause?: { message?: unknown };
  };
  const cause = e?.meta?.driverAdapterError?.cause;
  return [e?.message, cause?.originalMessage, cause?.message, e?.cause?.message]
    .filter((m): m is string => typeof m === "string")
    .join("\n");
}

/** The Collision a failed write means, or undefined when it is another failure. */
export function collisionOf(error: unknown): Collision | undefined {
  if (error instanceof Collision) return error;
  if (sqlStateOf(error) !== "23P01") return undefined;
  return new Collision(messagesOf(error).includes("loans_no_overlap") ? "dates_taken" : "dates_blocked");
}
