// A suspended account, wherever the web app learns of it. The User API refuses every token of a
// suspended account with 403 `account_suspended` (and its sign-in); the session then ends, and the
// sign-in page says why. No imports: browser code and server code both read these.

/** The problem code of a suspended account. */
export const SUSPENDED_CODE = "account_suspended";

/** What a person is told when an action meets their suspended account. */
export const SUSPENDED_MESSAGE = "Your account is suspended, so you were signed out.";

/** Where the browser goes to end a suspended session (app/session-ended/route.ts checks it). */
export const SESSION_ENDED_PATH = "/session-ended";

/** The sign-in page, saying plainly that the account is suspended. */
export const SUSPENDED_SIGN_IN_PATH = "/sign-in?ended=suspended";

/** Whether an action's result, or an error's body, says the account is suspended. */
export function saysSuspended(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { code?: unknown }).code === SUSPENDED_CODE;
}

/** In the browser: ends the session (the route checks the API's word) and shows why. */
export function leaveSuspendedSession(): void {
  window.location.assign(SESSION_ENDED_PATH);
}
