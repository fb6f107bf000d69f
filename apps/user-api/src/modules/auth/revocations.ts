import type { RevocationEvent } from "@sharehood/sdk";
import type { KeyValueStore, Logger } from "@sharehood/server-kit";
import type { ValidationCache } from "./cached-validation.ts";

/** The channel other services subscribe to, to evict their own caches of validated tokens. */
export const REVOCATIONS_CHANNEL = "revocations";

/**
 * Evicts revoked tokens from this service's cache and tells every other service. Publishing is
 * best effort: if Redis is down the other caches still expire within their short TTL.
 */
export function createRevocations(store: KeyValueStore, cache: ValidationCache, logger: Logger) {
  return async function revoke(event: RevocationEvent): Promise<void> {
    await cache.evict(event.tokenHashes);
    await store.publish(REVOCATIONS_CHANNEL, JSON.stringify(event)).catch((error: Error) => {
      logger.warn({ err: error.message, reason: event.reason }, "could not publish revocation");
    });
  };
}

export type Revoke = ReturnType<typeof createRevocations>;
