import type { HttpMetrics } from "@sharehood/server-kit";

/**
 * The Notification API's business counters. Each replica counts what it did; Prometheus sums the
 * replicas (`sum by (...) (rate(...))`). Labels are closed sets (a type, a kind, an outcome).
 */
export function createNotificationMetrics(metrics: HttpMetrics) {
  return {
    /** In-app notifications created, by notification type, counted once their transaction committed. */
    created: metrics.counter(
      "notifications_created_total",
      "In-app notifications created, by notification type",
      ["type"],
    ),
    /** Email jobs run, by email kind and outcome: sent, skipped (switched off), retrying, given_up. */
    emails: metrics.counter(
      "emails_total",
      "Email jobs run, by kind and outcome (sent, skipped, retrying, given_up)",
      ["kind", "outcome"],
    ),
    /** Webhook delivery attempts, by outcome: succeeded (2xx) or failed (retried later). */
    webhookDeliveries: metrics.counter(
      "webhook_deliveries_total",
      "Webhook delivery attempts, by outcome (succeeded, failed)",
      ["outcome"],
    ),
    /** Webhook endpoints switched off after failing for WEBHOOKS_DISABLE_AFTER_SECONDS. */
    webhooksDisabled: metrics.counter(
      "webhook_endpoints_disabled_total",
      "Webhook endpoints disabled after failing for too long",
    ),
  };
}

export type NotificationMetrics = ReturnType<typeof createNotificationMetrics>;
