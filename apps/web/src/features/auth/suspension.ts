// A suspended account, wherever the web app learns of it. The User API refuses every token of a
// suspended account with 403 `account_suspended` (and its sign-in); the session then ends, and the
// sign-in page says why. No imports: browser code and server code both read these.

/** The problem code of a suspended account. */
export const SUSPENDED_CODE = "account_suspended";

/** What a person is told when an action meets their suspended account. */
export const SUSPENDED_MESSAGE = "Your account is suspended, so you were signed out.";

/** Where the browser goes to end a suspended session (app/session-ended/route.ts checks it). */
export const SESSION_ENDED_PATH = "/session-ended";

/**
 * A cookie that marks a browser whose session ended because the account is suspended: set by the
 * web server only on the User API's word (the proxy, app/session-ended), read by the sign-in page,
 * which then says so, and cleared by the next sign-in. A cookie rather than a query parameter, so
 * a link cannot make the page tell someone their account is suspended.
 */
export const SUSPENDED_MARK = { name: "sharehood.suspended", value: "1", maxAgeSeconds: 600 } as const;

/** Whether an action's result, or an error's body, says the account is suspended. */
export function saysSuspended(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { code?: unknown }).code === SUSPENDED_CODE;
}

/** In the browser: ends the session (the route checks the API's word) and shows why. */
export function leaveSuspendedSession(): void {
  window.location.assign(SESSION_ENDED_PATH);
}
