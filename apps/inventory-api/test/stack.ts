import { randomUUID } from "node:crypto";
import { createUserApi, PRISMA_DIR as USER_PRISMA_DIR, type UserApi } from "@sharehood/user-api/app";
import { UserApiEnvSchema } from "@sharehood/user-api/env";
import { createClient, type SharehoodClient } from "@sharehood/sdk";
import { listen, type RunningServer } from "@sharehood/server-kit";
import { createTestDatabase, freePort, testRedisUrl } from "@sharehood/server-kit/testing";
import { createInventoryApi, PRISMA_DIR, type InventoryApi } from "../src/app.ts";
import { InventoryApiEnvSchema } from "../src/env.ts";

/** A running service of the test stack, restartable to simulate an outage. */
export interface StackService<A> {
  api: A;
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface TestStack {
  users: StackService<UserApi>;
  inventory: StackService<InventoryApi>;
  namespace: string;
  /** An SDK client for both APIs, optionally acting with a token. */
  client(token?: string): SharehoodClient;
  /** Registers a new user and answers their tokens and profile. */
  signUp(name?: string): Promise<{
    password: string;
    token: string;
    refreshToken: string;
    id: string;
    email: string;
    client: SharehoodClient;
  }>;
  /** The seeded admin, signed in. */
  admin(): Promise<{ token: string; id: string; client: SharehoodClient }>;
  close(): Promise<void>;
}

const ADMIN = { email: "admin@example.com", password: "admin-password" };
/** Every neighbour that `signUp` creates has this password. */
export const NEIGHBOUR_PASSWORD = "password123";

async function serve<
  A extends {
    app: Parameters<typeof listen>[0];
    listener?: Parameters<typeof listen>[1]["listener"];
    logger: Parameters<typeof listen>[1]["logger"];
    dispose(): Promise<void>;
  },
>(make: () => Promise<A>, port = 0): Promise<{ api: A; running: RunningServer }> {
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

/**
 * The whole backend in-process: the real User API and Inventory API, each on a fresh PostgreSQL
 * database, sharing one fresh Redis namespace (so revocation events flow), on real ports so the
 * Inventory API validates tokens over HTTP exactly as in production. Either service can be stopped
 * and started again on the same port to test outages.
 */
export async function startStack(
  name: string,
  env: { users?: Record<string, string>; inventory?: Record<string, string> } = {},
): Promise<TestStack> {
  const namespace = `test-${name}-${randomUUID().slice(0, 8)}`;
  const [userDb, inventoryDb] = await Promise.all([
    createTestDatabase({ name: `stack_users_${name}`, prismaDir: USER_PRISMA_DIR }),
    createTestDatabase({ name: `stack_inventory_${name}`, prismaDir: PRISMA_DIR }),
  ]);
  const common = {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    REDIS_URL: testRedisUrl(),
    REDIS_NAMESPACE: namespace,
  };
  const userConfig = UserApiEnvSchema.parse({
    ...common,
    DATABASE_URL: userDb.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env.users,
  });

  async function service<A extends InventoryApi | UserApi>(
    make: (port: number) => Promise<A>,
    port = 0,
  ): Promise<StackService<A>> {
    const first = await serve(() => make(port), port);
    const state = { ...first, port: first.running.port };
    return {
      get api() {
        return state.api;
      },
      url: `http://127.0.0.1:${state.port}`,
      port: state.port,
      async stop() {
        state.api.markShuttingDown();
        await state.running.close();
      },
      async start() {
        const next = await serve(() => make(state.port), state.port);
        state.api = next.api;
        state.running = next.running;
      },
    };
  }

  const users = await service(() => createUserApi(userConfig));
  // Its port is chosen first so that PUBLIC_URL (the origin of photo URLs) is its real address.
  const inventoryPort = await freePort();
  const inventoryConfig = InventoryApiEnvSchema.parse({
    ...common,
    DATABASE_URL: inventoryDb.url,
    USER_API_URL: users.url,
    PUBLIC_URL: `http://127.0.0.1:${inventoryPort}`,
    ...env.inventory,
  });
  const inventory = await service(() => createInventoryApi(inventoryConfig), inventoryPort);

  const client = (token?: string) =>
    createClient({ userApiUrl: users.url, inventoryApiUrl: inventory.url, token });
  let counter = 0;
  return {
    users,
    inventory,
    namespace,
    client,
    async signUp(displayName) {
      counter += 1;
      const email = `${name}-${counter}-${randomUUID().slice(0, 6)}@example.com`;
      const result = await client().auth.register({
        body: { email, password: NEIGHBOUR_PASSWORD, name: displayName ?? `Neighbour ${counter}` },
      });
      return {
        password: NEIGHBOUR_PASSWORD,
        token: result.accessToken,
        refreshToken: result.refreshToken,
        id: result.user.id,
        email,
        client: client(result.accessToken),
      };
    },
    async admin() {
      const result = await client().auth.login({ body: ADMIN });
      return { token: result.accessToken, id: result.user.id, client: client(result.accessToken) };
    },
    async close() {
      await inventory.stop().catch(() => undefined);
      await users.stop().catch(() => undefined);
      await Promise.all([userDb.drop(), inventoryDb.drop()]);
    },
  };
}
