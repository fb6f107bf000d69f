import { RevocationEventSchema, type RevocationEvent, type TokenValidation } from "@sharehood/sdk";
import type { KeyValueStore } from "../kv/store.ts";
import type { Logger } from "../logger.ts";
import type { TokenCache } from "../token-cache.ts";

/** The channel the User API publishes revocations on. */
export const REVOCATIONS_CHANNEL = "revocations";

/**
 * Evicts revoked tokens from this service's cache the moment the User API announces them, so a
 * logged-out token is refused here within a second rather than when its cache entry expires.
 * `onRevoked` then sees the event (to forget a deleted user, or end the revoked tokens' streams).
 */
export async function listenForRevocations(deps: {
  store: KeyValueStore;
  cache: TokenCache<TokenValidation>;
  logger: Logger;
  onRevoked?: (event: RevocationEvent) => Promise<void>;
}): Promise<() => Promise<void>> {
  return deps.store.subscribe(REVOCATIONS_CHANNEL, (message) => {
    let event: RevocationEvent;
    try {
      event = RevocationEventSchema.parse(JSON.parse(message));
    } catch {
      deps.logger.warn("ignored a malformed revocation event");
      return;
    }
    const work = async () => {
      await deps.cache.evict(event.tokenHashes);
      await deps.onRevoked?.(event);
    };
    work().catch((error: unknown) =>
      deps.logger.error({ err: error, userId: event.userId }, "revocation handling failed"),
    );
  });
}
