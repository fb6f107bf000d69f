import { createHash } from "node:crypto";
import type { KeyValueStore } from "./kv/store.ts";
import type { Logger } from "./logger.ts";

/** The SHA-256 of a token: the only form in which tokens are stored, cached or published. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Validated tokens cached by their hash, for at most `ttlSeconds` and never past the token's own
 * expiry. A store that is down is skipped, never fatal: the User API stays the authority.
 */
export function createTokenCache<T>(options: {
  store: KeyValueStore;
  ttlSeconds: number;
  logger: Logger;
  expiresAtOf: (value: T) => string;
}) {
  const { store, ttlSeconds, logger, expiresAtOf } = options;
  const key = (hash: string) => `vt:${hash}`;
  return {
    async get(hash: string): Promise<T | null> {
      const raw = await store.get(key(hash)).catch(() => null);
      if (!raw) return null;
      const value = JSON.parse(raw) as T;
      return Date.parse(expiresAtOf(value)) > Date.now() ? value : null;
    },
    async put(hash: string, value: T): Promise<void> {
      const ttlMs = Math.min(ttlSeconds * 1000, Date.parse(expiresAtOf(value)) - Date.now());
      if (ttlMs <= 0) return;
      await store.set(key(hash), JSON.stringify(value), ttlMs).catch((error: Error) => {
        logger.warn({ err: error.message }, "token cache write failed");
      });
    },
    async evict(hashes: string[]): Promise<void> {
      if (hashes.length === 0) return;
      await store.del(...hashes.map(key)).catch((error: Error) => {
        logger.warn({ err: error.message }, "token cache eviction failed");
      });
    },
  };
}

export type TokenCache<T> = ReturnType<typeof createTokenCache<T>>;
