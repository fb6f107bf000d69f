import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "@sharehood/server-kit";
import { createTestDatabase } from "@sharehood/server-kit/testing";
import { startEmailQueue } from "../src/modules/email/email-queue.ts";
import { startWebhookQueue } from "../src/modules/webhooks/delivery-queue.ts";
import { notificationApiService } from "../src/service.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase({ name: "job_queues", prismaDir: notificationApiService.prismaDir });
});
afterAll(() => database.drop());

const logger = createLogger("job-queues-test", "silent");

/** One replica's start-up of its job queues, in the order the service makes them. */
async function startQueues(databaseUrl: string) {
  const email = await startEmailQueue({
    databaseUrl,
    retryLimit: 3,
    retryDelaySeconds: 1,
    pollSeconds: 1,
    logger,
  });
  const webhooks = await startWebhookQueue({ databaseUrl, pollSeconds: 1, logger });
  return () => Promise.all([email.stop(), webhooks.stop()]);
}

it("starts replicas together on a database without job tables (pg-boss deadlocks creating them at once)", async () => {
  // Three fresh starts of three replicas: without the retry, about a third of such starts failed.
  for (let round = 0; round < 3; round += 1) {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
    await admin.end();
    const started = await Promise.allSettled([1, 2, 3].map(() => startQueues(database.url)));
    await Promise.all(started.flatMap((s) => (s.status === "fulfilled" ? [s.value()] : [])));
    expect(started.filter((s) => s.status === "rejected").map((s) => String(s.reason))).toEqual([]);
  }
});
