import type { Logger } from "@sharehood/server-kit";
import type { OwnersRepository } from "../owners/owners.repository.ts";
import type { PublicCache } from "../public-cache/public-cache.ts";

/**
 * When the User API suspends an account (or lifts a suspension): mark the owner, so their items
 * leave (or come back to) every public read, and empty the public cache, which also tells the web
 * app to drop the pages it built from it. Not an HTTP write, so it empties the cache itself.
 */
export function createSuspendOwner(deps: { owners: OwnersRepository; cache: PublicCache; logger: Logger }) {
  return async (userId: string, suspended: boolean): Promise<void> => {
    const changed = await deps.owners.setSuspended(userId, suspended);
    if (changed) await deps.cache.invalidate();
    deps.logger.info(
      { userId, suspended, changed },
      suspended ? "owner suspended" : "owner suspension lifted",
    );
  };
}
