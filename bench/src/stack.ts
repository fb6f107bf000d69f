import { randomUUID } from "node:crypto";
import pg from "pg";
import { createClient } from "@sharehood/sdk";
import { createTestDatabase, freePort, ServiceProcess } from "@sharehood/server-kit/testing";
import { PRISMA_DIR as INVENTORY_PRISMA_DIR } from "@sharehood/inventory-api/app";
import { PRISMA_DIR as USER_PRISMA_DIR } from "@sharehood/user-api/app";

const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Production bundles of both APIs on fresh databases and the real Redis. The Inventory API runs in
 * several variants over the same database, each with one mechanism switched off, so a figure can be
 * compared with the same request minus that mechanism.
 */
export async function startBenchStack() {
  const [usersDb, inventoryDb] = await Promise.all([
    createTestDatabase({ name: "bench_users", prismaDir: USER_PRISMA_DIR }),
    createTestDatabase({ name: "bench_inventory", prismaDir: INVENTORY_PRISMA_DIR }),
  ]);
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  // Request logs go to a pipe here; at warn the figures measure the service, not the pipe.
  const common = { REDIS_URL, REDIS_NAMESPACE: namespace, LOG_LEVEL: "warn" };
  const processes: ServiceProcess[] = [];
  const start = async (name: string, env: Record<string, string>, entry?: string, readyPath?: string) => {
    const process = new ServiceProcess(name, Number(env.PORT) || (await freePort()), env, entry, readyPath);
    await process.start();
    processes.push(process);
    return process;
  };

  const users = await start("user-api", {
    ...common,
    DATABASE_URL: usersDb.url,
    REGISTER_MAX_PER_IP: "1000000",
    LOGIN_MAX_FAILURES_PER_IP: "1000000",
  });
  const inventoryEnv = { ...common, DATABASE_URL: inventoryDb.url, USER_API_URL: users.url };
  const inventory = {
    main: await start("inventory-api", inventoryEnv),
    // Its own bundle (bench/src/variants/), built by run.ts; the database is already migrated.
    skipAuth: await start(
      "inventory-api",
      { ...inventoryEnv, NODE_ENV: "test" },
      "bench/dist/inventory-skip-auth.js",
    ),
    noTokenCache: await start("inventory-api", { ...inventoryEnv, TOKEN_CACHE_TTL_SECONDS: "0" }),
    noPublicCache: await start("inventory-api", { ...inventoryEnv, PUBLIC_CACHE_TTL_SECONDS: "0" }),
  };
  const sql = new pg.Pool({ connectionString: inventoryDb.url, max: 2 });
  return {
    users,
    inventory,
    redisUrl: REDIS_URL,
    namespace,
    inventoryDatabaseUrl: inventoryDb.url,
    usersDatabaseUrl: usersDb.url,
    client: (token?: string) =>
      createClient({ userApiUrl: users.url, inventoryApiUrl: inventory.main.url, token }),
    sql: <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
      sql.query<T>(text, params).then((r) => r.rows),
    /** Starts any process (the web app, say) that the stack stops at the end. */
    start,
    /** Starts a baseline server script (bench/src/baselines/*.mjs) as its own process. */
    baseline: (name: string, env: Record<string, string>) =>
      start(name, { ...env }, `bench/src/baselines/${name}.mjs`),
    async close() {
      // All at once: each drains for up to its grace period, and one by one they outlasted the
      // 30 s the runner waits, leaving the (large) bench databases behind.
      await Promise.all(processes.map((p) => p.stop("SIGTERM")));
      await sql.end();
      await Promise.all([usersDb.drop(), inventoryDb.drop()]);
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;
