import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, freePort } from "@sharehood/server-kit/testing";
import {
  connectTo,
  NEIGHBOUR_PASSWORD,
  signIn,
  signUp,
  type Connect,
  type Neighbour,
  type SignedIn,
} from "./fixtures.ts";
import { inProcessEnv, serveInProcess, testNamespace, type StackService } from "./in-process.ts";
import type { InProcessApi, ServiceDescriptor } from "./service-descriptor.ts";
import { STACK_ADMIN, type StackEnv, type StackServices } from "./stack-services.ts";

export interface InProcessStack<UsersApi = InProcessApi, InventoryApi = InProcessApi> {
  users: StackService<UsersApi>;
  inventory: StackService<InventoryApi>;
  /** The Notification API, when the stack was asked for it. */
  notifications?: StackService<InProcessApi>;
  /** Where the Notification API writes emails (`.eml` files), when it runs without SMTP_URL. */
  mailDir?: string;
  namespace: string;
  /** An SDK client for the APIs, optionally acting with a token. */
  client: Connect;
  /** Registers a new neighbour (password `NEIGHBOUR_PASSWORD`) and answers them signed in. */
  signUp(name?: string): Promise<Neighbour>;
  /** The seeded admin, signed in. */
  admin(): Promise<SignedIn>;
  close(): Promise<void>;
}

/**
 * The whole backend in-process: the real User API and Inventory API, each on a fresh PostgreSQL
 * database, sharing one fresh Redis namespace (so revocation events flow), on real ports so the
 * Inventory API validates tokens over HTTP exactly as in production. Either service can be stopped
 * and started again on the same port to test outages.
 */
export async function startInProcessStack<UsersApi extends InProcessApi, InventoryApi extends InProcessApi>(
  name: string,
  services: StackServices<UsersApi, InventoryApi>,
  env: StackEnv = {},
): Promise<InProcessStack<UsersApi, InventoryApi>> {
  const namespace = testNamespace(name);
  const [userDb, inventoryDb] = await Promise.all([
    createTestDatabase({ name: `stack_users_${name}`, prismaDir: services.users.prismaDir }),
    createTestDatabase({ name: `stack_inventory_${name}`, prismaDir: services.inventory.prismaDir }),
  ]);
  const common = inProcessEnv(namespace);
  const userConfig = await services.users.configure({
    ...common,
    DATABASE_URL: userDb.url,
    ADMIN_EMAIL: STACK_ADMIN.email,
    ADMIN_PASSWORD: STACK_ADMIN.password,
    ...env.users,
  });
  const users = await serveInProcess(services.users, userConfig);
  // Its port is chosen first so that PUBLIC_URL (the origin of photo URLs) is its real address.
  const inventoryPort = await freePort();
  const inventoryConfig = await services.inventory.configure({
    ...common,
    DATABASE_URL: inventoryDb.url,
    USER_API_URL: users.url,
    PUBLIC_URL: `http://127.0.0.1:${inventoryPort}`,
    ...env.inventory,
  });
  const inventory = await serveInProcess(services.inventory, inventoryConfig, inventoryPort);
  const notifying = services.notifications
    ? await startNotifications(services.notifications, name, { ...common, USER_API_URL: users.url }, env)
    : undefined;

  const client = connectTo({
    userApiUrl: users.url,
    inventoryApiUrl: inventory.url,
    notificationApiUrl: notifying?.service.url,
  });
  let counter = 0;
  return {
    users,
    inventory,
    notifications: notifying?.service,
    mailDir: notifying?.mailDir,
    namespace,
    client,
    signUp(displayName) {
      counter += 1;
      return signUp(client, {
        email: `${name}-${counter}-${randomUUID().slice(0, 6)}@example.com`,
        name: displayName ?? `Neighbour ${counter}`,
        password: NEIGHBOUR_PASSWORD,
      });
    },
    admin: () => signIn(client, STACK_ADMIN),
    async close() {
      await notifying?.service.stop().catch(() => undefined);
      await inventory.stop().catch(() => undefined);
      await users.stop().catch(() => undefined);
      await Promise.all([userDb.drop(), inventoryDb.drop(), notifying?.close()]);
    },
  };
}

/**
 * The Notification API on its own fresh database, on the stack's Redis namespace (so it reads the
 * other APIs' events), writing emails to a fresh folder unless the test gives it an SMTP_URL.
 */
async function startNotifications(
  descriptor: ServiceDescriptor<unknown, InProcessApi>,
  name: string,
  common: Record<string, string>,
  env: StackEnv,
) {
  const [database, dataDir] = await Promise.all([
    createTestDatabase({ name: `stack_notifications_${name}`, prismaDir: descriptor.prismaDir }),
    mkdtemp(join(tmpdir(), "sharehood-notifications-")),
  ]);
  const config = await descriptor.configure({
    ...common,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    ...env.notifications,
  });
  const service = await serveInProcess(descriptor, config);
  return {
    service,
    mailDir: join(dataDir, "mail"),
    async close() {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
