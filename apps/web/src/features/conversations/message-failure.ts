import { ApiError, BLOCKED_REASON } from "@sharehood/sdk";
import { failure, failureFrom } from "@/server/action-result";

/** Codes the thread page acts on besides showing the message. */
export const REFUSED = { blocked: "blocked", formerMember: "former_member" } as const;

/** "40 seconds", "2 minutes": how long Retry-After asks to wait, in words. */
export function waitInWords(seconds: number): string {
  const [count, unit] = seconds < 60 ? [Math.ceil(seconds), "second"] : [Math.ceil(seconds / 60), "minute"];
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * What a person is told when a message or a question is refused: a block, an account that is
 * gone, too many messages, or the API's own words (a field error stays beside the field).
 */
export function messageFailure(error: unknown) {
  if (error instanceof ApiError) {
    if (error.status === 403 && error.problem.reason === BLOCKED_REASON) {
      return failure(
        "Your message was not sent: this person has blocked you, so you cannot write to them or ask to borrow their things.",
        {},
        REFUSED.blocked,
      );
    }
    if (error.status === 409) {
      return failure(
        "Your message was not sent: this person's account was deleted, so they can no longer receive messages.",
        {},
        REFUSED.formerMember,
      );
    }
    if (error.status === 429) {
      const wait =
        error.retryAfter && error.retryAfter > 0
          ? `Try again in ${waitInWords(error.retryAfter)}.`
          : "Please wait a moment and try again.";
      return failure(`You have sent a lot of messages in a short time. ${wait}`, {}, "rate_limited");
    }
    if (error.status === 404)
      return failure("This conversation or its item no longer exists.", {}, "not_found");
  }
  return failureFrom(error);
}
