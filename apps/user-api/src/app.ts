import { fileURLToPath } from "node:url";
import { userRoutes } from "@sharehood/sdk/contract";
import {
  createServiceApp,
  createServiceCore,
  createTokenCache,
  finishService,
  RateLimiter,
  startEventRelay,
  startPeriodic,
  type Service,
} from "@sharehood/server-kit";
import { createDecodeQueue, createImageIntake } from "@sharehood/server-kit/images";
import { createDb, type Db } from "./db.ts";
import type { UserApiConfig } from "./env.ts";
import { createAccessTokenValidation } from "./modules/access-tokens/access-token-validation.ts";
import { createAccessTokensRepository } from "./modules/access-tokens/access-tokens.repository.ts";
import { accessTokensRouter } from "./modules/access-tokens/access-tokens.routes.ts";
import { createAccessTokensService } from "./modules/access-tokens/access-tokens.service.ts";
import { createTokenUse } from "./modules/access-tokens/token-use.ts";
import { accountRouter } from "./modules/account/account.routes.ts";
import { createAccountService } from "./modules/account/account.service.ts";
import { createBackgroundTasks } from "./modules/account/background.ts";
import { createEmailTokensRepository } from "./modules/account/email-tokens.repository.ts";
import { authRouter } from "./modules/auth/auth.routes.ts";
import type { CachedValidation } from "./modules/auth/cached-validation.ts";
import { createAuthService } from "./modules/auth/auth.service.ts";
import { createClientAddress } from "./modules/auth/client-address.ts";
import { createPasswordAttempts } from "./modules/auth/password-attempts.ts";
import { createMount } from "./modules/auth/mount.ts";
import { createRevocations } from "./modules/auth/revocations.ts";
import { createSessionsRepository } from "./modules/auth/sessions.repository.ts";
import { avatarUrlAt } from "./modules/avatars/avatar-files.ts";
import { createAvatarStorage, createRemoveAvatarFile } from "./modules/avatars/avatar-storage.ts";
import { avatarsRouter, isAvatarUpload } from "./modules/avatars/avatars.routes.ts";
import { createAvatarsService } from "./modules/avatars/avatars.service.ts";
import { MAX_AVATAR_PIXELS, processAvatar } from "./modules/avatars/process-avatar.ts";
import { createOutbox } from "./modules/events/outbox.ts";
import { seedDemoUsers } from "./modules/users/demo-users.ts";
import { createSuspensionsService } from "./modules/users/suspensions.service.ts";
import { createUserDtos } from "./modules/users/user-dto.ts";
import { createUsersRepository } from "./modules/users/users.repository.ts";
import { usersRouter } from "./modules/users/users.routes.ts";
import { createUsersService } from "./modules/users/users.service.ts";

export const SERVICE = "user-api";
/** How long expired tokens and dead sessions are kept before the purge (every UPKEEP_INTERVAL_SECONDS) deletes them. */
const EXPIRED_TOKEN_RETENTION_MS = 24 * 3600 * 1000;
/**
 * Avatar uploads: files one person may send per hour (every file received counts), and how many
 * decode at once and wait per process. Constants rather than settings: avatars are changed
 * rarely, and one decode line per replica is plenty for them.
 */
const AVATAR_UPLOADS_PER_HOUR = 20;
const AVATAR_DECODES = { concurrency: 2, maxWaiting: 8, filesPerUpload: 1 };
export const PRISMA_DIR = fileURLToPath(new URL("../prisma", import.meta.url));

/** A wired User API: the Express app and everything it holds open. */
export type UserApi = Service<Db>;

/** Builds the User API from validated config: database (migrated when asked), store, services, routes. */
export async function createUserApi(config: UserApiConfig): Promise<UserApi> {
  const core = await createServiceCore({ name: SERVICE, config, prismaDir: PRISMA_DIR, createDb });
  const { db, store, logger } = core;

  // Events leave through the outbox: a Redis Stream with REDIS_URL, else pushed to
  // EVENTS_PUSH_URLS, else they wait in the outbox until one is configured.
  const relay = startEventRelay({ config, db, logger, registry: core.metrics.registry });
  core.onDispose(relay.stop);
  const outbox = createOutbox(db, relay);

  const users = createUsersRepository(db, outbox);
  const sessions = createSessionsRepository(db);
  const emailTokens = createEmailTokensRepository(db, outbox);
  const cache = createTokenCache<CachedValidation>({
    store,
    ttlSeconds: config.TOKEN_CACHE_TTL_SECONDS,
    logger,
    expiresAtOf: (cached) => cached.validation.expiresAt,
  });
  const revoke = createRevocations(store, cache, logger);
  const limiter = new RateLimiter(store, logger);
  const passwordAttempts = createPasswordAttempts(limiter, config);
  const dto = createUserDtos(avatarUrlAt(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`));
  const avatarStorage = createAvatarStorage(config);
  core.onDispose(() => avatarStorage.close());
  logger.info({ storage: avatarStorage.description }, "avatar storage");
  const removeAvatarFile = createRemoveAvatarFile(avatarStorage, logger);
  const accessTokens = createAccessTokensRepository(db);
  const auth = createAuthService({
    users,
    sessions,
    cache,
    revoke,
    limiter,
    passwordAttempts,
    dto,
    validateAccessToken: createAccessTokenValidation({ tokens: accessTokens, dto }),
    recordTokenUse: createTokenUse(accessTokens, logger),
    config,
  });
  const accessTokensService = createAccessTokensService({ tokens: accessTokens, revoke });
  const usersService = createUsersService({
    users,
    sessions,
    revoke,
    passwordAttempts,
    dto,
    removeAvatarFile,
  });
  const suspensions = createSuspensionsService({ users, revoke, dto });
  const avatars = createAvatarsService({
    users,
    sessions,
    revoke,
    storage: avatarStorage,
    removeFile: removeAvatarFile,
    intake: createImageIntake({
      limiter,
      kind: "avatars",
      uploadsPerHour: AVATAR_UPLOADS_PER_HOUR,
      maxPixels: MAX_AVATAR_PIXELS,
      decodes: createDecodeQueue(AVATAR_DECODES),
      process: processAvatar,
    }),
    dto,
    logger,
  });
  const background = createBackgroundTasks(logger);
  // Registered before the pools close (dispose runs steps in reverse): started work finishes.
  core.onDispose(() => background.drain());
  const account = createAccountService({ emailTokens, revoke, limiter, background, config });
  const clientAddress = createClientAddress(config.SERVICE_SECRET);

  const embedded = !config.DATABASE_URL;
  if (config.SEED_DEMO_DATA ?? embedded) {
    const created = await seedDemoUsers(users, { withAdmin: embedded });
    if (created.length > 0) logger.info({ created }, "demo users created");
  }
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const outcome = await usersService.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD, {
      promoteExisting: config.ADMIN_PROMOTE_EXISTING,
    });
    logger.info({ email: config.ADMIN_EMAIL, outcome }, "admin account ensured");
  }

  core.onDispose(
    startPeriodic({
      name: "token purge",
      intervalMs: config.UPKEEP_INTERVAL_SECONDS * 1000,
      db,
      registry: core.metrics.registry,
      logger,
      task: async () => {
        const before = new Date(Date.now() - EXPIRED_TOKEN_RETENTION_MS);
        const purged = {
          ...(await sessions.purgeExpired(before)),
          emailTokens: await emailTokens.purgeExpired(before),
          accessTokens: await accessTokens.purgeExpired(before),
        };
        if (purged.tokens + purged.sessions + purged.emailTokens + purged.accessTokens > 0)
          logger.info(purged, "expired tokens and dead sessions deleted");
      },
    }),
  );

  const app = createServiceApp(core, config, {
    title: "Sharehood User API",
    description: "Accounts, sessions, tokens, roles, profiles and avatars.",
    routes: userRoutes,
    acceptsMultipart: isAvatarUpload,
  });
  // Everything here is personal (tokens, profiles): no shared cache may keep it.
  app.use((_req, res, next) => {
    res.setHeader("cache-control", "no-store");
    next();
  });
  const mount = createMount(auth, clientAddress);
  app.use(authRouter(mount, auth, clientAddress));
  app.use(accountRouter(mount, account, clientAddress));
  // Before the users router: `/users/me/avatar` and `/users/me/tokens` are not user ids.
  app.use(avatarsRouter(mount, avatars));
  app.use(accessTokensRouter(mount, accessTokensService));
  app.use(usersRouter(mount, usersService, suspensions, clientAddress));
  return finishService(core, app);
}
