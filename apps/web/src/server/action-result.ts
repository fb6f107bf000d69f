import { ApiConnectionError, ApiError } from "@sharehood/sdk";
import { SUSPENDED_MESSAGE } from "@/features/auth/suspension";

/** What every server action answers: success with data, or messages to show next to fields. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string>; code?: string };

/** A successful action result. */
export function success<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/** "must not be empty" → "Must not be empty". */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A failed action result with a general message and optional per-field messages. */
export function failure(message: string, fieldErrors: Record<string, string> = {}, code?: string) {
  const fields = Object.fromEntries(Object.entries(fieldErrors).map(([key, text]) => [key, sentence(text)]));
  return { ok: false, message, fieldErrors: fields, code } as const;
}

// `body.startDate` → `startDate`; `query.availableTo` → `availableTo`.
function fieldName(path: string): string {
  return path.replace(/^(body|query|params)\./, "");
}

const MESSAGES: Partial<Record<string, string>> = {
  unauthenticated: "Your session has ended. Please sign in again.",
  forbidden: "You are not allowed to do that.",
  not_found: "That no longer exists.",
  precondition_failed: "Someone changed this while you were editing. Reload to see the latest version.",
  dependency_unavailable: "A Sharehood service is temporarily unavailable. Please try again shortly.",
  internal: "Something went wrong on our side. Please try again.",
  account_suspended: SUSPENDED_MESSAGE,
};

/**
 * What a person is told after a 429: when to try again, from its Retry-After (seconds), rounded
 * up to whole minutes past one minute ("Too many attempts. Try again in 14 minutes.").
 */
export function tooManyAttemptsMessage(retryAfterSeconds: number | undefined): string {
  if (!retryAfterSeconds || retryAfterSeconds <= 0) {
    return "Too many attempts. Please wait a moment and try again.";
  }
  const [count, unit] =
    retryAfterSeconds < 60
      ? [Math.ceil(retryAfterSeconds), "second"]
      : [Math.ceil(retryAfterSeconds / 60), "minute"];
  return `Too many attempts. Try again in ${count} ${unit}${count === 1 ? "" : "s"}.`;
}

/** Maps an SDK error to an action result: field errors next to fields, a readable message otherwise. */
export function failureFrom(error: unknown) {
  if (error instanceof ApiError) {
    const fieldErrors: Record<string, string> = {};
    for (const { path, message } of error.fieldErrors) fieldErrors[fieldName(path)] ??= message;
    const message =
      error.code === "validation_failed" || error.code === "conflict" || error.code === "unprocessable"
        ? error.problem.detail
        : error.code === "rate_limited"
          ? tooManyAttemptsMessage(error.retryAfter)
          : (MESSAGES[error.code] ?? error.problem.detail);
    return failure(message, fieldErrors, error.code);
  }
  if (error instanceof ApiConnectionError) {
    return failure("We could not reach Sharehood's services. Please try again shortly.", {}, "unreachable");
  }
  throw error;
}
