import { randomUUID } from "node:crypto";
import { listen, type RunningServer } from "@sharehood/server-kit";
import { createTestDatabase, testRedisUrl } from "@sharehood/server-kit/testing";
import type { InProcessApi, ServiceDescriptor } from "./service-descriptor.ts";

/** A fresh Redis namespace for one test file (or stack), so files running in parallel never meet. */
export function testNamespace(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/** What every in-process service runs with: quiet, test mode, the test Redis in its namespace. */
export function inProcessEnv(namespace: string): Record<string, string> {
  return { NODE_ENV: "test", LOG_LEVEL: "silent", REDIS_URL: testRedisUrl(), REDIS_NAMESPACE: namespace };
}

/** A service built in-process on its own fresh database, not listening (tests drive `api.app`). */
export interface InProcessService<Config, Api> {
  api: Api;
  /** The config it was built from (another instance on the same database and namespace needs it). */
  config: Config;
  namespace: string;
  close(): Promise<void>;
}

/**
 * One service in-process on its own fresh PostgreSQL database and its own Redis namespace, so
 * test files can run in parallel without seeing each other.
 */
export async function startInProcessService<Config, Api extends InProcessApi>(
  service: ServiceDescriptor<Config, Api>,
  name: string,
  env: Record<string, string> = {},
): Promise<InProcessService<Config, Api>> {
  const database = await createTestDatabase({
    name: `${service.name}_${name}`,
    prismaDir: service.prismaDir,
  });
  const namespace = testNamespace(name);
  const config = await service.configure({
    ...inProcessEnv(namespace),
    DATABASE_URL: database.url,
    PORT: "0",
    ...env,
  });
  const api = await service.create(config);
  return {
    api,
    config,
    namespace,
    async close() {
      await api.dispose();
      await database.drop();
    },
  };
}

/** A service of an in-process stack, listening on a real port, restartable to simulate an outage. */
export interface StackService<Api> {
  api: Api;
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function serve<Api extends InProcessApi>(
  make: () => Promise<Api>,
  port: number,
): Promise<{ api: Api; running: RunningServer }> {
  const api = await make();
  const running = await listen(api.app, {
    port,
    host: "127.0.0.1",
    graceMs: 2_000,
    logger: api.logger,
    cleanup: () => api.dispose(),
    // As in production: the Inventory API serves hot cached reads before Express.
    listener: api.listener,
  });
  return { api, running };
}

/** Builds a service from its config and serves it on `port` (0: any); `start` rebuilds it on the same port. */
export async function serveInProcess<Config, Api extends InProcessApi>(
  service: ServiceDescriptor<Config, Api>,
  config: Config,
  port = 0,
): Promise<StackService<Api>> {
  const state = await serve(() => service.create(config), port);
  const actualPort = state.running.port;
  return {
    get api() {
      return state.api;
    },
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    async stop() {
      state.api.markShuttingDown();
      await state.running.close();
    },
    async start() {
      Object.assign(state, await serve(() => service.create(config), actualPort));
    },
  };
}
