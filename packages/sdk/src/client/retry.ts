/** How a client retries a request that failed for a passing reason. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 turns retrying off). */
  retries: number;
  /** The back-off before the first retry, doubled for each further one, in milliseconds. */
  baseDelayMs: number;
  /** The longest wait before one retry, in milliseconds; a longer `Retry-After` is not waited out. */
  maxDelayMs: number;
  /** Waits `ms`, and rejects at once when `signal` aborts (replaceable in tests). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1), for the jitter (replaceable in tests). */
  random: () => number;
  /** The current time in milliseconds, to read an HTTP-date `Retry-After` (replaceable in tests). */
  now: () => number;
}

/** The defaults: three retries, 200 ms doubling to at most 5 s, with full jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
};

/** Statuses that say "try again": the request timed out, was throttled, or met a passing outage. */
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504]);

/** Whether an answer with this status is worth retrying (never any other 4xx, nor a 500). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * The wait before retry number `attempt` (0 for the first): "full jitter", a uniform draw between
 * 0 and the exponential ceiling, so that many clients failing together do not retry together.
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs" | "random">,
) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(policy.random() * ceiling);
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from `now`; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
