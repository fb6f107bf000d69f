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
 * (server-kit's listener), and forgets a deleted user's loans and items.
 */
export function listenForRevocations(deps: {
  store: KeyValueStore;
  cache: TokenCache<TokenValidation>;
  logger: Logger;
  onUserDeleted: (userId: string) => Promise<void>;
}): Promise<() => Promise<void>> {
  return listen({
    store: deps.store,
    cache: deps.cache,
    logger: deps.logger,
    onRevoked: async (event) => {
      if (event.reason === "user_deleted") await deps.onUserDeleted(event.userId);
    },
  });
}
