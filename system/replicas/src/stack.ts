import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { connectTo, freePort, startProcessStack, type ServiceProcess } from "@sharehood/test-stack";
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

/**
 * Sharehood replicated on this machine: nginx in front of two replicas of the User, Inventory
 * and Notification APIs (their production bundles) and of the web app (its production build), on
 * one fresh PostgreSQL database per service and one Redis namespace, as a Kubernetes Deployment
 * of two pods per service would run. The services reach each other through nginx, as through a
 * Kubernetes Service, so losing one replica of the User API costs the Inventory API nothing.
 * `env` adds settings per service (both replicas get the same).
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
  const nginx = await startNginx(upstreams);
  const urls = {
    users: nginx.url("users"),
    inventory: nginx.url("inventory"),
    notifications: nginx.url("notifications"),
    web: nginx.url("web"),
  };
  const serviceSecret = `${name}-service-secret-0123456789abcdef`;

  const stack = await startProcessStack(
    `replicas_${name}`,
    { users: userApiService, inventory: inventoryApiService, notifications: notificationApiService },
    {
      // Nine processes start on two cores, which other work may share.
      startTimeoutMs: 90_000,
      env: {
        common: {
          // A terminating replica keeps serving while nginx takes it out (Kubernetes: 5000).
          SHUTDOWN_DELAY_MS: "500",
          ...options.env?.common,
        },
        users: {
          PORT: String(port("users", 1)),
          // The suite signs many people up from one address; the limits are tested elsewhere.
          REGISTER_MAX_PER_IP: "100000",
          SERVICE_SECRET: serviceSecret,
          ...options.env?.users,
        },
        inventory: {
          PORT: String(port("inventory", 1)),
          USER_API_URL: urls.users,
          PUBLIC_WEB_URL: urls.web,
          ...options.env?.inventory,
        },
        notifications: {
          PORT: String(port("notifications", 1)),
          USER_API_URL: urls.users,
          PUBLIC_WEB_URL: urls.web,
          ...options.env?.notifications,
        },
      },
    },
  );
  const webEnv = {
    REDIS_URL: stack.redisUrl,
    REDIS_NAMESPACE: stack.namespace,
    USER_API_URL: urls.users,
    INVENTORY_API_URL: urls.inventory,
    NOTIFICATION_API_URL: urls.notifications,
    AUTH_SECRET: `${name}-auth-secret-0123456789abcdef0123`,
    AUTH_URL: urls.web,
    SERVICE_SECRET: serviceSecret,
    ...options.env?.web,
  };
  try {
    const second = await Promise.all([
      stack.start(
        "user-api-2",
        { ...stack.env.users, PORT: String(port("users", 2)) },
        userApiService.bundle,
      ),
      stack.start(
        "inventory-api-2",
        { ...stack.env.inventory, PORT: String(port("inventory", 2)) },
        inventoryApiService.bundle,
      ),
      stack.start(
        "notification-api-2",
        { ...stack.env.notifications!, PORT: String(port("notifications", 2)) },
        notificationApiService.bundle,
      ),
    ]);
    // One web replica at a time: each loads all of Next.js, which two cores feel.
    const web1 = await stack.start(
      "web-1",
      { ...webEnv, PORT: String(port("web", 1)) },
      WEB_ENTRY,
      "/robots.txt",
      90_000,
    );
    const web2 = await stack.start(
      "web-2",
      { ...webEnv, PORT: String(port("web", 2)) },
      WEB_ENTRY,
      "/robots.txt",
      90_000,
    );
    const replicas: Record<Service, [ServiceProcess, ServiceProcess]> = {
      users: [stack.users, second[0]],
      inventory: [stack.inventory, second[1]],
      notifications: [stack.notifications!, second[2]],
      web: [web1, web2],
    };

    const pools = new Map<string, pg.Pool>();
    /** Runs SQL against one service's database. */
    const queryIn = async <T extends pg.QueryResultRow>(
      database: "users" | "inventory" | "notifications",
      sql: string,
      params: unknown[] = [],
    ): Promise<T[]> => {
      let pool = pools.get(database);
      if (!pool) {
        pool = new pg.Pool({ connectionString: stack.databases[database]!, max: 2 });
        pools.set(database, pool);
      }
      return (await pool.query<T>(sql, params)).rows;
    };

    /** Takes replicas out of nginx's rotation (none: every replica in). */
    const outOfRotation = (...processes: ServiceProcess[]) => nginx.setDown(processes.map((p) => p.port));

    return {
      stack,
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
      /**
       * Restarts every replica, one at a time, as a Deployment's rolling update does: out of
       * nginx's rotation, SIGTERM, exit, start, ready, back in rotation, then the next.
       */
      async rollingRestart(): Promise<void> {
        for (const service of SERVICES) {
          for (const replica of replicas[service]) {
            await outOfRotation(replica);
            await replica.stop("SIGTERM");
            await replica.start(90_000);
            await outOfRotation();
          }
        }
      },
      async close(): Promise<void> {
        await Promise.all([...pools.values()].map((pool) => pool.end()));
        await stack.close("SIGKILL");
        await nginx.stop();
      },
    };
  } catch (error) {
    await stack.close("SIGKILL");
    await nginx.stop();
    throw error;
  }
}

export type ReplicatedStack = Awaited<ReturnType<typeof startReplicatedStack>>;
