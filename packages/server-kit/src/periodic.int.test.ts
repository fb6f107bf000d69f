import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { Registry } from "prom-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pgDatabase } from "./events/test-prisma/pg-database.ts";
import { startPeriodic } from "./periodic.ts";
import { createTestDatabase } from "./testing/index.ts";

const logger = pino({ level: "silent" });
const prismaDir = fileURLToPath(new URL("./events/test-prisma", import.meta.url));

let database: { url: string; drop: () => Promise<void> };
let db: ReturnType<typeof pgDatabase>;

beforeAll(async () => {
  database = await createTestDatabase({ name: "server_kit_periodic", prismaDir });
  db = pgDatabase(database.url);
  // The table every service's migrations create (see any app's periodic_runs migration).
  await db.$executeRaw`
    CREATE TABLE periodic_runs (task text, period bigint, claimed_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (task, period))`;
});
afterAll(async () => {
  await db.end();
  await database.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("runs each period on one of two replicas sharing a database, not on both", async () => {
  const INTERVAL = 250;
  const ranOn: string[] = [];
  const registries = [new Registry(), new Registry()];
  const replicas = ["a", "b"].map((replica, i) =>
    startPeriodic({
      name: "sweep",
      intervalMs: INTERVAL,
      logger,
      db,
      registry: registries[i],
      task: async () => {
        ranOn.push(replica);
        await sleep(20);
      },
    }),
  );
  const firstPeriod = Math.floor(Date.now() / INTERVAL);
  await sleep(INTERVAL * 8);
  replicas.forEach((stop) => stop());
  const lastPeriod = Math.floor(Date.now() / INTERVAL);
  await sleep(100); // a run that had started finishes

  const claims = await db.$queryRaw<{ n: string }[]>`
    SELECT count(*) AS n FROM periodic_runs WHERE task = 'sweep'`;
  // Each replica ticks once a period: both together ran it once per period, and each period claimed.
  expect(ranOn.length).toBe(Number(claims[0]!.n));
  expect(ranOn.length).toBeGreaterThanOrEqual(lastPeriod - firstPeriod);
  expect(ranOn.length).toBeLessThanOrEqual(lastPeriod - firstPeriod + 1);
  const counted = await Promise.all(
    registries.map(async (r) => (await r.getSingleMetricAsString("periodic_task_runs_total")).split("\n")),
  );
  const total = counted
    .flat()
    .filter((line) => line.startsWith("periodic_task_runs_total{"))
    .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
  expect(total).toBe(ranOn.length);
});

it("lets the next period run when the replica holding this one's claim died mid-task", async () => {
  const INTERVAL = 300;
  // A replica claimed the current period, then died before doing anything.
  await db.$executeRaw`
    INSERT INTO periodic_runs (task, period) VALUES ('reminders', ${String(Math.floor(Date.now() / INTERVAL))}::bigint)`;
  let runs = 0;
  const stop = startPeriodic({
    name: "reminders",
    intervalMs: INTERVAL,
    logger,
    db,
    task: () => {
      runs += 1;
      return Promise.resolve();
    },
  });
  await sleep(INTERVAL * 2.5);
  stop();
  expect(runs).toBeGreaterThanOrEqual(1);
});
