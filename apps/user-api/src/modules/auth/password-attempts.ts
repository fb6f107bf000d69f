import type { RateLimiter } from "@sharehood/server-kit";

/** The key counting an account's wrong passwords (a password reset forgets it). */
export const accountFailuresKey = (email: string) => `login-fail:email:${email}`;

/**
 * Limits password guessing, wherever a password is checked (sign-in, changing the email or the
 * password, deleting the account). Each attempt is counted before the ~20 ms hash comparison, so
 * hundreds of parallel guesses cannot all slip in under a limit read before any was counted. A
 * right password gives its attempt back and clears the account's failures.
 */
export function createPasswordAttempts(
  limiter: RateLimiter,
  config: {
    LOGIN_MAX_FAILURES_PER_EMAIL: number;
    LOGIN_MAX_FAILURES_PER_IP: number;
    RATE_LIMIT_WINDOW_SECONDS: number;
  },
) {
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  /** Runs `check` (which answers what the right password unlocks, or null) under the limits. */
  return async function attempt<T>(
    who: { email: string; address: string },
    check: () => Promise<T | null>,
  ): Promise<T | null> {
    const perAccount = {
      key: accountFailuresKey(who.email),
      max: config.LOGIN_MAX_FAILURES_PER_EMAIL,
      windowMs,
    };
    const perAddress = {
      key: `login-fail:ip:${who.address}`,
      max: config.LOGIN_MAX_FAILURES_PER_IP,
      windowMs,
    };
    await limiter.consume([perAddress, perAccount]);
    const unlocked = await check();
    if (unlocked !== null) await Promise.all([limiter.reset([perAccount]), limiter.release([perAddress])]);
    return unlocked;
  };
}

export type PasswordAttempts = ReturnType<typeof createPasswordAttempts>;
