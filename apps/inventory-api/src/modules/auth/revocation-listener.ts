import { RevocationEventSchema, type RevocationEvent, type TokenValidation } from "@sharehood/sdk";
import type { KeyValueStore, Logger, TokenCache } from "@sharehood/server-kit";

/** The channel the User API publishes revocations on. */
export const REVOCATIONS_CHANNEL = "revocations";

/**
 * Evicts revoked tokens from this service's cache the moment the User API announces them, so a
 * logged-out token is refused here within a second rather than when its cache entry expires.
 */
export async function listenForRevocations(deps: {
  store: KeyValueStore;
  cache: TokenCache<TokenValidation>;
  logger: Logger;
  onUserDeleted: (userId: string) => Promise<void>;
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
      if (event.reason === "user_deleted") await deps.onUserDeleted(event.userId);
    };
    work().catch((error: unknown) =>
      deps.logger.error({ err: error, userId: event.userId }, "revocation handling failed"),
    );
  });
}
