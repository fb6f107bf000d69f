import { createHash } from "node:crypto";
import type { KeyValueStore } from "./kv/store.ts";
import type { Logger } from "./logger.ts";

/** The SHA-256 of a token: the only form in which tokens are stored, cached or published. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Clocks of the replicas sharing a cache may differ by this much: an answer fetched this close
 * to an eviction counts as fetched before it.
 */
const CLOCK_SKEW_MS = 1_000;
/** How long an eviction marker outlives the longest a fetched answer could take to be stored. */
const MARKER_MARGIN_MS = 60_000;

interface Entry<T> {
  value: T;
  /** When the answer was fetched from the authority (epoch ms, before asking). */
  at: number;
}

/**
 * Validated tokens cached by their hash, for at most `ttlSeconds` and never past the token's own
 * expiry. A store that is down is skipped, never fatal: the User API stays the authority.
 *
 * Eviction must win every race. An answer fetched before a logout can reach `put` after the
 * logout's eviction (the fetch and the eviction run concurrently), which would let a signed-out
 * token live on for a whole TTL. So an eviction leaves a short-lived marker with its time, and
 * an answer fetched before that time is neither stored nor served. And when the store comes back
 * after an outage (evictions may have been lost meanwhile), every entry cached before is dropped.
 */
export function createTokenCache<T>(options: {
  store: KeyValueStore;
  ttlSeconds: number;
  logger: Logger;
  expiresAtOf: (value: T) => string;
}) {
  const { store, ttlSeconds, logger, expiresAtOf } = options;
  let generation = 0;
  store.onReconnect(() => {
    generation += 1;
  });
  const key = (hash: string) => `vt:${generation}:${hash}`;
  const marker = (hash: string) => `ev:${hash}`;
  const isStale = (fetchedAt: number, evictedAt: string | null | undefined) =>
    evictedAt != null && fetchedAt <= Number(evictedAt) + CLOCK_SKEW_MS;

  return {
    async get(hash: string): Promise<T | null> {
      const [raw, evictedAt] = await store.getMany([key(hash), marker(hash)]).catch(() => [null, null]);
      if (!raw) return null;
      const entry = JSON.parse(raw) as Entry<T>;
      if (isStale(entry.at, evictedAt)) return null;
      return Date.parse(expiresAtOf(entry.value)) > Date.now() ? entry.value : null;
    },

    /** Stores an answer fetched at `fetchedAt` (read the clock before asking the authority). */
    async put(hash: string, value: T, fetchedAt: number): Promise<void> {
      const ttlMs = Math.min(ttlSeconds * 1000, Date.parse(expiresAtOf(value)) - Date.now());
      if (ttlMs <= 0) return;
      try {
        if (isStale(fetchedAt, await store.get(marker(hash)))) return;
        await store.set(key(hash), JSON.stringify({ value, at: fetchedAt } satisfies Entry<T>), ttlMs);
      } catch (error) {
        logger.warn({ err: (error as Error).message }, "token cache write failed");
      }
    },

    /** Drops these tokens' answers, and refuses any answer about them fetched before now. */
    async evict(hashes: string[]): Promise<void> {
      if (hashes.length === 0) return;
      const now = String(Date.now());
      const markerTtlMs = ttlSeconds * 1000 + MARKER_MARGIN_MS;
      try {
        await Promise.all(hashes.map((hash) => store.set(marker(hash), now, markerTtlMs)));
        await store.del(...hashes.map(key));
      } catch (error) {
        logger.warn({ err: (error as Error).message }, "token cache eviction failed");
      }
    },
  };
}

export type TokenCache<T> = ReturnType<typeof createTokenCache<T>>;
