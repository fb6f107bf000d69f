import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { Logger } from "@sharehood/server-kit";
import type { Tx } from "../../db.ts";
import { ensureQueues, inJobSpan, inTransaction, jobIdOf, traceOfJob } from "../email/email-queue.ts";

/** The pg-boss queue of webhook deliveries: each job wakes the sender of one endpoint. */
export const WEBHOOK_QUEUE = "webhook-delivery";
/** The hourly upkeep (purging the feed, waking endpoints left behind), once per hour across replicas. */
export const WEBHOOK_UPKEEP_QUEUE = "webhook-upkeep";
const UPKEEP_CRON = "17 * * * *";

interface WakeJob {
  webhookId: string;
  /** The span that enqueued it (W3C traceparent), when traced. */
  traceparent?: string;
}

/**
 * Workers per replica, each taking up to BATCH_SIZE jobs at once and sending to their endpoints in
 * parallel (several jobs of one endpoint in a batch make one sender): a slow endpoint holds up only
 * the end of its own batch.
 */
const WORKERS = 4;
const BATCH_SIZE = 10;
/** A job still active after this long is taken to be lost with its worker and retried. */
const JOB_EXPIRY_SECONDS = 300;
/** Retries of a job whose sender failed (the database, not the endpoint: those are the schedule's). */
const JOB_RETRY = { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: JOB_EXPIRY_SECONDS };

/**
 * Durable webhook jobs on this service's database (pg-boss, in its `pgboss` schema, beside the email
 * jobs). A job names an endpoint; its sender sends whatever of that endpoint's deliveries is due, in
 * order (webhooks/deliver.ts). One job is enqueued per (endpoint, event) in the transaction that
 * handles the event, and one per retry, due at the retry's time: a delivery is never left without a
 * job to send it, across restarts and crashes (an expired job is retried). Job ids derive from the
 * delivery and attempt, so enqueueing one twice inserts one.
 */
export async function startWebhookQueue(options: {
  databaseUrl: string;
  pollSeconds: number;
  logger: Logger;
}) {
  const { logger } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    application_name: "notification-api-webhooks",
  });
  boss.on("error", (error) => logger.error({ err: error.message }, "webhook jobs: pg-boss error"));
  await boss.start();
  await ensureQueues(boss, [
    { name: WEBHOOK_QUEUE, ...JOB_RETRY },
    { name: WEBHOOK_UPKEEP_QUEUE, ...JOB_RETRY },
  ]);
  await boss.schedule(WEBHOOK_UPKEEP_QUEUE, UPKEEP_CRON, {}, { tz: "UTC" });
  const workers: string[] = [];
  let stopping = false;

  return {
    /**
     * Enqueues a wake-up of the endpoint's sender inside `tx` (exists if and only if it commits), at
     * `at` (now when absent). `key` names the job (the delivery and attempt it is for); without one,
     * a fresh job.
     */
    async wake(tx: Tx | undefined, webhookId: string, options: { key?: string; at?: Date } = {}) {
      await boss.send(WEBHOOK_QUEUE, { webhookId, ...traceOfJob() } satisfies WakeJob, {
        id: jobIdOf(options.key ? `webhook:${options.key}` : `webhook:${webhookId}:${randomUUID()}`),
        ...(options.at ? { startAfter: options.at } : {}),
        ...JOB_RETRY,
        ...(tx ? { db: inTransaction(tx) } : {}),
      });
    },

    /** Wakes this process's workers, so a delivery just enqueued goes now rather than at the next poll. */
    nudge(): void {
      for (const id of workers) boss.notifyWorker(id);
    },

    /**
     * Runs `send(webhookId)` once per endpoint named by a batch of jobs, on several workers. A send
     * that throws fails its endpoint's jobs alone (pg-boss retries them); the others complete.
     */
    async work(send: (webhookId: string) => Promise<void>, upkeep: () => Promise<void>): Promise<void> {
      for (let i = 0; i < WORKERS; i += 1)
        workers.push(
          await boss.work<WakeJob>(
            WEBHOOK_QUEUE,
            { batchSize: BATCH_SIZE, pollingIntervalSeconds: options.pollSeconds },
            async (jobs) => {
              const byEndpoint = new Map<string, typeof jobs>();
              for (const job of jobs)
                byEndpoint.set(job.data.webhookId, [...(byEndpoint.get(job.data.webhookId) ?? []), job]);
              await Promise.all(
                [...byEndpoint].map(async ([webhookId, same]) => {
                  try {
                    // In the trace of the first job's enqueuer (one send serves them all).
                    await inJobSpan(WEBHOOK_QUEUE, same[0]!, () => send(webhookId));
                  } catch (error) {
                    const message = (error as Error).message;
                    logger.warn({ webhookId, err: message }, "webhook sender failed; retrying later");
                    for (const job of same) await boss.fail(WEBHOOK_QUEUE, job.id, { message });
                  }
                }),
              );
            },
          ),
        );
      await boss.work(WEBHOOK_UPKEEP_QUEUE, { pollingIntervalSeconds: 30 }, () => upkeep());
    },

    /** True once stopping began: senders finish the delivery in hand and leave the rest to a job. */
    isStopping: () => stopping,

    /** Jobs not yet done (waiting, retrying or running). */
    backlog: () => boss.getQueueSize(WEBHOOK_QUEUE),

    /** Stops the workers after the deliveries in hand, then closes pg-boss's pool. */
    async stop(): Promise<void> {
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}

export type WebhookQueue = Awaited<ReturnType<typeof startWebhookQueue>>;
