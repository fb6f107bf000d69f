"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { WebhookDelivery } from "@sharehood/sdk/contract";
import { Badge, type BadgeTone } from "@sharehood/ui/badge";
import { Button } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { redeliverWebhookAction } from "@/features/api-access/webhook-actions";
import { deliveryStatusText, eventTypeText, responseText } from "@/features/api-access/webhook-text";
import { formatTimestamp } from "@/features/items/dates";

const STATUS_TONE: Record<WebhookDelivery["status"], BadgeTone> = {
  succeeded: "brand",
  failed: "red",
  pending: "amber",
};

// A delivery about to be tried (or tried again): the log reads itself again until it settles.
// Later retries (back-off runs to hours) are left for the "Refresh" button.
const SOON_MS = 15_000;
const REFRESH_EVERY_MS = 2_000;

function dueSoon(delivery: WebhookDelivery, now: number): boolean {
  if (delivery.status !== "pending") return false;
  return delivery.nextAttemptAt === null || Date.parse(delivery.nextAttemptAt) <= now + SOON_MS;
}

/**
 * One endpoint's deliveries, newest first: when, which event, which attempt, how it went (the
 * answer's status and time, or the error), and "Redeliver". While one is due in a moment the
 * log reads itself again every 2 s; outcomes are announced politely.
 */
export function DeliveryLog({ webhookId, deliveries }: { webhookId: string; deliveries: WebhookDelivery[] }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [, startRedeliver] = useTransition();

  // Each refresh brings new `deliveries`, which sets the next timer while one is still settling.
  useEffect(() => {
    if (!deliveries.some((delivery) => dueSoon(delivery, Date.now()))) return;
    const timer = setTimeout(() => router.refresh(), REFRESH_EVERY_MS);
    return () => clearTimeout(timer);
  }, [deliveries, router]);

  function redeliver(delivery: WebhookDelivery) {
    setProblem(null);
    setPendingId(delivery.id);
    startRedeliver(async () => {
      const result = await redeliverWebhookAction(webhookId, delivery.id);
      setPendingId(null);
      if (!result.ok) return setProblem(result.message);
      setNotice(`${delivery.eventType} is being sent again.`);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm text-stone-800">
          {notice}
        </p>
        <Button
          variant="secondary"
          size="sm"
          pending={refreshing}
          onClick={() => startRefresh(() => router.refresh())}
        >
          Refresh
        </Button>
      </div>
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">
          When one of the events it receives happens, its delivery shows here.
        </EmptyState>
      ) : (
        <ol aria-label="Deliveries, newest first" className="flex flex-col gap-3">
          {deliveries.map((delivery) => {
            const answer = responseText(delivery);
            return (
              <li
                key={delivery.id}
                className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold text-stone-900">
                    <code className="font-mono text-sm">{delivery.eventType}</code>
                    <span className="block text-sm font-normal text-stone-700">
                      {eventTypeText(delivery.eventType)}
                    </span>
                  </p>
                  <Badge tone={STATUS_TONE[delivery.status]}>{deliveryStatusText(delivery)}</Badge>
                </div>
                <dl className="grid gap-x-4 gap-y-1 text-sm text-stone-700 sm:grid-cols-[auto_1fr]">
                  <dt className="font-medium text-stone-900">Time</dt>
                  <dd>
                    <time dateTime={delivery.createdAt}>{formatTimestamp(delivery.createdAt)}</time>
                  </dd>
                  <dt className="font-medium text-stone-900">Attempt</dt>
                  <dd>{delivery.attempt === 0 ? "Not tried yet" : delivery.attempt}</dd>
                  {answer && (
                    <>
                      <dt className="font-medium text-stone-900">Response</dt>
                      <dd>{answer}</dd>
                    </>
                  )}
                  {delivery.error && (
                    <>
                      <dt className="font-medium text-stone-900">Error</dt>
                      <dd className="break-all text-red-800">{delivery.error}</dd>
                    </>
                  )}
                  <dt className="font-medium text-stone-900">Event id</dt>
                  <dd className="font-mono text-xs break-all">{delivery.eventId}</dd>
                </dl>
                <div>
                  <Button
                    variant="secondary"
                    size="sm"
                    pending={pendingId === delivery.id}
                    onClick={() => redeliver(delivery)}
                    aria-label={`Redeliver ${delivery.eventType} of ${formatTimestamp(delivery.createdAt)}`}
                  >
                    Redeliver
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
