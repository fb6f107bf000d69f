import { AppError } from "./app-error.ts";
import type { Logger } from "./logger.ts";
import { MemoryStore } from "./kv/memory-store.ts";
import type { KeyValueStore } from "./kv/store.ts";

export interface RateLimitRule {
  /** Key within the store, such as `login:ip:1.2.3.4`. */
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Fixed-window rate limits on the shared store. Every attempt is counted before the work it
 * guards, in one atomic increment, so parallel attempts cannot all pass a check made before any
 * of them is counted. When the shared store is down, the limits are kept in this process instead:
 * per replica rather than shared, but never off, because an attacker can choose the moment the
 * cache is unreachable.
 */
export class RateLimiter {
  readonly #fallback = new MemoryStore({ keyPrefix: "", channelPrefix: "rate-limit-fallback:" });
  #storeDown = false;

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

  /** Takes back one hit of each rule (an attempt that turned out not to count, such as a success). */
  async release(rules: RateLimitRule[]): Promise<void> {
    await this.#hitAll(rules, -1).catch(() => undefined);
  }

  /** Forgets the hits of these rules (after a successful sign-in, say). */
  async reset(rules: RateLimitRule[]): Promise<void> {
    const keys = rules.map((rule) => `rl:${rule.key}`);
    await Promise.all([this.store.del(...keys).catch(() => undefined), this.#fallback.del(...keys)]);
  }

  async #hitAll(rules: RateLimitRule[], increment: number) {
    const hit = (store: KeyValueStore) =>
      Promise.all(rules.map((rule) => store.hit(`rl:${rule.key}`, rule.windowMs, increment)));
    try {
      const results = await hit(this.store);
      if (this.#storeDown) this.logger.info("rate limit store is back; limits are shared again");
      this.#storeDown = false;
      return results;
    } catch (error) {
      if (!this.#storeDown)
        this.logger.warn(
          { err: (error as Error).message },
          "rate limit store unavailable; limiting in-process",
        );
      this.#storeDown = true;
      return hit(this.#fallback);
    }
  }

  async #apply(
    rules: RateLimitRule[],
    increment: number,
    isOver: (count: number, max: number) => boolean,
  ): Promise<void> {
    const results = await this.#hitAll(rules, increment);
    const over = results.filter((result, i) => isOver(result.count, rules[i]!.max));
    if (over.length === 0) return;
    const retryAfter = Math.max(1, ...over.map(({ resetInMs }) => Math.ceil(resetInMs / 1000)));
    throw new AppError("rate_limited", `Too many attempts. Try again in ${retryAfter} seconds.`, {
      headers: { "retry-after": String(retryAfter) },
    });
  }
}
