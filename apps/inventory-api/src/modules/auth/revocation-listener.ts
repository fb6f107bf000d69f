import type { TokenValidation } from "@sharehood/sdk";
import {
  listenForRevocations as listen,
  type KeyValueStore,
  type Logger,
  type TokenCache,
} from "@sharehood/server-kit";

export { REVOCATIONS_CHANNEL } from "@sharehood/server-kit";

/**
 * Evicts revoked tokens from this service's cache the moment the User API announces them
 * (server-kit's listener), forgets a deleted user's loans and items, and hides or shows again a
 * suspended user's items. Suspension travels the same way as deletion (Redis pub/sub), since it
 * must take effect at once everywhere, tokens and public pages alike.
 */
export function listenForRevocations(deps: {
  store: KeyValueStore;
  cache: TokenCache<TokenValidation>;
  logger: Logger;
  onUserDeleted: (userId: string) => Promise<void>;
  onUserSuspended: (userId: string, suspended: boolean) => Promise<void>;
}): Promise<() => Promise<void>> {
  return listen({
    store: deps.store,
    cache: deps.cache,
    logger: deps.logger,
    onRevoked: async (event) => {
      if (event.reason === "user_deleted") await deps.onUserDeleted(event.userId);
      else if (event.reason === "user_suspended") await deps.onUserSuspended(event.userId, true);
      else if (event.reason === "user_unsuspended") await deps.onUserSuspended(event.userId, false);
    },
  });
}
