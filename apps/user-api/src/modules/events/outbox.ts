import { randomUUID } from "node:crypto";
import type { NewDomainEvent } from "@sharehood/sdk";
import type { Tx } from "../../db.ts";

/** The name this service's events carry as their `source`. */
export const EVENT_SOURCE = "user-api";

// TEMPORARY stand-in for server-kit's `writeEvents(tx, source, events)`, same shape, until it lands.
/** Appends events to the outbox inside the transaction of the change they describe. */
export async function appendEvents(tx: Tx, events: readonly NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const time = new Date().toISOString();
  await tx.outboxEvent.createMany({
    data: events.map((event) => {
      const id = randomUUID();
      return { id, type: event.type, body: { ...event, id, version: 1, time, source: EVENT_SOURCE } };
    }),
  });
}
