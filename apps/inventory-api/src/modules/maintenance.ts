import { startPeriodic, type Logger } from "@sharehood/server-kit";
import { todayUtc } from "../dates.ts";
import type { IdempotencyRepository } from "./idempotency/idempotency.repository.ts";
import type { ItemsRepository } from "./items/items.repository.ts";
import type { LoansRepository } from "./loans/loans.repository.ts";
import type { RemovePhotoFiles } from "./photos/photo-files.ts";
import type { PublicCache } from "./public-cache/public-cache.ts";

/**
 * Periodic upkeep: expire requests whose start date passed unanswered, and forget idempotency keys
 * older than their 24 hours. Both are single idempotent statements, safe to run on every replica.
 */
export function startMaintenance(deps: {
  loans: LoansRepository;
  idempotency: IdempotencyRepository;
  intervalMs: number;
  logger: Logger;
}) {
  return startPeriodic({
    name: "maintenance",
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    task: async () => {
      const expired = await deps.loans.expireStale(todayUtc());
      if (expired > 0) deps.logger.info({ expired }, "expired unanswered loan requests");
      await deps.idempotency.purgeOlderThan(new Date(Date.now() - 24 * 3600 * 1000));
    },
  });
}

/** When the User API deletes an account: cancel its open loans, unlist its items and drop their photos. */
export function createForgetUser(deps: {
  loans: LoansRepository;
  items: ItemsRepository;
  removePhotoFiles: RemovePhotoFiles;
  cache: PublicCache;
  logger: Logger;
}) {
  return async (userId: string): Promise<void> => {
    const cancelled = await deps.loans.cancelAllOf(userId);
    const { count: removed, photoKeys } = await deps.items.removeAllOf(userId);
    if (cancelled + removed > 0) await deps.cache.invalidate();
    await deps.removePhotoFiles(photoKeys);
    deps.logger.info(
      { userId, cancelled, removed, photos: photoKeys.length },
      "deleted user's loans cancelled and items unlisted",
    );
  };
}
