import type { Logger } from "@sharehood/server-kit";
import type { FavouritesRepository } from "../favourites/favourites.repository.ts";
import type { ItemsRepository } from "../items/items.repository.ts";
import type { LoansRepository } from "../loans/loans.repository.ts";
import type { OwnersRepository } from "../owners/owners.repository.ts";
import type { RemovePhotoFiles } from "../photos/photo-files.ts";
import type { PublicCache } from "../public-cache/public-cache.ts";

/**
 * When the User API deletes an account: cancel its open loans, unlist its items and drop their
 * photos, forget what it saved, and forget its name (its threads stay readable, with a former
 * member; reviews it wrote stay, under that name).
 */
export function createForgetUser(deps: {
  loans: LoansRepository;
  owners: OwnersRepository;
  items: ItemsRepository;
  favourites: FavouritesRepository;
  removePhotoFiles: RemovePhotoFiles;
  cache: PublicCache;
  logger: Logger;
}) {
  return async (userId: string): Promise<void> => {
    await deps.favourites.removeAllOf(userId);
    const cancelled = await deps.loans.cancelAllOf(userId);
    const { count: removed, photoKeys } = await deps.items.removeAllOf(userId);
    await deps.owners.forget(userId);
    // Not an HTTP write, so no route declares what it invalidates: it empties the cache itself,
    // when it changed anything.
    if (cancelled + removed > 0) await deps.cache.invalidate();
    await deps.removePhotoFiles(photoKeys);
    deps.logger.info(
      { userId, cancelled, removed, photos: photoKeys.length },
      "deleted user's loans cancelled and items unlisted",
    );
  };
}
