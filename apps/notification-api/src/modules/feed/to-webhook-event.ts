import {
  PUBLIC_EVENT_TYPES,
  type DomainEvent,
  type PublicEventType,
  type WebhookEvent,
} from "@sharehood/sdk/contract";

const PUBLIC = new Set<string>(PUBLIC_EVENT_TYPES);

/** A public event: one people hear about, webhooks receive and the feed serves. */
export const isPublicEvent = (event: DomainEvent): event is Extract<DomainEvent, { type: PublicEventType }> =>
  PUBLIC.has(event.type);

/**
 * A public domain event as the feed serves it and a webhook receives it: its id, type and time, and
 * as `data` its subject, actor and payload. The envelope's audience, source and trace stay inside.
 */
export function toWebhookEvent(event: Extract<DomainEvent, { type: PublicEventType }>): WebhookEvent {
  return {
    id: event.id,
    type: event.type,
    timestamp: event.time,
    data: { subject: event.subject, actor: event.actor, ...event.payload },
  } as WebhookEvent;
}
