import { leaveSuspendedSession, saysSuspended } from "@/features/auth/suspension";

/** Thrown by `fetchJson` with the message the route handler sent. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** GETs one of the app's own route handlers from the browser. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    // A suspended account: every call from now on is refused, so the session ends here.
    if (saysSuspended(body)) leaveSuspendedSession();
    throw new FetchError(body.message ?? "Something went wrong. Please try again.", response.status);
  }
  return (await response.json()) as T;
}
