import { randomUUID } from "node:crypto";
import pg from "pg";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { userApiService } from "@sharehood/user-api/service";
import { listItem, signUp, startProcessStack } from "@sharehood/test-stack";

export interface Neighbour {
  id: string;
  token: string;
  itemIds: string[];
}

/**
 * A whole backend for one scenario: a fresh database for each service, a private Redis, the APIs
 * as real processes, and a seeded neighbourhood. `warm` users have listed items (so the Inventory
 * API has cached their token); `cold` users have tokens it has never seen. With `notifications`,
 * the Notification API runs too, consuming both APIs' events; scenarios that do not look at
 * notifications leave it out, so that on two cores they measure the two APIs and not a third process.
 */
export async function startWorld(
  name: string,
  options: {
    coldUsers?: number;
    inventoryEnv?: Record<string, string>;
    notifications?: boolean;
    notificationsEnv?: Record<string, string>;
  } = {},
) {
  const stack = await startProcessStack(
    `resilience_${name}`,
    {
      users: userApiService,
      inventory: inventoryApiService,
      // Started with the others, before the neighbourhood is seeded: it hears every registration.
      ...(options.notifications ? { notifications: notificationApiService } : {}),
    },
    {
      privateRedis: true,
      env: {
        // The load signs many neighbours up from one address; the limits are tested elsewhere.
        users: { REGISTER_MAX_PER_IP: "100000" },
        inventory: { USER_API_BREAKER_RESET_MS: "1000", ...options.inventoryEnv },
        ...(options.notificationsEnv ? { notifications: options.notificationsEnv } : {}),
      },
    },
  );
  const { users, inventory, client } = stack;
  const redis = stack.redis!;

  async function signUpNeighbour(i: number): Promise<Neighbour> {
    const email = `${name}-${i}-${randomUUID().slice(0, 6)}@example.com`;
    const { id, token } = await signUp(client, { email, name: `Neighbour ${i}` });
    return { id, token, itemIds: [] };
  }

  const warm: Neighbour[] = [];
  for (let i = 0; i < 8; i += 1) {
    const neighbour = await signUpNeighbour(i);
    for (let j = 0; j < 3; j += 1) {
      const item = await listItem(client(neighbour.token), {
        title: `Seed item ${i}-${j}`,
        description: "Seeded before the load.",
      });
      neighbour.itemIds.push(item.id);
    }
    warm.push(neighbour);
  }
  const cold: Neighbour[] = [];
  for (let i = 0; i < (options.coldUsers ?? 0); i += 10) {
    cold.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, (options.coldUsers ?? 0) - i) }, (_, k) =>
          signUpNeighbour(100 + i + k),
        ),
      )),
    );
  }

  const { databases } = stack;
  const inventoryUrl = stack.databases.inventory;
  const inventorySql = new pg.Pool({
    connectionString: inventoryUrl.replace(/\/[^/]+$/, "/postgres"),
    max: 2,
  });
  const inventoryDbName = new URL(inventoryUrl).pathname.slice(1);
  const queryIn = async <T extends pg.QueryResultRow>(
    database: keyof typeof databases,
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> => {
    const url = databases[database];
    if (!url) throw new Error(`this world has no ${database} database`);
    const db = new pg.Client({ connectionString: url });
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
    /** The Notification API's process, when the world was started with `notifications`. */
    notifications: stack.notifications,
    warm,
    cold,
    client,
    /** Runs SQL against the Inventory API's database (to count what was really stored). */
    query: <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      queryIn<T>("inventory", sql, params),
    /** Runs SQL against one service's database (to compare what each really stored). */
    queryIn,
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
      await stack.notifications?.stop("SIGKILL");
      await inventory.stop("SIGKILL");
      await users.stop("SIGKILL");
      await inventorySql
        .query(`ALTER DATABASE "${inventoryDbName}" ALLOW_CONNECTIONS true`)
        .catch(() => undefined);
      await inventorySql.end();
      // Stops Redis and drops the databases (the processes are gone already).
      await stack.close();
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;
