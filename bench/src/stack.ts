import pg from "pg";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import {
  inDays,
  listItem,
  signUp,
  startProcessStack,
  startTestSmtpServer,
  type Neighbour,
} from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";

const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Production bundles of the three APIs on fresh databases and the real Redis, the Notification API
 * sending to an SMTP server in this process. The Inventory API runs in
 * several variants over the same database, each with one mechanism switched off, so a figure can be
 * compared with the same request minus that mechanism.
 */
export async function startBenchStack() {
  const smtp = await startTestSmtpServer();
  const stack = await startProcessStack(
    "bench",
    { users: userApiService, inventory: inventoryApiService, notifications: notificationApiService },
    {
      redisUrl: REDIS_URL,
      env: {
        // Request logs go to a pipe here; at warn the figures measure the service, not the pipe.
        common: { LOG_LEVEL: "warn" },
        users: { REGISTER_MAX_PER_IP: "1000000", LOGIN_MAX_FAILURES_PER_IP: "1000000" },
        // The stream scenario holds 2,000 streams of one person (the default allows 10 each); the
        // webhook scenario's receiver is on 127.0.0.1.
        notifications: {
          SMTP_URL: smtp.url,
          STREAMS_PER_PERSON: "5000",
          WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true",
        },
      },
    },
  );
  const { users, start } = stack;
  const inventoryEnv = stack.env.inventory;
  const variant = (env: Record<string, string>) =>
    start(inventoryApiService.name, { ...inventoryEnv, ...env }, inventoryApiService.bundle);
  const inventory = {
    main: stack.inventory,
    // Its own bundle (bench/src/variants/), built by run.ts; the database is already migrated.
    skipAuth: await start(
      inventoryApiService.name,
      { ...inventoryEnv, NODE_ENV: "test" },
      "bench/dist/inventory-skip-auth.js",
    ),
    noTokenCache: await variant({ TOKEN_CACHE_TTL_SECONDS: "0" }),
    noPublicCache: await variant({ PUBLIC_CACHE_TTL_SECONDS: "0" }),
  };
  const sql = new pg.Pool({ connectionString: stack.databases.inventory, max: 2 });
  return {
    users,
    inventory,
    /** Another Inventory API over the same database and Redis, with these variables changed. */
    inventoryVariant: variant,
    notifications: stack.notifications!,
    smtp,
    redisUrl: stack.redisUrl,
    namespace: stack.namespace,
    inventoryDatabaseUrl: stack.databases.inventory,
    /** The main Inventory API's environment, for another replica of it over the same database. */
    inventoryEnv,
    usersDatabaseUrl: stack.databases.users,
    client: stack.client,
    sql: <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
      sql.query<T>(text, params).then((r) => r.rows),
    /** Starts any process (the web app, say) that the stack stops at the end. */
    start,
    /** Starts a baseline server script (bench/src/baselines/*.mjs) as its own process. */
    baseline: (name: string, env: Record<string, string>) =>
      start(name, { ...env }, `bench/src/baselines/${name}.mjs`),
    async close() {
      await sql.end();
      // All at once: each drains for up to its grace period, and one by one they outlasted the
      // 30 s the runner waits, leaving the (large) bench databases behind.
      await stack.close("SIGTERM");
      await smtp.stop();
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

let people = 0;

/** Signs up a new person for a scenario (`scenario` and `role` make the email and name unique). */
export function benchPerson(stack: BenchStack, scenario: string, role: string): Promise<Neighbour> {
  people += 1;
  return signUp(stack.client, {
    email: `${scenario}-${role}-${people}-${Date.now().toString(36)}@example.com`,
    name: `Bench ${role} ${people}`,
  });
}

/**
 * 300 borrow requests for `owner`'s things, ready to send: 15 new borrowers each ask for 20 new
 * items of the owner's, on their own day from `firstDay` days ahead. `send` sends them 10 at a time
 * and answers how many were sent and how many refused; the items and borrowers are there for more.
 */
export async function prepareBorrowRequests(
  stack: BenchStack,
  owner: Neighbour,
  scenario: string,
  firstDay: number,
) {
  const items = await Promise.all(Array.from({ length: 20 }, () => listItem(owner.client)));
  const borrowers = await Promise.all(
    Array.from({ length: 15 }, () => benchPerson(stack, scenario, "borrower")),
  );
  const requests = borrowers.flatMap((borrower, b) =>
    items.map(
      (item) => () =>
        borrower.client.loans.request({
          params: { id: item.id },
          body: { startDate: inDays(firstDay + b), endDate: inDays(firstDay + 1 + b) },
        }),
    ),
  );
  async function send(): Promise<{ sent: number; refused: number }> {
    const queue = [...requests];
    let refused = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await next().catch(() => (refused += 1));
      }),
    );
    return { sent: requests.length, refused };
  }
  return { items, borrowers, send };
}
