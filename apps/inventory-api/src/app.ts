import { fileURLToPath } from "node:url";
import type { RequestListener } from "node:http";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import {
  createServiceApp,
  createServiceCore,
  createUserApiAccess,
  finishService,
  RateLimiter,
  startEventRelay,
  withFastPath,
  type Logger,
  type Service,
} from "@sharehood/server-kit";
import { createDb, type Db } from "./db.ts";
import type { InventoryApiConfig } from "./env.ts";
import { createForgetUser } from "./modules/accounts/forget-user.service.ts";
import { createAuthenticator, type Authenticate } from "./modules/auth/authenticator.ts";
import { createMount } from "./modules/auth/mount.ts";
import { createOptionalCaller } from "./modules/auth/optional-caller.ts";
import { listenForRevocations } from "./modules/auth/revocation-listener.ts";
import { createCalendarRepository } from "./modules/calendar/calendar.repository.ts";
import { calendarRouter } from "./modules/calendar/calendar.routes.ts";
import { createCalendarService } from "./modules/calendar/calendar.service.ts";
import { createCategoriesRepository } from "./modules/categories/categories.repository.ts";
import { categoriesRouter } from "./modules/categories/categories.routes.ts";
import { createBlocksRepository } from "./modules/conversations/blocks.repository.ts";
import { createBlocksService } from "./modules/conversations/blocks.service.ts";
import { createConversationsRepository } from "./modules/conversations/conversations.repository.ts";
import { conversationsRouter } from "./modules/conversations/conversations.routes.ts";
import { createConversationsService } from "./modules/conversations/conversations.service.ts";
import { createMessageLimits } from "./modules/conversations/message-limits.ts";
import { createFavouritesRepository } from "./modules/favourites/favourites.repository.ts";
import { favouritesRouter } from "./modules/favourites/favourites.routes.ts";
import { createFavouritesService } from "./modules/favourites/favourites.service.ts";
import { createIdempotency } from "./modules/idempotency/idempotency.ts";
import { createIdempotencyRepository } from "./modules/idempotency/idempotency.repository.ts";
import { createCatalogueFastPath } from "./modules/items/catalogue-fast-path.ts";
import { createItemsRepository } from "./modules/items/items.repository.ts";
import { itemsRouter } from "./modules/items/items.routes.ts";
import { createItemsService } from "./modules/items/items.service.ts";
import { createLoanExtensionsRepository } from "./modules/loans/loan-extensions.repository.ts";
import { createLoanExtensionsService } from "./modules/loans/loan-extensions.service.ts";
import { createLoanReader } from "./modules/loans/loan-reader.ts";
import { createLoanRulesRepository } from "./modules/loans/loan-rules.repository.ts";
import { reportLoansByState } from "./modules/loans/loan-metrics.ts";
import { createLoansRepository } from "./modules/loans/loans.repository.ts";
import { loansRouter } from "./modules/loans/loans.routes.ts";
import { createLoansService } from "./modules/loans/loans.service.ts";
import { startMaintenance } from "./modules/maintenance/start-maintenance.ts";
import { createSuspendOwner } from "./modules/moderation/suspend-owner.service.ts";
import { createOwnersRepository, type OwnersRepository } from "./modules/owners/owners.repository.ts";
import { createPhotoStorage } from "./modules/photos/create-photo-storage.ts";
import { createDecodeQueue } from "./modules/photos/decode-queue.ts";
import { createPhotoIntake } from "./modules/photos/photo-intake.ts";
import { createRemovePhotoFiles, photoUrlsAt } from "./modules/photos/photo-files.ts";
import { createPhotosRepository } from "./modules/photos/photos.repository.ts";
import { isPhotoUpload, photosRouter } from "./modules/photos/photos.routes.ts";
import { createPhotosService } from "./modules/photos/photos.service.ts";
import { createPublicCache } from "./modules/public-cache/public-cache.ts";
import { createReportedMessagesRepository } from "./modules/reports/reported-messages.repository.ts";
import { createReportLimit } from "./modules/reports/report-limits.ts";
import { createReportSubjects } from "./modules/reports/report-subjects.ts";
import { createReportsRepository } from "./modules/reports/reports.repository.ts";
import { reportsRouter } from "./modules/reports/reports.routes.ts";
import { createReportsService } from "./modules/reports/reports.service.ts";
import { createResolveReport } from "./modules/reports/resolve-report.service.ts";
import { createUserDirectory } from "./modules/reports/user-directory.ts";
import { createReviewsRepository } from "./modules/reviews/reviews.repository.ts";
import { reviewsRouter } from "./modules/reviews/reviews.routes.ts";
import { createReviewsService } from "./modules/reviews/reviews.service.ts";

export const SERVICE = "inventory-api";
export const PRISMA_DIR = fileURLToPath(new URL("../prisma", import.meta.url));

/** A wired Inventory API: the Express app, and what the HTTP server serves (hot cached reads first). */
export type InventoryApi = Service<Db> & { listener: RequestListener };

/**
 * Parts a test or a benchmark may replace; production passes none. The benchmarks build a variant
 * whose authenticator skips the User API (bench/src/variants/), so no switch for it ships here.
 */
export interface InventoryApiOverrides {
  /** Replaces token validation through the User API. */
  authenticate?: (deps: { owners: OwnersRepository; logger: Logger }) => Authenticate;
}

/** Builds the Inventory API from validated config. */
export async function createInventoryApi(
  config: InventoryApiConfig,
  overrides: InventoryApiOverrides = {},
): Promise<InventoryApi> {
  const core = await createServiceCore({ name: SERVICE, config, prismaDir: PRISMA_DIR, createDb });
  const { db, store, logger } = core;
  reportLoansByState(core.metrics, db, logger);

  const publicCache = createPublicCache({
    store,
    ttlSeconds: config.PUBLIC_CACHE_TTL_SECONDS,
    maxBytes: Math.round(config.PUBLIC_CACHE_MAX_MB * 1024 * 1024),
    logger,
  });
  const { tokenCache, userApi } = createUserApiAccess(config, { store, logger });
  const owners = createOwnersRepository(db);
  const categories = createCategoriesRepository(db);
  // Started before anything writes: a loan change nudges it right after its transaction commits.
  const events = startEventRelay({ config, db, logger, registry: core.metrics.registry });
  core.onDispose(events.stop);
  const items = createItemsRepository(db, { onEventsWritten: events.nudge });
  const loans = createLoansRepository(db, { onEventsWritten: events.nudge });
  const conversations = createConversationsRepository(db, { onEventsWritten: events.nudge });
  const blocks = createBlocksRepository(db);
  const favouritesRepository = createFavouritesRepository(db);
  const reviews = createReviewsRepository(db, { onEventsWritten: events.nudge });
  const idempotencyRepository = createIdempotencyRepository(db);
  const photoStorage = createPhotoStorage(config);
  const removePhotoFiles = createRemovePhotoFiles(photoStorage, logger);
  logger.info({ storage: photoStorage.description }, "photo storage");

  const authenticate: Authenticate = overrides.authenticate
    ? overrides.authenticate({ owners, logger })
    : createAuthenticator({
        userApi,
        cache: tokenCache,
        owners,
        onOwnerRenamed: () => publicCache.invalidate(),
        logger,
      });
  core.onDispose(() => userApi.close());
  core.onDispose(() => photoStorage.close());
  const unsubscribe = await listenForRevocations({
    store,
    cache: tokenCache,
    logger,
    onUserDeleted: createForgetUser({
      loans,
      owners,
      items,
      favourites: favouritesRepository,
      removePhotoFiles,
      cache: publicCache,
      logger,
    }),
    onUserSuspended: createSuspendOwner({ owners, cache: publicCache, logger }),
  });
  core.onDispose(() => unsubscribe().catch(() => undefined));
  const stopMaintenance = startMaintenance({
    loans,
    reviews,
    onReviewsRevealed: () => publicCache.invalidate(),
    idempotency: idempotencyRepository,
    intervalMs: config.LOAN_EXPIRY_INTERVAL_SECONDS * 1000,
    db,
    registry: core.metrics.registry,
    logger,
  });

  const photoUrls = photoUrlsAt(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`);
  const itemsService = createItemsService({
    items,
    categories,
    cache: publicCache,
    photoUrls,
    removePhotoFiles,
  });
  const photosService = createPhotosService({
    photos: createPhotosRepository(db),
    items,
    storage: photoStorage,
    removeFiles: removePhotoFiles,
    photoUrls,
    intake: createPhotoIntake({
      limiter: new RateLimiter(store, logger),
      uploadsPerHour: config.PHOTO_UPLOADS_PER_HOUR,
      decodes: createDecodeQueue({
        concurrency: config.PHOTO_MAX_CONCURRENT_DECODES,
        maxWaiting: config.PHOTO_MAX_QUEUED_DECODES,
      }),
    }),
    logger,
  });
  const loanRules = createLoanRulesRepository(db);
  const loanExtensions = createLoanExtensionsRepository(db, { onEventsWritten: events.nudge });
  const loanReader = createLoanReader({ loans, extensions: loanExtensions });
  const loansService = createLoansService({ loans, rules: loanRules, reader: loanReader });
  const extensionsService = createLoanExtensionsService({
    extensions: loanExtensions,
    rules: loanRules,
    reader: loanReader,
  });
  const conversationsService = createConversationsService({
    conversations,
    blocks,
    items,
    limits: createMessageLimits(new RateLimiter(store, logger)),
    photoUrls,
  });

  core.onDispose(stopMaintenance);

  const reports = createReportsRepository(db, { onEventsWritten: events.nudge });
  const reportedMessages = createReportedMessagesRepository(db);
  const users = createUserDirectory({
    baseUrl: config.USER_API_URL,
    timeoutMs: config.USER_API_TIMEOUT_MS,
    logger,
  });
  const reportSubjects = createReportSubjects({ items, messages: reportedMessages, owners, users });
  const reportsService = createReportsService({
    reports,
    subjects: reportSubjects,
    items,
    messages: reportedMessages,
    limit: createReportLimit(new RateLimiter(store, logger)),
    photoUrls,
  });
  const resolveReport = createResolveReport({ reports, subjects: reportSubjects, users });

  const app = createServiceApp(core, config, {
    title: "Sharehood Inventory API",
    description: "Items, categories, search and the borrowing lifecycle.",
    routes: inventoryRoutes,
    acceptsMultipart: isPhotoUpload,
  });
  const mount = createMount(authenticate, {
    idempotent: createIdempotency(idempotencyRepository),
    publicCache,
  });
  app.use(categoriesRouter(mount, categories, publicCache));
  app.use(itemsRouter(mount, itemsService, createOptionalCaller(authenticate)));
  app.use(photosRouter(mount, photosService));
  app.use(loansRouter(mount, loansService, extensionsService));
  app.use(
    calendarRouter(
      mount,
      createCalendarService({
        calendar: createCalendarRepository(db),
        publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
        webUrl: config.PUBLIC_WEB_URL,
      }),
    ),
  );
  app.use(conversationsRouter(mount, conversationsService, createBlocksService({ blocks })));
  app.use(reportsRouter(mount, reportsService, resolveReport));
  app.use(reviewsRouter(mount, createReviewsService({ reviews })));
  const favourites = createFavouritesService({ favourites: favouritesRepository, photoUrls });
  app.use(favouritesRouter(mount, favourites));
  return {
    ...finishService(core, app),
    listener: withFastPath(app, createCatalogueFastPath(itemsService, publicCache), core.metrics),
  };
}
