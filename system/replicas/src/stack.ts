import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  connectTo,
  createTestDatabase,
  freePort,
  ServiceProcess,
  testNamespace,
  testRedisUrl,
} from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import pg from "pg";
import { startNginx, type Upstream } from "./nginx.ts";
import { WEB_ENTRY } from "./web.ts";

/** The four replicated services, as nginx names their upstreams. */
export const SERVICES = ["users", "inventory", "notifications", "web"] as const;
export type Service = (typeof SERVICES)[number];

/** `count` distinct free ports. */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** How long one process may take to be ready: nine start at once on two cores other work may share. */
const START_TIMEOUT_MS = 120_000;

/**
 * Sharehood replicated on this machine: nginx in front of two replicas of the User, Inventory
 * and Notification APIs (their production bundles) and of the web app (its production build), on
 * one fresh PostgreSQL database per service and one Redis namespace, as a Kubernetes Deployment
 * of two pods per service would run. The services reach each other through nginx, as through a
 * Kubernetes Service, so losing one replica of the User API costs the Inventory API nothing.
 * `env` adds settings per service (both replicas get the same).
 *
 * Start-up runs whatever is independent at once: the three databases; both replicas of a
 * service; the web app beside the APIs (it needs none of them to be ready); the Inventory and
 * Notification APIs once the User API is up.
 */
export async function startReplicatedStack(
  name: string,
  options: { env?: Partial<Record<Service | "common", Record<string, string>>> } = {},
) {
  const ports = await freePorts(12);
  const port = (service: Service, replica: 0 | 1 | 2) => ports[SERVICES.indexOf(service) * 3 + replica]!;
  const upstreams: Upstream[] = SERVICES.map((service) => ({
    name: service,
    port: port(service, 0),
    replicas: [port(service, 1), port(service, 2)],
    streamPaths:
      service === "notifications"
        ? ["/notifications/stream"]
        : service === "web"
          ? ["/api/notifications/stream"]
          : [],
  }));
  const base = `replicas_${name}`;
  const [nginx, usersDb, inventoryDb, notificationsDb, dataDir] = await Promise.all([
    startNginx(upstreams),
    createTestDatabase({ name: `${base}_users`, prismaDir: userApiService.prismaDir }),
    createTestDatabase({ name: `${base}_inventory`, prismaDir: inventoryApiService.prismaDir }),
    createTestDatabase({ name: `${base}_notifications`, prismaDir: notificationApiService.prismaDir }),
    mkdtemp(join(tmpdir(), `sharehood-${base}-`)),
  ]);
  const urls = {
    users: nginx.url("users"),
    inventory: nginx.url("inventory"),
    notifications: nginx.url("notifications"),
    web: nginx.url("web"),
  };
  const databases = { users: usersDb.url, inventory: inventoryDb.url, notifications: notificationsDb.url };
  const namespace = testNamespace(base);
  const serviceSecret = `${name}-service-secret-0123456789abcdef`;
  const common = {
    REDIS_URL: testRedisUrl(),
    REDIS_NAMESPACE: namespace,
    // A terminating replica keeps serving while nginx takes it out (Kubernetes: 5000).
    SHUTDOWN_DELAY_MS: "500",
    ...options.env?.common,
  };
  // The default (1.5 s) suits a real deployment; here nine processes and the load share two
  // cores with other work, and a validate-token call that waits its turn for a core is slow, not
  // lost: a 503 for it would fail a check for the machine's sake, not the code's.
  const userApiClient = { USER_API_URL: urls.users, USER_API_TIMEOUT_MS: "5000", PUBLIC_WEB_URL: urls.web };
  const env: Record<Service, Record<string, string>> = {
    users: {
      ...common,
      DATABASE_URL: databases.users,
      // The suite signs many people up from one address; the limits are tested elsewhere.
      REGISTER_MAX_PER_IP: "100000",
      SERVICE_SECRET: serviceSecret,
      ...options.env?.users,
    },
    inventory: { ...common, DATABASE_URL: databases.inventory, ...userApiClient, ...options.env?.inventory },
    notifications: {
      ...common,
      DATABASE_URL: databases.notifications,
      ...userApiClient,
      DATA_DIR: dataDir,
      // Production bundles refuse to start without one (unsubscribe links must outlive a process).
      NOTIFICATION_SIGNING_SECRET: `${namespace}-signing-secret-0123456789abcdef`,
      ...options.env?.notifications,
    },
    web: {
      REDIS_URL: common.REDIS_URL,
      REDIS_NAMESPACE: namespace,
      USER_API_URL: urls.users,
      INVENTORY_API_URL: urls.inventory,
      NOTIFICATION_API_URL: urls.notifications,
      AUTH_SECRET: `${name}-auth-secret-0123456789abcdef0123`,
      AUTH_URL: urls.web,
      SERVICE_SECRET: serviceSecret,
      ...options.env?.web,
    },
  };
  const entries: Record<Service, { name: string; entry: string; readyPath?: string }> = {
    users: { name: "user-api", entry: userApiService.bundle },
    inventory: { name: "inventory-api", entry: inventoryApiService.bundle },
    notifications: { name: "notification-api", entry: notificationApiService.bundle },
    web: { name: "web", entry: WEB_ENTRY, readyPath: "/robots.txt" },
  };
  const replicas = Object.fromEntries(
    SERVICES.map((service) => {
      const { name: process, entry, readyPath } = entries[service];
      const replica = (i: 1 | 2) =>
        new ServiceProcess(`${process}-${i}`, port(service, i), env[service], entry, readyPath);
      return [service, [replica(1), replica(2)]];
    }),
  ) as Record<Service, [ServiceProcess, ServiceProcess]>;
  const all = SERVICES.flatMap((service) => replicas[service]);

  const pools = new Map<string, pg.Pool>();
  const close = async (): Promise<void> => {
    await Promise.all([...pools.values()].map((pool) => pool.end()));
    await Promise.all(all.map((p) => p.stop("SIGKILL")));
    await nginx.stop();
    await Promise.all([usersDb.drop(), inventoryDb.drop(), notificationsDb.drop()]);
    await rm(dataDir, { recursive: true, force: true });
  };
  const start = (...processes: ServiceProcess[]) =>
    Promise.all(processes.map((p) => p.start(START_TIMEOUT_MS))).then(() => undefined);

  try {
    await Promise.all([
      start(...replicas.web),
      start(...replicas.users).then(() => start(...replicas.inventory, ...replicas.notifications)),
    ]);
  } catch (error) {
    await close();
    throw error;
  }

  /** Runs SQL against one service's database. */
  const queryIn = async <T extends pg.QueryResultRow>(
    database: "users" | "inventory" | "notifications",
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> => {
    let pool = pools.get(database);
    if (!pool) {
      pool = new pg.Pool({ connectionString: databases[database], max: 2 });
      pools.set(database, pool);
    }
    return (await pool.query<T>(sql, params)).rows;
  };

  /** Takes replicas out of nginx's rotation (none: every replica in). */
  const outOfRotation = (...processes: ServiceProcess[]) => nginx.setDown(processes.map((p) => p.port));

  return {
    nginx,
    urls,
    replicas,
    /** An SDK client through nginx, as clients reach a deployment. */
    client: connectTo({
      userApiUrl: urls.users,
      inventoryApiUrl: urls.inventory,
      notificationApiUrl: urls.notifications,
    }),
    /** An SDK client of replica `i` (0 or 1) of each API, bypassing nginx. */
    replicaClient: (i: 0 | 1) =>
      connectTo({
        userApiUrl: replicas.users[i].url,
        inventoryApiUrl: replicas.inventory[i].url,
        notificationApiUrl: replicas.notifications[i].url,
      }),
    queryIn,
    outOfRotation,
    /** Starts these (stopped) processes again, all at once; resolves once every one is ready. */
    start,
    /**
     * Restarts every replica as a rolling update of every Deployment at once does (one pod of
     * each at a time): replica 1 of every service out of nginx's rotation, SIGTERM, exit,
     * start, ready, back in rotation; then replica 2 the same way.
     */
    async rollingRestart(): Promise<void> {
      for (const i of [0, 1] as const) {
        const round = SERVICES.map((service) => replicas[service][i]);
        await outOfRotation(...round);
        await Promise.all(round.map((p) => p.stop("SIGTERM")));
        await start(...round);
        await outOfRotation();
      }
    },
    close,
  };
}

export type ReplicatedStack = Awaited<ReturnType<typeof startReplicatedStack>>;
