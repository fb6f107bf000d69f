import type { DomainEvent } from "@sharehood/sdk/contract";
import type { Tx } from "../../db.ts";
import type { WebhookQueue } from "../webhooks/delivery-queue.ts";
import { webhooksRepository } from "../webhooks/webhooks.repository.ts";
import { feedRepository } from "./feed.repository.ts";
import { isPublicEvent, toWebhookEvent } from "./to-webhook-event.ts";

/**
 * The feed and webhook step of an event's handling, in its transaction: a public event is added to
 * the feed of each person it concerns (its audience, but someone it made this service forget), and a
 * delivery with its job is recorded for each of their endpoints that takes its type. Answers how many
 * deliveries were recorded (the caller wakes the senders after the commit).
 */
export function createEventRecorder(queue: WebhookQueue) {
  return async function recordEvent(tx: Tx, event: DomainEvent, forgotten?: string): Promise<number> {
    if (!isPublicEvent(event)) return 0;
    const people = event.audience.filter((userId) => userId !== forgotten);
    const entries = await feedRepository.add(tx, toWebhookEvent(event), people);
    const deliveries = await webhooksRepository.addDeliveries(tx, event, entries);
    for (const delivery of deliveries)
      await queue.wake(tx, delivery.webhookId, { key: `${delivery.webhookId}:${delivery.eventId}:0` });
    return deliveries.length;
  };
}

export type RecordEvent = ReturnType<typeof createEventRecorder>;
