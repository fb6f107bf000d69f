import { AppError } from "./app-error.ts";
import type { Logger } from "./logger.ts";
import type { KeyValueStore } from "./kv/store.ts";

export interface RateLimitRule {
  /** Key within the store, such as `login:ip:1.2.3.4`. */
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Fixed-window rate limits on the shared store. If the store is down, limits are not enforced
 * (fail open, logged): refusing every sign-in because the cache is down would be worse than a
 * short window without limits.
 */
export class RateLimiter {
  constructor(
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
  ) {}

  /** Throws 429 if any rule is already at its limit, without counting anything. */
  async check(rules: RateLimitRule[]): Promise<void> {
    await this.#apply(rules, 0, (count, max) => count >= max);
  }

  /** Counts one hit against each rule; throws 429 if that takes any over its limit. */
  async consume(rules: RateLimitRule[]): Promise<void> {
    await this.#apply(rules, 1, (count, max) => count > max);
  }

  /** Forgets the hits of these rules (after a successful sign-in, say). */
  async reset(rules: RateLimitRule[]): Promise<void> {
    await this.store.del(...rules.map((rule) => `rl:${rule.key}`)).catch(() => undefined);
  }

  async #apply(
    rules: RateLimitRule[],
    increment: number,
    isOver: (count: number, max: number) => boolean,
  ): Promise<void> {
    let results: { count: number; resetInMs: number }[];
    try {
      results = await Promise.all(
        rules.map((rule) => this.store.hit(`rl:${rule.key}`, rule.windowMs, increment)),
      );
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, "rate limit store unavailable; not enforcing");
      return;
    }
    const over = results.filter((result, i) => isOver(result.count, rules[i]!.max));
    if (over.length === 0) return;
    const retryAfter = Math.max(1, ...over.map(({ resetInMs }) => Math.ceil(resetInMs / 1000)));
    throw new AppError("rate_limited", `Too many attempts. Try again in ${retryAfter} seconds.`, {
      headers: { "retry-after": String(retryAfter) },
    });
  }
}
