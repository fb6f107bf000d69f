import { DomainEventSchema } from "@sharehood/sdk/contract";
import type { Counter } from "prom-client";
import type { Logger } from "../logger.ts";
import { withSpanFromTraceparent } from "../telemetry/context.ts";
import type { EventHandler } from "./bus.ts";

/**
 * Parses a delivered event and hands it to the handler. An event that does not parse can never
 * succeed, so it is logged and reported as handled (acknowledged) rather than retried forever.
 * A handler's failure propagates: the transport delivers the event again later.
 */
export async function deliver(
  raw: unknown,
  handler: EventHandler,
  context: {
    group: string;
    logger: Logger;
    handled: Counter<"group" | "outcome">;
    /** `redis` (the stream) or `push` (HTTP), for the consumer span. */
    transport: "redis" | "push";
  },
): Promise<void> {
  const parsed = DomainEventSchema.safeParse(raw);
  if (!parsed.success) {
    context.logger.error(
      { group: context.group, raw, issues: parsed.error.issues.slice(0, 5) },
      "dropping an event that does not match the contract",
    );
    context.handled.inc({ group: context.group, outcome: "invalid" });
    return;
  }
  const event = parsed.data;
  try {
    // A child of the relay's publish span (itself the child of the request that wrote the event).
    await withSpanFromTraceparent(
      `process ${event.type}`,
      event.trace?.traceparent,
      {
        "messaging.system": context.transport,
        "messaging.operation.type": "process",
        "messaging.destination.name": "events",
        "messaging.consumer.group.name": context.group,
        "messaging.message.id": event.id,
      },
      () => handler(event),
    );
    context.handled.inc({ group: context.group, outcome: "ok" });
  } catch (error) {
    context.handled.inc({ group: context.group, outcome: "failed" });
    context.logger.warn(
      {
        group: context.group,
        eventId: parsed.data.id,
        type: parsed.data.type,
        err: (error as Error).message,
      },
      "event handler failed; it will be delivered again",
    );
    throw error;
  }
}

/** JSON.parse that answers undefined for text that is not JSON (it then fails the schema). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
