import type { RequestListener } from "node:http";
import type { Express, Request } from "express";
import { buildOpenApiDocument, type Route } from "@sharehood/sdk/contract";
import type { z } from "zod";
import { prepareDatabase } from "./db/prepare-database.ts";
import { loadEnv, type ServiceEnvSchema } from "./env.ts";
import { createHttpApp, finishApp } from "./http/create-app.ts";
import { HttpMetrics } from "./http/metrics.ts";
import { createStore } from "./kv/create-store.ts";
import type { KeyValueStore } from "./kv/store.ts";
import { exitOnSignals, listen, type RunningServer } from "./lifecycle.ts";
import { createLogger, type Logger } from "./logger.ts";

/** The part of a service's configuration this skeleton reads. */
export type ServiceConfig = z.output<typeof ServiceEnvSchema> & { PORT: number };

interface PrismaLike {
  $disconnect(): Promise<void>;
  $queryRaw(query: TemplateStringsArray): Promise<unknown>;
}

/**
 * What every service starts from: its logger, database (migrated when asked, embedded when no
 * DATABASE_URL), Prisma client, store and metrics, and the list of what to close on the way out.
 */
export interface ServiceCore<Db extends PrismaLike> {
  name: string;
  logger: Logger;
  db: Db;
  store: KeyValueStore;
  metrics: HttpMetrics;
  isShuttingDown: () => boolean;
  markShuttingDown: () => void;
  /** Registers a step of `dispose`; steps run in reverse order, before the pools close. */
  onDispose: (step: () => unknown) => void;
  /** Runs the registered steps, then closes the Prisma client, the store and the embedded database. */
  dispose: () => Promise<void>;
}

/** Opens what a service needs, in order: logger, database, Prisma client, store. */
export async function createServiceCore<Db extends PrismaLike>(options: {
  name: string;
  config: ServiceConfig;
  prismaDir: string;
  createDb: (url: string) => Db;
}): Promise<ServiceCore<Db>> {
  const { name, config } = options;
  const logger = createLogger(name, config.LOG_LEVEL);
  const database = await prepareDatabase({
    service: name,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    prismaDir: options.prismaDir,
    migrate: config.MIGRATE_ON_START,
    logger,
  });
  const db = options.createDb(database.url);
  const store = await createStore({
    redisUrl: config.REDIS_URL,
    service: name,
    namespace: config.REDIS_NAMESPACE,
    logger,
  });
  const steps: (() => unknown)[] = [];
  let shuttingDown = false;
  return {
    name,
    logger,
    db,
    store,
    metrics: new HttpMetrics(name, { defaultMetrics: config.NODE_ENV !== "test" }),
    isShuttingDown: () => shuttingDown,
    markShuttingDown: () => {
      shuttingDown = true;
    },
    onDispose: (step) => void steps.push(step),
    async dispose() {
      for (const step of steps.reverse()) await step();
      await db.$disconnect();
      await store.close();
      await database.stop();
    },
  };
}

/**
 * The service's Express app, from the shared one: security headers, request ids, logging,
 * metrics, health (database and Redis), the OpenAPI document of its route table and JSON bodies.
 * Mount the routes, then pass it to `finishService`.
 */
export function createServiceApp(
  core: ServiceCore<PrismaLike>,
  config: ServiceConfig,
  options: {
    title: string;
    description: string;
    routes: Record<string, Route>;
    acceptsMultipart?: (req: Request) => boolean;
  },
): Express {
  return createHttpApp({
    logger: core.logger,
    metrics: core.metrics,
    metricsOnMainPort: config.METRICS_PORT === undefined,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    acceptsMultipart: options.acceptsMultipart,
    isShuttingDown: core.isShuttingDown,
    checks: {
      database: async () => void (await core.db.$queryRaw`SELECT 1`),
      redis: () => core.store.ping(),
    },
    openapi: buildOpenApiDocument(
      { title: options.title, version: "1.0.0", description: options.description },
      options.routes,
    ),
  });
}

/** A wired service: what `startService` serves and tests reach into. */
export type Service<Db extends PrismaLike> = Omit<ServiceCore<Db>, "onDispose" | "isShuttingDown"> & {
  app: Express;
  /** What the HTTP server serves, when it is not the app itself (a fast path in front, say). */
  listener?: RequestListener;
};

/** Adds the 404 and error handlers to the app and answers the finished service. */
export function finishService<Db extends PrismaLike>(
  core: ServiceCore<Db>,
  app: Express,
  extras: { listener?: RequestListener } = {},
): Service<Db> {
  finishApp(app);
  const { onDispose: _onDispose, isShuttingDown: _isShuttingDown, ...rest } = core;
  return { ...rest, app, ...extras };
}

export type StartedService<S> = RunningServer & { api: S; url: string };

/** Builds the service and serves it on `config.PORT` (0 picks a free port, as tests do). */
export async function startService<S extends Service<PrismaLike>>(
  create: () => Promise<S>,
  config: ServiceConfig,
): Promise<StartedService<S>> {
  const api = await create();
  const running = await listen(api.app, {
    port: config.PORT,
    graceMs: config.SHUTDOWN_GRACE_MS,
    logger: api.logger,
    cleanup: () => api.dispose(),
    listener: api.listener,
    metrics: config.METRICS_PORT ? { port: config.METRICS_PORT, registry: api.metrics.registry } : undefined,
  });
  api.logger.info({ port: running.port }, `${api.name} listening on http://localhost:${running.port}`);
  return { ...running, api, url: `http://127.0.0.1:${running.port}` };
}

/** Stops a started service: readiness 503, drain, then close pools. */
export async function stopService(server: StartedService<Service<PrismaLike>>): Promise<void> {
  server.api.markShuttingDown();
  await server.close();
}

/**
 * A service's `main`: validate the environment (exit with the problems), start, and stop
 * gracefully on SIGTERM/SIGINT. A start-up refusal is a message for the operator, not a crash.
 */
export async function runService<C extends ServiceConfig>(
  schema: z.ZodType<C>,
  start: (config: C) => Promise<StartedService<Service<PrismaLike>>>,
): Promise<void> {
  const config = loadEnv(schema, process.env);
  const server = await start(config).catch((error: unknown) => {
    process.stderr.write(`refusing to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
  exitOnSignals(server, {
    logger: server.api.logger,
    onSignal: () => server.api.markShuttingDown(),
    delayMs: config.SHUTDOWN_DELAY_MS,
  });
}
