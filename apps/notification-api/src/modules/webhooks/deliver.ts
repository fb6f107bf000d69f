import type { LookupFunction } from "node:net";
import type { Logger } from "@sharehood/server-kit";
import type { Db, Tx } from "../../db.ts";
import type { EmailQueue } from "../email/email-queue.ts";
import type { EmailsRepository } from "../email/emails.repository.ts";
import { peopleRepository } from "../people/people.repository.ts";
import type { NotificationMetrics } from "../notifications/notification-metrics.ts";
import type { WebhookQueue } from "./delivery-queue.ts";
import { sendWebhook, type AttemptResult } from "./send-webhook.ts";
import { signWebhook, type SecretBox } from "./webhook-secrets.ts";
import {
  webhooksRepository as webhooks,
  type DueDelivery,
  type HeldEndpoint,
} from "./webhooks.repository.ts";

/** What the sender is told by configuration. */
export interface DeliverySettings {
  /** WEBHOOKS_TIMEOUT_SECONDS, in ms. */
  timeoutMs: number;
  /** WEBHOOKS_ALLOW_PRIVATE_TARGETS. */
  allowPrivate: boolean;
  /** WEBHOOKS_RETRY_SCHEDULE: the wait before each retry, in seconds. */
  retrySeconds: readonly number[];
  /** WEBHOOKS_DISABLE_AFTER_SECONDS, in ms. */
  disableAfterMs: number;
  /** Resolves names (tests put their own in); the system's DNS by default. */
  resolve?: LookupFunction;
}

/** Deliveries one job sends before it hands the endpoint to a fresh job (the other endpoints' turn). */
const MAX_PER_JOB = 100;
/** The database work around one send, on top of its timeout, while the sender holds the endpoint. */
const LEASE_MARGIN_MS = 30_000;
const TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

/**
 * The sender of one endpoint's deliveries, run by each webhook job. It takes the endpoint (a lease:
 * one sender at a time, so the endpoint gets its events one by one in the feed's order), then sends
 * its due deliveries earliest first, each signed afresh, recording each attempt; a failure is retried
 * on the schedule (its own job, due then) while later events go on. When every retry of a delivery has
 * failed and the endpoint has failed for WEBHOOKS_DISABLE_AFTER_SECONDS with no success, it is
 * disabled and its owner emailed. A job that finds the endpoint held ends: the holder looks again
 * for due deliveries after letting go.
 */
export function createWebhookSender(deps: {
  db: Db;
  box: SecretBox;
  queue: WebhookQueue;
  emails: EmailsRepository;
  emailQueue: EmailQueue;
  /** The domain of MAIL_FROM, for Message-IDs. */
  mailDomain: string;
  settings: DeliverySettings;
  metrics: Pick<NotificationMetrics, "webhookDeliveries" | "webhooksDisabled">;
  logger: Logger;
}) {
  const { db, settings, logger } = deps;
  const leaseMs = settings.timeoutMs + LEASE_MARGIN_MS;

  async function attempt(webhookId: string, endpoint: HeldEndpoint, secret: string, delivery: DueDelivery) {
    const body = JSON.stringify(delivery.body);
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await sendWebhook(
      endpoint.url,
      {
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(secret, delivery.eventId, timestamp, body),
      },
      body,
      { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate, resolve: settings.resolve },
    );
    const log = { webhookId, deliveryId: delivery.id, eventId: delivery.eventId, attempt: delivery.attempt };
    if (result.ok)
      logger.info({ ...log, status: result.status, latencyMs: result.latencyMs }, "webhook delivered");
    else logger.warn({ ...log, status: result.status, err: result.error }, "webhook attempt failed");
    await record(webhookId, delivery, result);
  }

  async function record(webhookId: string, delivery: DueDelivery, result: AttemptResult) {
    if (result.ok) {
      await webhooks.succeeded(db, webhookId, delivery.id, {
        status: result.status!,
        latencyMs: result.latencyMs,
      });
      deps.metrics.webhookDeliveries.inc({ outcome: "succeeded" });
      return;
    }
    const wait = settings.retrySeconds[delivery.attempt - 1];
    const retryAt = wait === undefined ? undefined : new Date(Date.now() + wait * 1000);
    const error = result.error ?? "failed";
    const disabled = await db.$transaction(async (tx) => {
      await webhooks.failed(tx, webhookId, delivery.id, { ...result, error }, retryAt);
      if (retryAt) {
        await deps.queue.wake(tx, webhookId, { key: `${delivery.id}:${delivery.attempt}`, at: retryAt });
        return undefined;
      }
      const reason =
        `Every delivery failed for ${describeDuration(settings.disableAfterMs)} or more (last: ${error})`.slice(
          0,
          500,
        );
      const off = await webhooks.disableIfFailingFor(tx, webhookId, settings.disableAfterMs, reason);
      if (off) await emailOwner(tx, webhookId, { ...off, reason });
      return off;
    }, TRANSACTION);
    deps.metrics.webhookDeliveries.inc({ outcome: "failed" });
    if (disabled) {
      deps.metrics.webhooksDisabled.inc();
      logger.warn(
        { webhookId },
        "webhook endpoint disabled after failing for too long; its owner is emailed",
      );
      deps.emailQueue.nudge();
    }
  }

  async function emailOwner(tx: Tx, webhookId: string, off: { userId: string; url: string; reason: string }) {
    const owner = (await peopleRepository.findMany(tx, [off.userId])).get(off.userId);
    if (!owner) {
      logger.warn({ webhookId, userId: off.userId }, "no address known for a disabled webhook's owner");
      return;
    }
    const keys = await deps.emails.insert(
      tx,
      [
        {
          key: `webhook-disabled:${webhookId}`,
          userId: owner.id,
          to: { name: owner.name, address: owner.email },
          content: { template: "webhook-disabled", name: owner.name, url: off.url, reason: off.reason },
        },
      ],
      deps.mailDomain,
    );
    await deps.emailQueue.enqueue(tx, keys);
  }

  /** Sends the endpoint's due deliveries; answers whether some are left for another job. */
  async function drain(webhookId: string): Promise<boolean> {
    const endpoint = await webhooks.take(db, webhookId, leaseMs);
    if (endpoint === "gone" || endpoint === "busy") return false;
    const secret = deps.box.open(endpoint.secret);
    let sent = 0;
    try {
      while (sent < MAX_PER_JOB && !deps.queue.isStopping()) {
        const delivery = await webhooks.next(db, webhookId, leaseMs);
        if (!delivery) break;
        await attempt(webhookId, endpoint, secret, delivery);
        sent += 1;
      }
    } finally {
      await webhooks.release(db, webhookId).catch(() => undefined);
    }
    // Jobs that came while this one held the endpoint ended at once: look again now it is free.
    return webhooks.hasDue(db, webhookId);
  }

  return {
    /** One webhook job: send what is due, and leave what is left (stopping, or a long backlog) to a new job. */
    async run(webhookId: string): Promise<void> {
      if (await drain(webhookId)) await deps.queue.wake(undefined, webhookId);
    },
  };
}

/** "1 day", "3 hours", "90 seconds". */
function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, "day");
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, "hour");
  return plural(seconds, "second");
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
