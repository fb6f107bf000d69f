import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { currentTraceparent, withSpanFromTraceparent, type Logger } from "@sharehood/server-kit";
import type { Tx } from "../../db.ts";

/** The pg-boss queue of emails to send; each job carries only the key of its `emails` row. */
export const EMAIL_QUEUE = "email";

interface EmailJob {
  key: string;
  /** The span that enqueued it (W3C traceparent), when traced: the send joins that trace. */
  traceparent?: string;
}

/** The enqueuing span, for a job's data (nothing when tracing is off). */
export function traceOfJob(): { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}

/** Runs a job's work in a span that is a child of the span that enqueued it. */
export function inJobSpan<T>(
  queue: string,
  job: { id: string; data: { traceparent?: string } },
  work: () => Promise<T>,
) {
  return withSpanFromTraceparent(
    `job ${queue}`,
    job.data.traceparent,
    { "messaging.system": "pg-boss", "messaging.destination.name": queue, "messaging.message.id": job.id },
    work,
  );
}

/** The pg-boss queue of delayed checks of a person's unread messages in one thread (messages/). */
export const MESSAGE_CHECK_QUEUE = "message-email-check";

/** Whose unread messages in which thread to check. */
export interface MessageCheck {
  userId: string;
  conversationId: string;
}

/** How many jobs one fetch takes; they are sent in parallel over the SMTP pool. */
const BATCH_SIZE = 10;
/** An active job not finished in this long is taken to be lost with its worker and retried. */
const JOB_EXPIRY_SECONDS = 600;

/**
 * A job id derived from the email's key: enqueueing the same email twice inserts one job (pg-boss
 * ignores a second insert with the same id), whatever the retries around it.
 */
export function jobIdOf(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  // Shaped as a version-4 UUID, the column's type; uniqueness comes from the hash.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** pg-boss's way of running its SQL inside someone else's transaction: here, Prisma's. */
export const inTransaction = (tx: Tx): PgBoss.Db => ({
  executeSql: async (text, values: unknown[]) => ({
    rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
  }),
});

/**
 * Creates (or brings up to date) pg-boss queues. pg-boss 10 creates a queue's partition without a
 * lock, so replicas starting together can deadlock on its tables; PostgreSQL aborts one of them, and
 * that one tries again, finding the queues the other made.
 */
export async function ensureQueues(boss: PgBoss, queues: readonly PgBoss.Queue[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      for (const queue of queues) {
        await boss.createQueue(queue.name, queue);
        await boss.updateQueue(queue.name, queue);
      }
      return;
    } catch (error) {
      const deadlocked = (error as { code?: unknown }).code === "40P01";
      if (!deadlocked || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** One email to handle: `isLastAttempt` when a failure now gives it up for good. */
export type SendJob = (key: string, attempt: { isLastAttempt: boolean }) => Promise<void>;

/**
 * Durable email jobs on this service's own database (pg-boss, in its `pgboss` schema): enqueued in
 * the transaction that decides the email, so an email exists exactly when its notification does;
 * retried with exponential back-off while SMTP is down; fetched with SKIP LOCKED, so each job runs
 * on one replica at a time.
 */
export async function startEmailQueue(options: {
  databaseUrl: string;
  retryLimit: number;
  retryDelaySeconds: number;
  pollSeconds: number;
  logger: Logger;
}) {
  const { logger } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    application_name: "notification-api-jobs",
    // Reminders are the Inventory API's; nothing here runs on a cron.
    schedule: false,
  });
  boss.on("error", (error) => logger.error({ err: error.message }, "email jobs: pg-boss error"));
  await boss.start();
  const retry = {
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: JOB_EXPIRY_SECONDS,
  };
  await ensureQueues(boss, [
    { name: EMAIL_QUEUE, ...retry },
    { name: MESSAGE_CHECK_QUEUE, ...retry },
  ]);
  const workers: string[] = [];

  return {
    /** Enqueues the emails with these keys inside `tx`: they exist if and only if it commits. */
    async enqueue(tx: Tx, keys: readonly string[]): Promise<void> {
      for (const key of keys)
        await boss.send(EMAIL_QUEUE, { key, ...traceOfJob() } satisfies EmailJob, {
          id: jobIdOf(key),
          ...retry,
          db: inTransaction(tx),
        });
    },

    /**
     * Schedules a check of a person's unread messages in a thread at `at`, inside `tx`. The job id
     * comes from the check and its time, so scheduling the same check again inserts nothing.
     */
    async scheduleCheck(tx: Tx, check: MessageCheck, at: Date): Promise<void> {
      const data: MessageCheck = { userId: check.userId, conversationId: check.conversationId };
      await boss.send(MESSAGE_CHECK_QUEUE, data, {
        id: jobIdOf(`message-check:${check.userId}:${check.conversationId}:${at.toISOString()}`),
        startAfter: at,
        ...retry,
        db: inTransaction(tx),
      });
    },

    /** Runs `run` for each due check; one that throws is retried with back-off, as emails are. */
    async workChecks(run: (check: MessageCheck) => Promise<void>): Promise<void> {
      await boss.work<MessageCheck>(
        MESSAGE_CHECK_QUEUE,
        { batchSize: BATCH_SIZE, pollingIntervalSeconds: options.pollSeconds, includeMetadata: true },
        async (jobs) => {
          await Promise.all(
            jobs.map((job) =>
              run(job.data).catch((error: unknown) => {
                logger.warn({ err: (error as Error).message }, "message email check failed; retrying later");
                return boss.fail(MESSAGE_CHECK_QUEUE, job.id, { message: (error as Error).message });
              }),
            ),
          );
        },
      );
    },

    /** Wakes this process's workers, so an email just enqueued goes now rather than at the next poll. */
    nudge(): void {
      for (const id of workers) boss.notifyWorker(id);
    },

    /**
     * Runs `send` for each job. A job whose send throws is failed alone (retried later with
     * back-off, or given up after the last attempt); the others of its batch complete.
     */
    async work(send: SendJob): Promise<void> {
      const id = await boss.work<EmailJob>(
        EMAIL_QUEUE,
        { batchSize: BATCH_SIZE, pollingIntervalSeconds: options.pollSeconds, includeMetadata: true },
        async (jobs) => {
          await Promise.all(
            jobs.map(async (job) => {
              try {
                await inJobSpan(EMAIL_QUEUE, job, () =>
                  send(job.data.key, { isLastAttempt: job.retryCount >= job.retryLimit }),
                );
              } catch (error) {
                await boss.fail(EMAIL_QUEUE, job.id, { message: (error as Error).message });
              }
            }),
          );
        },
      );
      workers.push(id);
    },

    /** Jobs not yet done (waiting, retrying or running): for tests and readiness of the backlog. */
    backlog: () => boss.getQueueSize(EMAIL_QUEUE),

    /** Stops the workers after the jobs in hand, then closes pg-boss's pool. */
    async stop(): Promise<void> {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export type EmailQueue = Awaited<ReturnType<typeof startEmailQueue>>;
