export { AppError, conflict, forbidden, notFound, unauthenticated } from "./app-error.ts";
export * from "./auth/index.ts";
export { CircuitBreaker } from "./circuit-breaker.ts";
export { decodeCursor, encodeCursor } from "./cursor.ts";
export {
  applyMigrations,
  diffMigrations,
  readMigrations,
  SNAPSHOT,
  writeMigrationDiff,
} from "./db/migrate.ts";
export { prepareDatabase, runMigrateCommand } from "./db/prepare-database.ts";
export { startEmbeddedPostgres, type EmbeddedPostgres } from "./db/embedded-postgres.ts";
export { isDatabaseUnavailable } from "./db/unavailable.ts";
export { BaseEnvSchema, envFlag, loadEnv, ServiceEnvSchema } from "./env.ts";
// Only the settings: the image pipeline itself is `@sharehood/server-kit/images` (it loads sharp).
export { checkFileStorageEnv, FileStorageEnv, type FileStorageConfig } from "./images/file-storage-env.ts";
export {
  createRouteMounter,
  PreparedResponse,
  type ContractInput,
  type IdempotentHook,
  type IdempotentRequest,
  type PermissionHolder,
  type RouteMounterOptions,
} from "./http/contract-route.ts";
export { createHttpApp, finishApp, type HttpAppOptions } from "./http/create-app.ts";
export { bearerToken } from "./http/bearer.ts";
export { sendProblem } from "./http/error-handler.ts";
export { withFastPath, type FastHandler, type FastResponse } from "./http/fast-path.ts";
export type { ReadinessCheck } from "./http/health.ts";
export { HttpMetrics } from "./http/metrics.ts";
export { parseInput } from "./http/validate.ts";
export { createStore } from "./kv/create-store.ts";
export { MemoryStore } from "./kv/memory-store.ts";
export type { KeyValueStore } from "./kv/store.ts";
export { exitOnSignals, listen, type RunningServer } from "./lifecycle.ts";
export { createLogger, type Logger } from "./logger.ts";
export { startPeriodic } from "./periodic.ts";
export { RateLimiter, type RateLimitRule } from "./rate-limit.ts";
export { createTokenCache, hashToken, type TokenCache } from "./token-cache.ts";
export {
  createServiceApp,
  createServiceCore,
  finishService,
  runService,
  startService,
  stopService,
  type Service,
  type ServiceConfig,
  type ServiceCore,
  type StartedService,
} from "./service.ts";
export * from "./events/index.ts";
export { currentTraceparent, tracingOn, withSpanFromTraceparent } from "./telemetry/context.ts";
