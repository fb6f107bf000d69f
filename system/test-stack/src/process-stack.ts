import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, freePort, testRedisUrl } from "@sharehood/server-kit/testing";
import { connectTo, type Connect } from "./fixtures.ts";
import { testNamespace } from "./in-process.ts";
import { startPrivateRedis } from "./redis.ts";
import { ServiceProcess } from "./service-process.ts";
import type { InProcessApi } from "./service-descriptor.ts";
import type { StackEnv, StackServices } from "./stack-services.ts";

export interface ProcessStackOptions {
  /** A redis-server of the stack's own, which a scenario may kill or freeze (else `redisUrl`). */
  privateRedis?: boolean;
  /** The Redis the services share (default: the test Redis), in a fresh namespace. */
  redisUrl?: string;
  /** Environment for every service, then for each. */
  env?: StackEnv & { common?: Record<string, string> };
  /** How long each process may take to be ready (default 30 s). */
  startTimeoutMs?: number;
}

/**
 * The APIs as their production bundles (the Notification API too when `services` names it) (`node dist/main.js`), each on a fresh PostgreSQL database,
 * sharing a fresh Redis namespace: what the resilience scenarios and the benchmarks kill, load and
 * restart. `start` adds any other process (a variant, a baseline, the web app), stopped with the rest.
 */
export async function startProcessStack(
  name: string,
  // Only the bundles and Prisma folders are used: nothing of the apps is loaded here.
  services: StackServices<InProcessApi, InProcessApi>,
  options: ProcessStackOptions = {},
) {
  const redis = options.privateRedis ? await startPrivateRedis() : undefined;
  const redisUrl = redis?.url ?? options.redisUrl ?? testRedisUrl();
  const [usersDb, inventoryDb, notificationsDb] = await Promise.all([
    createTestDatabase({ name: `${name}_users`, prismaDir: services.users.prismaDir }),
    createTestDatabase({ name: `${name}_inventory`, prismaDir: services.inventory.prismaDir }),
    services.notifications &&
      createTestDatabase({ name: `${name}_notifications`, prismaDir: services.notifications.prismaDir }),
  ]);
  const namespace = testNamespace(name);
  const common = { REDIS_URL: redisUrl, REDIS_NAMESPACE: namespace, ...options.env?.common };
  const processes: ServiceProcess[] = [];
  const start = async (
    process: string,
    env: Record<string, string>,
    entry: string,
    readyPath?: string,
    timeoutMs?: number,
  ): Promise<ServiceProcess> => {
    const started = new ServiceProcess(
      process,
      Number(env.PORT) || (await freePort()),
      env,
      entry,
      readyPath,
    );
    // Before it starts: one that never gets ready is still stopped by `close`.
    processes.push(started);
    await started.start(timeoutMs ?? options.startTimeoutMs);
    return started;
  };

  const usersEnv = { ...common, DATABASE_URL: usersDb.url, ...options.env?.users };
  const users = await start(services.users.name, usersEnv, services.users.bundle);
  const inventoryEnv = {
    ...common,
    DATABASE_URL: inventoryDb.url,
    USER_API_URL: users.url,
    ...options.env?.inventory,
  };
  const inventory = await start(services.inventory.name, inventoryEnv, services.inventory.bundle);
  const dataDir = notificationsDb && (await mkdtemp(join(tmpdir(), `sharehood-${name}-`)));
  const notificationsEnv = notificationsDb && {
    ...common,
    DATABASE_URL: notificationsDb.url,
    USER_API_URL: users.url,
    DATA_DIR: dataDir ?? "",
    // Production bundles refuse to start without one (unsubscribe links must outlive a process).
    NOTIFICATION_SIGNING_SECRET: `${namespace}-signing-secret-0123456789abcdef`,
    ...options.env?.notifications,
  };
  const notifications =
    services.notifications && notificationsEnv
      ? await start(services.notifications.name, notificationsEnv, services.notifications.bundle)
      : undefined;
  const client: Connect = connectTo({
    userApiUrl: users.url,
    inventoryApiUrl: inventory.url,
    notificationApiUrl: notifications?.url,
  });
  return {
    users,
    inventory,
    /** The Notification API, when `services` named it. */
    notifications,
    /** Where the Notification API writes emails (`.eml` files) when it has no SMTP_URL. */
    mailDir: dataDir && join(dataDir, "mail"),
    /** The stack's private redis-server, when it has one. */
    redis,
    redisUrl,
    namespace,
    databases: { users: usersDb.url, inventory: inventoryDb.url, notifications: notificationsDb?.url },
    /** The environment each service was started with (a variant over the same database reuses it). */
    env: { users: usersEnv, inventory: inventoryEnv, notifications: notificationsEnv },
    client,
    /** Starts another process (port: `env.PORT`, else a free one; ready within `timeoutMs`) that `close` stops too. */
    start,
    /** Stops every process (all at once: each may drain for its grace period), Redis, and drops the databases. */
    async close(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
      await Promise.all(processes.map((p) => p.stop(signal)));
      await redis?.stop();
      await Promise.all([usersDb.drop(), inventoryDb.drop(), notificationsDb?.drop()]);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type ProcessStack = Awaited<ReturnType<typeof startProcessStack>>;
