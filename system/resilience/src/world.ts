import { randomUUID } from "node:crypto";
import pg from "pg";
import { createClient } from "@sharehood/sdk";
import {
  createTestDatabase,
  freePort,
  ServiceProcess,
  startPrivateRedis,
} from "@sharehood/server-kit/testing";
import { PRISMA_DIR as INVENTORY_PRISMA_DIR } from "@sharehood/inventory-api/app";
import { PRISMA_DIR as USER_PRISMA_DIR } from "@sharehood/user-api/app";

export interface Neighbour {
  id: string;
  token: string;
  itemIds: string[];
}

/**
 * A whole backend for one scenario: fresh databases for both services, a private Redis, both APIs
 * as real processes, and a seeded neighbourhood. `warm` users have listed items (so the Inventory
 * API has cached their token); `cold` users have tokens it has never seen.
 */
export async function startWorld(
  name: string,
  options: { coldUsers?: number; inventoryEnv?: Record<string, string> } = {},
) {
  const redis = await startPrivateRedis();
  const [usersDb, inventoryDb] = await Promise.all([
    createTestDatabase({ name: `resilience_users_${name}`, prismaDir: USER_PRISMA_DIR }),
    createTestDatabase({ name: `resilience_inventory_${name}`, prismaDir: INVENTORY_PRISMA_DIR }),
  ]);
  const common = { REDIS_URL: redis.url, REDIS_NAMESPACE: `resilience-${name}-${randomUUID().slice(0, 6)}` };
  const users = new ServiceProcess("user-api", await freePort(), {
    ...common,
    DATABASE_URL: usersDb.url,
    // The load signs many neighbours up from one address; the limits are tested elsewhere.
    REGISTER_MAX_PER_IP: "100000",
  });
  await users.start();
  const inventory = new ServiceProcess("inventory-api", await freePort(), {
    ...common,
    DATABASE_URL: inventoryDb.url,
    USER_API_URL: users.url,
    USER_API_BREAKER_RESET_MS: "1000",
    ...options.inventoryEnv,
  });
  await inventory.start();
  const client = (token?: string) =>
    createClient({ userApiUrl: users.url, inventoryApiUrl: inventory.url, token });

  async function signUp(i: number): Promise<Neighbour> {
    const email = `${name}-${i}-${randomUUID().slice(0, 6)}@example.com`;
    const { accessToken, user } = await client().auth.register({
      body: { email, password: "password123", name: `Neighbour ${i}` },
    });
    return { id: user.id, token: accessToken, itemIds: [] };
  }

  const warm: Neighbour[] = [];
  for (let i = 0; i < 8; i += 1) {
    const neighbour = await signUp(i);
    for (let j = 0; j < 3; j += 1) {
      const item = await client(neighbour.token).items.create({
        body: {
          title: `Seed item ${i}-${j}`,
          description: "Seeded before the load.",
          categoryId: "tools",
          condition: "good",
        },
      });
      neighbour.itemIds.push(item.id);
    }
    warm.push(neighbour);
  }
  const cold: Neighbour[] = [];
  for (let i = 0; i < (options.coldUsers ?? 0); i += 10) {
    cold.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, (options.coldUsers ?? 0) - i) }, (_, k) => signUp(100 + i + k)),
      )),
    );
  }

  const inventorySql = new pg.Pool({
    connectionString: inventoryDb.url.replace(/\/[^/]+$/, "/postgres"),
    max: 2,
  });
  const inventoryDbName = new URL(inventoryDb.url).pathname.slice(1);
  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const db = new pg.Client({ connectionString: inventoryDb.url });
    await db.connect();
    try {
      return (await db.query<T>(sql, params)).rows;
    } finally {
      await db.end();
    }
  };

  return {
    redis,
    users,
    inventory,
    warm,
    cold,
    client,
    /** Runs SQL against the Inventory API's database (to count what was really stored). */
    query,
    /** Drops every connection to the inventory database and refuses new ones until `allow`. */
    async cutInventoryDatabase(): Promise<void> {
      await inventorySql.query(`ALTER DATABASE "${inventoryDbName}" ALLOW_CONNECTIONS false`);
      await inventorySql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
        inventoryDbName,
      ]);
    },
    async restoreInventoryDatabase(): Promise<void> {
      await inventorySql.query(`ALTER DATABASE "${inventoryDbName}" ALLOW_CONNECTIONS true`);
    },
    async close(): Promise<void> {
      await inventory.stop("SIGKILL");
      await users.stop("SIGKILL");
      await redis.stop();
      await inventorySql
        .query(`ALTER DATABASE "${inventoryDbName}" ALLOW_CONNECTIONS true`)
        .catch(() => undefined);
      await inventorySql.end();
      await Promise.all([usersDb.drop(), inventoryDb.drop()]);
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;
